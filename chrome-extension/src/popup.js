// The toolbar popup: what this tab plays, as the hub resolves it, and the buttons that send it
// to the chosen bot and server. Sends that cannot reach the hub wait in the outbox.
import { showMark } from './lib/badge.js';
import { connect, musicBots } from './lib/hub-link.js';
import { tell } from './lib/notify.js';
import { pending, keep } from './lib/outbox.js';
import { connectorFor } from './lib/connectors.js';
import { pageTrack, readPage } from './lib/page-reader.js';
import { addCommand, botAddress, length, POSITIONS, sendCommand } from './lib/player.js';
import { Problem, explain, worthRetrying } from './lib/problems.js';
import { loadAll, save } from './lib/storage.js';

const $ = (id) => document.getElementById(id);
const opened = performance.now();
let settings;
let client = null;
let match = null;
/** Below this the page's player has hardly started: playing from the start is what is meant. */
const FROM_HERE_MIN_MS = 5_000;

function status(text, tone = '') {
  $('status').textContent = text;
  $('status').className = `status ${tone}`;
}

async function main() {
  settings = await loadAll();
  await showPending();
  if (!settings.token) {
    $('loading').hidden = true;
    status(explain(new Problem('not-paired'), settings.hub), 'bad');
    return;
  }
  const tab = await activeTab();
  const [page, link] = await Promise.allSettled([readTab(tab), connect(settings)]);
  const onPage = page.status === 'fulfilled' ? page.value : { url: tab?.url, title: tab?.title };
  if (link.status === 'rejected') {
    offline(onPage, link.reason);
    return;
  }
  client = link.value;
  try {
    const [found, bots] = await Promise.all([findTrack(onPage), musicBots(client)]);
    $('loading').hidden = true;
    if (!found) {
      status(explain(new Problem('nothing-found')), 'bad');
      return;
    }
    showMatch(found);
    if (bots.length === 0) {
      status(explain(new Problem('no-bot')), 'bad');
      return;
    }
    showTargets(bots);
    showActions(found);
  } catch (error) {
    $('loading').hidden = true;
    status(explain(error, settings.hub), 'bad');
  } finally {
    document.body.dataset.ready = String(Math.round(performance.now() - opened));
  }
}

/** The hub cannot be reached: show what the page itself says, and let sends wait in the outbox. */
function offline(onPage, problem) {
  $('loading').hidden = true;
  status(explain(problem, settings.hub), problem.code === 'unreachable' ? 'wait' : 'bad');
  const track = onPage && pageTrack(onPage, onPage.connector);
  if (problem.code === 'unreachable' && track && settings.target?.guild) {
    showMatch({ ...track, source: undefined, from: track.from });
    showTargets([{ name: settings.target.bot, guilds: [settings.target.guild] }]);
    $('actions').hidden = false;
  }
  document.body.dataset.ready = String(Math.round(performance.now() - opened));
}

