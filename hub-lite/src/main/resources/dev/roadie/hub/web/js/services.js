// Services: the registry, live (kind, name, state, address, load, when last heard from), sortable
// and filterable; drain and retire with a confirmation (admin tokens). Everything comes from the
// registry store, which the socket keeps up to date: no REST polling. Secrets are never shown:
// the page does not read them.
import { confirmAction } from './confirm.js';
import { byId, el, formatAgo, formatBytes, icon, labelled, updateKeyed } from './dom.js';
import { idOf } from './registry.js';
import { SortFilter } from './table.js';
import { Freshness } from './views.js';

/** The icon of each state, beside its name. */
export const STATE_ICONS = { up: 'circle-check', draining: 'circle-pause', retired: 'ban', down: 'circle-x' };
const STATE_ORDER = { up: 0, draining: 1, down: 2, retired: 3 };

export class ServicesView {
  constructor({ api, scopes, registry }) {
    this.api = api;
    this.scopes = scopes;
    this.registry = registry;
    this.rows = byId('services-rows');
    this.message = byId('services-message');
    this.table = new SortFilter({
      table: byId('services-table'), filter: byId('services-filter'),
      keys: {
        kind: e => e.service.kind, name: e => e.service.name, state: e => STATE_ORDER[e.state] ?? 9,
        address: e => e.service.endpoint ?? '', load: e => e.stats?.players ?? -1,
        heard: e => -Date.parse(this.registry.lastHeard(idOf(e)) ?? 0),
      },
      text: e => [idOf(e), e.state, e.service.endpoint ?? ''].join(' '),
      sort: { key: 'kind' },
      onChange: () => this.render(),
    });
    this.freshness = new Freshness(() => this.render());
    registry.addEventListener('change', () => this.freshness.changed());
    // "Last heard" is relative: its words change with time while the view is open.
    globalThis.setInterval(() => {
      if (this.freshness.visible) this.renderAges();
    }, 1000);
  }

  shown() {
    this.freshness.shown();
  }

  hidden() {
    this.freshness.hidden();
  }

  render() {
    if (this.registry.error) {
      this.message.textContent = `The registry cannot be shown: ${this.registry.error.message}`;
      this.rows.replaceChildren();
      return;
    }
    const entries = this.registry.list();
    const shown = this.table.apply(entries);
    this.message.textContent = entries.length === 0 ? 'No service has announced itself to this hub yet.'
      : this.table.describe(shown.length, entries.length, 'service');
    updateKeyed(this.rows, shown.map(entry => this.row(entry)), 'data-service');
  }

  row(entry) {
    const { kind, name, endpoint } = entry.service;
    const id = `${kind}/${name}`;
    const heard = this.registry.lastHeard(id);
    const actions = [];
    if (entry.state === 'up') actions.push(this.button(entry, 'draining', 'Drain', 'circle-pause'));
    if (entry.state === 'up' || entry.state === 'draining') actions.push(this.button(entry, 'retired', 'Retire', 'ban'));
    if (entry.state === 'draining' || entry.state === 'retired') actions.push(this.button(entry, 'up', 'Bring up', 'power'));
    // data-label captions each cell when a narrow screen shows the row as a card (roadie.css).
    return el('tr', { 'data-service': id, 'data-state': entry.state },
      el('td', { class: 'nowrap kind', 'data-label': 'Kind' }, kind),
      el('th', { scope: 'row' }, name),
      el('td', { class: 'state-cell', 'data-label': 'State' }, stateBadge(entry.state)),
      el('td', { class: 'address', 'data-label': 'Address' }, address(endpoint)),
      el('td', { 'data-label': 'Load' }, load(entry.stats)),
      el('td', { class: 'age', 'data-label': 'Last heard', 'data-seen': heard ?? '' },
        heard ? formatAgo(heard) : 'never'),
      el('td', { class: 'actions' }, actions));
  }

  button(entry, state, label, iconName) {
    const id = `${entry.service.kind}/${entry.service.name}`;
    const allowed = this.scopes.admin;
    return el('button', {
      type: 'button', class: state === 'up' ? 'quiet' : 'danger', 'aria-label': `${label} ${id}`,
      disabled: !allowed, title: allowed ? null : 'Needs an admin token',
      onclick: () => this.setState(entry, state, label),
    }, labelled(iconName, label));
  }

  async setState(entry, state, label) {
    const { kind, name } = entry.service;
    const questions = {
      draining: `Drain ${kind}/${name}? It keeps what it has but gets no new work.`,
      retired: `Retire ${kind}/${name}? It is taken out of service for good.`,
      up: `Bring ${kind}/${name} back up? It gets new work again.`,
    };
    if (!(await confirmAction(questions[state], label))) return;
    try {
      await this.api.post(`/api/services/${encodeURIComponent(kind)}/${encodeURIComponent(name)}/state`, { state });
      this.message.textContent = `${kind}/${name} is now ${state}.`;
    } catch (e) {
      this.message.textContent = `Could not change ${kind}/${name}: ${e.message}`;
    }
  }

  renderAges() {
    for (const cell of this.rows.querySelectorAll('td.age[data-seen]')) {
      if (cell.dataset.seen) cell.textContent = formatAgo(cell.dataset.seen);
    }
  }
}

/** A state as a badge: its icon and its name. */
export function stateBadge(state) {
  return el('span', { class: `state state-${state}` }, icon(STATE_ICONS[state] ?? 'circle-alert'), state);
}

// An address may wrap after "scheme://" or before its path, never inside host:port.
function address(endpoint) {
  if (!endpoint) return null; // no caption for no address on a phone's card
  const parts = /^([a-z][a-z0-9+.-]*:\/\/)?([^/]*)(.*)$/i.exec(endpoint);
  if (!parts || !parts[2]) return endpoint;
  return [parts[1] ?? '', el('span', { class: 'authority' }, parts[2]), parts[3]];
}

// Each figure stays on one line; the cell may wrap between them.
function load(stats) {
  if (!stats) return '—';
  const parts = [`${stats.players ?? 0} players (${stats.playingPlayers ?? 0} playing)`];
  if (stats.cpu) parts.push(`CPU ${Math.round((stats.cpu.systemLoad ?? 0) * 100)} %`);
  if (stats.memory) parts.push(`memory ${formatBytes(stats.memory.used ?? 0)} of ${formatBytes(stats.memory.allocated ?? 0)}`);
  return parts.map((part, i) => [i > 0 ? ', ' : '', el('span', { class: 'nowrap' }, part)]);
}
