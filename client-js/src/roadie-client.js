/**
 * The Roadie hub's JavaScript client: one WebSocket to the hub that stays up, for the web page,
 * the Chrome extension and Node bots. It speaks the protocol of docs/PROTOCOL.md as the Java SDK
 * does: hello and resume, numbered frames with cumulative acks, heartbeats and dead-link
 * detection, reconnects with full-jitter backoff, replay and resend, duplicates dropped by
 * (from, id), subscriptions and announcements restored in a new session, goodbyes honoured.
 *
 * No DOM and no `window`: timers come from globalThis, and the WebSocket constructor may be
 * passed in (Node passes the `ws` package's). The machinery is in ./roadie/. See docs/CLIENT-JS.md.
 *
 * @module roadie-client
 */
import { backoffOptions } from './roadie/backoff.js';
import { ErrorCode } from './roadie/error-codes.js';
import { HubRequests } from './roadie/hub-requests.js';
import {
  checkAddress, checkDescriptor, checkGatherMode, checkOneReceiver, checkServiceId, checkServiceState, checkSubject,
  checkTimeout, checkTopic,
} from './roadie/checks.js';
import { Connector } from './roadie/connector.js';
import { RoadieError } from './roadie/errors.js';
import { Ids } from './roadie/ids.js';
import { OutgoingFrame } from './roadie/outbox.js';
import { Protocol } from './roadie/protocol.js';
import { Registrations } from './roadie/registrations.js';

export { RoadieError, HubRequests };
export { backoffBound, backoffDelay, DEFAULT_BACKOFF } from './roadie/backoff.js';
export { CLIENT_SOFTWARE } from './roadie/connector.js';

/**
 * The heartbeat defaults are the hub's and the Java SDK's (`heartbeat` in roadie-defaults.yml,
 * `ClientOptions.DEFAULT_HEARTBEAT_*`): 4 s × 3, so both sides call a silent link dead alike.
 * ClientDefaultsJsTest holds them to the hub's.
 */
const DEFAULTS = Object.freeze({
  requestTimeoutMs: 10_000,
  connectTimeoutMs: 10_000,
  heartbeatMs: 4_000,
  heartbeatTolerance: 3,
});

/**
 * What a RoadieClient is made with; only `url` and `token` are required.
 * @typedef {object} RoadieClientOptions
 * @property {string} url the hub's socket, `ws://HOST:7070/ws` or `wss://...`
 * @property {string} token the bearer token, sent in the hello
 * @property {string} [kind] the kind to connect as (default: the token's)
 * @property {string} [name] the name to connect as (default: the token's)
 * @property {boolean} [replace] whether a new session takes over its identity from another
 *   connection that holds it, which the hub then closes with 4010 (default true, as the Java SDK's
 *   `replaceConnected`); with false the hub refuses this client instead (close 4011,
 *   `identity-in-use`) and the other connection goes on
 * @property {new (url: string) => any} [WebSocket] the WebSocket constructor (default
 *   globalThis.WebSocket; in Node 20, the `ws` package's)
 * @property {{initialMs?: number, maxMs?: number}} [backoff] reconnect delays: 250 ms doubling up to 15 s
 * @property {number} [requestTimeoutMs] default deadline of requests and gathers (10 s)
 * @property {number} [connectTimeoutMs] how long one attempt may take to the welcome (10 s)
 * @property {number} [heartbeatMs] ping after this much silence; the hub's shorter interval wins (4 s)
 * @property {number} [heartbeatTolerance] intervals of silence from the hub before the link is dead (3)
 * @property {RoadieLogger} [logger] where the client logs (console, warnings and errors only)
 * @property {() => number} [random] numbers in [0, 1) for the jitter (Math.random)
 */

/**
 * One provider's answer while a search goes on (PROTOCOL.md, "Requests to the hub").
 * @typedef {object} SearchPart
 * @property {string} re the id of the search request it belongs to
 * @property {{provider: string, status: string, reason?: string, count?: number, latencyMs?: number,
 *   cached?: boolean}} status how the provider did: `ok`, `empty`, `failed`, `timed-out`
 * @property {object[]} [tracks] what it found (absent when nothing)
 */

