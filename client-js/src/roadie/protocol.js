import { Calls } from './calls.js';
import { Dispatch } from './dispatch.js';
import { ErrorCode } from './error-codes.js';
import { RoadieError } from './errors.js';
import { Outbox, OutgoingFrame } from './outbox.js';
import { RateGate } from './rate-gate.js';

/** Ack at once when this many hub frames wait for one: far below the hub's 10,000-frame limit. */
const ACK_EVERY = 64;
/** Otherwise ack within this long, so that the hub can drop what it keeps for replay. */
const ACK_WITHIN_MS = 50;

/**
 * The frames of a session: numbering and writing what the client sends (paced under the hub's
 * rate), acknowledging what the hub sends (batched), settling frames when the hub acknowledges or
 * refuses them, and handing messages, requests and answers on. Link and session changes come
 * from the Connector.
 */
export class Protocol {
  outbox = new Outbox();
  #calls = new Calls((frame) => this.outbox.remove(frame));
  #gate = new RateGate();
  #dispatch;
  #registrations;
  #ids;
  #log;
  #emit;
  /** {sessionOpen(): boolean, write(text): boolean}: the Connector, which knows the current link. */
  #writer = null;

  #lastHubSeq = 0;
  #ackedHubSeq = 0;
  #maxFrameBytes = Infinity;
  #ackTimer = null;
  #flushTimer = null;
  /**
   * Frames a resumed session's welcome says the hub processed. An error refusing one of them may
   * still be in the replay that follows the welcome, so they are settled when the pong of a ping
   * sent after the welcome arrives: the hub answers it after the replay.
   */
  #settling = [];
  #settlePing = 0;

