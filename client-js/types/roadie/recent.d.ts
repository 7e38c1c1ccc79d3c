/**
 * The (from, id) pairs of the last messages delivered, to drop duplicates: a sender resends
 * what the hub had not confirmed after a reconnect, and the hub delivers durable messages
 * again until they are acknowledged. Bounded; the oldest entries are forgotten first.
 */
export class RecentMessages {
    /** How many pairs are remembered, as in the Java SDK. */
    static CAPACITY: number;
    constructor(capacity?: number);
    /** Records the message; false when it was seen before. */
    firstTime(from: any, id: any): boolean;
    #private;
}
