/**
 * The (from, id) pairs of the last messages delivered, to drop duplicates: a sender resends
 * what the hub had not confirmed after a reconnect, and the hub delivers durable messages
 * again until they are acknowledged. Bounded; the oldest entries are forgotten first.
 */
export class RecentMessages {
  /** How many pairs are remembered, as in the Java SDK. */
  static CAPACITY = 10_000;

  #seen = new Map();
  #capacity;

  constructor(capacity = RecentMessages.CAPACITY) {
    this.#capacity = capacity;
  }

  /** Records the message; false when it was seen before. */
  firstTime(from, id) {
    const key = `${from}\n${id}`;
    if (this.#seen.has(key)) {
      // Seen again: move it to the young end, so a message that keeps coming back stays known.
      this.#seen.delete(key);
      this.#seen.set(key, true);
      return false;
    }
    this.#seen.set(key, true);
    if (this.#seen.size > this.#capacity) {
      this.#seen.delete(this.#seen.keys().next().value);
    }
    return true;
  }
}
