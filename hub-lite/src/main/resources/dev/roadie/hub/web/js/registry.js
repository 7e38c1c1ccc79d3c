// The hub's registry as this page sees it, live: subscribes to topic `registry` and keeps the
// entries by KIND/NAME. A snapshot (first subscription of a session, so also after a hub restart)
// comes in numbered parts and replaces everything once the last is in; `registry.changed` events
// update one entry; `registry.stats` messages carry only new stats (docs/PROTOCOL.md §11.5).
// Certificate news on the same topic (`cert.renewed`, `cert.expiring`) are passed on as 'certificate' events.

export class RegistryStore extends EventTarget {
  constructor(client) {
    super();
    this.client = client;
    this.entries = new Map();
    this.error = null;
    // Entries of the snapshot parts received so far, until the last part.
    this.snapshotParts = null;
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
      // Older hubs send one part without numbers: it is then the first and the last.
      const part = body.part ?? 1;
      const parts = body.parts ?? part;
      if (part === 1 || this.snapshotParts === null) this.snapshotParts = [];
      this.snapshotParts.push(...(body.entries ?? []));
      if (part < parts) return;
      this.entries = new Map(this.snapshotParts.map(entry => [idOf(entry), entry]));
      this.snapshotParts = null;
    } else if (message.subject === 'registry.stats') {
      let changed = false;
      for (const update of body.updates ?? []) {
        const entry = this.entries.get(update.service);
        if (entry === undefined) continue;
        this.entries.set(update.service, { ...entry, stats: update.stats });
        changed = true;
      }
      if (!changed) return;
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
