/**
 * Hands delivered messages to the `message` event and the topic handlers, after dropping
 * duplicates by sender and id, and runs request handlers, turning what they return or throw
 * into the reply.
 */
export class Dispatch {
    /**
     * @param {object} parts
     * @param {import('./registrations.js').Registrations} parts.registrations
     * @param {(type: string, detail: object) => void} parts.emit dispatches an event of the client
     * @param {object} parts.log
     * @param {(fields: object) => void} parts.reply queues a reply frame (without id and seq)
     * @param {() => string|null} parts.identity this client's KIND/NAME, for no-handler replies
     */
    constructor({ registrations, emit, log, reply, identity }: {
        registrations: import("./registrations.js").Registrations;
        emit: (type: string, detail: object) => void;
        log: object;
        reply: (fields: object) => void;
        identity: () => string | null;
    });
    /** A `message` frame from the hub. */
    deliver(frame: any): void;
    /** A `request` frame from the hub: answered exactly once, by its handler or with no-handler. */
    serve(frame: any): void;
    #private;
}