  /**
   * @param {object} parts
   * @param {import('./registrations.js').Registrations} parts.registrations
   * @param {import('./ids.js').Ids} parts.ids
   * @param {object} parts.log
   * @param {(type: string, detail: object) => void} parts.emit
   * @param {() => string|null} parts.identity
   */
  constructor({ registrations, ids, log, emit, identity }) {
    this.#registrations = registrations;
    this.#ids = ids;
    this.#log = log;
    this.#emit = emit;
    this.#dispatch = new Dispatch({ registrations, emit, log, identity,
      reply: (fields) => this.enqueue(new OutgoingFrame({ ...fields, id: ids.next() })) });
  }

  set writer(writer) {
    this.#writer = writer;
  }

  /** The last hub sequence number received, to name when resuming. */
  get lastHubSeq() {
    return this.#lastHubSeq;
  }

  // ---- sending

  /** Reserves room for an application frame (or throws `outbox-full`), numbers it and writes it when it can. */
  send(frame) {
    this.outbox.reserve(frame);
    this.enqueue(frame);
  }

  /** Sends a request or gather frame; the promise settles with its answer. */
  call(frame, kind, timeoutMs) {
    this.outbox.reserve(frame);
    const answer = this.#calls.start(frame, kind, timeoutMs);
    this.enqueue(frame);
    return answer;
  }

  /** Numbers a frame, keeps it until acknowledged, and writes it when the session and the rate allow. */
  enqueue(frame) {
    this.outbox.add(frame);
    this.flush();
  }

  flush() {
    if (this.#flushTimer !== null || !this.#writer?.sessionOpen()) {
      return;
    }
    let next;
    while ((next = this.outbox.peekToWrite()) !== null) {
      if (this.#tooLarge(next)) {
        continue;
      }
      if (!this.#gate.tryTake()) {
        this.#flushTimer = globalThis.setTimeout(() => {
          this.#flushTimer = null;
          this.flush();
        }, Math.max(1, this.#gate.waitMs()));
        return;
      }
      if (!this.#writer.write(next.text)) {
        return;
      }
      this.outbox.written(next);
    }
  }

  /**
   * Refuses a frame over the hub's size limit. The hub would drop it with an error that names no
   * frame (and close the link for one over four times the limit, again at every resend).
   */
  #tooLarge(frame) {
    if (frame.text.length * 3 <= this.#maxFrameBytes) {
      return false;
    }
    const bytes = new TextEncoder().encode(frame.text).length;
    if (bytes <= this.#maxFrameBytes) {
      return false;
    }
    this.outbox.remove(frame);
    frame.refused(new RoadieError(ErrorCode.TOO_LARGE, `frame of ${bytes} bytes is over the hub's limit of`
      + ` ${this.#maxFrameBytes} bytes: send less in one frame`));
    return true;
  }

  /** Writes a control frame (ping, pong, ack) at once: they never wait. */
  writeControl(frame) {
    if (this.#writer?.sessionOpen()) {
      this.#gate.take();
      this.#writer.write(JSON.stringify(frame));
    }
  }

  // ---- sessions

  /**
   * A new session: the hub numbers from 1 and knows nothing of this client, so its topics and
   * services are sent first, then every frame it had not confirmed, under new numbers.
   */
  newSession(limits) {
    this.#configure(limits);
    this.#lastHubSeq = 0;
    this.#ackedHubSeq = 0;
    // The old session processed them; no error about them can come any more.
    this.#settleAll();
    const lost = this.#calls.sessionLost();
    if (lost > 0) {
      this.#log.info(`${lost} calls were delivered in the previous session; their answers are lost`);
    }
    const restore = this.#registrations.restoreFrames(() => this.#ids.next(),
      (frameId) => this.outbox.find(frameId) !== null,
      (what, error, frameId) => {
        this.#log.warn(`The hub refused ${what} again: ${error.code}: ${error.message}`);
        this.#emit('error', { code: error.code, message: error.message, re: frameId });
      });
    this.outbox.renumber(true, restore);
    this.flush();
  }

  /** The same session continues: confirm what the hub processed, write the rest again with the same numbers. */
  resumedSession(lastProcessed, limits) {
    this.#configure(limits);
    this.#settling.push(...this.outbox.acknowledge(lastProcessed));
    this.outbox.rewriteAll();
    if (this.#settling.length > 0) {
      this.#settlePing += 1;
      this.writeControl({ type: 'ping', ts: this.#settlePing });
    }
    this.flush();
  }

  #configure(limits = {}) {
    this.#cancelTimers();
    this.#gate.configure(limits.framesPerSecond ?? 0);
    this.#maxFrameBytes = limits.maxFrameBytes > 0 ? limits.maxFrameBytes : Infinity;
  }

  linkDown() {
    this.#cancelTimers();
  }

  /** The client stops for good: send the last ack if it can, and fail everything waiting with `error`. */
  end(error) {
    this.sendAck();
    this.#cancelTimers();
    this.#settleAll();
    for (const frame of this.outbox.drain()) {
      frame.refused(error);
    }
    this.#calls.failAll(error);
  }

  #cancelTimers() {
    globalThis.clearTimeout(this.#ackTimer);
    globalThis.clearTimeout(this.#flushTimer);
    this.#ackTimer = null;
    this.#flushTimer = null;
  }

  #settleAll() {
    const settled = this.#settling;
    this.#settling = [];
    settled.forEach((frame) => frame.acked());
  }

  // ---- receiving

  /** A frame of a welcomed session. */
  onFrame(frame) {
    switch (frame.type) {
      case 'ping':
        this.writeControl({ type: 'pong', ts: frame.ts ?? 0 });
        // Browsers run a hidden tab's timers as rarely as once a minute; the hub's pings still
        // arrive, so owed acks go out with the pong rather than wait for the ack timer.
        if (this.#lastHubSeq > this.#ackedHubSeq) {
          this.sendAck();
        }
        break;
      case 'pong':
        if (this.#settling.length > 0 && frame.ts === this.#settlePing) {
          this.#settleAll();
        }
        break;
      case 'ack':
        for (const acked of this.outbox.acknowledge(Number(frame.seq) || 0)) {
          acked.acked();
        }
        break;
      case 'welcome':
        this.#log.debug('Ignored a second welcome');
        break;
      default:
        this.#onNumbered(frame);
    }
  }

  #onNumbered(frame) {
    if (!this.#accept(Number(frame.seq) || 0)) {
      return;
    }
    switch (frame.type) {
      case 'message':
        this.#dispatch.deliver(frame);
        break;
      case 'request':
        this.#dispatch.serve(frame);
        break;
      case 'reply':
        if (!this.#calls.reply(frame)) {
          this.#log.debug(`Dropped a reply to ${frame.re}: no request waits for it`);
        }
        break;
      case 'gather-result':
        if (!this.#calls.gatherResult(frame)) {
          this.#log.debug(`Dropped a gather result for ${frame.re}: no gather waits for it`);
        }
        break;
      case 'error':
        this.#refused(frame);
        break;
      default:
        this.#log.debug(`Ignored a '${frame.type}' frame from the hub`);
    }
  }

  /** Tracks the hub's numbering; false for a frame received before (replayed after a resume). */
  #accept(seq) {
    if (seq === 0) {
      return true;
    }
    if (seq <= this.#lastHubSeq) {
      this.#log.debug(`Dropped hub frame ${seq}: already received`);
      this.#scheduleAck();
      return false;
    }
    this.#lastHubSeq = seq;
    if (this.#lastHubSeq - this.#ackedHubSeq >= ACK_EVERY) {
      this.sendAck();
    } else {
      this.#scheduleAck();
    }
    return true;
  }

  #scheduleAck() {
    if (this.#ackTimer === null) {
      this.#ackTimer = globalThis.setTimeout(() => {
        this.#ackTimer = null;
        this.sendAck();
      }, ACK_WITHIN_MS);
    }
  }

  sendAck() {
    globalThis.clearTimeout(this.#ackTimer);
    this.#ackTimer = null;
    if (this.#writer?.sessionOpen() && this.#lastHubSeq > 0) {
      this.writeControl({ type: 'ack', seq: this.#lastHubSeq });
      this.#ackedHubSeq = this.#lastHubSeq;
    }
  }

  #refused(frame) {
    const code = frame.code ?? ErrorCode.INTERNAL;
    const message = frame.message ?? code;
    if (code === ErrorCode.RATE_LIMITED) {
      // The hub dropped some frames unprocessed and does not say which: send every unconfirmed
      // one again under new numbers, after a pause. Receivers drop duplicate messages by id.
      this.#log.warn(`The hub dropped frames over its rate limit (${message}); sending`
        + ` ${this.outbox.size} unconfirmed frames again`);
      this.#gate.penalize();
      this.outbox.renumber(false);
      this.flush();
      return;
    }
    let target = this.outbox.find(frame.re);
    if (target) {
      this.outbox.remove(target);
    } else if (frame.re != null) {
      const index = this.#settling.findIndex((settling) => settling.id === frame.re);
      target = index >= 0 ? this.#settling.splice(index, 1)[0] : null;
    }
    if (target) {
      target.refused(new RoadieError(code, message));
    } else {
      this.#log.warn(`The hub reports an error${frame.re ? ` about frame ${frame.re}` : ''}: ${code} ${message}`);
      this.#emit('error', { code, message, re: frame.re });
    }
  }
}
