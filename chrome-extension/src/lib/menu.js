// The context menu's entries and the omnibox keyword, and what each sends.
import { length, POSITIONS } from './player.js';

export const MENU_PREFIX = 'roadie-';

/** The menu entries: one per position, on links, selected words and pages. */
export function menuEntries() {
  return Object.entries(POSITIONS).map(([position, words]) => ({
    id: MENU_PREFIX + position, title: `Roadie: ${words}`, contexts: ['link', 'selection', 'page'],
  }));
}

/** What was clicked on: the link, else the selected words, else the page. */
export function menuQuery(info) {
  const words = info.selectionText?.trim();
  return info.linkUrl || (words ? words.slice(0, 500) : undefined) || info.pageUrl;
}

/** The omnibox keyword: 'roadie paper boats' queues, 'roadie now ...' and 'roadie next ...' play sooner. */
export const OMNIBOX_HELP = 'Queue on your bot: <match>%s</match> (start with <match>now</match> or <match>next</match> to play it sooner)';

/** What was typed after the keyword, as {query, position}; a blank query is undefined. */
export function omniboxQuery(text) {
  const match = /^\s*(?:(now|next)\s+)?(.*?)\s*$/i.exec(text ?? '');
  const query = match[2].slice(0, 500);
  return query ? { query, position: (match[1] ?? 'end').toLowerCase() } : undefined;
}

/** Text for the omnibox's suggestions, which Chrome reads as XML: its five special characters escaped. */
export function omniboxXml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);
}

/**
 * A search result as an omnibox suggestion: `content` is what Chrome puts in the box when it is
 * chosen (the position typed, the artist and the title: words the bot can search for, should
 * the worker have forgotten the track by then), `description` what the list shows.
 */
export function omniboxSuggestion(track, position) {
  const words = [track.artist, track.title].filter(Boolean).join(' - ');
  const details = [track.artist, length(track.durationMs), track.source].filter(Boolean).map(omniboxXml).join(' · ');
  return {
    content: position === 'end' ? words : `${position} ${words}`,
    description: `<match>${omniboxXml(track.title)}</match>${details ? ` <dim>${details}</dim>` : ''}`,
  };
}
