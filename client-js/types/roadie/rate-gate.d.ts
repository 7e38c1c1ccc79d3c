/**
 * Keeps the client under the hub's framesPerSecond: the hub drops frames over it unprocessed
 * and closes clients that keep flooding. A token bucket refilled at 90 % of the hub's rate, as
 * in the Java SDK.
 */
export class RateGate {
    /** Applies the rate from the welcome (0 or absent: the protocol's default of 200). */
    configure(framesPerSecond: any): void;
    /** Takes a token for a frame that may wait; false when it must wait waitMs(). */
    tryTake(): boolean;
    /** Takes a token for a control frame, which never waits (acks, pongs, pings count on the hub too). */
    take(): void;
    /** Milliseconds until the next token. */
    waitMs(): number;
    /** Stops sending for a while after the hub said it dropped frames over its rate. */
    penalize(): void;
    #private;
}
