import { backoffDelay } from './backoff.js';
import { CloseCode } from './close-codes.js';
import { ErrorCode } from './error-codes.js';
import { RoadieError } from './errors.js';

/** What the client tells the hub it is, for the hub's logs. */
export const CLIENT_SOFTWARE = 'roadie-js/0.1';
const PROTOCOL_VERSION = 1;
/** WebSocket.OPEN, the same in browsers and in `ws`. */
const OPEN = 1;
/** WebSocket.CONNECTING. */
const CONNECTING = 0;
/** At most this many hubs learned from welcomes are kept, against a hub that lists too many. */
const MAX_LEARNED = 16;
/** The close code for a link the client gives up but whose session it keeps: never 1000 or 1001, which end it. */
const ABANDON_CODE = 4000;
/** Close codes that end the client for good, with the error code to stop with when no error frame named one. */
const REFUSALS = new Map([
  [CloseCode.UNAUTHORIZED, ErrorCode.UNAUTHORIZED],
  [CloseCode.REPLACED, 'replaced'],
  [CloseCode.IDENTITY_IN_USE, ErrorCode.IDENTITY_IN_USE],
]);
/** What to do about each refusal, for the person reading the log or the `closed` event. */
const ADVICE = new Map([
  [CloseCode.UNAUTHORIZED, 'fix the token or the identity, then create a new client'],
  [CloseCode.REPLACED, 'another client connected with this identity and took it over; this one stops so that the'
    + ' two do not take turns. Give each client a token (or identity) of its own, or connect the other one with'
    + ' `replace: false`'],
  [CloseCode.IDENTITY_IN_USE, 'another client is connected with this identity and this one asked not to replace'
    + ' it (`replace: false`); use a token of its own, or `replace: true` to take over'],
]);

/**
 * The life of the client's link to the hub: attempts, the hello and the welcome, heartbeats and
 * dead-link detection, goodbyes, refusals, and the delay before the next attempt. Frames of a
 * welcomed session go to the Protocol.
 */
export class Connector {
  #options;
  #protocol;
  #log;
  #events;

  #socket = null;
  #welcomed = false;
  #stopped = false;
  #sessionId = null;
  #epoch = null;
  #welcome = null;
  #identity = null;
  #intervalMs;
  #lastHeard = 0;
  #lastSent = 0;
  #failedAttempts = 0;
  #goodbye = null;
  #refusal = null;
  #connectTimer = null;
  #heartbeatTimer = null;
  #reconnectTimer = null;
  /** When an attempt with no welcome in time was given up (0: none lately); its hello may still reach the hub. */
  #abandonedAt = 0;
  /** The hub's socket URL, then those of the other hubs of its cluster that welcomes listed, to fail over to. */
  #urls;
  /** Which of #urls the current attempt goes to. */
  #index = 0;
  /** The URL that welcomed the client last: every round of attempts starts there. */
  #preferred = 0;
  /** How many of #urls this round of attempts has tried, the current one included. */
  #tried = 1;

  /**
   * @param {object} parts
   * @param {object} parts.options the client's options (url, token, kind, name, WebSocket, timeouts, backoff, random)
   * @param {import('./protocol.js').Protocol} parts.protocol
   * @param {object} parts.log
   * @param {{state: (state: string, detail: object) => void, welcomed: (welcome: object) => void,
   *   stopped: (error: RoadieError, reason: string, closeCode?: number) => void}} parts.events
   */
  constructor({ options, protocol, log, events }) {
    this.#options = options;
    this.#protocol = protocol;
    this.#log = log;
    this.#events = events;
    this.#intervalMs = options.heartbeatMs;
    this.#urls = [options.url];
    protocol.writer = this;
  }

  /** The hubs this client fails over to: the one it was given, then those the welcomes listed. */
  get hubs() {
    return [...this.#urls];
  }

  /**
   * Adds the hubs a welcome listed (the other hubs of a cluster, PROTOCOL.md 8.2) after those it
   * has: socket URLs only (path /ws), and only wss:// ones when the client was given a wss://
   * hub, so that a welcome never turns it to plain text.
   */
  #learn(listed) {
    if (!Array.isArray(listed)) {
      return;
    }
    const secure = this.#options.url.startsWith('wss://');
    for (const url of listed) {
      if (this.#urls.length > MAX_LEARNED) {
        break;
      }
      let parsed;
      try {
        parsed = new URL(url);
      } catch {
        continue;
      }
      const scheme = parsed.protocol;
      if ((scheme === 'wss:' || (!secure && scheme === 'ws:')) && parsed.pathname === '/ws'
        && !this.#urls.includes(url)) {
        this.#urls.push(url);
        this.#log.info(`The hub named another hub of its cluster to fail over to: ${url}`);
      }
    }
  }

  get sessionId() {
    return this.#sessionId;
  }