/**
 * The merged answer of a search, as GET /api/search answers it.
 * @typedef {object} SearchAnswer
 * @property {string} query the search text
 * @property {object[]} [tracks] the tracks found, best first (absent when none)
 * @property {Array<SearchPart['status']>} [providers] how each provider did
 * @property {boolean} [allFailed] true when every provider asked failed or timed out
 */

/**
 * @typedef {object} RoadieLogger
 * @property {(...args: unknown[]) => void} debug
 * @property {(...args: unknown[]) => void} info
 * @property {(...args: unknown[]) => void} warn
 * @property {(...args: unknown[]) => void} error
 */

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
 *   `state` is `connecting`, `connected`, `reconnecting` or `closed`. When the hub refused the
 *   client for good, `closed` also has `error` (the RoadieError everything waiting failed with:
 *   code `unauthorized`, `forbidden`, `replaced` or `identity-in-use`) and `closeCode` (4003,
 *   4010 or 4011).
 * - `message`: every `message` frame delivered (duplicates dropped), as `{id, from, to, subject, body, durable}`.
 * - `error`: error frames from the hub not tied to a frame this client is waiting on, `{code, message, re}`.
 */
export class RoadieClient extends EventTarget {
  #options;
  #log;
  #state = 'idle';
  #closed = false;
  #connecting = null;
  #ids = new Ids();
  #registrations = new Registrations();
  #protocol;
  #connector;

