// Search: one box, provider toggles, results streaming in as each provider answers; a link is
// resolved instead. Results are queued to the chosen bot and guild at the end, next or now.
import { ApiError } from './api.js';
import { artwork, byId, el, formatDuration, labelled, replaceChildren } from './dom.js';
import { Player, explain } from './player.js';

const TYPING_PAUSE_MS = 400; // search once the reader stops typing, not at every key
const SLOW_AFTER_MS = 2500; // a provider still silent by then is shown as slow
const MIN_TYPED = 3; // characters before searching as the reader types (Enter searches any text)
const LIMIT = 20;
const OFF_KEY = 'roadie.providers.off';

export class SearchView {
  constructor({ client, api, scopes, target, you }) {
    this.api = api;
    this.target = target;
    this.you = you;
    this.scopes = scopes;
    this.player = new Player(client, target);
    this.box = byId('search-box');
    this.providersBox = byId('search-providers');
    this.statusList = byId('search-status');
    this.message = byId('search-message');
    this.results = byId('search-results');
    this.tracks = [];
    this.running = null;
    this.typingTimer = null;
    this.providers = [];

    byId('search-form').addEventListener('submit', event => {
      event.preventDefault();
      globalThis.clearTimeout(this.typingTimer);
      this.run(this.box.value);
    });
    this.box.addEventListener('input', () => {
      globalThis.clearTimeout(this.typingTimer);
      // A letter or two finds everything and costs the services' rate limits: wait for more.
      if (this.box.value.trim().length < MIN_TYPED) return;
      this.typingTimer = globalThis.setTimeout(() => this.run(this.box.value), TYPING_PAUSE_MS);
    });
    this.box.addEventListener('keydown', event => {
      if (event.key === 'ArrowDown' && this.tracks.length > 0) {
        event.preventDefault();
        this.focusResult(0);
      }
    });
    this.results.addEventListener('keydown', event => this.onResultKey(event));
    if (scopes.has('search')) {
      this.loadProviders();
    } else {
      this.box.disabled = true;
      this.message.textContent = 'This token lacks the scope search: sign in with a web or admin token to search.';
    }
  }

  focus() {
    this.box.focus();
    this.box.select();
  }