  get epoch() {
    return this.#epoch;
  }

  get welcome() {
    return this.#welcome;
  }

  /** This session's identity, KIND/NAME; null before the first welcome. */
  get identity() {
    return this.#identity;
  }

  /** Whether a session is open for numbered frames. */
  sessionOpen() {
    return this.#welcomed && this.#socket !== null && this.#socket.readyState === OPEN;
  }

  /** Writes text on the current link; false when it is not open. */
  write(text) {
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

  /** Starts an attempt: a new WebSocket, so the host name is resolved again. */
  beginAttempt() {
    this.#reconnectTimer = null;
    if (this.#stopped) {
      return;
    }
    this.#goodbye = null;
    this.#refusal = null;
    this.#welcomed = false;
    this.#events.state('connecting', {});
    const url = this.#urls[this.#index];
    let socket;
    try {
      socket = new this.#options.WebSocket(url);
    } catch (e) {
      this.#lost(0, `cannot open ${url}: ${e?.message ?? e}`);
      return;
    }
    this.#socket = socket;
    this.#connectTimer = globalThis.setTimeout(() => {
      if (socket === this.#socket && !this.#welcomed) {
        this.#abandonedAt = Date.now();
        this.#lost(0, `no welcome from ${url} within ${this.#options.connectTimeoutMs} ms`);
      }
    }, this.#options.connectTimeoutMs);
    socket.onopen = () => {
      if (socket === this.#socket) {
        this.#lastHeard = Date.now();
        this.write(JSON.stringify(this.#hello()));
      }
    };
    socket.onmessage = (event) => {
      if (socket === this.#socket) {
        this.#lastHeard = Date.now();
        this.#onText(socket, event.data);
      }
    };
    socket.onclose = (event) => {
      if (socket === this.#socket) {
        this.#lost(event.code, event.reason ? `${event.reason} (${event.code})` : `closed (${event.code})`);
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
      hello.resume = { session: this.#sessionId, lastSeq: this.#protocol.lastHubSeq };
    }
    if (this.#options.replace === false) {
      // Absent means true on the hub (PROTOCOL.md 3.1), so only the exception is written, as the Java SDK does.
      hello.replace = false;
    }
    hello.protocol = PROTOCOL_VERSION;
    hello.client = CLIENT_SOFTWARE;
    return hello;
  }

  #onText(socket, data) {
    if (typeof data !== 'string') {
      return; // the protocol has no binary frames
    }
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (e) {
      this.#log.warn(`Ignored a frame from the hub that is not JSON: ${e.message}`);
      return;
    }
    if (!frame || typeof frame !== 'object' || Array.isArray(frame)) {
      return;
    }
    if (frame.type === 'goodbye') {
      this.#goodbye = frame;
      this.#log.info(`The hub said goodbye (${frame.reason}); coming back in about ${frame.reconnectMs ?? 0} ms`);
      try {
        socket.close(1000, 'goodbye');
      } catch (e) {
        this.#log.debug('Closing after the goodbye failed', e);
      }
    } else if (this.#welcomed) {
      this.#protocol.onFrame(frame);
    } else if (frame.type === 'welcome') {
      this.#onWelcome(socket, frame);
    } else if (frame.type === 'error') {
      this.#refusal = { code: frame.code ?? ErrorCode.UNAUTHORIZED, message: frame.message ?? frame.code };
    }
  }

  #onWelcome(socket, welcome) {
    globalThis.clearTimeout(this.#connectTimer);
    this.#welcomed = true;
    this.#failedAttempts = 0;
    this.#preferred = this.#index;
    this.#tried = 1;
    this.#learn(welcome.hubs);
    const resumed = welcome.resumed === true && welcome.session === this.#sessionId;
    const hubRestarted = this.#epoch !== null && this.#epoch !== welcome.epoch;
    this.#sessionId = welcome.session;
    this.#epoch = welcome.epoch;
    this.#welcome = welcome;
    this.#identity = welcome.you ? `${welcome.you.kind}/${welcome.you.name}` : null;
    const hubMs = welcome.heartbeatMs > 0 ? welcome.heartbeatMs : Infinity;
    this.#intervalMs = Math.min(this.#options.heartbeatMs, hubMs);
    this.#lastSent = Date.now();
    this.#log.info(`${resumed ? 'Resumed' : 'Opened'} session ${welcome.session} as ${this.#identity}`
      + ` (epoch ${welcome.epoch})`);
    if (resumed) {
      this.#protocol.resumedSession(Number(welcome.lastSeq) || 0, welcome.limits);
    } else {
      this.#protocol.newSession(welcome.limits);
    }
    const tick = Math.max(10, Math.min(1000, this.#intervalMs / 4));
    this.#heartbeatTimer = globalThis.setInterval(() => this.#beat(socket), tick);
    this.#events.state('connected', { resumed, hubRestarted, welcome });
    this.#events.welcomed(welcome);
  }

  #beat(socket) {
    if (socket !== this.#socket || !this.#welcomed) {
      return;
    }
    // Measured by the clock, not counted in runs: a hidden tab's timers may run once a minute.
    const now = Date.now();
    const silent = now - this.#lastHeard;
    if (silent > this.#intervalMs * this.#options.heartbeatTolerance) {
      this.#log.warn(`Nothing heard from the hub for ${silent} ms: the link is dead, reconnecting`);
      this.#lost(1006, `dead link: nothing heard from the hub for ${silent} ms`);
    } else if (now - this.#lastSent >= this.#intervalMs) {
      this.#protocol.writeControl({ type: 'ping', ts: now });
    }
  }

  /**
   * A 4010 means another connection took over this identity, and the client stops so that two
   * clients with one identity do not take turns forever. But a hello this client gave up on (no
   * welcome in time) may reach a slow hub after the next attempt's, and replace it: that once,
   * within two connect timeouts of giving up, the client connects again instead.
   */
  #replacedByOwnLateHello() {
    const late = this.#abandonedAt !== 0 && Date.now() - this.#abandonedAt < 2 * this.#options.connectTimeoutMs;
    this.#abandonedAt = 0;
    return late;
  }

  /** The current link ended (or never worked): decide what comes next. */
  #lost(code, reason) {
    const socket = this.#socket;
    const wasWelcomed = this.#welcomed;
    this.#dropLink();
    if (socket) {
      abandon(socket, this.#log);
    }
    if (this.#stopped) {
      return;
    }
    if (code === CloseCode.REPLACED && this.#replacedByOwnLateHello()) {
      this.#log.info('Replaced, most likely by the late hello of an attempt given up before; connecting again');
    } else if (REFUSALS.has(code)) {
      const error = this.#refusal
        ? new RoadieError(this.#refusal.code, this.#refusal.message)
        : new RoadieError(REFUSALS.get(code), reason);
      this.#log.error(`The hub refused this client, which stops: ${error.code}: ${error.message}; ${ADVICE.get(code)}`);
      this.#stop(error, `refused: ${error.code}: ${error.message}`, code);
      return;
    }
    if (!wasWelcomed && !this.#goodbye && this.#tried < this.#urls.length) {
      // Another hub of the cluster may take the client now: back off only once every hub failed.
      this.#index = (this.#index + 1) % this.#urls.length;
      this.#tried += 1;
      this.#log.info(`Link lost (${reason}); trying ${this.#urls[this.#index]}`);
      this.#events.state('reconnecting', { retryInMs: 0, reason });
      this.#reconnectTimer = globalThis.setTimeout(() => this.beginAttempt(), 0);
      return;
    }
    // A new round: from the hub that welcomed the client last.
    this.#index = this.#preferred;
    this.#tried = 1;
    let delay;
    if (this.#goodbye) {
      const ms = Math.max(0, Number(this.#goodbye.reconnectMs) || 0);
      reason = `goodbye (${this.#goodbye.reason}): back in about ${ms} ms`;
      const jitterBound = Math.max(100, Math.min(1000, ms / 10));
      delay = ms + Math.floor(this.#options.random() * (jitterBound + 1));
      this.#failedAttempts = wasWelcomed ? 0 : this.#failedAttempts + 1;
    } else if (wasWelcomed) {
      this.#failedAttempts = 0;
      delay = backoffDelay(0, this.#options.backoff, this.#options.random);
    } else {
      this.#failedAttempts += 1;
      delay = backoffDelay(this.#failedAttempts, this.#options.backoff, this.#options.random);
    }
    this.#log.info(`Link lost (${reason}); reconnecting in ${delay} ms`);
    this.#events.state('reconnecting', { retryInMs: delay, reason });
    this.#reconnectTimer = globalThis.setTimeout(() => this.beginAttempt(), delay);
  }

  #dropLink() {
    this.#socket = null;
    this.#welcomed = false;
    globalThis.clearTimeout(this.#connectTimer);
    globalThis.clearInterval(this.#heartbeatTimer);
    this.#connectTimer = null;
    this.#heartbeatTimer = null;
    this.#protocol.linkDown();
  }

  /** The client stops for good: fail what waits and say so; `closeCode` is the hub's refusal, if it was one. */
  #stop(error, reason, closeCode = undefined) {
    this.#stopped = true;
    globalThis.clearTimeout(this.#reconnectTimer);
    this.#protocol.end(error);
    this.#events.stopped(error, reason, closeCode);
  }

  /** Leaves on the application's request: a 1000 close, which ends the session on the hub. */
  close() {
    if (this.#stopped) {
      return;
    }
    this.#protocol.sendAck();
    const socket = this.#socket;
    this.#dropLink();
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
