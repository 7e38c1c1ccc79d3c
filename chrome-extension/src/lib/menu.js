// The context menu's entries and what a click on them sends.
import { POSITIONS } from './player.js';

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
