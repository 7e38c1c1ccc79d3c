// The hub's registry as this page sees it, live, and the one place the page keeps it: subscribes
// to topic `registry` and keeps the entries by KIND/NAME. A snapshot (first subscription of a
// session, so also after a hub restart) comes in numbered parts and replaces everything once the
// last is in; `registry.changed` events update one entry; `registry.stats` messages carry only
// new stats (docs/PROTOCOL.md §11.5). Everything the socket pushes lands here, through receive();
// views read it through the methods below and listen for 'change', they never write to it.
// Certificate news on the same topic (`cert.renewed`, `cert.expiring`) are passed on as
// 'certificate' events.

/** Stats samples kept per service for the load sparklines: a minute or two at one update a second. */
const HISTORY = 60;

export class RegistryStore extends EventTarget {
  #client;
  #entries = new Map();
  // KIND/NAME -> the last HISTORY stats with the time they arrived, oldest first.
  #history = new Map();
  // KIND/NAME -> when the page last had news of it; stats updates carry no lastSeen of their own.
  #heard = new Map();
  // Entries of the snapshot parts received so far, until the last part.
  #snapshotParts = null;
  #error = null;

  constructor(client) {
    super();
    this.#client = client;
  }

  async start() {
    try {
      await this.#client.subscribe('registry', message => this.receive(message));
    } catch (e) {
      this.#error = e;
      this.#changed();
    }
  }

  /** Why the registry cannot be shown (the subscription was refused), or null. */
  get error() {
    return this.#error;
  }

  /** Takes one message of topic `registry` from the socket. */
  receive(message, now = Date.now()) {
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
      if (part === 1 || this.#snapshotParts === null) this.#snapshotParts = [];
      this.#snapshotParts.push(...(body.entries ?? []));
      if (part < parts) return;
      this.#entries = new Map(this.#snapshotParts.map(entry => [idOf(entry), entry]));
      this.#snapshotParts = null;
      for (const id of [...this.#history.keys()]) if (!this.#entries.has(id)) this.#forget(id);
      for (const [id, entry] of this.#entries) this.#record(id, entry.stats, entry.lastSeen, now);
    } else if (message.subject === 'registry.stats') {
      let changed = false;
      for (const update of body.updates ?? []) {
        const entry = this.#entries.get(update.service);
        if (entry === undefined) continue;
        this.#entries.set(update.service, { ...entry, stats: update.stats });
        // The hub renews lastSeen with every stats frame (§11.4): the news is as fresh as now.
        this.#record(update.service, update.stats, new Date(now).toISOString(), now);
        changed = true;
      }
      if (!changed) return;
    } else if (message.subject === 'registry.changed' && body.entry) {
      const id = idOf(body.entry);
      if (body.change === 'removed') {
        this.#entries.delete(id);
        this.#forget(id);
      } else {
        this.#entries.set(id, body.entry);
        this.#record(id, body.entry.stats, body.entry.lastSeen, now);
      }
    } else {
      return;
    }
    this.#changed();
  }

  /** Every entry, sorted by kind then name, as the hub sorts them. */
  list() {
    return [...this.#entries.values()].sort((a, b) => idOf(a).localeCompare(idOf(b)));
  }

  ofKind(kind) {
    return this.list().filter(entry => entry.service?.kind === kind);
  }

  /** How many entries are in each state: `{ up: 2, draining: 0, retired: 0, down: 1 }`. */
  countByState() {
    const counts = { up: 0, draining: 0, retired: 0, down: 0 };
    for (const entry of this.#entries.values()) counts[entry.state] = (counts[entry.state] ?? 0) + 1;
    return counts;
  }

  /** The stats samples of KIND/NAME received while the page was open, oldest first: `[{ at, stats }]`. */
  history(id) {
    return [...(this.#history.get(id) ?? [])];
  }

  /** When the page last had news of KIND/NAME (an ISO instant), or null. */
  lastHeard(id) {
    return this.#heard.get(id) ?? null;
  }

  #record(id, stats, lastSeen, now) {
    if (lastSeen && (!this.#heard.has(id) || Date.parse(lastSeen) > Date.parse(this.#heard.get(id)))) {
      this.#heard.set(id, lastSeen);
    }
    if (!stats) return;
    const samples = this.#history.get(id) ?? [];
    if (samples.at(-1)?.stats === stats) return;
    samples.push({ at: now, stats });
    if (samples.length > HISTORY) samples.shift();
    this.#history.set(id, samples);
  }

  #forget(id) {
    this.#history.delete(id);
    this.#heard.delete(id);
  }

  #changed() {
    this.dispatchEvent(new CustomEvent('change'));
  }
}

export function idOf(entry) {
  return `${entry.service?.kind}/${entry.service?.name}`;
}
