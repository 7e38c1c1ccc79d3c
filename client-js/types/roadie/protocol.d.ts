/**
 * The frames of a session: numbering and writing what the client sends (paced under the hub's
 * rate), acknowledging what the hub sends (batched), settling frames when the hub acknowledges or
 * refuses them, and handing messages, requests and answers on. Link and session changes come
 * from the Connector.
 */
export class Protocol {
    /**
     * @param {object} parts
     * @param {import('./registrations.js').Registrations} parts.registrations
     * @param {import('./ids.js').Ids} parts.ids
     * @param {object} parts.log
     * @param {(type: string, detail: object) => void} parts.emit
     * @param {() => string|null} parts.identity
     */
    constructor({ registrations, ids, log, emit, identity }: {
        registrations: import("./registrations.js").Registrations;
        ids: import("./ids.js").Ids;
        log: object;
        emit: (type: string, detail: object) => void;
        identity: () => string | null;
    });
    outbox: Outbox;
    set writer(writer: any);
    /** The last hub sequence number received, to name when resuming. */
    get lastHubSeq(): number;
    /** Reserves room for an application frame (or throws `outbox-full`), numbers it and writes it when it can. */
    send(frame: any): void;
    /** Sends a request or gather frame; the promise settles with its answer. */
    call(frame: any, kind: any, timeoutMs: any): Promise<any>;
    /** Numbers a frame, keeps it until acknowledged, and writes it when the session and the rate allow. */
    enqueue(frame: any): void;
    flush(): void;
    /** Writes a control frame (ping, pong, ack) at once: they never wait. */
    writeControl(frame: any): void;
    /**
     * A new session: the hub numbers from 1 and knows nothing of this client, so its topics and
     * services are sent first, then every frame it had not confirmed, under new numbers.
     */
    newSession(limits: any): void;
    /** The same session continues: confirm what the hub processed, write the rest again with the same numbers. */
    resumedSession(lastProcessed: any, limits: any): void;
    linkDown(): void;
    /** The client stops for good: send the last ack if it can, and fail everything waiting with `error`. */
    end(error: any): void;
    /** A frame of a welcomed session. */
    onFrame(frame: any): void;
    sendAck(): void;
    #private;
}
import { Outbox } from './outbox.js';