async function activeTab() {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

/** What the page says; the toolbar click granted activeTab, which lets the extension read it. */
async function readTab(tab) {
  const connector = connectorFor(tab.url);
  const [injection] = await chrome.scripting.executeScript({
    target: { tabId: tab.id }, func: readPage, args: [connector?.fields ?? {}],
  });
  return { ...injection.result, connector };
}

/**
 * A page whose player names what it plays (MediaSession) is searched for that; otherwise the hub
 * resolves the tab's URL (oEmbed, JSON-LD, OpenGraph). When neither finds anything, what the
 * page itself names is sent as it is (the bot searches for it). Undefined when nothing is named.
 */
async function findTrack(onPage) {
  const onItsOwn = pageTrack(onPage, onPage.connector);
  if (onItsOwn?.artist && onItsOwn.from !== 'the page\'s data') {
    const answer = await client.search(`${onItsOwn.artist} ${onItsOwn.title}`, { limit: 1 });
    if (answer.tracks?.[0]) return { ...answer.tracks[0], positionMs: onPage.positionMs };
  }
  try {
    const resolved = await client.resolve(onPage.url);
    return {
      ...resolved.track,
      kind: resolved.kind,
      tracks: resolved.tracks ?? [],
      trackCount: resolved.trackCount ?? 0,
      positionMs: onPage.positionMs,
    };
  } catch (error) {
    if (!['not-found', 'invalid-frame', 'forbidden', 'upstream-failed'].includes(error.code)) throw error;
  }
  return onItsOwn && { ...onItsOwn, positionMs: onPage.positionMs };
}

function showMatch(track) {
  match = track;
  $('match').hidden = false;
  $('title').textContent = track.title;
  $('artist').textContent = track.artist ?? (track.kind && track.kind !== 'track' ? `a whole ${track.kind}` : '');
  const from = track.source ? `from ${track.source}` : track.from ? `as ${track.from} says` : '';
  $('facts').textContent = [trackCountWords(track), length(track.durationMs), from].filter(Boolean).join(' · ');
  if (isList(track) && track.tracks.length === 0) {
    // Honest about what is known: the bot gets the list's link and loads what it can of it.
    $('list-note').textContent = `The hub could read only this ${track.kind}'s name, not its tracks: the buttons send its link, and the bot loads what it can.`;
    $('list-note').hidden = false;
  }
  // "Play from here": where the page's own player is, for Play now.
  if (track.positionMs >= FROM_HERE_MIN_MS) {
    $('from-here-at').textContent = length(track.positionMs);
    $('from-here-row').hidden = false;
  }
  if (track.artworkUrl) {
    $('artwork').src = track.artworkUrl;
    $('artwork').hidden = false;
    $('art-placeholder').hidden = true;
  }
}

function isList(track) {
  return Boolean(track.kind) && track.kind !== 'track';
}

/** '12 tracks', or 'the first 100 of 250 tracks' when the hub cut the list; '' for a track. */
function trackCountWords(track) {
  const listed = track.tracks?.length ?? 0;
  if (!isList(track) || listed === 0) return '';
  if (track.trackCount > listed) return `the first ${listed} of ${track.trackCount} tracks`;
  return listed === 1 ? '1 track' : `${listed} tracks`;
}

/** A list with its tracks is queued whole; anything else with the three buttons. */
function showActions(found) {
  if (isList(found) && found.tracks.length > 0) {
    $('queue-all').textContent = `Queue all ${found.tracks.length}`;
    $('list-actions').hidden = false;
  } else {
    $('actions').hidden = false;
  }
}

function showTargets(bots) {
  const chosen = settings.target ?? {};
  $('bot').replaceChildren(...bots.map((bot) => new Option(bot.name ?? 'any music bot', bot.name ?? '', false, bot.name === chosen.bot)));
  const guildsOf = () => bots.find((bot) => (bot.name ?? '') === $('bot').value)?.guilds ?? [];
  const fillGuilds = () => {
    const guilds = guildsOf();
    $('guild').replaceChildren(...guilds.map((id) => new Option(`Server ${id}`, id, false, id === chosen.guild)));
    document.querySelectorAll('#actions button, #queue-all').forEach((button) => { button.disabled = guilds.length === 0; });
    if (guilds.length === 0) status('This bot names no servers it plays in: it cannot be sent to from here.', 'bad');
  };
  $('bot').onchange = fillGuilds;
  fillGuilds();
  $('target').hidden = false;
}

async function sendMatch(position) {
  const target = { bot: $('bot').value || undefined, guild: $('guild').value };
  const send = { to: botAddress(target.bot), body: addCommand(match, { guild: target.guild, position }), label: match.title };
  await save({ target });
  setButtons(false);
  try {
    if (!client) throw new Problem('unreachable');
    status('Sending…', 'wait');
    const queue = await sendCommand(client, send);
    const from = position === 'now' && !$('from-here-row').hidden && $('from-here').checked
      ? await seekTo(match.positionMs, target.guild, send.to) : '';
    const words = sentWords(position, match.title, queue, target.guild) + from;
    status(words, 'good');
    await showMark(true);
    await tell('sent', words);
  } catch (error) {
    if (worthRetrying(error)) {
      const count = await keep(send, error);
      const others = count === 1 ? '' : ` with ${count - 1} other${count === 2 ? '' : 's'}`;
      const words = `The hub cannot be reached: "${match.title}" waits${others} and goes out when it is back.`;
      status(words, 'wait');
      await showPending();
      await tell('waiting', words);
    } else {
      const words = explain(error, settings.hub);
      status(words, 'bad');
      await showMark(false);
      await tell('failed', words);
    }
  } finally {
    setButtons(true);
  }
}

/** Moves what now plays to the page's position; returns words to add to the status. */
async function seekTo(positionMs, guild, to) {
  try {
    await sendCommand(client, { to, body: { command: 'seek', guild, positionMs } });
    return ` From ${length(positionMs)}.`;
  } catch (error) {
    return ` From the start: ${error.message}.`;
  }
}

function sentWords(position, title, queue, guild) {
  if (position === 'now') return `Playing "${title}" now on server ${guild}.`;
  if (position === 'next') return `"${title}" plays next on server ${guild}.`;
  const place = queue?.queue?.length;
  return `"${title}" is queued on server ${guild}${place ? `, number ${place} in the queue` : ''}.`;
}

function setButtons(enabled) {
  document.querySelectorAll('#actions button, #queue-all').forEach((button) => { button.disabled = !enabled; });
}

/**
 * Queues every track of the list, in order, one add command each (the bot contract has no batch:
 * PROTOCOL.md 12.1), each after the bot answered the one before, so the queue keeps the list's
 * order. When the hub goes away midway, the tracks not sent yet wait in the outbox, in order.
 */
async function queueAll() {
  const target = { bot: $('bot').value || undefined, guild: $('guild').value };
  const to = botAddress(target.bot);
  const sends = match.tracks.map((track) => ({
    to, body: addCommand(track, { guild: target.guild, position: 'end' }), label: track.title,
  }));
  await save({ target });
  setButtons(false);
  let done = 0;
  try {
    if (!client) throw new Problem('unreachable');
    for (const send of sends) {
      status(`Queuing ${done + 1} of ${sends.length}: "${send.label}"…`, 'wait');
      await sendCommand(client, send);
      done += 1;
    }
    const words = `All ${sends.length} tracks of "${match.title}" are queued on server ${target.guild}, in the ${match.kind}'s order.`;
    status(words, 'good');
    await showMark(true);
    await tell('sent', words);
  } catch (error) {
    const before = done > 0 ? `${done} of ${sends.length} are queued. ` : '';
    if (worthRetrying(error)) {
      for (const send of sends.slice(done)) await keep(send, error);
      const words = `${before}The hub cannot be reached: the other ${sends.length - done} wait and go out, in order, when it is back.`;
      status(words, 'wait');
      await showPending();
      await tell('waiting', words);
    } else {
      const words = `${before}${explain(error, settings.hub)}`;
      status(words, 'bad');
      await showMark(false);
      await tell('failed', words);
    }
  } finally {
    setButtons(true);
  }
}

async function showPending() {
  const waiting = await pending();
  $('pending').hidden = waiting.length === 0;
  $('pending-count').textContent = `${waiting.length} waiting for the hub`;
  $('pending-list').replaceChildren(...waiting.map((send) => {
    const item = document.createElement('li');
    item.textContent = `${POSITIONS[send.body.position] ?? 'Send'}: ${send.label}`;
    item.title = `kept ${new Date(send.keptAt).toLocaleString()}, tried ${send.attempts} time(s)`;
    return item;
  }));
}

$('actions').addEventListener('click', (event) => {
  const position = event.target.closest('button')?.dataset.position;
  if (position) sendMatch(position);
});
$('queue-all').addEventListener('click', () => queueAll());
$('retry').addEventListener('click', async () => {
  status('Trying the hub…', 'wait');
  const result = await chrome.runtime.sendMessage({ type: 'flush-outbox' });
  await showPending();
  status(result?.left ? 'The hub still cannot be reached: they wait.' : `Sent ${result?.sent?.length ?? 0}.`, result?.left ? 'wait' : 'good');
});
$('options').addEventListener('click', (event) => {
  event.preventDefault();
  chrome.runtime.openOptionsPage();
});
chrome.storage.onChanged.addListener((changes) => {
  if (changes.outbox) showPending();
});
addEventListener('pagehide', () => client?.close());
main();
