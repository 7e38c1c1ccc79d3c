// Sends from the context menu and the omnibox: no popup to show a match in, so the bot is given the link or
// the selected words as a query and finds the track itself (a link through the hub's resolve,
// words through its search; PROTOCOL.md 12.1). The badge says how it went.
import { showMark } from './badge.js';
import { connect } from './hub-link.js';
import { MENU_PREFIX, menuQuery } from './menu.js';
import { keep } from './outbox.js';
import { botAddress, sendCommand } from './player.js';
import { worthRetrying } from './problems.js';
import { loadAll } from './storage.js';


/** A click on one of the menu's entries. */
export function sendFromMenu(info) {
  return sendQuery(menuQuery(info), info.menuItemId.slice(MENU_PREFIX.length));
}

/**
 * Sends a query to the last bot and server used in the popup, at a position. Resolves with
 * what happened: 'sent', 'kept' (in the outbox), or the reason nothing was sent.
 */
export async function sendQuery(query, position) {
  const settings = await loadAll();
  if (!settings.token || !settings.target?.guild || !query) {
    // Nothing to send to yet: the popup is where the bot and server are chosen.
    await showMark(false);
    await chrome.action.setTitle({ title: 'Pair in the options, then choose a bot and server in this popup once' });
    return 'not-set-up';
  }
  const send = {
    to: botAddress(settings.target.bot),
    body: { command: 'add', guild: settings.target.guild, query, position, requestedBy: 'Roadie for Chrome' },
    label: query,
  };
  let client;
  try {
    client = await connect(settings);
    const queue = await sendCommand(client, send);
    await showMark(true);
    const added = position === 'now' ? queue?.nowPlaying?.track : position === 'next' ? queue?.queue?.[0] : queue?.queue?.at(-1);
    await chrome.action.setTitle({ title: added ? `Sent "${added.title}" to server ${settings.target.guild}` : 'Sent' });
    return 'sent';
  } catch (error) {
    if (worthRetrying(error)) {
      await keep(send, error);
      return 'kept';
    }
    await showMark(false);
    await chrome.action.setTitle({ title: `Not sent: ${error.message}` });
    return error.code ?? 'failed';
  } finally {
    client?.close();
  }
}
