// Certificates the hub manages: names, domains, expiry, last renewal, and which service serves
// which serial, reloaded when the hub says a certificate was renewed or is expiring. A hub
// without certificate management answers 404: said so in plain words.
import { ApiError } from './api.js';
import { byId, el, formatInstant, replaceChildren } from './dom.js';

export class CertificatesView {
  constructor({ api, registry }) {
    this.api = api;
    registry.addEventListener('certificate', () => {
      if (this.loaded) this.load();
    });
    this.list = byId('certificates-list');
    this.message = byId('certificates-message');
    byId('certificates-refresh').addEventListener('click', () => this.load());
    this.loaded = false;
  }

  shown() {
    if (!this.loaded) this.load();
  }

  hubRestarted() {
    if (this.loaded) this.load();
  }

  async load() {
    this.loaded = true;
    this.message.textContent = 'Loading…';
    let answer;
    try {
      answer = await this.api.get('/api/certs');
    } catch (e) {
      this.list.replaceChildren();
      if (e instanceof ApiError && e.status === 404) {
        this.message.textContent = 'No certificates managed by this hub.';
      } else if (e instanceof ApiError && e.status === 403) {
        this.message.textContent = `This token may not see certificates: ${e.message}`;
      } else {
        this.message.textContent = `Could not load the certificates: ${e.message}`;
      }
      return;
    }
    const certificates = answer?.certificates ?? [];
    this.message.textContent = certificates.length === 0 ? 'No certificates managed by this hub.'
      : `${certificates.length} certificate${certificates.length === 1 ? '' : 's'}.`;
    replaceChildren(this.list, certificates.map(card));
  }
}

function card(cert) {
  const expires = Date.parse(cert.notAfter);
  const daysLeft = Number.isNaN(expires) ? null : Math.floor((expires - Date.now()) / 86400000);
  const installations = cert.installations ?? [];
  return el('article', { class: 'card', 'data-certificate': cert.name },
    el('h2', {}, cert.name ?? ''),
    el('dl', {},
      el('dt', {}, 'Domains'), el('dd', {}, (cert.domains ?? []).join(', ')),
      el('dt', {}, 'Expires'), el('dd', { class: daysLeft !== null && daysLeft < 14 ? 'warn' : null },
        formatInstant(cert.notAfter), daysLeft === null ? '' : ` (${daysLeft} days left)`),
      el('dt', {}, 'Last renewal'), el('dd', {}, formatInstant(cert.issuedAt) || 'never'),
      el('dt', {}, 'Renews after'), el('dd', {},
        formatInstant(cert.renewAfter) || (cert.source === 'imported' ? 'not renewed by the hub (imported)' : '—')),
      el('dt', {}, 'Serial'), el('dd', { class: 'mono' }, cert.serial ?? ''),
      el('dt', {}, 'Source'), el('dd', {}, cert.source ?? ''),
      cert.lastError ? [el('dt', {}, 'Last error'), el('dd', { class: 'error' }, cert.lastError)] : null),
    el('h3', {}, 'Served by'),
    installations.length === 0 ? el('p', { class: 'hint' }, 'No service has installed it.')
      : el('ul', { class: 'installations' }, installations.map(i => el('li', {},
        el('span', { class: 'service' }, i.service ?? ''), ': serial ',
        el('span', { class: 'mono' }, i.serial ?? ''),
        i.current ? ' (current)' : ' (older)',
        i.installedAt ? `, installed ${formatInstant(i.installedAt)}` : ''))));
}
