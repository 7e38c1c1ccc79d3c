// The reconnect delays, without a hub: full jitter within min(maxMs, initialMs * 2^attempt).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffBound, backoffDelay, backoffOptions, DEFAULT_BACKOFF }
  from '../src/roadie/backoff.js';

test('the bound doubles from initialMs and stops at maxMs', () => {
  const options = { initialMs: 250, maxMs: 15_000 };
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 100].map((n) => backoffBound(n, options)),
    [250, 500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
});

test('delays cover the whole range from 0 to the bound, never beyond', () => {
  const options = { initialMs: 100, maxMs: 1_000 };
  assert.equal(backoffDelay(3, options, () => 0), 0);
  assert.equal(backoffDelay(3, options, () => 0.999_999_9), 800);
  assert.equal(backoffDelay(30, options, () => 0.999_999_9), 1_000);
  for (let attempt = 0; attempt < 12; attempt += 1) {
    const bound = backoffBound(attempt, options);
    const delays = Array.from({ length: 500 }, () => backoffDelay(attempt, options));
    assert.ok(delays.every((d) => Number.isInteger(d) && d >= 0 && d <= bound), `attempt ${attempt} within [0, ${bound}]`);
    // Full jitter: spread over the range, not bunched at its top like "equal jitter".
    assert.ok(delays.some((d) => d < bound / 4), `attempt ${attempt} reaches the low quarter`);
    assert.ok(delays.some((d) => d > (bound * 3) / 4), `attempt ${attempt} reaches the high quarter`);
  }
});

test('options default to 250 ms up to 15 s and refuse nonsense', () => {
  assert.deepEqual(backoffOptions(), { initialMs: DEFAULT_BACKOFF.initialMs, maxMs: DEFAULT_BACKOFF.maxMs });
  assert.deepEqual(DEFAULT_BACKOFF, { initialMs: 250, maxMs: 15_000 });
  assert.throws(() => backoffOptions({ initialMs: 0 }), /initialMs must be a positive/);
  assert.throws(() => backoffOptions({ initialMs: 500, maxMs: 100 }), /maxMs \(100\) must be a number not below/);
});
