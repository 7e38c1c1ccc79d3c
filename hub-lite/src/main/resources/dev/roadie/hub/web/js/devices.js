// Devices (admin): approve or deny devices asking to pair (by the code they show, or from the list),
// invite one with a single-use code and link, list the paired devices and revoke one
// (docs/PAIRING.md). Nothing pushes pairing requests over the socket, so the lists are read from
// REST every few seconds, and only while the view is shown.
import { confirmAction } from './confirm.js';
import { byId, el, formatAgo, formatInstant, icon, labelled, replaceChildren } from './dom.js';

// A device polls every 5 s; a request appearing within as long is soon enough for the owner.
const REFRESH_MS = 5_000;

export class DevicesView {
  constructor({ api, scopes }) {
    this.api = api;
    this.allowed = scopes.admin;
    this.message = byId('devices-message');
    this.timer = null;
    this.visible = false;
    byId('device-approve').addEventListener('submit', event => {
      event.preventDefault();
      this.decide(byId('device-code').value, 'approve');
    });
    byId('device-deny').addEventListener('click', () => {
      if (byId('device-approve').reportValidity()) this.decide(byId('device-code').value, 'deny');
    });
    byId('device-invite').addEventListener('submit', event => {
      event.preventDefault();
      this.invite();
    });
    // The verification link a device shows, #devices?code=BCDF-GHJK, fills in its code.
    window.addEventListener('hashchange', () => this.codeFromAddress());
    if (!this.allowed) {
      for (const id of ['device-approve', 'device-invite']) byId(id).hidden = true;
    }
  }

  shown() {
    this.visible = true;
    this.codeFromAddress();
    if (!this.allowed) {
      this.message.textContent = 'Pairing devices needs an admin token; this one is not.';
      return;
    }
    this.load();
    this.timer = setInterval(() => this.load(), REFRESH_MS);
  }

  hidden() {
    this.visible = false;
    clearInterval(this.timer);
    this.timer = null;
  }

  hubRestarted() {
    if (this.visible && this.allowed) this.load();
  }

  codeFromAddress() {
    const query = location.hash.split('?')[1];
    const code = query ? new URLSearchParams(query).get('code') : null;
    if (code) byId('device-code').value = code;
  }

  async load() {
    try {
      const [requests, devices] = await Promise.all([this.api.get('/api/pair/requests'),
        this.api.get('/api/pair/devices')]);
      this.renderRequests(requests ?? []);
      this.renderDevices(devices ?? []);
    } catch (e) {
      this.message.textContent = `Could not list the devices: ${e.message}`;
    }
  }

  renderRequests(requests) {
    byId('pairing-empty').hidden = requests.length > 0;
    byId('pairing-table').hidden = requests.length === 0;
    replaceChildren(byId('pairing-rows'), requests.map(request => el('tr', { 'data-request': request.id },
      el('th', { scope: 'row' }, request.name),
      el('td', { 'data-label': 'Kind' }, request.kind),
      el('td', { 'data-label': 'Platform' }, request.platform ?? ''),
      el('td', { 'data-label': 'Address' }, request.address ?? ''),
      el('td', { 'data-label': 'Asked' }, formatAgo(request.createdAt)),
      el('td', { class: 'actions' },
        el('button', { type: 'button', 'aria-label': `Approve ${request.name}`,
          onclick: () => this.decide(request.id, 'approve', request.name) }, labelled('circle-check', 'Approve')),
        el('button', { type: 'button', class: 'danger', 'aria-label': `Deny ${request.name}`,
          onclick: () => this.decide(request.id, 'deny', request.name) }, labelled('ban', 'Deny'))))));
  }

