// Small DOM helpers shared by the views. Everything that comes from providers, services or the
// hub is inserted as text (text nodes, textContent, attribute values), never parsed as HTML.

/**
 * Creates an element. `props` sets attributes (strings), `on*` functions become listeners,
 * `hidden`/`disabled`/`checked` booleans become properties; children are nodes or strings
 * (strings become text nodes), null and false are skipped.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'hidden' || key === 'disabled' || key === 'checked') {
      node[key] = Boolean(value);
    } else {
      node.setAttribute(key, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `node` with `children`. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/**
 * Puts `rows` (elements, each with the attribute `key`) in `container` in that order, keeping the
 * elements already there for the same key and replacing only their children that changed. Views
 * redrawn on every pushed update use it so that a focused button (Drain, Retire) keeps its focus
 * and a screen reader its place: replacing the whole list would take both away several times a
 * second on a busy hub.
 */
export function updateKeyed(container, rows, key) {
  const old = new Map([...container.children].map(child => [child.getAttribute(key), child]));
  const kept = rows.map(row => {
    const existing = old.get(row.getAttribute(key));
    if (!existing || existing.tagName !== row.tagName) return row;
    old.delete(row.getAttribute(key));
    patch(existing, row);
    return existing;
  });
  for (const gone of old.values()) gone.remove();
  kept.forEach((row, i) => {
    // Only a row out of place moves: moving the focused one would blur it.
    if (container.children[i] !== row) container.insertBefore(row, container.children[i] ?? null);
  });
}

// Makes `target` look like `source`: its attributes, and each child that differs replaced by
// source's. Listeners of a kept child stay: rows built for the same key act on the same thing.
function patch(target, source) {
  for (const name of target.getAttributeNames()) {
    if (!source.hasAttribute(name)) target.removeAttribute(name);
  }
  for (const name of source.getAttributeNames()) {
    if (target.getAttribute(name) !== source.getAttribute(name)) target.setAttribute(name, source.getAttribute(name));
  }
  const from = [...source.childNodes];
  const to = [...target.childNodes];
  if (from.length !== to.length) {
    target.replaceChildren(...from);
    return;
  }
  from.forEach((node, i) => {
    if (!to[i].isEqualNode(node)) to[i].replaceWith(node);
  });
}

/** The element with this id; throws when the page lacks it, which is a bug in the page. */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no element #${id}`);
  return node;
}

/** `url` when it is an http(s) address, else null: data from services must not become `javascript:` links. */
export function safeHttpUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * A track's picture, or an empty square when it has none, its address is not http(s), or it
 * cannot be loaded (a dead link, or a host the page's Content-Security-Policy does not allow).
 */
export function artwork(url, size) {
  const placeholder = () => el('span', { class: 'art placeholder', 'aria-hidden': 'true' }, icon('music'));
  const src = safeHttpUrl(url);
  if (!src) return placeholder();
  return el('img', {
    class: 'art', src, alt: '', width: size, height: size, loading: 'lazy', referrerpolicy: 'no-referrer',
    onerror: event => event.target.replaceWith(placeholder()),
  });
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An icon of the bundled set (icons/icons.svg, Lucide): decorative, hidden from screen readers,
 * so whatever carries it keeps a text label (visible, or visually hidden, or aria-label).
 */
export function icon(name) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', `/icons/icons.svg#${name}`);
  svg.append(use);
  return svg;
}

/** A button's content: its icon and its label, the label as text for everyone. */
export function labelled(name, text) {
  return [icon(name), el('span', { class: 'label' }, text)];
}

/** 3:07 or 1:02:03; an empty string for 0 or unknown (a stream). */
export function formatDuration(ms) {
  if (!ms || ms < 0) return '';
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "4 s ago", "3 min ago", ... for an ISO instant; the instant itself when it cannot be read. */
export function formatAgo(iso, now = Date.now()) {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso ?? '';
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

/** A date and time in the reader's locale, or the text as it came when it is not a date. */
export function formatInstant(iso) {
  if (!iso) return '';
  const then = Date.parse(iso);
  return Number.isNaN(then) ? String(iso) : new Date(then).toLocaleString();
}

/** 1.5 GiB, 300 MiB, ... */
export function formatBytes(bytes) {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** Whether a key press happened while the reader types into a field (so page shortcuts stay away). */
export function isTyping(event) {
  const target = event.target;
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}
