// A 4010 ("replaced") stops a client, except the one a client brings on itself: the hello of an
// attempt it gave up for want of a welcome reaches a slow hub after the next attempt's hello,
// and that late hello takes the identity over. A scripted hub plays that slow hub exactly.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { WebSocket, WebSocketServer } from 'ws';
import { RoadieClient } from '../src/roadie-client.js';
import { collect, eventually, nextEvent, quietLogger } from './support/hub.mjs';

const servers = [];
const clients = [];
afterEach(async () => {
  for (const client of clients.splice(0)) {
    client.close();
  }
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => {
    for (const socket of server.clients) {
      socket.terminate();
    }
    server.close(resolve);
  })));
});

function welcome(n) {
  return JSON.stringify({
    type: 'welcome', session: `scripted-${n}`, epoch: 'scripted', heartbeatMs: 60_000, resumed: false, lastSeq: 0,
    you: { kind: 'web', name: 'tab', scopes: ['send:*'] },
    limits: { maxFrameBytes: 65_536, framesPerSecond: 1000, maxSubscriptions: 100, maxTimeoutMs: 60_000 },
  });
}

/**
 * A hub on a free port that answers each connection's hello with `script(n, socket, hello)`, n
 * counting connections from 1; resolves with its URL and the count of connections so far.
 */
async function scriptedHub(script) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const hub = { url: `ws://127.0.0.1:${server.address().port}/ws`, connections: 0 };
  server.on('connection', (socket) => {
    hub.connections += 1;
    const n = hub.connections;
    socket.once('message', (data) => script(n, socket, JSON.parse(String(data))));
  });
  return hub;
}

function client(url, options = {}) {
  const created = new RoadieClient({
    url, token: 'rdt_scripted', WebSocket, connectTimeoutMs: 300, backoff: { initialMs: 20, maxMs: 50 },
    logger: quietLogger(), ...options,
  });
  clients.push(created);
  return created;
}

test('a 4010 soon after an attempt given up for want of a welcome is that attempt\'s own late hello: the client connects again', async () => {
  const hub = await scriptedHub((n, socket) => {
    if (n === 1) {
      return; // The slow hub: this hello is answered by nobody, and the client gives the attempt up.
    }
    socket.send(welcome(n));
    if (n === 2) {
      // The first attempt's hello is processed now, and takes the identity over from this link.
      setTimeout(() => socket.close(4010, 'replaced: a newer connection of web/tab took over'), 50);
    }
  });
  const roadie = client(hub.url);
  const states = collect(roadie, 'state');

  await roadie.connect();
  await eventually(() => roadie.state === 'connected' && roadie.sessionId === 'scripted-3',
    'the client connects again after the 4010, and is welcomed');

  assert.equal(roadie.state, 'connected');
  assert.ok(!states.some((s) => s.state === 'closed'), `never closed: ${JSON.stringify(states.map((s) => s.state))}`);
});

test('a 4010 with no attempt given up before stops the client: another connection really took its identity', async () => {
  const hub = await scriptedHub((n, socket) => {
    socket.send(welcome(n));
    setTimeout(() => socket.close(4010, 'replaced: a newer connection of web/tab took over'), 50);
  });
  const roadie = client(hub.url);
  const closed = nextEvent(roadie, 'state', (s) => s.state === 'closed');

  await roadie.connect();
  const ended = await closed;

  assert.match(ended.reason, /replaced/);
  assert.equal(roadie.state, 'closed');
  assert.equal(hub.connections, 1, 'no second connection');
});

test('a 4011 (identity in use) stops the client instead of taking turns with the connection that holds the identity', async () => {
  const hub = await scriptedHub((n, socket) => {
    socket.close(4011, 'identity in use');
  });
  const roadie = client(hub.url);
  const closed = nextEvent(roadie, 'state', (s) => s.state === 'closed');

  await roadie.connect().catch(() => {});
  const ended = await closed;

  assert.match(ended.reason, /identity-in-use/);
  assert.equal(roadie.state, 'closed');
  assert.equal(hub.connections, 1, 'no second connection');
});

test('the hello says "replace": false only when the client asks not to replace; without it the hub takes over as by default', async () => {
  const hellos = [];
  const hub = await scriptedHub((n, socket, hello) => {
    hellos.push(hello);
    socket.send(welcome(n));
  });

  await client(hub.url).connect();
  await client(hub.url, { replace: false }).connect();

  assert.equal('replace' in hellos[0], false, `no replace field by default: ${JSON.stringify(hellos[0])}`);
  assert.equal(hellos[1].replace, false);
});
