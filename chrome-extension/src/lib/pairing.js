// The device flow of docs/PAIRING.md: ask the hub for a code, show it, poll until the owner
// approves. These calls carry no token (the extension has none yet), so they go over REST; the
// host permission asked for at pairing lets the extension make them across origins.

/** RFC 8628: a device told to slow down adds 5 s to its interval. */
const SLOW_DOWN_MS = 5_000;

/** A pairing that ended without a token; the message says what to do. */
export class PairingFailed extends Error {}

/** POST /api/pair/start: resolves with {device_code, user_code, verification_uri, interval, ...}. */
export async function startPairing(hub, { name, platform }) {
  const answer = await post(hub, '/api/pair/start', { kind: 'extension', name, platform });
  if (answer.status === 429) {
    throw new PairingFailed('The hub is refusing pairing requests from here for a while (too many). Wait a minute and try again.');
  }
  if (!answer.ok) {
    throw new PairingFailed(`The hub refused to start pairing: ${answer.body.message ?? answer.status}`);
  }
  return answer.body;
}

/**
 * Polls POST /api/pair/token until the owner decides. Resolves with the token answer
 * ({access_token, name, scope, token_id}); rejects with PairingFailed when denied or expired.
 * `signal` stops the polling (the person started again, or left the page).
 */
export async function waitForApproval(hub, start, { signal, wait = delay } = {}) {
  let intervalMs = (start.interval ?? 5) * 1000;
  for (;;) {
    await wait(intervalMs, signal);
    const answer = await post(hub, '/api/pair/token', {
      device_code: start.device_code,
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    });
    if (answer.ok) {
      return answer.body;
    }
    switch (answer.body.error ?? answer.body.code) {
      case 'authorization_pending':
        break;
      case 'slow_down':
        intervalMs += SLOW_DOWN_MS;
        break;
      case 'rate-limited':
        intervalMs = Math.max(intervalMs, Number(answer.retryAfter ?? 60) * 1000);
        break;
      case 'access_denied':
        throw new PairingFailed('The hub\'s owner denied this browser. Ask them, then pair again.');
      case 'expired_token':
        throw new PairingFailed(`The code ${start.user_code} expired before it was approved. Pair again for a new one.`);
      default:
        throw new PairingFailed(`Pairing failed: ${answer.body.error_description ?? answer.body.message ?? answer.body.error}. Pair again.`);
    }
  }
}

async function post(hub, path, body) {
  let response;
  try {
    response = await fetch(hub + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new PairingFailed(`The hub at ${hub} cannot be reached (${error.message}). Is it running, and is the address right?`);
  }
  const text = await response.text();
  let parsed = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { message: text.slice(0, 200) };
  }
  return { ok: response.ok, status: response.status, body: parsed, retryAfter: response.headers.get('Retry-After') };
}

function delay(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
