// The hub's registry as this page sees it, live: subscribes to topic `registry` and keeps the
// entries by KIND/NAME. A snapshot (first subscription of a session, so also after a hub restart)
// replaces everything; `registry.changed` events update one entry (docs/PROTOCOL.md §11.5).
// Certificate news on the same topic (`cert.renewed`, `cert.expiring`) are passed on as 'certificate' events.

export class RegistryStore extends EventTarget {
  constructor(client) {
    super();
    this.client = client;
    this.entries = new Map();
    this.error = null;
  }

  async start() {
    try {
      await this.client.subscribe('registry', message => this.receive(message));
    } catch (e) {
      this.error = e;
      this.dispatchEvent(new CustomEvent('change'));
    }
  }

  receive(message) {
    // Only the hub publishes on topic registry; the same subject through another address is a client's.
    if (message.to !== undefined && message.to !== 'topic:registry') return;
    const body = message.body ?? {};
    if (message.subject?.startsWith('cert.')) {
      // The hub also tells registry subscribers when a certificate is renewed or about to expire.
      this.dispatchEvent(new CustomEvent('certificate', { detail: message }));
      return;
    }
    if (message.subject === 'registry.snapshot') {
      this.entries = new Map((body.entries ?? []).map(entry => [idOf(entry), entry]));
    } else if (message.subject === 'registry.changed' && body.entry) {
      if (body.change === 'removed') this.entries.delete(idOf(body.entry));
      else this.entries.set(idOf(body.entry), body.entry);
    } else {
      return;
    }
    this.dispatchEvent(new CustomEvent('change'));
  }

  /** Every entry, sorted by kind then name, as the hub sorts them. */
  list() {
    return [...this.entries.values()].sort((a, b) => idOf(a).localeCompare(idOf(b)));
  }

  ofKind(kind) {
    return this.list().filter(entry => entry.service?.kind === kind);
  }
}

export function idOf(entry) {
  return `${entry.service?.kind}/${entry.service?.name}`;
}
