import { RoadieError } from './errors.js';

/** After its deadline, a delivered call waits this much longer for the hub's own timeout answer. */
export const GRACE_MS = 2_000;

/**
 * Requests and gathers waiting for their answers, with their deadlines. The hub answers every
 * call it received (with a timeout at the latest); the client's own deadline is the backstop
 * for calls the hub never received or whose answer went down with a lost session.
 */
export class Calls {
  #calls = new Map();
  #removeFrame;

  /** @param {(frame: import('./outbox.js').OutgoingFrame) => void} removeFrame drops a frame not sent yet */
  constructor(removeFrame) {
    this.#removeFrame = removeFrame;
  }

  /**
   * Starts waiting for the answer to `frame` (a request or a gather) and hooks its ack and refusal.
   * @returns {Promise<any>} settles with the answer
   */
  start(frame, kind, timeoutMs) {
    return new Promise((resolve, reject) => {
      const call = { id: frame.id, kind, frame, timeoutMs, delivered: false, timer: null, resolve, reject };
      frame.onAck = () => {
        call.delivered = true;
      };
      frame.onRefuse = (error) => {
        if (this.#calls.get(call.id) === call) {
          this.#end(call);
        }
        reject(error);
      };
      this.#calls.set(call.id, call);
      call.timer = globalThis.setTimeout(() => this.#expire(call), timeoutMs);
    });
  }

  #expire(call) {
    if (this.#calls.get(call.id) !== call) {
      return;
    }
    if (!call.delivered) {
      // Never confirmed by the hub: do not send it late, and answer now.
      this.#end(call);
      this.#removeFrame(call.frame);
      call.reject(new RoadieError('timeout', `the hub could not be reached within ${call.timeoutMs} ms;`
        + ` the ${call.kind} was not delivered`, { status: 'timeout' }));
      return;
    }
    call.timer = globalThis.setTimeout(() => {
      if (this.#calls.get(call.id) === call) {
        this.#end(call);
        call.reject(new RoadieError('timeout', `no answer within ${call.timeoutMs} ms (and none from the hub`
          + ` ${GRACE_MS} ms later)`, { status: 'timeout' }));
      }
    }, GRACE_MS);
  }

  /** A reply from the hub: resolves with its body when ok, rejects with its error otherwise. */
  reply(frame) {
    const call = this.#take(frame.re, 'request');
    if (!call) {
      return false;
    }
    if (frame.status === 'ok') {
      call.resolve(frame.body);
    } else {
      const error = frame.error ?? {};
      call.reject(new RoadieError(error.code ?? frame.status ?? 'error', error.message ?? frame.status,
        { status: frame.status, from: frame.from }));
    }
    return true;
  }

  /** A gather result from the hub: resolves with it, without its type and seq. */
  gatherResult(frame) {
    const call = this.#take(frame.re, 'gather');
    if (!call) {
      return false;
    }
    call.resolve({
      re: frame.re,
      mode: frame.mode ?? 'all',
      complete: frame.complete === true,
      results: Array.isArray(frame.results) ? frame.results : [],
    });
    return true;
  }

  /**
   * A new session began: calls the old one delivered can get no answer any more (the hub routes
   * answers to sessions). Calls not yet delivered go out again with the outbox.
   * @returns {number} how many calls were ended
   */
  sessionLost() {
    let lost = 0;
    for (const call of [...this.#calls.values()]) {
      if (call.delivered) {
        lost += 1;
        this.#end(call);
        call.reject(new RoadieError('connection-lost', `the link to the hub was lost after the ${call.kind} was`
          + ' delivered and the hub started a new session: its answer cannot come; send it again if it is safe'
          + ' to repeat', { status: 'gone' }));
      }
    }
    return lost;
  }

  /** The client stops: every call fails with `error`. */
  failAll(error) {
    for (const call of [...this.#calls.values()]) {
      this.#end(call);
      call.reject(error);
    }
  }

  #take(id, kind) {
    const call = this.#calls.get(id);
    if (!call || call.kind !== kind) {
      return null;
    }
    this.#end(call);
    return call;
  }

  #end(call) {
    this.#calls.delete(call.id);
    globalThis.clearTimeout(call.timer);
  }
}
