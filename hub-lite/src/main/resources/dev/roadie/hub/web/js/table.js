// Sorting and filtering for a view's table. Each sortable header (a <th data-sort="KEY">) gets a
// button; clicking it sorts by that column, clicking again turns the order round; the header says
// which way with aria-sort, as screen readers expect. A text box filters the rows: a row stays
// when its text holds what was typed, whatever the case. The view keeps its data and renders;
// this only orders and picks, and calls `onChange` when the reader changed the order or the filter.
import { el, icon } from './dom.js';

export class SortFilter {
  /**
   * @param table the <table> whose <th data-sort> headers sort
   * @param filter the text <input> that filters
   * @param keys `{ KEY: item => value }`: what each column sorts by (strings or numbers)
   * @param text `item => string`: what the filter looks in
   * @param sort the first order: `{ key, descending }`
   */
  constructor({ table, filter, keys, text, sort, onChange }) {
    this.keys = keys;
    this.text = text;
    this.sort = { descending: false, ...sort };
    this.query = '';
    this.onChange = onChange;
    this.headers = [...table.querySelectorAll('thead th[data-sort]')];
    for (const th of this.headers) {
      const label = th.textContent.trim();
      th.replaceChildren(el('button', { type: 'button', class: 'sort', onclick: () => this.sortBy(th.dataset.sort) },
        label, icon('arrow-up-down')));
    }
    filter.addEventListener('input', () => {
      this.query = filter.value.trim().toLowerCase();
      this.onChange();
    });
    this.renderHeaders();
  }

  sortBy(key) {
    this.sort = this.sort.key === key ? { key, descending: !this.sort.descending } : { key, descending: false };
    this.renderHeaders();
    this.onChange();
  }

  /** `items` that pass the filter, in the chosen order (a new array). */
  apply(items) {
    const value = this.keys[this.sort.key];
    const shown = this.query ? items.filter(item => this.text(item).toLowerCase().includes(this.query)) : [...items];
    if (!value) return shown;
    const direction = this.sort.descending ? -1 : 1;
    return shown.sort((a, b) => compare(value(a), value(b), direction));
  }

  /** "3 services." or "1 of 3 services shown." */
  describe(shown, total, noun) {
    const plural = total === 1 ? noun : `${noun}s`;
    return shown === total ? `${total} ${plural}.` : `${shown} of ${total} ${plural} shown.`;
  }

  renderHeaders() {
    for (const th of this.headers) {
      const active = th.dataset.sort === this.sort.key;
      if (active) th.setAttribute('aria-sort', this.sort.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
      th.querySelector('use').setAttribute('href',
        `/icons/icons.svg#${active ? (this.sort.descending ? 'chevron-down' : 'chevron-up') : 'arrow-up-down'}`);
    }
  }
}

// Numbers as numbers, text in the reader's language order; missing values last.
function compare(a, b, direction) {
  const missingA = a === null || a === undefined || a === '';
  const missingB = b === null || b === undefined || b === '';
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return direction * (a - b);
  return direction * String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}
