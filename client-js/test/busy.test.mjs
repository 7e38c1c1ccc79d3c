// A hub too busy for another hello answers it with a goodbye and close 4029 "try again later":
// the client waits the reconnectMs it was told (plus its jitter), not its own shorter backoff.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { WebSocket } from 'ws';
import { SOCKET_URL, closeAll, collect, createToken, newClient, nextEvent, uniqueName } from './support/hub.mjs';

const sockets = [];
afterEach(() => {
  closeAll();
  for (const socket of sockets.splice(0)) {
    socket.terminate();
  }
});

/** Sends one hello with `token` on a socket of its own; resolves with the close code the hub ends it with, or 0. */
function hello(token) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(SOCKET_URL);
    sockets.push(socket);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', token, protocol: 1 })));
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type === 'welcome') {
        resolve(0);
      }
    });
    socket.on('close', (code) => resolve(code));
    socket.on('error', reject);
  });
}

test('told to try again later, the client comes back after the reconnectMs of the goodbye, not sooner', async () => {
  const name = uniqueName('web');
  const token = await createToken(name, 'web', ['subscribe:*']);
  // Uses up the token's own hello budget (PROTOCOL.md 15.5), so that the client's hello is turned away.
  let code = 0;
  for (let n = 0; n < 40 && code !== 4029; n += 1) {
    code = await hello(token);
  }
  assert.equal(code, 4029, 'the hub turned a hello away once the token used up its budget');
  // A backoff far below what the hub asks for: only the goodbye can make the client wait longer.
  const client = await newClient('web', [], { name, token, client: { backoff: { initialMs: 10, maxMs: 20 } } });
  const states = collect(client, 'state');
  const away = nextEvent(client, 'state', (s) => s.state === 'reconnecting');

  const welcome = client.connect();
  const told = await away;
  const awayAt = Date.now();
  await welcome;
  const backAt = Date.now();

  const reconnectMs = Number(/goodbye \(busy\): back in about (\d+) ms/.exec(told.reason)?.[1]);
  assert.ok(reconnectMs > 20, `the hub asked for a wait longer than the backoff: ${told.reason}`);
  assert.ok(told.retryInMs >= reconnectMs, `the client plans ${told.retryInMs} ms, at least the ${reconnectMs} asked`);
  assert.ok(told.retryInMs <= reconnectMs + 1_000, `and at most a second of jitter more: ${told.retryInMs} ms`);
  assert.ok(backAt - awayAt >= reconnectMs - 5, `connected ${backAt - awayAt} ms after being told ${reconnectMs} ms`);
  assert.equal(states.filter((s) => s.state === 'connecting').length, 2, 'no attempt in between');
});
