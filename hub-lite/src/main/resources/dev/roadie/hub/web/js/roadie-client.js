/**
 * The Roadie hub's JavaScript client: one WebSocket to the hub that stays up, for the web page,
 * the Chrome extension and Node bots. It speaks the protocol of docs/PROTOCOL.md as the Java SDK
 * does: hello and resume, numbered frames with cumulative acks, heartbeats and dead-link
 * detection, reconnects with full-jitter backoff, replay and resend, duplicates dropped by
 * (from, id), subscriptions restored in a new session, goodbyes honoured.
 *
 * No DOM and no `window`: timers come from globalThis, and the WebSocket constructor may be
 * passed in (Node passes the `ws` package's). See docs/CLIENT-JS.md.
 *
 * @module roadie-client
 */
import { backoffDelay, backoffOptions } from './roadie/backoff.js';
import { Calls } from './roadie/calls.js';
import { RoadieError } from './roadie/errors.js';
import { Outbox, OutgoingFrame } from './roadie/outbox.js';
import { RateGate } from './roadie/rate-gate.js';
import { RecentMessages } from './roadie/recent.js';

export { RoadieError };
export { backoffBound, backoffDelay, DEFAULT_BACKOFF } from './roadie/backoff.js';

/** What the client tells the hub it is, for the hub's logs. */
export const CLIENT_SOFTWARE = 'roadie-js/0.1';
const PROTOCOL_VERSION = 1;
/** Ack at once when this many hub frames wait for one: far below the hub's 10,000-frame limit. */
const ACK_EVERY = 64;
/** Otherwise ack within this long, so that the hub can drop what it keeps for replay. */
const ACK_WITHIN_MS = 50;
/** WebSocket.OPEN, the same in browsers and in `ws`. */
const OPEN = 1;
/** WebSocket.CONNECTING. */
const CONNECTING = 0;
/** The close code for a link the client gives up but whose session it wants to keep: not 1000/1001, which end it. */
const ABANDON_CODE = 4000;
const TOPIC = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const DEFAULTS = Object.freeze({
  requestTimeoutMs: 10_000,
  connectTimeoutMs: 10_000,
  heartbeatMs: 15_000,
  heartbeatTolerance: 2,
});

/** A logger that says nothing below warnings, so that a page's console stays quiet. */
const QUIET_CONSOLE = Object.freeze({
  debug() {},
  info() {},
  warn: (...args) => globalThis.console?.warn(...args),
  error: (...args) => globalThis.console?.error(...args),
});

/**
 * A connection to the Roadie hub.
 *
 * Events (an EventTarget; `e.detail` holds the data):
 * - `state`: `{state, retryInMs?, hubRestarted?, reason?, resumed?, welcome?}` on every change;
 *   `state` is `connecting`, `connected`, `reconnecting` or `closed`.
 * - `message`: every `message` frame delivered (duplicates dropped), as `{id, from, to, subject, body, durable}`.
 * - `error`: error frames from the hub not tied to a frame this client is waiting on, `{code, message, re}`.
 */
export class RoadieClient extends EventTarget {
  #options;
  #WebSocket;
  #log;
  #backoff;
  #random;
  #state = 'idle';
  #closed = false;

  #socket = null;
  #welcomed = false;
  #sessionId = null;
  #epoch = null;
  #welcome = null;
  #identity = null;
  #intervalMs = DEFAULTS.heartbeatMs;
  #lastHeard = 0;
  #lastSent = 0;
  #failedAttempts = 0;
  #goodbye = null;
  #refusal = null;

  #connectTimer = null;
  #heartbeatTimer = null;
  #reconnectTimer = null;
  #ackTimer = null;
  #flushTimer = null;

  #connecting = null;
  #outbox = new Outbox();
  #calls = new Calls((frame) => this.#outbox.remove(frame));
  #gate = new RateGate();
  #recent = new RecentMessages();
  #idPrefix = randomPrefix();
  #idCounter = 0;
  #lastHubSeq = 0;
  #ackedHubSeq = 0;
  #maxFrameBytes = Infinity;
  /**
   * Frames a resumed session's welcome says the hub processed. An error refusing one of them may
   * still be in the replay that follows the welcome, so they are settled when the pong of a ping
   * sent after the welcome arrives: the hub answers it after the replay.
   */
  #settling = [];
  #settlePing = 0;
  /** topic -> {handlers: Set, confirmed: Promise, frameId} */
  #topics = new Map();
  /** subject -> request handler */
  #handlers = new Map();
  /** 'KIND/NAME' -> {descriptor, stats, state, frameId}: what a new session must be told again */
  #services = new Map();

