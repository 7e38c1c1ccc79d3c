/**
 * Keeps the client under the hub's framesPerSecond: the hub drops frames over it unprocessed
 * and closes clients that keep flooding. A token bucket refilled at 90 % of the hub's rate, as
 * in the Java SDK.
 */
export class RateGate {
  #perMs = 0;
  #burst = 1;
  #tokens = 1;
  #last = Date.now();

  constructor() {
    this.configure(0);
  }

  /** Applies the rate from the welcome (0 or absent: the protocol's default of 200). */
  configure(framesPerSecond) {
    const rate = framesPerSecond > 0 ? framesPerSecond : 200;
    this.#perMs = (rate * 0.9) / 1000;
    this.#burst = Math.max(1, rate / 2);
    this.#tokens = this.#burst;
    this.#last = Date.now();
  }

  /** Takes a token for a frame that may wait; false when it must wait waitMs(). */
  tryTake() {
    this.#refill();
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return true;
    }
    return false;
  }

  /** Takes a token for a control frame, which never waits (acks, pongs, pings count on the hub too). */
  take() {
    this.#refill();
    this.#tokens -= 1;
  }

  /** Milliseconds until the next token. */
  waitMs() {
    return Math.ceil((1 - this.#tokens) / this.#perMs);
  }

  /** Stops sending for a while after the hub said it dropped frames over its rate. */
  penalize() {
    this.#tokens = Math.min(this.#tokens, 0) - this.#burst;
  }

  #refill() {
    const now = Date.now();
    this.#tokens = Math.min(this.#burst, this.#tokens + Math.max(0, now - this.#last) * this.#perMs);
    this.#last = now;
  }
}
