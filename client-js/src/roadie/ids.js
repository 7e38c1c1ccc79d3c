/**
 * Frame ids: a random prefix per client and a counter, so that ids stay unique across
 * reconnects, page reloads and restarts (receivers drop duplicates by sender and id).
 */
export class Ids {
  #prefix = randomPrefix();
  #counter = 0;

  next() {
    this.#counter += 1;
    return `${this.#prefix}-${this.#counter.toString(36)}`;
  }
}

function randomPrefix() {
  const bytes = new Uint8Array(8);
  if (globalThis.crypto?.getRandomValues) {
    globalThis.crypto.getRandomValues(bytes);
  } else {
    bytes.forEach((_, i) => {
      bytes[i] = Math.floor(Math.random() * 256);
    });
  }
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 13);
}