  /**
   * @param {object} options
   * @param {string} options.url the hub's socket, `ws://HOST:7070/ws` or `wss://...`
   * @param {string} options.token the bearer token, sent in the hello
   * @param {string} [options.kind] the kind to connect as (default: the token's)
   * @param {string} [options.name] the name to connect as (default: the token's)
   * @param {typeof WebSocket} [options.WebSocket] the WebSocket constructor (default globalThis.WebSocket)
   * @param {{initialMs?: number, maxMs?: number}} [options.backoff] reconnect delays: 250 ms doubling up to 15 s
   * @param {number} [options.requestTimeoutMs] default deadline of requests and gathers (10 s)
   * @param {number} [options.connectTimeoutMs] how long one attempt may take to the welcome (10 s)
   * @param {number} [options.heartbeatMs] ping after this much silence; the hub's shorter interval wins (15 s)
   * @param {number} [options.heartbeatTolerance] intervals of silence from the hub before the link is dead (2)
   * @param {{debug: Function, info: Function, warn: Function, error: Function}} [options.logger] (console, warnings and errors only)
   * @param {() => number} [options.random] numbers in [0, 1) for the jitter (Math.random)
   */
  constructor(options) {
    super();
    if (!options || typeof options.url !== 'string' || !/^wss?:\/\//.test(options.url)) {
      throw new TypeError(`RoadieClient needs options.url, the hub's socket (ws://HOST:7070/ws), got ${options?.url}`);
    }
    if (typeof options.token !== 'string' || options.token.trim() === '') {
      throw new TypeError('RoadieClient needs options.token, a bearer token (rd_...)');
    }
    this.#WebSocket = options.WebSocket ?? globalThis.WebSocket;
    if (typeof this.#WebSocket !== 'function') {
      throw new TypeError('no WebSocket here: pass options.WebSocket (in Node: the `ws` package\'s WebSocket)');
    }
    this.#options = { ...DEFAULTS };
    for (const [key, value] of Object.entries(options)) {
      if (value !== undefined) {
        this.#options[key] = value;
      }
    }
    for (const key of ['requestTimeoutMs', 'connectTimeoutMs', 'heartbeatMs']) {
      if (!(this.#options[key] > 0)) {
        throw new TypeError(`options.${key} must be a positive number of milliseconds, got ${this.#options[key]}`);
      }
    }
    if (!(this.#options.heartbeatTolerance >= 2)) {
      throw new TypeError(`options.heartbeatTolerance must be at least 2, got ${this.#options.heartbeatTolerance}`);
    }
    this.#backoff = backoffOptions(options.backoff);
    this.#log = options.logger ?? QUIET_CONSOLE;
    this.#random = options.random ?? Math.random;
  }

  /** The state now: `idle` before connect(), then `connecting`, `connected`, `reconnecting` or `closed`. */
  get state() {
    return this.#state;
  }

  /** The current (or last) session's id, null before the first welcome. */
  get sessionId() {
    return this.#sessionId;
  }

  /** The hub's epoch from the last welcome: it changes when the hub restarts. */
  get epoch() {
    return this.#epoch;
  }

  /** The last welcome frame, null before the first. */
  get welcome() {
    return this.#welcome;
  }

  /**
   * Starts connecting, and keeps the client connected until close().
   * @returns {Promise<object>} the first welcome; rejects with a RoadieError when the hub refuses
   *   the client for good (a bad token: code `unauthorized`) or close() comes first
   */
  connect() {
    if (this.#closed) {
      return Promise.reject(new RoadieError('closed', 'the client is closed'));
    }
    if (!this.#connecting) {
      let resolve;
      let reject;
      const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.#connecting = { promise, resolve, reject };
      this.#beginAttempt();
    }
    return this.#connecting.promise;
  }

  /**
   * Sends a message; waits in the outbox while the hub is unreachable.
   * @param {string} to an address: `service:KIND/NAME`, `kind:KIND`, `one:KIND`, `topic:TOPIC` or `all`
   * @param {string} subject what it is about
   * @param {*} [body] any JSON value
   * @param {{durable?: boolean}} [options] durable: stored by the hub until each receiver acknowledged it
   * @returns {Promise<void>} resolves when the hub acknowledged it; rejects with the hub's error when refused
   */
  send(to, subject, body, options = {}) {
    return this.#promise(() => {
      checkAddress(to);
      checkSubject(subject);
      const template = { type: 'message', id: this.#nextId(), to, subject, body };
      if (options.durable) {
        template.durable = true;
      }
      return new Promise((resolve, reject) => {
        this.#enqueue(new OutgoingFrame(template, { counted: true, onAck: resolve, onRefuse: reject }));
      });
    });
  }

  /**
   * Sends a request to one receiver and waits for its reply.
   * @param {string} to `service:KIND/NAME` or `one:KIND`
   * @param {string} subject
   * @param {*} [body]
   * @param {{timeoutMs?: number}} [options] the deadline (default requestTimeoutMs)
   * @returns {Promise<*>} the reply's body when its status is ok; otherwise rejects with a
   *   RoadieError whose `status` is the reply's (`error`, `no-handler`, `timeout`, `gone`,
   *   `no-route`) and `code` its error code
   */
  request(to, subject, body, options = {}) {
    return this.#promise(() => {
      checkAddress(to);
      if (!to.startsWith('service:') && !to.startsWith('one:')) {
        throw new RoadieError('invalid-frame', `a request goes to one receiver (service:KIND/NAME or one:KIND),`
          + ` got '${to}': send a gather to reach many`);
      }
      checkSubject(subject);
      const timeoutMs = checkTimeout(options.timeoutMs ?? this.#options.requestTimeoutMs);
      const template = { type: 'request', id: this.#nextId(), to, subject, body, timeoutMs };
      return this.#call(template, 'request', timeoutMs);
    });
  }

  /**
   * Sends one request to every receiver of an address and waits for the hub's gathered result.
   * @param {string} to any address, usually `kind:KIND` or `topic:TOPIC`
   * @param {string} subject
   * @param {*} [body]
   * @param {{mode?: 'all'|'first'|'quorum', quorum?: number, timeoutMs?: number}} [options]
   * @returns {Promise<{re: string, mode: string, complete: boolean, results: Array<{service: string,
   *   status: string, body?: *, error?: {code: string, message: string}, ms?: number}>}>}
   */
  gather(to, subject, body, options = {}) {
    return this.#promise(() => {
      checkAddress(to);
      checkSubject(subject);
      const mode = options.mode ?? 'all';
      if (!['all', 'first', 'quorum'].includes(mode)) {
        throw new RoadieError('invalid-frame', `mode must be all, first or quorum, got '${mode}'`);
      }
      if (mode === 'quorum' && !(Number.isInteger(options.quorum) && options.quorum >= 1)) {
        throw new RoadieError('invalid-frame', `mode quorum needs a quorum of at least 1, got ${options.quorum}`);
      }
      const timeoutMs = checkTimeout(options.timeoutMs ?? this.#options.requestTimeoutMs);
      const template = { type: 'gather', id: this.#nextId(), to, subject, body, timeoutMs, mode };
      if (mode === 'quorum') {
        template.quorum = options.quorum;
      }
      return this.#call(template, 'gather', timeoutMs);
    });
  }

  /**
   * Hands every message on a topic to `handler`. Several handlers may share a topic: the client
   * subscribes once, and subscribes again by itself in a new session.
   * @param {string} topic the topic, without `topic:`
   * @param {(message: {id: string, from: string, to: string, subject: string, body: *, durable: boolean}) => void} handler
   * @returns {Promise<() => Promise<void>>} resolves, once the hub confirmed the subscription, with
   *   the function that removes this handler (and unsubscribes when it was the topic's last)
   */
  subscribe(topic, handler) {
    return this.#promise(() => {
      if (typeof topic !== 'string' || !TOPIC.test(topic)) {
        throw new RoadieError('invalid-frame', `a topic is 1 to 128 letters, digits, '.', '_', ':' or '-',`
          + ` starting with a letter or digit; got '${topic}'`);
      }
      if (typeof handler !== 'function') {
        throw new TypeError('subscribe needs a handler function');
      }
      let entry = this.#topics.get(topic);
      if (!entry) {
        entry = { handlers: new Set(), frameId: null, confirmed: null };
        this.#topics.set(topic, entry);
        entry.confirmed = new Promise((resolve, reject) => {
          entry.frameId = this.#enqueueSubscribe(topic, resolve, (error) => {
            if (this.#topics.get(topic) === entry) {
              this.#topics.delete(topic);
            }
            reject(error);
          });
        });
        // A refusal is reported to every subscribe() caller; this keeps it from being unhandled too.
        entry.confirmed.catch(() => {});
      }
      const registered = entry;
      registered.handlers.add(handler);
      return registered.confirmed.then(() => () => this.#unsubscribe(topic, registered, handler));
    });
  }

  /**
   * Announces a service in the hub's registry (scope `announce:KIND`); the client announces it
   * again, with its latest stats and state, in every new session.
   * @param {{kind: string, name: string, endpoint?: string, capabilities?: string[],
   *   labels?: Object<string, string>, secrets?: Object<string, string>}} descriptor
   * @returns {Promise<void>} resolves when the hub acknowledged it; rejects when refused
   */
  announce(descriptor) {
    return this.#promise(() => {
      if (!descriptor || !NAME.test(descriptor.kind ?? '') || !NAME.test(descriptor.name ?? '')) {
        throw new RoadieError('invalid-frame', 'a service needs a kind and a name of 1 to 64 lower-case letters,'
          + ` digits, '.', '_' or '-'; got ${JSON.stringify(descriptor)}`);
      }
      const id = `${descriptor.kind}/${descriptor.name}`;
      const known = this.#services.get(id);
      const entry = { descriptor, stats: known?.stats, state: known?.state ?? 'up', frameId: null };
      this.#services.set(id, entry);
      return new Promise((resolve, reject) => {
        const frame = new OutgoingFrame({ type: 'announce', id: this.#nextId(), service: descriptor }, {
          counted: true,
          onAck: resolve,
          onRefuse: (error) => {
            // A refused announcement must not be repeated in every new session.
            if (this.#services.get(id) === entry) {
              this.#services.delete(id);
            }
            reject(error);
          },
        });
        entry.frameId = frame.id;
        this.#enqueue(frame);
      });
    });
  }

  /**
   * Reports a service's load (a NodeStats object, PROTOCOL.md 11.2) for a service this client announced.
   * @param {string} service `KIND/NAME`
   * @param {object} stats
   * @returns {Promise<void>}
   */
  updateStats(service, stats) {
    return this.#registryFrame(service, { type: 'stats', service, stats }, (entry) => {
      entry.stats = stats;
    });
  }

  /**
   * Moves a service this client announced to `up`, `draining` or `retired`.
   * @param {string} service `KIND/NAME`
   * @param {'up'|'draining'|'retired'} state
   * @returns {Promise<void>}
   */
  setServiceState(service, state) {
    return this.#promise(() => {
      if (!['up', 'draining', 'retired'].includes(state)) {
        throw new RoadieError('invalid-frame', `a service's state is up, draining or retired, got '${state}'`);
      }
      return this.#registryFrame(service, { type: 'state', service, state }, (entry) => {
        entry.state = state;
      });
    });
  }

  /**
   * Answers requests of a subject. The handler's return value (or what its promise resolves to)
   * is the reply's body; a RoadieError it throws becomes an `error` reply with its code; any other
   * failure an `error` reply with code `handler-failed`. Requests of a subject without a handler
   * are answered `no-handler`.
   * @param {string} subject
   * @param {(request: {id: string, from: string, subject: string, body: *, timeoutMs: number}) => *} handler
   * @returns {() => void} removes the handler
   */
  handle(subject, handler) {
    checkSubject(subject);
    if (typeof handler !== 'function') {
      throw new TypeError('handle needs a handler function');
    }
    if (this.#handlers.has(subject)) {
      throw new RoadieError('invalid-frame', `requests of subject '${subject}' already have a handler`);
    }
    this.#handlers.set(subject, handler);
    return () => {
      if (this.#handlers.get(subject) === handler) {
        this.#handlers.delete(subject);
      }
    };
  }

  /**
   * Leaves for good: closes the link with 1000, which ends the session on the hub, and fails
   * everything still waiting with a RoadieError of code `closed`.
   */
  close() {
    if (this.#closed) {
      return;
    }
    this.#sendAck();
    this.#closed = true;
    const socket = this.#socket;
    this.#socket = null;
    this.#welcomed = false;
    this.#stopTimers();
    globalThis.clearTimeout(this.#reconnectTimer);
    if (socket) {
      detach(socket);
      if (socket.readyState === OPEN || socket.readyState === CONNECTING) {
        try {
          socket.close(1000, 'client closed');
        } catch (e) {
          this.#log.debug('Closing the socket failed', e);
        }
      }
    }
    this.#stop(new RoadieError('closed', 'the client was closed before this was done'), 'closed by the application');
  }

  // ---- the link

  #beginAttempt() {
    this.#reconnectTimer = null;
    if (this.#closed) {
      return;
    }
    this.#goodbye = null;
    this.#refusal = null;
    this.#welcomed = false;
    this.#setState('connecting', {});
    let socket;
    try {
      socket = new this.#WebSocket(this.#options.url);
    } catch (e) {
      this.#lost(0, `cannot open ${this.#options.url}: ${e?.message ?? e}`);
      return;
    }
    this.#socket = socket;
    this.#connectTimer = globalThis.setTimeout(() => {
      if (socket === this.#socket && !this.#welcomed) {
        this.#lost(0, `no welcome from ${this.#options.url} within ${this.#options.connectTimeoutMs} ms`);
      }
    }, this.#options.connectTimeoutMs);
    socket.onopen = () => {
      if (socket === this.#socket) {
        this.#lastHeard = Date.now();
        this.#write(JSON.stringify(this.#hello()));
      }
    };
    socket.onmessage = (event) => {
      if (socket !== this.#socket) {
        return;
      }
      this.#lastHeard = Date.now();
      if (typeof event.data !== 'string') {
        return;
      }
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        this.#log.warn(`Ignored a frame from the hub that is not JSON: ${e.message}`);
        return;
      }
      if (frame && typeof frame === 'object' && !Array.isArray(frame)) {
        this.#onFrame(socket, frame);
      }
    };
    socket.onclose = (event) => {
      if (socket === this.#socket) {
        const reason = event.reason ? `${event.reason} (${event.code})` : `closed (${event.code})`;
        this.#lost(event.code, reason);
      }
    };
    // A failed socket is followed by its close event, which decides what comes next.
    socket.onerror = () => {};
  }

  #hello() {
    const hello = { type: 'hello', token: this.#options.token };
    if (this.#options.kind) {
      hello.kind = this.#options.kind;
    }
    if (this.#options.name) {
      hello.name = this.#options.name;
    }
    if (this.#sessionId) {
      hello.resume = { session: this.#sessionId, lastSeq: this.#lastHubSeq };
    }
    hello.protocol = PROTOCOL_VERSION;
    hello.client = CLIENT_SOFTWARE;
    return hello;
  }

  #onFrame(socket, frame) {
    if (frame.type === 'goodbye') {
      this.#goodbye = frame;
      this.#log.info(`The hub said goodbye (${frame.reason}); coming back in about ${frame.reconnectMs ?? 0} ms`);
      try {
        socket.close(1000, 'goodbye');
      } catch (e) {
        this.#log.debug('Closing after the goodbye failed', e);
      }
      return;
    }
    if (!this.#welcomed) {
      if (frame.type === 'welcome') {
        this.#onWelcome(socket, frame);
      } else if (frame.type === 'error') {
        this.#refusal = { code: frame.code ?? 'unauthorized', message: frame.message ?? frame.code };
      }
      return;
    }
    switch (frame.type) {
      case 'ping':
        this.#writeControl({ type: 'pong', ts: frame.ts ?? 0 });
        // Browsers run a hidden tab's timers as rarely as once a minute; the hub's pings still
        // arrive, so owed acks go out with the pong rather than wait for the ack timer.
        if (this.#lastHubSeq > this.#ackedHubSeq) {
          this.#sendAck();
        }
        break;
      case 'pong':
        if (this.#settling.length > 0 && frame.ts === this.#settlePing) {
          this.#settleAll();
        }
        break;
      case 'ack':
        for (const acked of this.#outbox.acknowledge(Number(frame.seq) || 0)) {
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

  #onWelcome(socket, welcome) {
    globalThis.clearTimeout(this.#connectTimer);
    this.#welcomed = true;
    this.#failedAttempts = 0;
    const resumed = welcome.resumed === true && welcome.session === this.#sessionId;
    const hubRestarted = this.#epoch !== null && this.#epoch !== welcome.epoch;
    this.#sessionId = welcome.session;
    this.#epoch = welcome.epoch;
    this.#welcome = welcome;
    this.#identity = welcome.you ? `${welcome.you.kind}/${welcome.you.name}` : null;
    const hubMs = welcome.heartbeatMs > 0 ? welcome.heartbeatMs : Infinity;
    this.#intervalMs = Math.min(this.#options.heartbeatMs, hubMs);
    const limits = welcome.limits ?? {};
    this.#gate.configure(limits.framesPerSecond ?? 0);
    this.#maxFrameBytes = limits.maxFrameBytes > 0 ? limits.maxFrameBytes : Infinity;
    this.#lastSent = Date.now();
    this.#log.info(`${resumed ? 'Resumed' : 'Opened'} session ${welcome.session} as ${this.#identity}`
      + ` (epoch ${welcome.epoch})`);
    if (resumed) {
      this.#resumedSession(Number(welcome.lastSeq) || 0);
    } else {
      this.#newSession();
    }
    const tick = Math.max(10, Math.min(1000, this.#intervalMs / 4));
    this.#heartbeatTimer = globalThis.setInterval(() => this.#beat(socket), tick);
    this.#setState('connected', { resumed, hubRestarted, welcome });
    this.#connecting?.resolve(welcome);
  }

  #beat(socket) {
    if (socket !== this.#socket || !this.#welcomed) {
      return;
    }
    const now = Date.now();
    const silent = now - this.#lastHeard;
    if (silent > this.#intervalMs * this.#options.heartbeatTolerance) {
      this.#log.warn(`Nothing heard from the hub for ${silent} ms: the link is dead, reconnecting`);
      this.#lost(1006, `dead link: nothing heard from the hub for ${silent} ms`);
    } else if (now - this.#lastSent >= this.#intervalMs) {
      this.#writeControl({ type: 'ping', ts: now });
    }
  }

  /** The current link ended (or never worked): decide what comes next. */
  #lost(code, reason) {
    const socket = this.#socket;
    const wasWelcomed = this.#welcomed;
    this.#socket = null;
    this.#welcomed = false;
    this.#stopTimers();
    if (socket) {
      abandon(socket, this.#log);
    }
    if (this.#closed) {
      return;
    }
    if (code === 4003 || code === 4010) {
      const refusal = this.#refusal;
      const error = refusal
        ? new RoadieError(refusal.code, refusal.message)
        : new RoadieError(code === 4010 ? 'replaced' : 'unauthorized', reason);
      this.#log.error(`The hub refused this client, which stops: ${error.code}: ${error.message}`);
      this.#closed = true;
      this.#stop(error, `refused: ${error.code}: ${error.message}`);
      return;
    }
    let delay;
    if (this.#goodbye) {
      const ms = Math.max(0, Number(this.#goodbye.reconnectMs) || 0);
      reason = `goodbye (${this.#goodbye.reason}): back in about ${ms} ms`;
      const jitterBound = Math.max(100, Math.min(1000, ms / 10));
      delay = ms + Math.floor(this.#random() * (jitterBound + 1));
      this.#failedAttempts = wasWelcomed ? 0 : this.#failedAttempts + 1;
    } else if (wasWelcomed) {
      this.#failedAttempts = 0;
      delay = backoffDelay(0, this.#backoff, this.#random);
    } else {
      this.#failedAttempts += 1;
      delay = backoffDelay(this.#failedAttempts, this.#backoff, this.#random);
    }
    this.#log.info(`Link lost (${reason}); reconnecting in ${delay} ms`);
    this.#setState('reconnecting', { retryInMs: delay, reason });
    this.#reconnectTimer = globalThis.setTimeout(() => this.#beginAttempt(), delay);
  }

  /** The client stops for good: fail what waits and say so. */
  #stop(error, reason) {
    this.#settleAll();
    for (const frame of this.#outbox.drain()) {
      frame.refused(error);
    }
    this.#calls.failAll(error);
    this.#topics.clear();
    this.#services.clear();
    this.#setState('closed', { reason });
    this.#connecting?.reject(error);
  }

  #stopTimers() {
    for (const timer of [this.#connectTimer, this.#ackTimer, this.#flushTimer]) {
      globalThis.clearTimeout(timer);
    }
    globalThis.clearInterval(this.#heartbeatTimer);
    this.#connectTimer = null;
    this.#ackTimer = null;
    this.#flushTimer = null;
    this.#heartbeatTimer = null;
  }

  #setState(state, detail) {
    this.#state = state;
    this.#emit('state', { state, ...detail });
  }

  #emit(type, detail) {
    this.dispatchEvent(new RoadieEvent(type, detail));
  }

  // ---- sessions

  /**
   * A new session: the hub numbers from 1 and knows nothing of this client, so its topics are
   * subscribed first, then every frame it had not confirmed is sent again under new numbers.
   */
  #newSession() {
    this.#lastHubSeq = 0;
    this.#ackedHubSeq = 0;
    // The old session processed them; no error about them can come any more.
    this.#settleAll();
    const lost = this.#calls.sessionLost();
    if (lost > 0) {
      this.#log.info(`${lost} calls were delivered in the previous session; their answers are lost`);
    }
    const restore = [];
    for (const [topic, entry] of this.#topics) {
      if (this.#outbox.find(entry.frameId)) {
        continue; // its subscribe has not been confirmed yet: it goes out with the rest
      }
      const frame = this.#subscribeFrame(topic, () => {}, (error) => {
        this.#log.warn(`The hub refused the subscription to ${topic} again: ${error.code}: ${error.message}`);
        this.#topics.delete(topic);
        this.#emit('error', { code: error.code, message: error.message, re: frame.id });
      });
      entry.frameId = frame.id;
      restore.push(frame);
    }
    restore.push(...this.#restoreServices());
    this.#outbox.renumber(true, restore);
    this.#flush();
  }

  /** The same session continues: confirm what the hub processed, write the rest again with the same numbers. */
  #resumedSession(lastProcessed) {
    this.#settling.push(...this.#outbox.acknowledge(lastProcessed));
    this.#outbox.rewriteAll();
    if (this.#settling.length > 0) {
      this.#settlePing += 1;
      this.#writeControl({ type: 'ping', ts: this.#settlePing });
    }
    this.#flush();
  }

  #settleAll() {
    const settled = this.#settling;
    this.#settling = [];
    settled.forEach((frame) => frame.acked());
  }

  // ---- sending

  #promise(start) {
    if (this.#closed) {
      return Promise.reject(new RoadieError('closed', 'the client is closed'));
    }
    try {
      return start();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  #call(template, kind, timeoutMs) {
    const frame = new OutgoingFrame(template, { counted: true });
    this.#outbox.reserve(frame);
    const answer = this.#calls.start(frame, kind, timeoutMs);
    this.#outbox.add(frame);
    this.#flush();
    return answer;
  }

  #enqueue(frame) {
    this.#outbox.reserve(frame);
    this.#outbox.add(frame);
    this.#flush();
  }

  #registryFrame(service, fields, remember) {
    return this.#promise(() => {
      if (typeof service !== 'string' || !service.includes('/')) {
        throw new RoadieError('invalid-frame', `a service is named KIND/NAME, got '${service}'`);
      }
      const entry = this.#services.get(service);
      if (entry) {
        remember(entry);
      }
      return new Promise((resolve, reject) => {
        this.#enqueue(new OutgoingFrame({ ...fields, id: this.#nextId() },
          { counted: true, onAck: resolve, onRefuse: reject }));
      });
    });
  }

  /** The frames that tell a new session about the services this client announced. */
  #restoreServices() {
    const frames = [];
    for (const [id, entry] of this.#services) {
      if (this.#outbox.find(entry.frameId)) {
        continue; // its announce has not been confirmed yet: it goes out with the rest
      }
      const announce = new OutgoingFrame({ type: 'announce', id: this.#nextId(), service: entry.descriptor }, {
        onRefuse: (error) => {
          this.#log.warn(`The hub refused the announcement of ${id} again: ${error.code}: ${error.message}`);
          this.#services.delete(id);
          this.#emit('error', { code: error.code, message: error.message, re: announce.id });
        },
      });
      entry.frameId = announce.id;
      frames.push(announce);
      if (entry.stats) {
        frames.push(new OutgoingFrame({ type: 'stats', id: this.#nextId(), service: id, stats: entry.stats }));
      }
      if (entry.state !== 'up') {
        frames.push(new OutgoingFrame({ type: 'state', id: this.#nextId(), service: id, state: entry.state }));
      }
    }
    return frames;
  }

  #subscribeFrame(topic, onAck, onRefuse) {
    return new OutgoingFrame({ type: 'subscribe', id: this.#nextId(), topic }, { onAck, onRefuse });
  }

  #enqueueSubscribe(topic, onAck, onRefuse) {
    const frame = this.#subscribeFrame(topic, onAck, onRefuse);
    this.#enqueue(frame);
    return frame.id;
  }

  #unsubscribe(topic, entry, handler) {
    entry.handlers.delete(handler);
    if (entry.handlers.size > 0 || this.#topics.get(topic) !== entry || this.#closed) {
      return Promise.resolve();
    }
    this.#topics.delete(topic);
    return new Promise((resolve, reject) => {
      this.#enqueue(new OutgoingFrame({ type: 'unsubscribe', id: this.#nextId(), topic },
        { onAck: resolve, onRefuse: reject }));
    });
  }

  #sessionOpen() {
    return this.#welcomed && this.#socket !== null && this.#socket.readyState === OPEN;
  }

  #flush() {
    if (this.#flushTimer !== null || !this.#sessionOpen()) {
      return;
    }
    let next;
    while ((next = this.#outbox.peekToWrite()) !== null) {
      if (this.#tooLarge(next)) {
        continue;
      }
      if (!this.#gate.tryTake()) {
        this.#flushTimer = globalThis.setTimeout(() => {
          this.#flushTimer = null;
          this.#flush();
        }, Math.max(1, this.#gate.waitMs()));
        return;
      }
      if (!this.#write(next.text)) {
        return;
      }
      this.#outbox.written(next);
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
    this.#outbox.remove(frame);
    frame.refused(new RoadieError('too-large', `frame of ${bytes} bytes is over the hub's limit of`
      + ` ${this.#maxFrameBytes} bytes: send less in one frame`));
    return true;
  }

  #write(text) {
    const socket = this.#socket;
    if (!socket || socket.readyState !== OPEN) {
      return false;
    }
    try {
      socket.send(text);
      this.#lastSent = Date.now();
      return true;
    } catch (e) {
      this.#log.debug('Writing to the socket failed', e);
      return false;
    }
  }

  /** Writes a control frame (ping, pong, ack) at once: they never wait. */
  #writeControl(frame) {
    if (this.#sessionOpen()) {
      this.#gate.take();
      this.#write(JSON.stringify(frame));
    }
  }

  #nextId() {
    this.#idCounter += 1;
    return `${this.#idPrefix}-${this.#idCounter.toString(36)}`;
  }

  // ---- receiving

  #onNumbered(frame) {
    const seq = Number(frame.seq) || 0;
    if (seq !== 0) {
      if (seq <= this.#lastHubSeq) {
        this.#log.debug(`Dropped hub frame ${seq}: already received`);
        this.#scheduleAck();
        return;
      }
      this.#lastHubSeq = seq;
      if (this.#lastHubSeq - this.#ackedHubSeq >= ACK_EVERY) {
        this.#sendAck();
      } else {
        this.#scheduleAck();
      }
    }
    switch (frame.type) {
      case 'message':
        this.#deliver(frame);
        break;
      case 'request':
        this.#serve(frame);
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

  #scheduleAck() {
    if (this.#ackTimer === null) {
      this.#ackTimer = globalThis.setTimeout(() => {
        this.#ackTimer = null;
        this.#sendAck();
      }, ACK_WITHIN_MS);
    }
  }

  #sendAck() {
    globalThis.clearTimeout(this.#ackTimer);
    this.#ackTimer = null;
    if (this.#sessionOpen() && this.#lastHubSeq > 0) {
      this.#writeControl({ type: 'ack', seq: this.#lastHubSeq });
      this.#ackedHubSeq = this.#lastHubSeq;
    }
  }

  #deliver(frame) {
    if (frame.from != null && !this.#recent.firstTime(frame.from, frame.id)) {
      this.#log.debug(`Dropped a duplicate of message ${frame.id} from ${frame.from}`);
      return;
    }
    const message = {
      id: frame.id,
      from: frame.from,
      to: frame.to,
      subject: frame.subject,
      body: frame.body,
      durable: frame.durable === true,
    };
    this.#emit('message', message);
    if (typeof frame.to === 'string' && frame.to.startsWith('topic:')) {
      const entry = this.#topics.get(frame.to.slice('topic:'.length));
      for (const handler of entry ? [...entry.handlers] : []) {
        this.#runMessageHandler(handler, message);
      }
    }
  }

  #runMessageHandler(handler, message) {
    const failed = (e) => this.#log.warn(`The handler of '${message.subject}' from ${message.from} failed;`
      + ' the next message is handled as usual', e);
    try {
      const result = handler(message);
      if (result && typeof result.then === 'function') {
        result.then(undefined, failed);
      }
    } catch (e) {
      failed(e);
    }
  }

  #serve(frame) {
    const reply = (status, body, error) => {
      const template = { type: 'reply', id: this.#nextId(), re: frame.id, status };
      if (body !== undefined) {
        template.body = body;
      }
      if (error) {
        template.error = error;
      }
      this.#enqueue(new OutgoingFrame(template));
    };
    const handler = this.#handlers.get(frame.subject);
    if (!handler) {
      reply('no-handler', undefined, { code: 'no-handler',
        message: `${this.#identity ?? 'this client'} handles no requests of subject '${frame.subject}'` });
      return;
    }
    const request = { id: frame.id, from: frame.from, subject: frame.subject, body: frame.body,
      timeoutMs: Number(frame.timeoutMs) || 0 };
    Promise.resolve()
      .then(() => handler(request))
      .then((body) => reply('ok', body === null ? undefined : body), (e) => {
        if (e instanceof RoadieError) {
          reply('error', undefined, { code: e.code || 'internal', message: e.message });
        } else {
          this.#log.warn(`The handler of request '${frame.subject}' from ${frame.from} failed`, e);
          reply('error', undefined, { code: 'handler-failed', message: String(e?.message ?? e) });
        }
      })
      .catch((e) => this.#log.debug('The reply could not be queued', e));
  }

  #refused(frame) {
    const code = frame.code ?? 'internal';
    const message = frame.message ?? code;
    if (code === 'rate-limited') {
      // The hub dropped some frames unprocessed and does not say which: send every unconfirmed
      // one again under new numbers, after a pause. Receivers drop duplicate messages by id.
      this.#log.warn(`The hub dropped frames over its rate limit (${message}); sending`
        + ` ${this.#outbox.size} unconfirmed frames again`);
      this.#gate.penalize();
      this.#outbox.renumber(false);
      this.#flush();
      return;
    }
    let target = this.#outbox.find(frame.re);
    if (target) {
      this.#outbox.remove(target);
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

/** A CustomEvent where there is one; a plain Event with `detail` elsewhere. */
class RoadieEvent extends (globalThis.CustomEvent ?? Event) {
  constructor(type, detail) {
    super(type, { detail });
    if (this.detail !== detail) {
      Object.defineProperty(this, 'detail', { value: detail });
    }
  }
}

function checkAddress(to) {
  if (typeof to !== 'string' || !/^(service:|kind:|one:|topic:|all$)/.test(to)) {
    throw new RoadieError('invalid-frame', `address must be service:KIND/NAME, kind:KIND, one:KIND, topic:TOPIC`
      + ` or all, got '${to}'`);
  }
}

function checkSubject(subject) {
  if (typeof subject !== 'string' || subject.trim() === '' || subject.length > 128) {
    throw new RoadieError('invalid-frame', `a subject is a non-blank string of at most 128 characters, got '${subject}'`);
  }
}

function checkTimeout(timeoutMs) {
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new RoadieError('invalid-frame', `timeoutMs must be a positive whole number of milliseconds, got ${timeoutMs}`);
  }
  return timeoutMs;
}

/** Stops listening to a socket; a no-op error listener stays, since `ws` throws on unheard errors. */
function detach(socket) {
  socket.onopen = null;
  socket.onmessage = null;
  socket.onclose = null;
  socket.onerror = () => {};
}

/**
 * Drops a link without ending its session: never 1000 or 1001. A dead link never completes a
 * close handshake, so `ws` sockets are destroyed at once where they can be.
 */
function abandon(socket, log) {
  detach(socket);
  try {
    if (typeof socket.terminate === 'function') {
      socket.terminate();
    } else if (socket.readyState === OPEN || socket.readyState === CONNECTING) {
      socket.close(ABANDON_CODE, 'link abandoned');
    }
  } catch (e) {
    log.debug('Dropping the socket failed', e);
  }
}

/** A random prefix for frame ids, so that ids stay unique across reloads and restarts. */
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
