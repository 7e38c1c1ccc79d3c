export { CLIENT_SOFTWARE } from "./roadie/connector.js";
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
    /**
     * @param {RoadieClientOptions} options
     */
    constructor(options: RoadieClientOptions);
    /** The state now: `idle` before connect(), then `connecting`, `connected`, `reconnecting` or `closed`. */
    get state(): string;
    /** The current (or last) session's id, null before the first welcome. */
    get sessionId(): any;
    /** The hub's epoch from the last welcome: it changes when the hub restarts. */
    get epoch(): any;
    /** The last welcome frame, null before the first. */
    get welcome(): any;
    /**
     * The hubs this client fails over to, in order: `url`, then the other hubs of the cluster that
     * welcomes listed (PROTOCOL.md 8.2).
     * @returns {string[]}
     */
    get hubs(): string[];
    /**
     * Starts connecting, and keeps the client connected until close().
     * @returns {Promise<object>} the first welcome; rejects with a RoadieError when the hub refuses
     *   the client for good (a bad token: code `unauthorized`) or close() comes first
     */
    connect(): Promise<object>;
    /**
     * Sends a message; waits in the outbox while the hub is unreachable.
     * @param {string} to an address: `service:KIND/NAME`, `kind:KIND`, `one:KIND`, `topic:TOPIC` or `all`
     * @param {string} subject what it is about
     * @param {*} [body] any JSON value
     * @param {{durable?: boolean}} [options] durable: stored by the hub until each receiver acknowledged it
     * @returns {Promise<void>} resolves when the hub acknowledged it; rejects with the hub's error when refused
     */
    send(to: string, subject: string, body?: any, options?: {
        durable?: boolean;
    }): Promise<void>;
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
    request(to: string, subject: string, body?: any, options?: {
        timeoutMs?: number;
    }): Promise<any>;
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
    search(q: string, options?: {
        providers?: string[];
        limit?: number;
        timeoutMs?: number;
        onPartial?: (part: SearchPart) => void;
    }): Promise<SearchAnswer>;
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
    searchParts(q: string, options?: {
        providers?: string[];
        limit?: number;
        timeoutMs?: number;
    }): AsyncGenerator<SearchPart, void, void> & {
        answer: Promise<SearchAnswer>;
    };
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
    resolve(url: string, options?: {
        timeoutMs?: number;
    }): Promise<{
        link: string;
        kind: string;
        track: object;
        method: string;
        tracks?: object[];
        trackCount?: number;
    }>;
    /**
     * The hub's search providers, as GET /api/providers lists them (scope `search`).
     * @param {{timeoutMs?: number}} [options]
     * @returns {Promise<Array<{id: string, name: string, capabilities: string[], origin: string,
     *   installed: boolean, problem?: string}>>}
     */
    providers(options?: {
        timeoutMs?: number;
    }): Promise<Array<{
        id: string;
        name: string;
        capabilities: string[];
        origin: string;
        installed: boolean;
        problem?: string;
    }>>;
    /**
     * Sends one request to every receiver of an address and waits for the hub's gathered result.
     * @param {string} to any address, usually `kind:KIND` or `topic:TOPIC`
     * @param {string} subject
     * @param {*} [body]
     * @param {{mode?: 'all'|'first'|'quorum', quorum?: number, timeoutMs?: number}} [options]
     * @returns {Promise<{re: string, mode: string, complete: boolean, results: Array<{service: string,
     *   status: string, body?: *, error?: {code: string, message: string}, ms?: number}>}>}
     */
    gather(to: string, subject: string, body?: any, options?: {
        mode?: "all" | "first" | "quorum";
        quorum?: number;
        timeoutMs?: number;
    }): Promise<{
        re: string;
        mode: string;
        complete: boolean;
        results: Array<{
            service: string;
            status: string;
            body?: any;
            error?: {
                code: string;
                message: string;
            };
            ms?: number;
        }>;
    }>;
    /**
     * Hands every message on a topic to `handler`. Several handlers may share a topic: the client
     * subscribes once, and subscribes again by itself in a new session.
     * @param {string} topic the topic, without `topic:`
     * @param {(message: {id: string, from: string, to: string, subject: string, body: *, durable: boolean}) => void} handler
     * @returns {Promise<() => Promise<void>>} resolves, once the hub confirmed the subscription, with
     *   the function that removes this handler (and unsubscribes when it was the topic's last)
     */
    subscribe(topic: string, handler: (message: {
        id: string;
        from: string;
        to: string;
        subject: string;
        body: any;
        durable: boolean;
    }) => void): Promise<() => Promise<void>>;
    /**
     * Announces a service in the hub's registry (scope `announce:KIND`); the client announces it
     * again, with its latest stats and state, in every new session.
     * @param {{kind: string, name: string, endpoint?: string, capabilities?: string[],
     *   labels?: Object<string, string>, secrets?: Object<string, string>}} descriptor
     * @returns {Promise<void>} resolves when the hub acknowledged it; rejects when refused
     */
    announce(descriptor: {
        kind: string;
        name: string;
        endpoint?: string;
        capabilities?: string[];
        labels?: {
            [x: string]: string;
        };
        secrets?: {
            [x: string]: string;
        };
    }): Promise<void>;
    /**
     * Reports the load of a service this client announced; repeated in a new session.
     * @param {string} service `KIND/NAME`
     * @param {object} stats a NodeStats object (PROTOCOL.md 11.2)
     * @returns {Promise<void>}
     */
    updateStats(service: string, stats: object): Promise<void>;
    /**
     * Moves a service this client announced to `up`, `draining` or `retired`; repeated in a new session.
     * @param {string} service `KIND/NAME`
     * @param {'up'|'draining'|'retired'} state
     * @returns {Promise<void>}
     */
    setServiceState(service: string, state: "up" | "draining" | "retired"): Promise<void>;
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
    handle(subject: string, handler: (request: {
        id: string;
        from: string;
        subject: string;
        body: any;
        timeoutMs: number;
    }) => any): () => void;
    /**
     * Leaves for good: closes the link with 1000, which ends the session on the hub, and fails
     * everything still waiting with a RoadieError of code `closed`.
     */
    close(): void;
    #private;
}
/**
 * What a RoadieClient is made with; only `url` and `token` are required.
 */
