// Suggestions while typing after the omnibox keyword: the hub's search, asked once typing pauses,
// over one connection kept while the person types. Choosing a suggestion queues that track.
import { connect } from './hub-link.js';
import { omniboxQuery, omniboxSuggestion } from './menu.js';
import { loadAll } from './storage.js';

/** Typing that pauses this long is searched; each key before then cancels the search. */
export const SUGGEST_AFTER_MS = 250;
/** Chrome shows about this many suggestions under the default one. */
export const SUGGESTIONS = 5;
/** The connection stays this long after the last search, for the next key, then closes. */
const KEEP_OPEN_MS = 30_000;

let latest = 0;
let link = null;
/** What each suggestion's content stands for, so that choosing one queues that very track. */
const chosen = new Map();

/**
 * The suggestions for what is typed, or undefined when a later key superseded this one (then
 * nothing is shown for it). Empty when there is nothing to search or nothing was found.
 */
export async function suggestionsFor(text) {
  const mine = ++latest;
  const typed = omniboxQuery(text);
  await new Promise((resolve) => setTimeout(resolve, SUGGEST_AFTER_MS));
  if (mine !== latest) return undefined;
  if (!typed || typed.query.length < 2) return [];
  const settings = await loadAll();
  if (!settings.token) return [];
  const client = await openLink(settings);
  const answer = await client.search(typed.query, { limit: SUGGESTIONS });
  if (mine !== latest) return undefined;
  const suggestions = (answer.tracks ?? []).slice(0, SUGGESTIONS).map((track) => {
    const suggestion = omniboxSuggestion(track, typed.position);
    chosen.set(suggestion.content, track);
    return suggestion;
  });
  return suggestions;
}

/** The track a chosen suggestion stands for; undefined for text the person typed themselves. */
export function chosenTrack(text) {
  return chosen.get(text);
}

async function openLink(settings) {
  clearTimeout(link?.timer);
  if (!link || link.hub !== settings.hub || link.token !== settings.token) {
    link?.client.close();
    link = { hub: settings.hub, token: settings.token, client: await connect(settings) };
  }
  const current = link;
  // Held open for the next key only: an open socket keeps the service worker awake.
  current.timer = setTimeout(() => {
    current.client.close();
    if (link === current) link = null;
  }, KEEP_OPEN_MS);
  return current.client;
}