  async loadProviders() {
    try {
      const all = await this.api.get('/api/providers');
      this.providers = all.filter(p => p.installed && (p.capabilities ?? []).includes('search-tracks'));
    } catch (e) {
      this.message.textContent = `Could not list the providers: ${e.message}`;
      return;
    }
    const off = new Set(JSON.parse(globalThis.localStorage.getItem(OFF_KEY) ?? '[]'));
    const boxes = this.providers.map(p => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: p.id, checked: !off.has(p.id), onchange: () => this.saveToggles() }),
      ` ${p.name ?? p.id}`));
    this.providersBox.replaceChildren(this.providersBox.querySelector('legend'), ...boxes);
    if (this.providers.length === 0) {
      this.message.textContent = 'The hub has no search provider installed.';
    }
  }

  saveToggles() {
    const off = [...this.providersBox.querySelectorAll('input[type=checkbox]')].filter(b => !b.checked)
      .map(b => b.value);
    globalThis.localStorage.setItem(OFF_KEY, JSON.stringify(off));
  }

  chosenProviders() {
    return [...this.providersBox.querySelectorAll('input[type=checkbox]:checked')].map(b => b.value);
  }

  run(text) {
    this.running?.abort();
    this.running = null;
    const query = text.trim();
    if (!query) {
      this.show([], '');
      this.statusList.replaceChildren();
      return;
    }
    const controller = new AbortController();
    this.running = controller;
    const work = /^https?:\/\//i.test(query) ? this.resolve(query, controller) : this.search(query, controller);
    work.catch(e => {
      if (e.name === 'AbortError' || controller.signal.aborted) return;
      this.message.textContent = e instanceof ApiError ? `The hub refused: ${e.message}` : String(e.message ?? e);
    });
  }

  async search(query, controller) {
    const ids = this.chosenProviders();
    if (ids.length === 0) {
      this.show([], 'Choose at least one provider.');
      return;
    }
    const statuses = new Map(ids.map(id => [id, { provider: id, status: 'searching' }]));
    const renderStatuses = () => this.renderStatuses([...statuses.values()]);
    this.show([], `Searching ${ids.length} provider${ids.length > 1 ? 's' : ''}…`);
    renderStatuses();
    const slowTimer = globalThis.setTimeout(() => {
      for (const s of statuses.values()) if (s.status === 'searching') s.status = 'slow';
      renderStatuses();
    }, SLOW_AFTER_MS);
    const streamed = [];
    const path = `/api/search/stream?q=${encodeURIComponent(query)}&providers=${ids.map(encodeURIComponent).join(',')}`
      + `&limit=${LIMIT}`;
    try {
      await this.api.stream(path, (name, data) => {
        if (controller.signal.aborted) return;
        if (name === 'provider') {
          statuses.set(data.status.provider, data.status);
          renderStatuses();
          streamed.push(...(data.tracks ?? []));
          this.show(streamed, `${streamed.length} result${streamed.length === 1 ? '' : 's'} so far…`);
        } else if (name === 'done') {
          (data.providers ?? []).forEach(s => statuses.set(s.provider, s));
          renderStatuses();
          const tracks = data.tracks ?? [];
          // "Nothing found" only when some provider answered: if every one failed, nothing is known.
          this.show(tracks, data.allFailed ? `The search could not be done: every provider failed (see why below).`
            : tracks.length === 0 ? `Nothing found for “${query}”.`
              : `${tracks.length} result${tracks.length === 1 ? '' : 's'} for “${query}”.`);
        }
      }, { signal: controller.signal });
    } finally {
      globalThis.clearTimeout(slowTimer);
    }
  }

  async resolve(link, controller) {
    this.show([], 'Looking at the link…');
    this.statusList.replaceChildren();
    let found;
    try {
      found = await this.api.get(`/api/resolve?url=${encodeURIComponent(link)}`, { signal: controller.signal });
    } catch (e) {
      if (!(e instanceof ApiError) || controller.signal.aborted) throw e;
      this.show([], linkFailure(e));
      return;
    }
    if (controller.signal.aborted) return;
    const what = found.kind === 'track' ? 'a track' : `a ${found.kind}`;
    this.show(found.track ? [found.track] : [], `The link is ${what} (found by ${found.method}).`);
  }

  renderStatuses(list) {
    replaceChildren(this.statusList, list.map(s => el('li', { 'data-status': s.status, 'data-provider': s.provider },
      el('span', { class: 'provider-name' }, s.provider), ' ', describe(s))));
  }

  show(tracks, message) {
    const focused = this.results.contains(document.activeElement)
      ? Number(document.activeElement.closest('li')?.dataset.index) : -1;
    this.tracks = tracks;
    this.message.textContent = message;
    replaceChildren(this.results, tracks.map((track, index) => this.renderTrack(track, index)));
    if (focused >= 0 && tracks.length > 0) this.focusResult(Math.min(focused, tracks.length - 1));
  }

  renderTrack(track, index) {
    const title = track.title ?? '';
    const details = [track.artist, track.album].filter(Boolean).join(' · ');
    return el('li', { class: 'result', tabindex: index === 0 ? '0' : '-1', 'data-index': index },
      artwork(track.artworkUrl, 40),
      el('span', { class: 'info' },
        el('span', { class: 'title' }, title),
        el('span', { class: 'artist' }, details)),
      el('span', { class: 'duration' }, formatDuration(track.durationMs)),
      el('span', { class: 'source' }, track.source ?? ''),
      el('span', { class: 'actions' },
        el('button', { type: 'button', 'aria-label': `Queue ${title} at the end`, onclick: () => this.queue(index, 'end') },
          labelled('list-end', 'Queue')),
        el('button', { type: 'button', class: 'quiet', 'aria-label': `Play ${title} next`,
          onclick: () => this.queue(index, 'next') }, labelled('list-start', 'Next')),
        el('button', { type: 'button', class: 'quiet', 'aria-label': `Play ${title} now`,
          onclick: () => this.queue(index, 'now') }, labelled('play', 'Now'))));
  }

  focusResult(index) {
    const items = [...this.results.children];
    items.forEach((li, i) => li.setAttribute('tabindex', i === index ? '0' : '-1'));
    items[index]?.focus();
  }

  onResultKey(event) {
    const li = event.target.closest('li.result');
    if (!li) return;
    const index = Number(li.dataset.index);
    const onItem = event.target === li;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.focusResult(Math.min(index + 1, this.tracks.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index === 0) this.box.focus();
      else this.focusResult(index - 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      this.focusResult(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      this.focusResult(this.tracks.length - 1);
    } else if (event.key === 'Enter' && onItem) {
      event.preventDefault();
      this.queue(index, event.shiftKey ? 'next' : 'end');
    }
  }

  async queue(index, position) {
    const track = this.tracks[index];
    if (!track) return;
    try {
      await this.player.command('add', { track, position, requestedBy: this.you });
      const where = { end: 'at the end of the queue', next: 'to play next', now: 'playing now' }[position];
      this.message.textContent = `Queued “${track.title}” ${where}.`;
    } catch (e) {
      this.message.textContent = `Could not queue “${track.title}”: ${explain(e)}`;
      if (e.code === 'no-guild') this.target.focusGuild();
    }
  }
}

/**
 * What a failed /api/resolve means, in the words `roadie resolve` uses (PROTOCOL.md 17.11): the
 * hub's message already says what was wrong with the link (400), what the address rules refused
 * (403) or that nothing was there (404); a 502 is the site's or the network's doing.
 */
function linkFailure(error) {
  const said = error.message.charAt(0).toUpperCase() + error.message.slice(1);
  switch (error.status) {
    case 400: case 403: case 404: return said;
    case 502: return `The link could not be resolved: ${error.message}`;
    default: return `The hub refused: ${error.message}`;
  }
}

function describe(status) {
  switch (status.status) {
    case 'searching': return 'searching…';
    case 'slow': return 'slow, still waiting…';
    case 'ok': return `${status.count ?? 0} result${status.count === 1 ? '' : 's'}${status.cached ? ' (cached)' : ''}`;
    case 'empty': return 'nothing found';
    case 'failed': return `failed: ${status.reason ?? 'no reason given'}`;
    case 'timed-out': return `too slow: ${status.reason ?? 'no answer in time'}`;
    default: return status.status;
  }
}