export type RoadieClientOptions = {
    /**
     * the hub's socket, `ws://HOST:7070/ws` or `wss://...`
     */
    url: string;
    /**
     * the bearer token, sent in the hello
     */
    token: string;
    /**
     * the kind to connect as (default: the token's)
     */
    kind?: string;
    /**
     * the name to connect as (default: the token's)
     */
    name?: string;
    /**
     * whether a new session takes over its identity from another
     * connection that holds it, which the hub then closes with 4010 (default true, as the Java SDK's
     * `replaceConnected`); with false the hub refuses this client instead (close 4011,
     * `identity-in-use`) and the other connection goes on
     */
    replace?: boolean;
    /**
     * the WebSocket constructor (default
     * globalThis.WebSocket; in Node 20, the `ws` package's)
     */
    WebSocket?: new (url: string) => any;
    /**
     * reconnect delays: 250 ms doubling up to 15 s
     */
    backoff?: {
        initialMs?: number;
        maxMs?: number;
    };
    /**
     * default deadline of requests and gathers (10 s)
     */
    requestTimeoutMs?: number;
    /**
     * how long one attempt may take to the welcome (10 s)
     */
    connectTimeoutMs?: number;
    /**
     * ping after this much silence; the hub's shorter interval wins (4 s)
     */
    heartbeatMs?: number;
    /**
     * intervals of silence from the hub before the link is dead (3)
     */
    heartbeatTolerance?: number;
    /**
     * where the client logs (console, warnings and errors only)
     */
    logger?: RoadieLogger;
    /**
     * numbers in [0, 1) for the jitter (Math.random)
     */
    random?: () => number;
};
/**
 * One provider's answer while a search goes on (PROTOCOL.md, "Requests to the hub").
 */
export type SearchPart = {
    /**
     * the id of the search request it belongs to
     */
    re: string;
    /**
     * how the provider did: `ok`, `empty`, `failed`, `timed-out`
     */
    status: {
        provider: string;
        status: string;
        reason?: string;
        count?: number;
        latencyMs?: number;
        cached?: boolean;
    };
    /**
     * what it found (absent when nothing)
     */
    tracks?: object[];
};
/**
 * The merged answer of a search, as GET /api/search answers it.
 */
export type SearchAnswer = {
    /**
     * the search text
     */
    query: string;
    /**
     * the tracks found, best first (absent when none)
     */
    tracks?: object[];
    /**
     * how each provider did
     */
    providers?: Array<SearchPart["status"]>;
    /**
     * true when every provider asked failed or timed out
     */
    allFailed?: boolean;
};
export type RoadieLogger = {
    debug: (...args: unknown[]) => void;
    info: (...args: unknown[]) => void;
    warn: (...args: unknown[]) => void;
    error: (...args: unknown[]) => void;
};
import { RoadieError } from './roadie/errors.js';
import { HubRequests } from './roadie/hub-requests.js';
export { RoadieError, HubRequests };
export { backoffBound, backoffDelay, DEFAULT_BACKOFF } from "./roadie/backoff.js";
