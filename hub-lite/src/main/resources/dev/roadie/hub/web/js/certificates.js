// Certificates the hub manages: names, domains, expiry, last renewal, and which service serves
// which serial, sortable and filterable; reloaded when the hub says a certificate was renewed or
// is expiring (at once while shown, else when next shown). A hub without certificate management
// answers 404: said so in plain words.
import { ApiError } from './api.js';
import { byId, el, formatInstant, icon, replaceChildren } from './dom.js';
import { SortFilter } from './table.js';
import { Freshness } from './views.js';

const WARN_DAYS = 14; // the hub renews 30 days ahead: under two weeks left means renewals are failing

export class CertificatesView {
  constructor({ api, registry }) {
    this.api = api;
    this.rows = byId('certificates-rows');
    this.message = byId('certificates-message');
    this.certificates = [];
    this.table = new SortFilter({
      table: byId('certificates-table'), filter: byId('certificates-filter'),
      keys: {
        name: c => c.name ?? '', domains: c => (c.domains ?? []).join(' '), expires: c => Date.parse(c.notAfter),
        issued: c => Date.parse(c.issuedAt), source: c => c.source ?? '',
      },
      text: c => [c.name, ...(c.domains ?? []), c.source, c.serial, ...(c.installations ?? []).map(i => i.service)]
        .filter(Boolean).join(' '),
      sort: { key: 'expires' },
      onChange: () => this.render(),
    });
    this.freshness = new Freshness(() => this.load());
    registry.addEventListener('certificate', () => this.freshness.changed());
    byId('certificates-refresh').addEventListener('click', () => this.load());
  }

  shown() {
    this.freshness.shown();
  }

  hidden() {
    this.freshness.hidden();
  }

  hubRestarted() {
    this.freshness.changed();
  }

  async load() {
    this.message.textContent = 'Loading…';
    let answer;
    try {
      answer = await this.api.get('/api/certs');
    } catch (e) {
      this.certificates = [];
      this.rows.replaceChildren();
      if (e instanceof ApiError && e.status === 404) {
        this.message.textContent = 'No certificates managed by this hub.';
      } else if (e instanceof ApiError && e.status === 403) {
        this.message.textContent = `This token may not see certificates: ${e.message}`;
      } else {
        this.message.textContent = `Could not load the certificates: ${e.message}`;
      }
      return;
    }
    this.certificates = answer?.certificates ?? [];
    this.render();
  }

  render() {
    const shown = this.table.apply(this.certificates);
    this.message.textContent = this.certificates.length === 0 ? 'No certificates managed by this hub.'
      : this.table.describe(shown.length, this.certificates.length, 'certificate');
    replaceChildren(this.rows, shown.map(row));
  }
}

// data-label captions each cell when a narrow screen shows the row as a card (roadie.css).
function row(cert) {
  const expires = Date.parse(cert.notAfter);
  const daysLeft = Number.isNaN(expires) ? null : Math.floor((expires - Date.now()) / 86400000);
  const installations = cert.installations ?? [];
  return el('tr', { 'data-certificate': cert.name },
    el('th', { scope: 'row' }, cert.name ?? ''),
    el('td', { class: 'domains', 'data-label': 'Domains' },
      (cert.domains ?? []).map((domain, i) => [i > 0 ? ', ' : '', el('span', { class: 'domain' }, domain)])),
    el('td', { 'data-label': 'Expires', class: daysLeft !== null && daysLeft < WARN_DAYS ? 'warn' : null },
      daysLeft !== null && daysLeft < WARN_DAYS ? icon('circle-alert') : null,
      formatInstant(cert.notAfter), daysLeft === null ? '' : ` (${daysLeft} days left)`),
    el('td', { 'data-label': 'Last renewal' }, formatInstant(cert.issuedAt) || 'never'),
    el('td', { 'data-label': 'Renews after' },
      formatInstant(cert.renewAfter) || (cert.source === 'imported' ? 'not renewed by the hub (imported)' : '—')),
    el('td', { class: 'mono serial', 'data-label': 'Serial' }, cert.serial ?? ''),
    el('td', { 'data-label': 'Source' }, cert.source ?? ''),
    el('td', { class: 'served', 'data-label': 'Served by' },
      installations.length === 0 ? el('span', { class: 'hint' }, 'no service yet')
        : el('ul', { class: 'installations' }, installations.map(i => el('li', {},
          el('span', { class: 'service' }, i.service ?? ''), ': serial ',
          el('span', { class: 'mono' }, i.serial ?? ''),
          i.current ? ' (current)' : ' (older)',
          i.installedAt ? `, installed ${formatInstant(i.installedAt)}` : '')))),
    el('td', { class: 'error', 'data-label': 'Last error' }, cert.lastError ?? ''));
}
