// What the extension keeps, all in chrome.storage.local (it survives browser restarts and the
// service worker's sleep; its memory does not):
//   hub     the hub's address, 'http://host:7070'
//   token   the paired token, 'rd_...'
//   device  what pairing answered: {name, tokenId, scope}
//   target  the bot and guild sends go to: {bot, guild}
//   outbox  sends waiting for the hub (outbox.js)
//   notify  whether to show a notification after each send (notify.js)

/**
 * Only the extension's own pages and service worker may read storage: by default a content
 * script injected into a web page could read the token too.
 */
export async function protectStorage() {
  await chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}

/** Everything kept, as one object; absent keys are undefined. */
export async function loadAll() {
  return chrome.storage.local.get(['hub', 'token', 'device', 'target', 'outbox', 'notify']);
}

export async function save(values) {
  await chrome.storage.local.set(values);
}

export async function forget(...keys) {
  await chrome.storage.local.remove(keys);
}