  /**
   * @param {RoadieClientOptions} options
   */
  constructor(options) {
    super();
    this.#options = checkOptions(options);
    this.#log = this.#options.logger;
    const emit = (type, detail) => this.dispatchEvent(new RoadieEvent(type, detail));
    this.#protocol = new Protocol({ registrations: this.#registrations, ids: this.#ids, log: this.#log, emit,
      identity: () => this.#connector.identity });
    this.#connector = new Connector({ options: this.#options, protocol: this.#protocol, log: this.#log, events: {
      state: (state, detail) => {
        this.#state = state;
        emit('state', { state, ...detail });
      },
      welcomed: (welcome) => this.#connecting?.resolve(welcome),
      stopped: (error, reason, closeCode) => {
        this.#closed = true;
        this.#registrations.clear();
        this.#state = 'closed';
        emit('state', closeCode === undefined ? { state: 'closed', reason } : { state: 'closed', reason, error, closeCode });
        this.#connecting?.reject(error);
      },
    } });
  }

  /** The state now: `idle` before connect(), then `connecting`, `connected`, `reconnecting` or `closed`. */
  get state() {
    return this.#state;
  }

  /** The current (or last) session's id, null before the first welcome. */
  get sessionId() {
    return this.#connector.sessionId;
  }

  /** The hub's epoch from the last welcome: it changes when the hub restarts. */
  get epoch() {
    return this.#connector.epoch;
  }

  /** The last welcome frame, null before the first. */
  get welcome() {
    return this.#connector.welcome;
  }

  /**
   * The hubs this client fails over to, in order: `url`, then the other hubs of the cluster that
   * welcomes listed (PROTOCOL.md 8.2).
   * @returns {string[]}
   */
  get hubs() {
    return this.#connector.hubs;
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
      this.#connector.beginAttempt();
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
    return this.#start(() => {
      checkAddress(to);
      checkSubject(subject);
      const template = { type: 'message', id: this.#ids.next(), to, subject, body };
      if (options.durable) {
        template.durable = true;
      }
      return this.#sendFrame(template);
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
    return this.#start(() => {
      checkOneReceiver(to);
      checkSubject(subject);
      const timeoutMs = checkTimeout(options.timeoutMs ?? this.#options.requestTimeoutMs);
      const template = { type: 'request', id: this.#ids.next(), to, subject, body, timeoutMs };
      return this.#protocol.call(new OutgoingFrame(template, { counted: true }), 'request', timeoutMs);
    });
  }

  /**
   * Searches music through the hub's providers over this connection, as GET /api/search does (a
   * request to `hub`, subject `search`; the token needs the scope `search`).
   * @param {string} q the search text
   * @param {{providers?: string[], limit?: number, timeoutMs?: number,
   *   onPartial?: (part: SearchPart) => void}} [options] providers: which to ask (default every
   *   one that searches); limit: most tracks, per provider and merged (1 to 100, default 20); onPartial: gets each
   *   provider's answer as it comes, all of them before the promise resolves
   * @returns {Promise<SearchAnswer>} the merged answer (`allFailed` when no provider could answer);
   *   rejects with a RoadieError whose code is the hub's: `forbidden`, `invalid-frame` (an unknown
   *   provider, a limit out of range), `limit-reached`, or status `timeout`
   */
  search(q, options = {}) {
    return this.#start(() => {
      const timeoutMs = checkTimeout(options.timeoutMs ?? this.#options.requestTimeoutMs);
      const onPartial = options.onPartial;
      if (onPartial !== undefined && typeof onPartial !== 'function') {
        throw new TypeError('onPartial is a function that takes each provider\'s answer');
      }
      const id = this.#ids.next();
      /** @type {{q: string, providers?: string[], limit?: number, stream?: boolean}} */
      const body = { q };
      if (options.providers !== undefined) {
        body.providers = options.providers;
      }
      if (options.limit !== undefined) {
        body.limit = options.limit;
      }
      /** @type {((event: Event) => void) | null} */
      let listener = null;
      if (onPartial) {
        body.stream = true;
        listener = (event) => {
          const message = /** @type {RoadieEvent} */ (event).detail;
          if (message.subject === HubRequests.SEARCH_PART && message.body?.re === id) {
            try {
              onPartial(message.body);
            } catch (e) {
              this.#log.warn('The onPartial callback of a search failed; the search goes on', e);
            }
          }
        };
        this.addEventListener('message', listener);
      }
      const template = { type: 'request', id, to: HubRequests.ADDRESS, subject: HubRequests.SEARCH, body, timeoutMs };
      const answer = this.#protocol.call(new OutgoingFrame(template, { counted: true }), 'request', timeoutMs);
      if (!listener) {
        return answer;
      }
      const stop = () => this.removeEventListener('message', /** @type {(event: Event) => void} */ (listener));
      return answer.then((value) => {
        stop();
        return value;
      }, (e) => {
        stop();
        throw e;
      });
    });
  }

  /**
   * search(), as an async iterator of each provider's answer as it comes; `answer` is the promise
   * of the merged answer. The iteration throws what the search rejects with.
   * @example
   * const search = client.searchParts('paper boats');
   * for await (const part of search) show(part.status.provider, part.tracks);
   * const merged = await search.answer;
   * @param {string} q the search text
   * @param {{providers?: string[], limit?: number, timeoutMs?: number}} [options] as search()
   * @returns {AsyncGenerator<SearchPart, void, void> & {answer: Promise<SearchAnswer>}}
   */
  searchParts(q, options = {}) {
    /** @type {SearchPart[]} */
    const parts = [];
    /** @type {(() => void) | null} */
    let wake = null;
    let finished = false;
    const answer = this.search(q, { ...options, onPartial: (part) => {
      parts.push(part);
      wake?.();
    } });
    const end = () => {
      finished = true;
      wake?.();
    };
    answer.then(end, end);
    async function* iterate() {
      while (true) {
        const next = parts.shift();
        if (next) {
          yield next;
        } else if (finished) {
          await answer;
          return;
        } else {
          await new Promise((resolve) => {
            wake = () => resolve(undefined);
          });
          wake = null;
        }
      }
    }
    return Object.assign(iterate(), { answer });
  }

  /**
   * Resolves a link (YouTube, SoundCloud, Spotify or any page) to what it plays over this
   * connection, as GET /api/resolve does (scope `search`).
   * @param {string} url the link
   * @param {{timeoutMs?: number}} [options]
   * @returns {Promise<{link: string, kind: string, track: object, method: string, tracks?: object[],
   *   trackCount?: number}>} `kind` is `track`, `album` or `playlist`; for a list, `track` sums it
   *   up and `tracks` holds its tracks in order (at most the hub's `search.links.maxTracks`,
   *   `trackCount` how many it has in all), absent when its provider names only the list. Rejects
   *   with a RoadieError: code `not-found` when the page names nothing to play, `invalid-frame` for
   *   text that is not a link, `forbidden` for an address the hub's rules refuse, `upstream-failed`
   */
  resolve(url, options = {}) {
    return this.request(HubRequests.ADDRESS, HubRequests.RESOLVE, { url }, options);
  }

  /**
   * The hub's search providers, as GET /api/providers lists them (scope `search`).
   * @param {{timeoutMs?: number}} [options]
   * @returns {Promise<Array<{id: string, name: string, capabilities: string[], origin: string,
   *   installed: boolean, problem?: string}>>}
   */
  providers(options = {}) {
    return this.request(HubRequests.ADDRESS, HubRequests.PROVIDERS, undefined, options);
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
    return this.#start(() => {
      checkAddress(to);
      checkSubject(subject);
      const mode = options.mode ?? 'all';
      checkGatherMode(mode, options.quorum);
      const timeoutMs = checkTimeout(options.timeoutMs ?? this.#options.requestTimeoutMs);
      const template = { type: 'gather', id: this.#ids.next(), to, subject, body, timeoutMs, mode };
      if (mode === 'quorum') {
        template.quorum = options.quorum;
      }
      return this.#protocol.call(new OutgoingFrame(template, { counted: true }), 'gather', timeoutMs);
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
    return this.#start(() => {
      checkTopic(topic);
      if (typeof handler !== 'function') {
        throw new TypeError('subscribe needs a handler function');
      }
      const topics = this.#registrations.topics;
      let entry = topics.get(topic);
      if (!entry) {
        const created = { handlers: new Set(), frameId: null, confirmed: null };
        topics.set(topic, created);
        created.confirmed = new Promise((resolve, reject) => {
          const frame = new OutgoingFrame({ type: 'subscribe', id: this.#ids.next(), topic }, {
            onAck: resolve,
            onRefuse: (error) => {
              if (topics.get(topic) === created) {
                topics.delete(topic);
              }
              reject(error);
            },
          });
          created.frameId = frame.id;
          this.#protocol.enqueue(frame);
        });
        // A refusal reaches every subscribe() caller; this keeps it from also being unhandled.
        created.confirmed.catch(() => {});
        entry = created;
      }
      const registered = entry;
      registered.handlers.add(handler);
      return registered.confirmed.then(() => () => this.#unsubscribe(topic, registered, handler));
    });
  }

  #unsubscribe(topic, entry, handler) {
    entry.handlers.delete(handler);
    const topics = this.#registrations.topics;
    if (entry.handlers.size > 0 || topics.get(topic) !== entry || this.#closed) {
      return Promise.resolve();
    }
    topics.delete(topic);
    return new Promise((resolve, reject) => {
      this.#protocol.enqueue(new OutgoingFrame({ type: 'unsubscribe', id: this.#ids.next(), topic },
        { onAck: resolve, onRefuse: reject }));
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
    return this.#start(() => {
      checkDescriptor(descriptor);
      const id = `${descriptor.kind}/${descriptor.name}`;
      const services = this.#registrations.services;
      const known = services.get(id);
      const entry = { descriptor, stats: known?.stats, state: known?.state ?? 'up', frameId: null };
      services.set(id, entry);
      return new Promise((resolve, reject) => {
        const frame = new OutgoingFrame({ type: 'announce', id: this.#ids.next(), service: descriptor }, {
          counted: true,
          onAck: resolve,
          onRefuse: (error) => {
            // A refused announcement must not be repeated in every new session.
            if (services.get(id) === entry) {
              services.delete(id);
            }
            reject(error);
          },
        });
        entry.frameId = frame.id;
        this.#protocol.send(frame);
      });
    });
  }

  /**
   * Reports the load of a service this client announced; repeated in a new session.
   * @param {string} service `KIND/NAME`
   * @param {object} stats a NodeStats object (PROTOCOL.md 11.2)
   * @returns {Promise<void>}
   */
  updateStats(service, stats) {
    return this.#start(() => {
      checkServiceId(service);
      const entry = this.#registrations.services.get(service);
      if (entry) {
        entry.stats = stats;
      }
      return this.#sendFrame({ type: 'stats', id: this.#ids.next(), service, stats });
    });
  }

  /**
   * Moves a service this client announced to `up`, `draining` or `retired`; repeated in a new session.
   * @param {string} service `KIND/NAME`
   * @param {'up'|'draining'|'retired'} state
   * @returns {Promise<void>}
   */
  setServiceState(service, state) {
    return this.#start(() => {
      checkServiceId(service);
      checkServiceState(state);
      const entry = this.#registrations.services.get(service);
      if (entry) {
        entry.state = state;
      }
      return this.#sendFrame({ type: 'state', id: this.#ids.next(), service, state });
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
   * @throws {RoadieError} when the subject has a handler already
   */
  handle(subject, handler) {
    checkSubject(subject);
    if (typeof handler !== 'function') {
      throw new TypeError('handle needs a handler function');
    }
    const requests = this.#registrations.requests;
    if (requests.has(subject)) {
      throw new RoadieError(ErrorCode.INVALID_FRAME, `requests of subject '${subject}' already have a handler`);
    }
    requests.set(subject, handler);
    return () => {
      if (requests.get(subject) === handler) {
        requests.delete(subject);
      }
    };
  }

  /**
   * Leaves for good: closes the link with 1000, which ends the session on the hub, and fails
   * everything still waiting with a RoadieError of code `closed`.
   */
  close() {
    if (!this.#closed) {
      this.#connector.close();
    }
  }

  /** Runs `start`, turning a closed client and bad arguments into a rejected promise. */
  #start(start) {
    if (this.#closed) {
      return Promise.reject(new RoadieError('closed', 'the client is closed'));
    }
    try {
      return start();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  #sendFrame(template) {
    return new Promise((resolve, reject) => {
      this.#protocol.send(new OutgoingFrame(template, { counted: true, onAck: resolve, onRefuse: reject }));
    });
  }
}