  renderDevices(devices) {
    const active = devices.filter(device => !device.revokedAt).length;
    byId('devices-table').hidden = devices.length === 0;
    byId('devices-summary').textContent = devices.length === 0 ? 'No device has paired yet.'
      : `${active} paired device${active === 1 ? '' : 's'}${devices.length > active
        ? `, ${devices.length - active} revoked` : ''}.`;
    replaceChildren(byId('devices-rows'), devices.map(device => {
      const on = !device.revokedAt;
      return el('tr', { 'data-device': device.tokenId, 'data-state': on ? 'active' : 'revoked' },
        el('th', { scope: 'row' }, device.deviceName ?? device.tokenName),
        el('td', { 'data-label': 'Kind' }, device.kind),
        el('td', { 'data-label': 'Platform' }, device.platform ?? ''),
        el('td', { 'data-label': 'Address' }, device.address ?? ''),
        el('td', { 'data-label': 'Paired' }, formatInstant(device.pairedAt)),
        el('td', { 'data-label': 'Last seen' }, device.lastSeen ? formatAgo(device.lastSeen) : 'never'),
        el('td', { 'data-label': 'State' }, el('span', { class: `state state-${on ? 'active' : 'revoked'}` },
          icon(on ? 'circle-check' : 'ban'), on ? 'active' : `revoked ${formatInstant(device.revokedAt)}`)),
        el('td', { class: 'actions' }, on ? el('button', {
          type: 'button', class: 'danger', 'aria-label': `Revoke ${device.deviceName ?? device.tokenName}`,
          onclick: () => this.revoke(device),
        }, labelled('ban', 'Revoke')) : null));
    }));
  }

  /** Approves or denies the request with this code or id; `name` is given when it was picked from the list. */
  async decide(codeOrId, decision, name) {
    const error = byId('device-approve-error');
    error.textContent = '';
    const reference = codeOrId.trim();
    if (!reference) return;
    if (name && decision === 'approve' && !(await confirmAction(`Approve ${name}? Check first that the code on`
      + ' the device is the one you expect: anyone who can reach the hub can ask under any name.', 'Approve'))) return;
    try {
      const request = await this.api.post(`/api/pair/requests/${encodeURIComponent(reference)}/${decision}`,
        decision === 'approve' ? narrowing() : undefined);
      this.message.textContent = decision === 'approve'
        ? `Approved ${request.name} (${request.kind}): it gets its token on its next poll.`
        : `Denied ${request.name} (${request.kind}).`;
      byId('device-code').value = '';
      await this.load();
    } catch (e) {
      error.textContent = `Not ${decision === 'approve' ? 'approved' : 'denied'}: ${e.message}`;
    }
  }

  async invite() {
    const error = byId('device-invite-error');
    error.textContent = '';
    try {
      const invite = await this.api.post('/api/pair/invites', { kind: byId('device-invite-kind').value,
        ...narrowing() });
      byId('device-invited').hidden = false;
      byId('device-invited-code').textContent = invite.code;
      byId('device-invited-link').value = invite.link;
      // A phone's camera reads the link from the screen: no typing. The hub draws it (qrcodegen), as SVG.
      replaceChildren(byId('device-invited-qr'), el('img', { class: 'qr', alt: `QR code of the link ${invite.link}`,
        src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(invite.qrSvg)}` }));
      byId('device-invited-until').textContent = formatInstant(invite.expiresAt);
    } catch (e) {
      error.textContent = `No invite: ${e.message}`;
    }
  }

  async revoke(device) {
    const name = device.deviceName ?? device.tokenName;
    if (!(await confirmAction(`Revoke ${name}? It is disconnected at once and must pair again.`, 'Revoke'))) return;
    try {
      await this.api.delete(`/api/pair/devices/${encodeURIComponent(device.tokenId)}`);
      await this.load();
      this.message.textContent = `Revoked ${name}.`;
    } catch (e) {
      this.message.textContent = `Could not revoke ${name}: ${e.message}`;
    }
  }
}

/** The guilds and music bots the owner bound the device to, from the approve form; empty lists bind nothing. */
function narrowing() {
  const words = id => byId(id).value.split(/[\s,]+/).filter(Boolean);
  return { guilds: words('device-guilds'), bots: words('device-bots') };
}
