/**
 * Checks backoff options and fills in the defaults.
 * @param {{initialMs?: number, maxMs?: number}} [options]
 * @returns {{initialMs: number, maxMs: number}}
 */
export function backoffOptions(options?: {
    initialMs?: number;
    maxMs?: number;
}): {
    initialMs: number;
    maxMs: number;
};
/**
 * The upper bound of the delay before attempt `attempt`: min(maxMs, initialMs * 2^attempt).
 * @param {number} attempt failed attempts so far (0 right after a working link was lost)
 * @param {{initialMs: number, maxMs: number}} options
 */
export function backoffBound(attempt: number, options: {
    initialMs: number;
    maxMs: number;
}): number;
/**
 * A random delay in [0, backoffBound(attempt)], in whole milliseconds.
 * @param {number} attempt failed attempts so far
 * @param {{initialMs: number, maxMs: number}} options
 * @param {() => number} [random] a source of numbers in [0, 1), Math.random by default
 */
export function backoffDelay(attempt: number, options: {
    initialMs: number;
    maxMs: number;
}, random?: () => number): number;
/**
 * Exponential backoff with full jitter, as the Java SDK's ExponentialBackoff: the delay before
 * attempt n is a random whole number of milliseconds in [0, min(maxMs, initialMs * 2^n)].
 * Spreading delays over the whole range keeps clients that lost the hub together from coming
 * back together. Pure functions, so they can be tested without a clock.
 */
/** The defaults: 250 ms doubling up to 15 s. */
export const DEFAULT_BACKOFF: Readonly<{
    initialMs: 250;
    maxMs: 15000;
}>;