/**
 * A CustomEvent where there is one; a plain Event given a `detail` elsewhere (Node 18).
 * @type {typeof CustomEvent}
 */
const EventWithDetail = globalThis.CustomEvent ?? /** @type {typeof CustomEvent} */ (/** @type {unknown} */ (Event));

class RoadieEvent extends EventWithDetail {
  constructor(type, detail) {
    super(type, { detail });
    if (this.detail !== detail) {
      Object.defineProperty(this, 'detail', { value: detail });
    }
  }
}

/**
 * @param {RoadieClientOptions} options
 * @returns {Required<RoadieClientOptions>}
 */
function checkOptions(options) {
  if (!options || typeof options.url !== 'string' || !/^wss?:\/\//.test(options.url)) {
    throw new TypeError(`RoadieClient needs options.url, the hub's socket (ws://HOST:7070/ws), got ${options?.url}`);
  }
  if (typeof options.token !== 'string' || options.token.trim() === '') {
    throw new TypeError('RoadieClient needs options.token, a bearer token (rd_...)');
  }
  /** @type {Partial<RoadieClientOptions>} */
  const checked = { ...DEFAULTS, replace: true, WebSocket: globalThis.WebSocket, logger: QUIET_CONSOLE, random: Math.random };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) {
      checked[key] = value;
    }
  }
  if (typeof checked.WebSocket !== 'function') {
    throw new TypeError('no WebSocket here: pass options.WebSocket (in Node: the `ws` package\'s WebSocket)');
  }
  for (const key of ['requestTimeoutMs', 'connectTimeoutMs', 'heartbeatMs']) {
    if (!(checked[key] > 0)) {
      throw new TypeError(`options.${key} must be a positive number of milliseconds, got ${checked[key]}`);
    }
  }
  if (!(checked.heartbeatTolerance >= 2)) {
    throw new TypeError(`options.heartbeatTolerance must be at least 2, got ${checked.heartbeatTolerance}`);
  }
  if (typeof checked.replace !== 'boolean') {
    throw new TypeError(`options.replace must be true or false, got ${checked.replace}`);
  }
  checked.backoff = backoffOptions(options.backoff);
  return /** @type {Required<RoadieClientOptions>} */ (checked);
}
