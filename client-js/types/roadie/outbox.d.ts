/** The defaults of the outbox limits, as in the Java SDK. */
export const DEFAULT_OUTBOX: Readonly<{
    maxFrames: 10000;
    maxBytes: number;
}>;
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
    constructor(template: object, hooks?: {
        counted?: boolean;
        onAck?: (value?: unknown) => void;
        onRefuse?: (error: RoadieError) => void;
    });
    template: any;
    counted: boolean;
    size: number;
    seq: number;
    text: string;
    written: boolean;
    done: boolean;
    settled: boolean;
    onAck: (value?: unknown) => void;
    onRefuse: (error: RoadieError) => void;
    get id(): any;
    /** Gives the frame its number in the current session; `type` first and `seq` next, as the hub writes. */
    number(seq: any): void;
    /** The hub processed it: runs onAck once. */
    acked(): void;
    /** The hub (or the client) refused it: runs onRefuse once. */
    refused(error: any): void;
}
/**
 * The numbered frames not yet acknowledged by the hub, in the order of their numbers, and the
 * queue of those still to be written on the current link.
 */
export class Outbox {
    constructor(limits?: {});
    /** Reserves room for an application frame, or throws RoadieError 'outbox-full'. */
    reserve(frame: any): void;
    /** Numbers the frame in the current session and queues it for writing. */
    add(frame: any): void;
    /** The next frame to write, or null. */
    peekToWrite(): any;
    /** Marks the frame returned by peekToWrite() as written. */
    written(frame: any): void;
    /** Removes and returns every frame numbered up to `seq`: the hub acknowledged them. */
    acknowledge(seq: any): any[];
    /** The pending frame with this id, or null. */
    find(id: any): any;
    /** Drops a frame that is no longer wanted (refused, or its request expired before it was sent). */
    remove(frame: any): void;
    /** A resumed session: the hub keeps its numbers, so every pending frame is written again with the same one. */
    rewriteAll(): void;
    /**
     * Numbers every pending frame again, after `first`, and queues them all: a new session
     * (`fromOne`: numbering from 1) or frames the hub dropped unprocessed (numbering on).
     */
    renumber(fromOne: any, first?: any[]): void;
    /** Removes and returns everything, for a client that stops. */
    drain(): any[];
    /** How many frames wait for the hub's confirmation. */
    get size(): number;
    #private;
}
import { RoadieError } from './errors.js';
