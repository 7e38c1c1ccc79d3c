// Gather through roadie-client.js: one request to many receivers, one status per receiver.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { RoadieError } from '../src/roadie-client.js';
import { closeAll, connectedClient, uniqueName } from './support/hub.mjs';

afterEach(closeAll);

/** Four receivers of a kind of their own: one answers, one fails, one has no handler, one never answers. */
async function receivers() {
  const kind = uniqueName('node');
  const ok = await connectedClient(kind, [], { name: 'ok' });
  const failing = await connectedClient(kind, [], { name: 'failing' });
  const without = await connectedClient(kind, [], { name: 'without' });
  const silent = await connectedClient(kind, [], { name: 'silent' });
  ok.handle('health', (request) => ({ healthy: true, asked: request.body }));
  failing.handle('health', () => {
    throw new RoadieError('overloaded', 'too many players');
  });
  silent.handle('health', () => new Promise(() => {}));
  return { kind, ok, failing, without, silent };
}

test('gather all reports every receiver with its own status', async () => {
  const { kind } = await receivers();
  const asker = await connectedClient('web', ['send:*']);

  const result = await asker.gather(`kind:${kind}`, 'health', { deep: true }, { mode: 'all', timeoutMs: 700 });

  assert.equal(result.mode, 'all');
  assert.equal(result.complete, true);
  const byService = Object.fromEntries(result.results.map((r) => [r.service, r]));
  assert.deepEqual(Object.keys(byService).sort(), ['failing', 'ok', 'silent', 'without'].map((n) => `${kind}/${n}`));
  assert.equal(byService[`${kind}/ok`].status, 'ok');
  assert.deepEqual(byService[`${kind}/ok`].body, { healthy: true, asked: { deep: true } });
  assert.equal(byService[`${kind}/failing`].status, 'error');
  assert.deepEqual(byService[`${kind}/failing`].error, { code: 'overloaded', message: 'too many players' });
  assert.equal(byService[`${kind}/without`].status, 'no-handler');
  assert.equal(byService[`${kind}/silent`].status, 'timeout');
});

test('gather first answers with the first ok and reports the others as not waited for', async () => {
  const { kind } = await receivers();
  const asker = await connectedClient('web', ['send:*']);

  const result = await asker.gather(`kind:${kind}`, 'health', null, { mode: 'first', timeoutMs: 5_000 });

  assert.equal(result.mode, 'first');
  assert.equal(result.complete, false, 'the silent receiver was not waited for');
  const statuses = Object.fromEntries(result.results.map((r) => [r.service.split('/')[1], r.status]));
  assert.equal(statuses.ok, 'ok');
  assert.equal(statuses.silent, 'timeout');
  const silent = result.results.find((r) => r.service === `${kind}/silent`);
  assert.match(silent.error.message, /not waited for/);
});

test('gather quorum larger than the receivers is answered at once, and an empty gather completes', async () => {
  const { kind } = await receivers();
  const asker = await connectedClient('web', ['send:*']);

  const hopeless = await asker.gather(`kind:${kind}`, 'health', null, { mode: 'quorum', quorum: 9, timeoutMs: 5_000 });
  assert.equal(hopeless.complete, false);
  assert.equal(hopeless.results.length, 4);

  const empty = await asker.gather(`kind:${uniqueName('nobody')}`, 'health', null, { timeoutMs: 1_000 });
  assert.deepEqual(empty.results, []);
  assert.equal(empty.complete, true);
});

test('a gather the token does not allow is refused, and a quorum without its count is refused before sending', async () => {
  const asker = await connectedClient('web', ['subscribe:*']);

  await assert.rejects(asker.gather('kind:audio-node', 'health', null), (e) => e.code === 'forbidden');
  await assert.rejects(asker.gather('kind:audio-node', 'health', null, { mode: 'quorum' }),
    (e) => e.code === 'invalid-frame');
});
