// One short-lived connection to the hub through the one JavaScript client (client-js, copied
// into lib/client/ by the build). The popup and the outbox each open one when they need it
// and close it when done: an open socket would keep the service worker awake for nothing.
import { RoadieClient } from './client/roadie-client.js';
import { socketUrl } from './hub-address.js';
import { Problem } from './problems.js';

/** A person waits at the popup: a hub that has not welcomed us by then counts as unreachable. */
export const CONNECT_WAIT_MS = 6_000;

/**
 * Connects with the paired token. Resolves with a connected RoadieClient (close it when done);
 * rejects with a Problem: 'unreachable', 'origin-refused', or the client's own RoadieError
 * for a refused token ('unauthorized').
 */
export function connect({ hub, token }) {
  const client = new RoadieClient({
    url: socketUrl(hub),
    token,
    // The first failed attempt already decides (see below); retries are the outbox's business.
    backoff: { initialMs: 1_000, maxMs: 5_000 },
    logger: { debug() {}, info() {}, warn: console.warn, error: console.warn },
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.removeEventListener('state', onState);
      if (error) {
        client.close();
        reject(error);
      } else {
        resolve(client);
      }
    };
    const fail = (reason) => diagnose(hub, reason).then(finish, finish);
    const onState = (event) => {
      if (event.detail.state === 'reconnecting') fail(event.detail.reason);
    };
    const timer = setTimeout(() => fail(`no answer within ${CONNECT_WAIT_MS / 1000} s`), CONNECT_WAIT_MS);
    client.addEventListener('state', onState);
    client.connect().then(() => finish(null), finish);
  });
}

/**
 * The socket failed: a browser does not say why. A hub that answers its health check over
 * HTTP is up, so it refused the socket, and the usual reason is the extension's origin
 * missing from http.allowedOrigins.
 */
async function diagnose(hub, reason) {
  try {
    const health = await fetch(`${hub}/api/health`, { signal: AbortSignal.timeout(3_000) });
    if (health.ok) {
      return new Problem('origin-refused', `the hub answers but refused the socket (${reason})`);
    }
    return new Problem('unreachable', `the hub answered its health check with HTTP ${health.status}`);
  } catch (error) {
    return new Problem('unreachable', `${reason}; ${error.message}`);
  }
}

/** The music bots in the registry that are up, with the guilds each names: [{name, guilds}]. */
export async function musicBots(client) {
  const entries = [];
  const stop = await client.subscribe('registry', (message) => {
    if (message.subject === 'registry.snapshot') entries.push(...(message.body.entries ?? []));
  });
  // The hub sends the whole snapshot before it confirms the subscription.
  await stop();
  return entries
    .filter((entry) => entry.service.kind === 'music-bot' && (entry.state ?? 'up') === 'up')
    .map((entry) => ({
      name: entry.service.name,
      guilds: (entry.service.labels?.guilds ?? '').split(',').map((g) => g.trim()).filter(Boolean),
    }));
}
