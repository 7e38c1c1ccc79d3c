// Tokens (admin): create one with scopes (its secret shown once, with a copy button), list
// every token, revoke one with a confirmation. The hub keeps only hashes: a lost token is revoked.
import { confirmAction } from './confirm.js';
import { byId, el, formatInstant, icon, labelled, replaceChildren } from './dom.js';
import { describeScope } from './scopes.js';
import { SortFilter } from './table.js';

// The scopes people pick most; anything else goes in the free field (docs/PROTOCOL.md §7).
const COMMON_SCOPES = ['admin', 'registry', 'search', 'send:music-bot', 'subscribe:player.*', 'publish:player.*',
  'announce:music-bot', 'announce:audio-node', 'secrets:audio-node', 'broadcast', 'metrics'];

export class TokensView {
  constructor({ api, scopes }) {
    this.api = api;
    this.allowed = scopes.admin;
    this.rows = byId('tokens-rows');
    this.message = byId('tokens-message');
    this.form = byId('token-form');
    this.formError = byId('token-form-error');
    this.loaded = false;
    this.tokens = [];
    this.table = new SortFilter({
      table: byId('tokens-table'), filter: byId('tokens-filter'),
      keys: {
        name: t => t.name, id: t => t.id, kind: t => t.kind, created: t => Date.parse(t.createdAt),
        used: t => -Date.parse(t.lastUsedAt ?? 0), state: t => (t.revokedAt ? 1 : 0),
      },
      text: t => [t.name, t.id, t.kind, ...(t.scopes ?? []), t.revokedAt ? 'revoked' : 'active'].join(' '),
      sort: { key: 'name' },
      onChange: () => this.render(),
    });
    replaceChildren(byId('token-scopes'), el('legend', {}, 'Scopes (none checked: the kind’s preset)'),
      COMMON_SCOPES.map(scope => el('label', { class: 'check' },
        el('input', { type: 'checkbox', name: 'scope', value: scope }), ` ${scope}`)));
    this.form.addEventListener('submit', event => {
      event.preventDefault();
      this.create();
    });
    byId('token-copy').addEventListener('click', () => this.copy());
    // The form sits under the list: this takes the reader there.
    byId('token-new').addEventListener('click', () => {
      this.form.scrollIntoView({ block: 'start' });
      byId('token-name').focus();
    });
    if (!this.allowed) {
      this.form.hidden = true;
      byId('token-new').hidden = true;
    }
  }

  shown() {
    if (!this.loaded) this.load();
  }

  hubRestarted() {
    if (this.loaded) this.load();
  }

  async load() {
    this.loaded = true;
    if (!this.allowed) {
      this.message.textContent = 'Managing tokens needs an admin token; this one is not.';
      return;
    }
    try {
      const tokens = await this.api.get('/api/tokens');
      this.tokens = tokens;
      this.render();
      return tokens;
    } catch (e) {
      this.message.textContent = `Could not list the tokens: ${e.message}`;
      return null;
    }
  }

  render() {
    const shown = this.table.apply(this.tokens);
    this.message.textContent = this.table.describe(shown.length, this.tokens.length, 'token');
    replaceChildren(this.rows, shown.map(token => this.row(token)));
  }

  row(token) {
    const active = !token.revokedAt;
    return el('tr', { 'data-token': token.id, 'data-name': token.name, 'data-state': active ? 'active' : 'revoked' },
      el('th', { scope: 'row' }, token.name),
      // Names may repeat (a new token made before the old one is revoked): the id tells them apart.
      // data-label captions each cell when a narrow screen shows the row as a card (roadie.css).
      el('td', { class: 'token-id', 'data-label': 'Id' }, el('code', {}, token.id)),
      el('td', { class: 'nowrap', 'data-label': 'Kind' }, token.kind),
      el('td', { class: 'scopes', 'data-label': 'Scopes' }, scopeList(token.scopes ?? [])),
      el('td', { 'data-label': 'Created' }, formatInstant(token.createdAt)),
      el('td', { 'data-label': 'Last used' }, token.lastUsedAt ? formatInstant(token.lastUsedAt) : 'never'),
      el('td', { 'data-label': 'State' }, el('span', { class: `state state-${active ? 'active' : 'revoked'}` },
        icon(active ? 'circle-check' : 'ban'), active ? 'active' : `revoked ${formatInstant(token.revokedAt)}`)),
      el('td', { class: 'actions' }, active ? el('button', {
        type: 'button', class: 'danger', 'aria-label': `Revoke ${token.name} (${token.id})`,
        onclick: () => this.revoke(token),
      }, labelled('ban', 'Revoke')) : null));
  }

  async create() {
    this.formError.textContent = '';
    const name = byId('token-name').value.trim();
    const kind = byId('token-kind').value.trim();
    const scopes = [...this.form.querySelectorAll('input[name=scope]:checked')].map(b => b.value)
      .concat(byId('token-more-scopes').value.split(/\s+/).filter(Boolean));
    try {
      const created = await this.api.post('/api/tokens', { name, kind, scopes });
      byId('token-created').hidden = false;
      byId('token-created-value').value = created.token;
      byId('token-copy-status').textContent = '';
      byId('token-created-value').focus();
      byId('token-created-value').select();
      this.form.reset();
      byId('token-kind').value = 'web';
      const tokens = await this.load();
      const info = created.info;
      const identity = `${info.kind}/${info.name}`;
      const sameIdentity = (tokens ?? []).filter(token => !token.revokedAt && token.id !== info.id
        && token.kind === info.kind && token.name === info.name).map(token => token.id);
      this.message.textContent = `Created ${identity} (id ${info.id}) with ${
        (info.scopes ?? []).join(' ') || 'no scopes'}.` + (sameIdentity.length === 0 ? ''
        : ` Note: the active token ${sameIdentity.join(', ')} also connects as ${identity}; clients using`
          + ' both replace each other’s connections. Revoke the old one once this one is in use, or give each'
          + ' device its own name.');
    } catch (e) {
      this.formError.textContent = `Not created: ${e.message}`;
    }
  }

  async copy() {
    const field = byId('token-created-value');
    const status = byId('token-copy-status');
    try {
      await globalThis.navigator.clipboard.writeText(field.value);
      status.textContent = 'Copied.';
    } catch (e) {
      // Clipboard access can be refused (permissions, no secure context): leave it selected to copy by hand.
      field.focus();
      field.select();
      status.textContent = `Copy it by hand (Ctrl+C): ${e.message}`;
    }
  }

  async revoke(token) {
    if (!(await confirmAction(`Revoke ${token.kind}/${token.name}? Everything using it is disconnected at once.`,
      'Revoke'))) return;
    try {
      await this.api.delete(`/api/tokens/${encodeURIComponent(token.id)}`);
      await this.load();
      this.message.textContent = `Revoked ${token.name} (id ${token.id}).`;
    } catch (e) {
      this.message.textContent = `Could not revoke ${token.name}: ${e.message}`;
    }
  }
}

/** Each scope as written, its meaning on hover, separated by spaces. */
function scopeList(scopes) {
  return scopes.flatMap((scope, i) => {
    const meaning = describeScope(scope);
    const item = el('span', { class: 'scope', title: meaning }, scope);
    return i === 0 ? [item] : [' ', item];
  });
}
