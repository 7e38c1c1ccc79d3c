// The connection indicator: connected, reconnecting in N s, hub restarted, closed. It follows
// the client's 'state' events; the countdown ticks once a second while a reconnect waits.
import { byId, el, replaceChildren } from './dom.js';

export class ConnectionIndicator {
  constructor(client) {
    this.node = byId('connection');
    this.timer = null;
    client.addEventListener('state', e => this.show(e.detail));
    this.show({ state: client.state });
  }

  show(detail) {
    globalThis.clearInterval(this.timer);
    this.timer = null;
    this.node.dataset.state = detail.state;
    switch (detail.state) {
      case 'connected':
        this.node.textContent = detail.hubRestarted ? 'Connected: the hub restarted' : 'Connected';
        if (detail.hubRestarted) this.node.dataset.state = 'restarted';
        break;
      case 'connecting':
        this.node.textContent = 'Connecting…';
        break;
      case 'reconnecting':
        this.countdown(detail.retryInMs);
        break;
      case 'idle':
        this.node.textContent = 'Not connected';
        break;
      default:
        this.node.textContent = detail.reason ? `Disconnected: ${detail.reason}` : 'Disconnected';
    }
  }

  countdown(retryInMs) {
    if (!Number.isFinite(retryInMs)) {
      this.node.textContent = 'Reconnecting…';
      return;
    }
    // Screen readers hear "Reconnecting" once; the seconds tick in a part they do not announce.
    const seconds = el('span', { 'aria-hidden': 'true' });
    replaceChildren(this.node, 'Reconnecting ', seconds);
    const at = Date.now() + retryInMs;
    const render = () => {
      const left = Math.ceil((at - Date.now()) / 1000);
      seconds.textContent = left > 0 ? `in ${left} s` : '…';
      if (left <= 0) {
        globalThis.clearInterval(this.timer);
        this.timer = null;
      }
    };
    render();
    this.timer = globalThis.setInterval(render, 1000);
  }
}
