// The overview, the first view: number cards (services up, draining, down; players; messages per
// second; certificates expiring within 30 days) and the load of each node as a sparkline. The
// services, players and loads come from the registry store (pushed by the hub); messages per
// second from the hub's /metrics, asked every few seconds while the view is shown (the hub does
// not push it); certificates from /api/certs when shown and when the hub announces a change.
import { ApiError } from './api.js';
import { byId, el, formatBytes, updateKeyed } from './dom.js';
import { idOf } from './registry.js';
import { stateBadge } from './services.js';
import { sparkline } from './sparkline.js';
import { Freshness } from './views.js';

const METRICS_EVERY_MS = 3000; // a rate needs two readings; a few seconds apart keeps it steady
const FIRST_RATE_AFTER_MS = 1000; // but the first rate should not keep the reader waiting
const EXPIRING_DAYS = 30;
const DAY_MS = 86_400_000;
// Messages delivered, one per receiving session (docs/HUB.md#metrics).
const DELIVERED = /^roadie_messages_delivered_total(?:\{[^}]*\})?\s+([0-9.eE+-]+)/m;

export class OverviewView {
  constructor({ api, scopes, registry }) {
    this.api = api;
    this.scopes = scopes;
    this.registry = registry;
    this.nodes = byId('overview-nodes');
    this.message = byId('overview-message');
    this.certificates = null; // not asked yet
    this.lastReading = null;
    this.metricsTimer = null;
    // Counts the times the view was shown, so that a reading still under way when the view was
    // hidden (and maybe shown again) does not start a second round of readings.
    this.metricsRound = 0;
    this.freshness = new Freshness(() => this.render());
    registry.addEventListener('change', () => this.freshness.changed());
    registry.addEventListener('certificate', () => {
      if (this.certificates !== null) this.loadCertificates();
    });
  }

  shown() {
    this.freshness.shown();
    if (this.certificates === null) this.loadCertificates();
    this.startMetrics();
  }

  hidden() {
    this.freshness.hidden();
    globalThis.clearTimeout(this.metricsTimer);
    this.metricsTimer = null;
    this.metricsRound++;
    // A rate across the time the view was away would be an average of then and now: start afresh.
    this.lastReading = null;
    this.hadRate = false;
  }

  hubRestarted() {
    this.lastReading = null;
    if (this.certificates !== null) this.loadCertificates();
  }

  render() {
    if (this.registry.error) {
      this.message.textContent = `The registry cannot be shown: ${this.registry.error.message}`;
      this.nodes.replaceChildren();
      return;
    }
    const counts = this.registry.countByState();
    setCard('up', counts.up, `${counts.retired} retired`);
    setCard('draining', counts.draining, 'finishing their work');
    setCard('down', counts.down, counts.down === 0 ? 'all heard from' : 'silent for 45 s or more',
      counts.down > 0 ? 'bad' : null);
    const withStats = this.registry.list().filter(entry => entry.stats);
    const players = withStats.reduce((sum, entry) => sum + (entry.stats.players ?? 0), 0);
    const playing = withStats.reduce((sum, entry) => sum + (entry.stats.playingPlayers ?? 0), 0);
    setCard('players', players, `${playing} playing`);
    this.message.textContent = withStats.length === 0 ? 'No service has sent its load yet.' : '';
    updateKeyed(this.nodes, withStats.map(entry => this.nodeLoad(entry)), 'data-service');
  }

  nodeLoad(entry) {
    const id = idOf(entry);
    const samples = this.registry.history(id).map(sample => sample.stats);
    const stats = entry.stats;
    // CPU when the node reports it (a share of 1), else how many players it has.
    const byCpu = stats.cpu !== undefined && stats.cpu !== null;
    const values = samples.map(s => byCpu ? (s.cpu?.systemLoad ?? 0) : (s.players ?? 0));
    const now = byCpu ? `CPU ${Math.round((stats.cpu.systemLoad ?? 0) * 100)} %` : `${stats.players ?? 0} players`;
    const figures = [`${stats.players ?? 0} players (${stats.playingPlayers ?? 0} playing)`];
    if (stats.memory) figures.push(`memory ${formatBytes(stats.memory.used ?? 0)} of ${formatBytes(stats.memory.allocated ?? 0)}`);
    return el('li', { class: 'node-load', 'data-service': id },
      el('span', { class: 'who' }, el('span', { class: 'name' }, entry.service.name),
        el('span', { class: 'kind' }, entry.service.kind)),
      stateBadge(entry.state),
      sparkline(values, 1, `${id}: ${now}, over its last ${values.length} updates`),
      el('span', { class: 'now' }, now),
      el('span', { class: 'figures' }, figures.join(', ')));
  }

  async loadCertificates() {
    this.certificates = [];
    try {
      const answer = await this.api.get('/api/certs');
      this.certificates = answer?.certificates ?? [];
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setCard('certificates', 0, 'no certificates managed');
      } else {
        setCard('certificates', '—', e instanceof ApiError && e.status === 403 ? 'not for this token' : e.message);
      }
      return;
    }
    const soon = Date.now() + EXPIRING_DAYS * DAY_MS;
    const expiring = this.certificates.filter(cert => Date.parse(cert.notAfter) < soon).length;
    setCard('certificates', expiring, `within ${EXPIRING_DAYS} days, of ${this.certificates.length} managed`,
      expiring > 0 ? 'warn' : null);
  }

  startMetrics() {
    if (!this.scopes.has('metrics')) {
      setCard('rate', '—', 'needs the metrics scope');
      return;
    }
    setCard('rate', '…', 'measuring');
    this.pollMetrics(++this.metricsRound);
  }

  async pollMetrics(round) {
    const read = await this.readMetrics();
    if (round !== this.metricsRound) return; // hidden meanwhile
    const wait = read && !this.hadRate ? FIRST_RATE_AFTER_MS : METRICS_EVERY_MS;
    this.metricsTimer = globalThis.setTimeout(() => this.pollMetrics(round), wait);
  }

  /** Reads /metrics once and shows the rate since the last reading; false when nothing could be read. */
  async readMetrics() {
    let text;
    try {
      text = await this.api.text('/metrics');
    } catch (e) {
      setCard('rate', '—', `metrics: ${e.message}`);
      return false;
    }
    const found = DELIVERED.exec(text);
    if (!found) {
      setCard('rate', '—', 'the hub does not count messages');
      return false;
    }
    const reading = { at: performance.now(), delivered: Number(found[1]) };
    const last = this.lastReading;
    this.lastReading = reading;
    if (!last || reading.delivered < last.delivered) return true; // the first reading, or the hub restarted
    const perSecond = (reading.delivered - last.delivered) / ((reading.at - last.at) / 1000);
    setCard('rate', perSecond < 10 ? perSecond.toFixed(1) : String(Math.round(perSecond)), 'messages delivered');
    this.hadRate = true;
    return true;
  }
}

/** Sets the number card `name` (its element is #stat-NAME in index.html). */
function setCard(name, value, detail, tone = null) {
  const card = byId(`stat-${name}`);
  card.querySelector('.value').textContent = String(value);
  card.querySelector('.detail').textContent = detail;
  if (tone) card.dataset.alert = tone;
  else delete card.dataset.alert;
}
