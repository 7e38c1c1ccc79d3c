// The outbox without a hub: numbering, cumulative acks, resending after a resume or in a new session.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Outbox, OutgoingFrame } from '../src/roadie/outbox.js';
import { RecentMessages } from '../src/roadie/recent.js';

function frame(id, hooks = {}) {
  return new OutgoingFrame({ type: 'message', id, to: 'all', subject: 's', body: id }, { counted: true, ...hooks });
}

function drainWrites(outbox) {
  const texts = [];
  let next;
  while ((next = outbox.peekToWrite()) !== null) {
    texts.push(JSON.parse(next.text));
    outbox.written(next);
  }
  return texts;
}

test('frames are numbered from 1, written with type then seq first, and acked cumulatively', () => {
  const outbox = new Outbox();
  const acked = [];
  ['a', 'b', 'c'].forEach((id) => {
    const f = frame(id, { onAck: () => acked.push(id) });
    outbox.reserve(f);
    outbox.add(f);
  });

  const written = drainWrites(outbox);
  assert.deepEqual(written.map((f) => [f.seq, f.id]), [[1, 'a'], [2, 'b'], [3, 'c']]);
  assert.deepEqual(Object.keys(written[0]).slice(0, 2), ['type', 'seq']);

  outbox.acknowledge(2).forEach((f) => f.acked());
  assert.deepEqual(acked, ['a', 'b']);
  assert.equal(outbox.size, 1);
  assert.equal(drainWrites(outbox).length, 0, 'nothing to write again on the same link');
});

test('a resumed session writes the unconfirmed frames again with their numbers; a new session renumbers them after its own', () => {
  const outbox = new Outbox();
  ['a', 'b', 'c'].forEach((id) => outbox.add(frame(id)));
  drainWrites(outbox);
  outbox.acknowledge(1);

  outbox.rewriteAll();
  assert.deepEqual(drainWrites(outbox).map((f) => [f.seq, f.id]), [[2, 'b'], [3, 'c']]);

  const subscribe = new OutgoingFrame({ type: 'subscribe', id: 'sub', topic: 't' });
  outbox.renumber(true, [subscribe]);
  assert.deepEqual(drainWrites(outbox).map((f) => [f.seq, f.id]), [[1, 'sub'], [2, 'b'], [3, 'c']]);
});

test('the outbox refuses what exceeds its limits, and gives the room back when frames are done', () => {
  const outbox = new Outbox({ maxFrames: 2, maxBytes: 1_000_000 });
  const first = frame('a');
  outbox.reserve(first);
  outbox.add(first);
  outbox.reserve(frame('b'));
  assert.throws(() => outbox.reserve(frame('c')), (e) => e.code === 'outbox-full');

  outbox.acknowledge(1);
  assert.doesNotThrow(() => outbox.reserve(frame('c')));
  const tight = new Outbox({ maxFrames: 10, maxBytes: 50 });
  assert.throws(() => tight.reserve(frame('x'.repeat(100))), (e) => e.code === 'outbox-full' && /bytes/.test(e.message));
});

test('a message seen before is recognised by sender and id, within the remembered number', () => {
  const recent = new RecentMessages(3);
  assert.equal(recent.firstTime('bot/a', '1'), true);
  assert.equal(recent.firstTime('bot/a', '1'), false);
  assert.equal(recent.firstTime('bot/b', '1'), true, 'another sender may use the same id');
  recent.firstTime('bot/a', '2');
  recent.firstTime('bot/a', '3');
  recent.firstTime('bot/a', '4');
  assert.equal(recent.firstTime('bot/b', '1'), true, 'the oldest is forgotten past the capacity');
});
