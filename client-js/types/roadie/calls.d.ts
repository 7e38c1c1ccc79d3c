/** After its deadline, a delivered call waits this much longer for the hub's own timeout answer. */
export const GRACE_MS: 2000;
/**
 * Requests and gathers waiting for their answers, with their deadlines. The hub answers every
 * call it received (with a timeout at the latest); the client's own deadline is the backstop
 * for calls the hub never received or whose answer went down with a lost session.
 */
export class Calls {
    /** @param {(frame: import('./outbox.js').OutgoingFrame) => void} removeFrame drops a frame not sent yet */
    constructor(removeFrame: (frame: import("./outbox.js").OutgoingFrame) => void);
    /**
     * Starts waiting for the answer to `frame` (a request or a gather) and hooks its ack and refusal.
     * @returns {Promise<any>} settles with the answer
     */
    start(frame: any, kind: any, timeoutMs: any): Promise<any>;
    /** A reply from the hub: resolves with its body when ok, rejects with its error otherwise. */
    reply(frame: any): boolean;
    /** A gather result from the hub: resolves with it, without its type and seq. */
    gatherResult(frame: any): boolean;
    /**
     * A new session began: calls the old one delivered can get no answer any more (the hub routes
     * answers to sessions). Calls not yet delivered go out again with the outbox.
     * @returns {number} how many calls were ended
     */
    sessionLost(): number;
    /** The client stops: every call fails with `error`. */
    failAll(error: any): void;
    #private;
}
