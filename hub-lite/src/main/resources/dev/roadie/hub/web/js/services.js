// Services: the registry, live (kind, name, state, address, load, last heartbeat); drain and
// retire with a confirmation (admin tokens). Secrets are never shown: the page does not read them.
import { confirmAction } from './confirm.js';
import { byId, el, formatAgo, formatBytes, replaceChildren } from './dom.js';

const HEARD_REFRESH_TICKS = 5; // seconds between asking the hub when each service was last heard from

export class ServicesView {
  constructor({ api, scopes, registry }) {
    this.api = api;
    this.scopes = scopes;
    this.registry = registry;
    this.rows = byId('services-rows');
    this.message = byId('services-message');
    registry.addEventListener('change', () => this.render());
    // "Last heartbeat" is relative: refresh it while the view is open. Lease renewals are not
    // pushed as events, so the times are asked for again every few seconds.
    let ticks = 0;
    globalThis.setInterval(() => {
      if (byId('view-services').hidden) return;
      if (++ticks % HEARD_REFRESH_TICKS === 0) this.refreshHeard();
      this.renderAges();
    }, 1000);
    this.render();
  }

  shown() {
    this.render();
  }

  render() {
    if (this.registry.error) {
      this.message.textContent = `The registry cannot be shown: ${this.registry.error.message}`;
      this.rows.replaceChildren();
      return;
    }
    const entries = this.registry.list();
    this.message.textContent = entries.length === 0 ? 'No service has announced itself to this hub yet.'
      : `${entries.length} service${entries.length === 1 ? '' : 's'}.`;
    replaceChildren(this.rows, entries.map(entry => this.row(entry)));
  }

  row(entry) {
    const { kind, name, endpoint } = entry.service;
    const id = `${kind}/${name}`;
    const actions = [];
    if (entry.state === 'up') actions.push(this.button(entry, 'draining', 'Drain'));
    if (entry.state === 'up' || entry.state === 'draining') actions.push(this.button(entry, 'retired', 'Retire'));
    if (entry.state === 'draining' || entry.state === 'retired') actions.push(this.button(entry, 'up', 'Bring up'));
    // data-label captions each cell when a narrow screen shows the row as a card (roadie.css).
    return el('tr', { 'data-service': id, 'data-state': entry.state },
      el('td', { class: 'nowrap kind', 'data-label': 'Kind' }, kind),
      el('th', { scope: 'row' }, name),
      el('td', { class: 'state-cell', 'data-label': 'State' },
        el('span', { class: `state state-${entry.state}` }, entry.state)),
      el('td', { class: 'address', 'data-label': 'Address' }, address(endpoint)),
      el('td', { 'data-label': 'Load' }, load(entry.stats)),
      el('td', { class: 'age', 'data-label': 'Last heartbeat', 'data-seen': entry.lastSeen ?? '' },
        entry.lastSeen ? formatAgo(entry.lastSeen) : 'never'),
      el('td', { class: 'actions' }, actions));
  }

  button(entry, state, label) {
    const id = `${entry.service.kind}/${entry.service.name}`;
    const allowed = this.scopes.admin;
    return el('button', {
      type: 'button', class: state === 'up' ? 'quiet' : 'danger', 'aria-label': `${label} ${id}`,
      disabled: !allowed, title: allowed ? null : 'Needs an admin token',
      onclick: () => this.setState(entry, state, label),
    }, label);
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

  async refreshHeard() {
    if (this.registry.error) return;
    let entries;
    try {
      entries = await this.api.get('/api/services');
    } catch (e) {
      console.warn('could not refresh the services\' last heartbeats', e);
      return;
    }
    for (const fresh of entries) {
      const id = `${fresh.service.kind}/${fresh.service.name}`;
      const known = this.registry.entries.get(id);
      if (!known || !fresh.lastSeen || Date.parse(fresh.lastSeen) <= Date.parse(known.lastSeen ?? 0)) continue;
      known.lastSeen = fresh.lastSeen;
      const cell = this.rows.querySelector(`tr[data-service="${CSS.escape(id)}"] td.age`);
      if (cell) cell.dataset.seen = fresh.lastSeen;
    }
  }

  renderAges() {
    for (const cell of this.rows.querySelectorAll('td.age[data-seen]')) {
      if (cell.dataset.seen) cell.textContent = formatAgo(cell.dataset.seen);
    }
  }
}

// An address may wrap after "scheme://" or before its path, never inside host:port.
function address(endpoint) {
  if (!endpoint) return null; // no caption for no address on a phone's card
  const parts = /^([a-z][a-z0-9+.-]*:\/\/)?([^/]*)(.*)$/i.exec(endpoint);
  if (!parts || !parts[2]) return endpoint;
  return [parts[1] ?? '', el('span', { class: 'authority' }, parts[2]), parts[3]];
}

function load(stats) {
  if (!stats) return '—';
  const parts = [`${stats.players ?? 0} players (${stats.playingPlayers ?? 0} playing)`];
  if (stats.cpu) parts.push(`CPU ${Math.round((stats.cpu.systemLoad ?? 0) * 100)} %`);
  if (stats.memory) parts.push(`memory ${formatBytes(stats.memory.used ?? 0)} of ${formatBytes(stats.memory.allocated ?? 0)}`);
  return parts.join(', ');
}
