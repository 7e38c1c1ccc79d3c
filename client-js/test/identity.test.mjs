// One session per identity (PROTOCOL.md 3.1): a newer connection takes the identity over, and the
// older client stops, saying why (close 4010); a client that asks not to replace (`replace: false`)
// is refused instead while the identity is connected (close 4011), as the Java SDK's
// replaceConnected(false) is.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { WebSocket } from 'ws';
import { RoadieClient } from '../src/roadie-client.js';
import { SOCKET_URL, closeAll, connectedClient, newClient, nextEvent } from './support/hub.mjs';

afterEach(() => closeAll());

const SCOPES = ['send:*', 'publish:*', 'subscribe:*'];

/** The options that make a second client of `first`'s identity, with its token. */
function sameIdentity(first, client = {}) {
  return { name: first.identity.split('/')[1], token: first.token, client };
}

test('a client replaced by a newer connection stops and says why: code replaced, close code 4010, the same error for what waited', async () => {
  const bot = await connectedClient('music-bot', SCOPES);
  bot.handle('hold', () => new Promise(() => {})); // never answers: the request waits until the client stops
  const first = await connectedClient('web', SCOPES);
  const closed = nextEvent(first, 'state', (s) => s.state === 'closed');
  const waiting = first.request(`service:${bot.identity}`, 'hold', {}, { timeoutMs: 30_000 });
  const waited = assert.rejects(waiting, (e) => e.code === 'replaced');

  const second = await connectedClient('web', SCOPES, sameIdentity(first));
  const ended = await closed;

  assert.equal(ended.closeCode, 4010);
  assert.equal(ended.error.code, 'replaced');
  assert.match(ended.error.message, new RegExp(`a newer connection of ${first.identity} took over`));
  assert.match(ended.reason, /^refused: replaced: /);
  await waited;
  assert.equal(first.state, 'closed');
  assert.equal(second.state, 'connected');
});

test('a client that asks not to replace is refused with identity-in-use while another connection holds its identity, which goes on', async () => {
  const first = await connectedClient('web', SCOPES);
  const second = await newClient('web', SCOPES, sameIdentity(first, { replace: false }));
  const closed = nextEvent(second, 'state', (s) => s.state === 'closed');
  let firstStates = 0;
  first.addEventListener('state', () => {
    firstStates += 1;
  });

  await assert.rejects(second.connect(), (e) => e.code === 'identity-in-use' && /replace/.test(e.message));
  const ended = await closed;

  assert.equal(ended.closeCode, 4011);
  assert.equal(ended.error.code, 'identity-in-use');
  assert.equal(second.state, 'closed');
  await first.send('topic:identity-test', 'still here');
  assert.equal(first.state, 'connected');
  assert.equal(firstStates, 0, 'the connected client never noticed');
});

test('a client that asks not to replace connects as usual when its identity is free', async () => {
  const client = await connectedClient('web', SCOPES, { client: { replace: false } });

  assert.equal(client.state, 'connected');
  await client.send('topic:identity-test', 'hello');
});

test('replace must be true or false', () => {
  assert.throws(() => new RoadieClient({ url: SOCKET_URL, token: 'rd_x', WebSocket, replace: 'no' }),
    /options.replace must be true or false/);
});
