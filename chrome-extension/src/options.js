// The options page: pair with a hub by the device flow, and say what the hub must allow.
import { connect } from './lib/hub-link.js';
import { hostPermission, hubOrigin } from './lib/hub-address.js';
import { PairingFailed, startPairing, waitForApproval } from './lib/pairing.js';
import { explain, extensionOrigin } from './lib/problems.js';
import { NOTIFICATIONS, tell } from './lib/notify.js';
import { forget, loadAll, protectStorage, save } from './lib/storage.js';

const $ = (id) => document.getElementById(id);
let pairing = null;

function status(text, tone = '') {
  $('status').textContent = text;
  $('status').className = `status ${tone}`;
}

async function show() {
  const { hub, token, device, notify } = await loadAll();
  $('notify').checked = Boolean(notify) && await chrome.permissions.contains(NOTIFICATIONS);
  $('allow').textContent = `http.allowedOrigins: ${extensionOrigin()}\n\nor: roadie serve --set http.allowedOrigins=${extensionOrigin()}`;
  $('hub').value = hub ?? '';
  $('paired').hidden = !token;
  $('unpaired').hidden = Boolean(token);
  if (token) {
    $('paired-hub').textContent = hub;
    $('paired-name').textContent = device?.name ?? 'this browser';
    $('paired-scope').textContent = device?.scope ? `It may: ${device.scope}` : '';
  }
}

async function pair() {
  pairing?.abort();
  pairing = new AbortController();
  const { signal } = pairing;
  let hub;
  try {
    hub = hubOrigin($('hub').value);
  } catch (error) {
    status(error.message, 'bad');
    return;
  }
  // Asked while the click's user gesture lasts: Chrome refuses the request later.
  const granted = await chrome.permissions.request({ origins: [hostPermission(hub)] });
  if (!granted) {
    status(`Chrome did not give access to ${hub}: the extension cannot reach the hub without it. Pair again and allow it.`, 'bad');
    return;
  }
  $('pair').disabled = true;
  status('');
  try {
    const name = `Chrome on ${navigator.userAgentData?.platform || navigator.platform || 'this computer'}`;
    const start = await startPairing(hub, { name, platform: navigator.userAgent.slice(0, 64) });
    $('user-code').textContent = start.user_code;
    $('verify').href = start.verification_uri_complete ?? start.verification_uri;
    $('approve-command').textContent = `roadie pair approve ${start.user_code}`;
    $('code-box').hidden = false;
    const answer = await waitForApproval(hub, start, { signal });
    await protectStorage();
    await save({ hub, token: answer.access_token, device: { name: answer.name, tokenId: answer.token_id, scope: answer.scope } });
    $('code-box').hidden = true;
    await show();
    await check();
  } catch (error) {
    if (signal.aborted) return;
    status(error instanceof PairingFailed ? error.message : `Pairing failed: ${error.message}`, 'bad');
    $('code-box').hidden = true;
  } finally {
    $('pair').disabled = false;
  }
}

async function check() {
  const settings = await loadAll();
  status('Connecting to the hub…', 'wait');
  try {
    const client = await connect(settings);
    client.close();
    status(`Connected: this browser can send to the bots of ${settings.hub}.`, 'good');
  } catch (error) {
    status(explain(error, settings.hub), 'bad');
  }
}

async function unpair() {
  const { hub } = await loadAll();
  await forget('token', 'device', 'target');
  if (hub) {
    await chrome.permissions.remove({ origins: [hostPermission(hub)] });
  }
  status('This browser forgot the hub. Revoke its token on the hub\'s Devices page too.', '');
  await show();
}

/**
 * The notifications switch: on asks Chrome for the optional permission (while the click's user
 * gesture lasts), off gives it back, so the extension holds it only while it is used.
 */
async function switchNotifications() {
  const on = $('notify').checked;
  const said = $('notify-status');
  said.hidden = true;
  if (on) {
    const granted = await chrome.permissions.request(NOTIFICATIONS);
    if (!granted) {
      $('notify').checked = false;
      said.textContent = 'Chrome did not allow notifications, so none will be shown; the badge still says how each send went.';
      said.className = 'small bad';
      said.hidden = false;
      return;
    }
    await save({ notify: true });
    await tell('sent', 'Notifications are on: one like this follows each send.');
  } else {
    await save({ notify: false });
    await chrome.permissions.remove(NOTIFICATIONS);
  }
}

$('pair').addEventListener('click', pair);
$('notify').addEventListener('change', () => {
  switchNotifications().catch((error) => status(`Could not change notifications: ${error.message}`, 'bad'));
});
$('hub').addEventListener('keydown', (event) => {
  if (event.key === 'Enter') pair();
});
$('check').addEventListener('click', check);
$('unpair').addEventListener('click', unpair);
show();
