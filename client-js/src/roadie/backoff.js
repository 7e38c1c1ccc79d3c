/**
 * Exponential backoff with full jitter, as the Java SDK's ExponentialBackoff: the delay before
 * attempt n is a random whole number of milliseconds in [0, min(maxMs, initialMs * 2^n)].
 * Spreading delays over the whole range keeps clients that lost the hub together from coming
 * back together. Pure functions, so they can be tested without a clock.
 */

/** The defaults: 250 ms doubling up to 15 s. */
export const DEFAULT_BACKOFF = Object.freeze({ initialMs: 250, maxMs: 15_000 });

/**
 * Checks backoff options and fills in the defaults.
 * @param {{initialMs?: number, maxMs?: number}} [options]
 * @returns {{initialMs: number, maxMs: number}}
 */
export function backoffOptions(options = {}) {
  const initialMs = options.initialMs ?? DEFAULT_BACKOFF.initialMs;
  const maxMs = options.maxMs ?? DEFAULT_BACKOFF.maxMs;
  if (!Number.isFinite(initialMs) || initialMs <= 0) {
    throw new TypeError(`backoff.initialMs must be a positive number of milliseconds, got ${initialMs}`);
  }
  if (!Number.isFinite(maxMs) || maxMs < initialMs) {
    throw new TypeError(`backoff.maxMs (${maxMs}) must be a number not below backoff.initialMs (${initialMs})`);
  }
  return { initialMs, maxMs };
}

/**
 * The upper bound of the delay before attempt `attempt`: min(maxMs, initialMs * 2^attempt).
 * @param {number} attempt failed attempts so far (0 right after a working link was lost)
 * @param {{initialMs: number, maxMs: number}} options
 */
export function backoffBound(attempt, options) {
  const shift = Math.max(0, Math.min(Math.floor(attempt) || 0, 60));
  return Math.min(options.maxMs, options.initialMs * 2 ** shift);
}

/**
 * A random delay in [0, backoffBound(attempt)], in whole milliseconds.
 * @param {number} attempt failed attempts so far
 * @param {{initialMs: number, maxMs: number}} options
 * @param {() => number} [random] a source of numbers in [0, 1), Math.random by default
 */
export function backoffDelay(attempt, options, random = Math.random) {
  const bound = backoffBound(attempt, options);
  return Math.min(bound, Math.floor(random() * (bound + 1)));
}
