// The service worker: retries the outbox when its alarm rings. Listeners are registered at the
// top level, so that Chrome finds them when it wakes the worker for an event.
import { showMark, showWaiting } from './lib/badge.js';
import { tell } from './lib/notify.js';
import { RETRY_ALARM, flush, pending } from './lib/outbox.js';
import { MENU_PREFIX, OMNIBOX_HELP, menuEntries, omniboxQuery } from './lib/menu.js';
import { chosenTrack, suggestionsFor } from './lib/omnibox.js';
import { sendFromMenu, sendQuery, sendTrack } from './lib/quick-send.js';
import { protectStorage } from './lib/storage.js';

protectStorage().catch((error) => console.error('could not keep storage from page scripts', error));

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.removeAll(() => {
    menuEntries().forEach((entry) => chrome.contextMenus.create(entry));
  });
});

chrome.contextMenus.onClicked.addListener((info) => {
  if (String(info.menuItemId).startsWith(MENU_PREFIX)) {
    sendFromMenu(info).catch((error) => console.error('the menu\'s send failed', error));
  }
});

chrome.omnibox.setDefaultSuggestion({ description: OMNIBOX_HELP });
chrome.omnibox.onInputChanged.addListener((text, suggest) => {
  suggestionsFor(text).then((found) => {
    if (found) suggest(found);
  }, (error) => console.warn('no suggestions from the hub', error));
});
chrome.omnibox.onInputEntered.addListener((text) => {
  enterOmnibox(text).catch((error) => console.error('the omnibox\'s send failed', error));
});

/** A chosen suggestion queues its track; typed words are searched by the bot. */
function enterOmnibox(text) {
  const typed = omniboxQuery(text);
  if (!typed) return Promise.resolve('nothing-typed');
  const track = chosenTrack(text);
  return track ? sendTrack(track, typed.position) : sendQuery(typed.query, typed.position);
}

// A native context menu and the omnibox cannot be used from a test: the browser test calls these instead.
globalThis.roadieMenuClicked = sendFromMenu;
globalThis.roadieOmniboxChanged = suggestionsFor;
globalThis.roadieOmniboxEntered = enterOmnibox;

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) {
    retry().catch((error) => console.error('the outbox could not be sent', error));
  }
});

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  // Only the extension's own pages talk to the worker; web pages cannot reach onMessage.
  if (message?.type === 'flush-outbox') {
    retry().then(reply, (error) => reply({ error: error.message }));
    return true; // the reply comes later
  }
  return false;
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.outbox) {
    showWaiting(changes.outbox.newValue?.length ?? 0).catch((error) => console.error('badge', error));
  }
});

/** One flush at a time: an alarm and a popup's "retry now" must not send the same thing twice. */
let running = null;
function retry() {
  running ??= flush()
    .then(async (result) => {
      const left = (await pending()).length;
      if (left === 0 && (result.sent.length > 0 || result.failed.length > 0)) {
        await showMark(result.failed.length === 0);
      } else {
        await showWaiting(left);
      }
      await tellFlushed(result);
      return result;
    })
    .finally(() => {
      running = null;
    });
  return running;
}

/** What went out of the outbox once the hub was back, and what was dropped, in a notification. */
async function tellFlushed({ sent, failed }) {
  if (sent.length > 0) {
    const names = sent.map((send) => `"${send.label}"`);
    await tell('sent', sent.length === 1 ? `${names[0]} went out now that the hub is back.`
      : `${sent.length} waiting sends went out now that the hub is back: ${names.join(', ')}.`);
  }
  for (const { send, problem } of failed) {
    await tell('failed', `"${send.label}" was dropped: ${problem}`);
  }
}
