/** What the client tells the hub it is, for the hub's logs. */
export const CLIENT_SOFTWARE: "roadie-js/0.1";
/**
 * The life of the client's link to the hub: attempts, the hello and the welcome, heartbeats and
 * dead-link detection, goodbyes, refusals, and the delay before the next attempt. Frames of a
 * welcomed session go to the Protocol.
 */
export class Connector {
    /**
     * @param {object} parts
     * @param {object} parts.options the client's options (url, token, kind, name, WebSocket, timeouts, backoff, random)
     * @param {import('./protocol.js').Protocol} parts.protocol
     * @param {object} parts.log
     * @param {{state: (state: string, detail: object) => void, welcomed: (welcome: object) => void,
     *   stopped: (error: RoadieError, reason: string, closeCode?: number) => void}} parts.events
     */
    constructor({ options, protocol, log, events }: {
        options: object;
        protocol: import("./protocol.js").Protocol;
        log: object;
        events: {
            state: (state: string, detail: object) => void;
            welcomed: (welcome: object) => void;
            stopped: (error: RoadieError, reason: string, closeCode?: number) => void;
        };
    });
    /** The hubs this client fails over to: the one it was given, then those the welcomes listed. */
    get hubs(): any[];
    get sessionId(): any;
    get epoch(): any;
    get welcome(): any;
    /** This session's identity, KIND/NAME; null before the first welcome. */
    get identity(): any;
    /** Whether a session is open for numbered frames. */
    sessionOpen(): boolean;
    /** Writes text on the current link; false when it is not open. */
    write(text: any): boolean;
    /** Starts an attempt: a new WebSocket, so the host name is resolved again. */
    beginAttempt(): void;
    /** Leaves on the application's request: a 1000 close, which ends the session on the hub. */
    close(): void;
    #private;
}
import { RoadieError } from './errors.js';
