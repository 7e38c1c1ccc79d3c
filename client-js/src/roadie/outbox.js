import { RoadieError } from './errors.js';

/** Room for `"seq":N,` when a frame's size is measured before it has a number. */
const SEQ_ROOM = 28;

/** The defaults of the outbox limits, as in the Java SDK. */
export const DEFAULT_OUTBOX = Object.freeze({ maxFrames: 10_000, maxBytes: 16 * 1024 * 1024 });

/**
 * A numbered frame the client sends, kept until the hub acknowledges it. Its number changes
 * when a new session starts (both sides number from 1 again); its id never does, so that
 * receivers can drop the duplicate of a frame sent twice.
 */
export class OutgoingFrame {
  /**
   * @param {object} template the frame without `seq`; it has `type` and `id`
   * @param {{counted?: boolean, onAck?: (value?: unknown) => void, onRefuse?: (error: RoadieError) => void}} [hooks]
   *   counted: whether it counts against the outbox limits (the application's frames do, the
   *   client's own replies and subscriptions do not)
   */
  constructor(template, hooks = {}) {
    this.template = template;
    this.counted = hooks.counted ?? false;
    this.size = this.counted ? JSON.stringify(template).length + SEQ_ROOM : 0;
    this.seq = 0;
    this.text = '';
    this.written = false;
    this.done = false;
    this.settled = false;
    this.onAck = hooks.onAck ?? (() => {});
    this.onRefuse = hooks.onRefuse ?? (() => {});
  }

  get id() {
    return this.template.id;
  }

  /** Gives the frame its number in the current session; `type` first and `seq` next, as the hub writes. */
  number(seq) {
    this.seq = seq;
    const { type, ...rest } = this.template;
    this.text = JSON.stringify({ type, seq, ...rest });
    this.written = false;
  }

  /** The hub processed it: runs onAck once. */
  acked() {
    if (!this.settled) {
      this.settled = true;
      this.onAck();
    }
  }

  /** The hub (or the client) refused it: runs onRefuse once. */
  refused(error) {
    if (!this.settled) {
      this.settled = true;
      this.onRefuse(error);
    }
  }
}

/**
 * The numbered frames not yet acknowledged by the hub, in the order of their numbers, and the
 * queue of those still to be written on the current link.
 */
export class Outbox {
  #maxFrames;
  #maxBytes;
  #frames = 0;
  #bytes = 0;
  /** By id, in sequence order: frames are added with growing numbers and renumbered in order. */
  #pending = new Map();
  #toWrite = [];
  #nextSeq = 1;

  constructor(limits = {}) {
    this.#maxFrames = limits.maxFrames ?? DEFAULT_OUTBOX.maxFrames;
    this.#maxBytes = limits.maxBytes ?? DEFAULT_OUTBOX.maxBytes;
  }

  /** Reserves room for an application frame, or throws RoadieError 'outbox-full'. */
  reserve(frame) {
    if (!frame.counted) {
      return;
    }
    if (this.#frames + 1 > this.#maxFrames) {
      throw new RoadieError('outbox-full', `${this.#maxFrames} frames already wait for the hub's confirmation`
        + ' (the outbox limit): the hub is unreachable or slow; wait for the connection');
    }
    if (this.#bytes + frame.size > this.#maxBytes) {
      throw new RoadieError('outbox-full', `the frames waiting for the hub's confirmation would exceed `
        + `${this.#maxBytes} bytes (the outbox limit): the hub is unreachable or slow; wait for the connection`);
    }
    this.#frames += 1;
    this.#bytes += frame.size;
  }

  /** Numbers the frame in the current session and queues it for writing. */
  add(frame) {
    frame.number(this.#nextSeq++);
    this.#pending.set(frame.id, frame);
    this.#toWrite.push(frame);
  }

  /** The next frame to write, or null. */
  peekToWrite() {
    while (this.#toWrite.length > 0 && (this.#toWrite[0].done || this.#toWrite[0].written)) {
      this.#toWrite.shift();
    }
    return this.#toWrite[0] ?? null;
  }

  /** Marks the frame returned by peekToWrite() as written. */
  written(frame) {
    frame.written = true;
    if (this.#toWrite[0] === frame) {
      this.#toWrite.shift();
    }
  }

  /** Removes and returns every frame numbered up to `seq`: the hub acknowledged them. */
  acknowledge(seq) {
    const acked = [];
    for (const frame of this.#pending.values()) {
      if (frame.seq > seq) {
        break;
      }
      this.#pending.delete(frame.id);
      this.#finish(frame);
      acked.push(frame);
    }
    return acked;
  }

  /** The pending frame with this id, or null. */
  find(id) {
    return id == null ? null : this.#pending.get(id) ?? null;
  }

  /** Drops a frame that is no longer wanted (refused, or its request expired before it was sent). */
  remove(frame) {
    if (this.#pending.get(frame.id) === frame) {
      this.#pending.delete(frame.id);
      this.#finish(frame);
    }
  }

  /** A resumed session: the hub keeps its numbers, so every pending frame is written again with the same one. */
  rewriteAll() {
    this.#toWrite = [...this.#pending.values()];
    for (const frame of this.#toWrite) {
      frame.written = false;
    }
  }

  /**
   * Numbers every pending frame again, after `first`, and queues them all: a new session
   * (`fromOne`: numbering from 1) or frames the hub dropped unprocessed (numbering on).
   */
  renumber(fromOne, first = []) {
    if (fromOne) {
      this.#nextSeq = 1;
    }
    const all = [...first, ...this.#pending.values()];
    this.#pending.clear();
    this.#toWrite = [];
    for (const frame of all) {
      this.add(frame);
    }
  }

  /** Removes and returns everything, for a client that stops. */
  drain() {
    const all = [...this.#pending.values()];
    this.#pending.clear();
    this.#toWrite = [];
    all.forEach((frame) => this.#finish(frame));
    return all;
  }

  /** How many frames wait for the hub's confirmation. */
  get size() {
    return this.#pending.size;
  }

  #finish(frame) {
    if (!frame.done) {
      frame.done = true;
      if (frame.counted) {
        this.#frames -= 1;
        this.#bytes -= frame.size;
      }
    }
  }
}
