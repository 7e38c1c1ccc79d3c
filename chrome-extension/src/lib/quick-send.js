// Sends from the context menu and the omnibox: no popup to show a match in, so the bot is given the link or
// the selected words as a query and finds the track itself (a link through the hub's resolve,
// words through its search; PROTOCOL.md 12.1). The badge says how it went.
import { showMark } from './badge.js';
import { connect } from './hub-link.js';
import { tell } from './notify.js';
import { MENU_PREFIX, menuQuery } from './menu.js';
import { keep } from './outbox.js';
import { botAddress, sendCommand } from './player.js';
import { explain, worthRetrying } from './problems.js';
import { loadAll } from './storage.js';


/** How a notification and the button's tooltip say where a send went. */
const POSITION_WORDS = { now: 'Playing now:', next: 'Plays next:', end: 'Queued:' };

/** A click on one of the menu's entries. */
export function sendFromMenu(info) {
  return sendQuery(menuQuery(info), info.menuItemId.slice(MENU_PREFIX.length));
}

/**
 * Sends a query to the last bot and server used in the popup, at a position. Resolves with
 * what happened: 'sent', 'kept' (in the outbox), or the reason nothing was sent.
 */
export function sendQuery(query, position) {
  return send({ query }, query, position);
}

/** Sends a track found by the hub's search (an omnibox suggestion) as sendQuery sends words. */
export function sendTrack(track, position) {
  const { title, artist, album, durationMs, uri, artworkUrl, source, isrc, playable } = track;
  return send({ track: { title, artist, album, durationMs, uri, artworkUrl, source, isrc, playable } }, title, position);
}

/** Sends an add of `what` ({query} or {track}) to the last bot and server used in the popup. */
async function send(what, label, position) {
  const settings = await loadAll();
  if (!settings.token || !settings.target?.guild || !label) {
    // Nothing to send to yet: the popup is where the bot and server are chosen.
    await showMark(false);
    await chrome.action.setTitle({ title: 'Pair in the options, then choose a bot and server in this popup once' });
    return 'not-set-up';
  }
  const message = {
    to: botAddress(settings.target.bot),
    body: { command: 'add', guild: settings.target.guild, ...what, position, requestedBy: 'Roadie for Chrome' },
    label,
  };
  let client;
  try {
    client = await connect(settings);
    const queue = await sendCommand(client, message);
    await showMark(true);
    const added = position === 'now' ? queue?.nowPlaying?.track : position === 'next' ? queue?.queue?.[0] : queue?.queue?.at(-1);
    const words = `${POSITION_WORDS[position]} "${added?.title ?? label}" on server ${settings.target.guild}.`;
    await chrome.action.setTitle({ title: words });
    await tell('sent', words);
    return 'sent';
  } catch (error) {
    if (worthRetrying(error)) {
      await keep(message, error);
      await tell('waiting', `The hub cannot be reached: "${label}" waits and goes out when it is back.`);
      return 'kept';
    }
    await showMark(false);
    const words = explain(error, settings.hub);
    await chrome.action.setTitle({ title: `Not sent: ${words}` });
    await tell('failed', words);
    return error.code ?? 'failed';
  } finally {
    client?.close();
  }
}
