/**
 * What the application registered with the client: topic handlers, request handlers, and the
 * services it announced with their latest stats and state. The hub forgets topics and services
 * when it starts a new session for the client (after a restart, or an expired session), so
 * they are sent again from here, before anything else.
 */
export class Registrations {
    /** topic -> {handlers: Set, frameId, confirmed: Promise} */
    topics: Map<any, any>;
    /** 'KIND/NAME' -> {descriptor, stats, state, frameId} */
    services: Map<any, any>;
    /** subject -> request handler */
    requests: Map<any, any>;
    /** The handlers of a topic, copied so that one may remove itself while they run. */
    topicHandlers(topic: any): any[];
    /**
     * The frames that bring a new session up to date: a subscribe per topic, then per service its
     * announce, stats and state. Topics and services whose first frame is still unconfirmed
     * (`pending(frameId)`) are left out: that frame goes out with the rest of the outbox.
     * @param {() => string} nextId
     * @param {(frameId: string) => boolean} pending
     * @param {(what: string, error: import('./errors.js').RoadieError, frameId: string) => void} refusedAgain
     */
    restoreFrames(nextId: () => string, pending: (frameId: string) => boolean, refusedAgain: (what: string, error: import("./errors.js").RoadieError, frameId: string) => void): OutgoingFrame[];
    /** The client stopped: nothing is to be restored any more. */
    clear(): void;
}
import { OutgoingFrame } from './outbox.js';
