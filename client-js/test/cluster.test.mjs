// A hub of a cluster lists the cluster's hubs in its welcome; the client adds them to the hubs
// it fails over to, and when its hub dies it is back on another at once, though it was given
// only the one that died. Two scripted hubs play the cluster.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { WebSocket, WebSocketServer } from 'ws';
import { RoadieClient } from '../src/roadie-client.js';
import { eventually, quietLogger } from './support/hub.mjs';

const servers = [];
const clients = [];
afterEach(async () => {
  for (const client of clients.splice(0)) {
    client.close();
  }
  await Promise.all(servers.splice(0).map(stop));
});

function stop(server) {
  return new Promise((resolve) => {
    for (const socket of server.clients) {
      socket.terminate();
    }
    server.close(() => resolve());
  });
}

/** A hub on a free port that welcomes every hello as `name`, listing `hubs()` as its cluster's. */
async function scriptedHub(name, hubs) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  let n = 0;
  server.on('connection', (socket) => {
    socket.once('message', () => {
      n += 1;
      socket.send(JSON.stringify({
        type: 'welcome', session: `${name}-${n}`, epoch: name, heartbeatMs: 60_000, hubs: hubs(),
        you: { kind: 'web', name: 'tab' },
        limits: { maxFrameBytes: 65_536, framesPerSecond: 1000, maxSubscriptions: 100, maxTimeoutMs: 60_000 },
      }));
    });
  });
  return { server, url: `ws://127.0.0.1:${server.address().port}/ws` };
}

test('a client given one hub learns the others from its welcome and is back on another soon after that hub dies', async () => {
  const cluster = [];
  const a = await scriptedHub('a', () => [...cluster, 'http://127.0.0.1:1/ws', 'ws://127.0.0.1:1/elsewhere']);
  const b = await scriptedHub('b', () => [...cluster]);
  cluster.push(a.url, b.url);
  const roadie = new RoadieClient({
    url: a.url, token: 'rdt_scripted', WebSocket, connectTimeoutMs: 1_000, backoff: { initialMs: 20, maxMs: 200 },
    logger: quietLogger(),
  });
  clients.push(roadie);

  await roadie.connect();
  assert.equal(roadie.sessionId, 'a-1');
  assert.deepEqual(roadie.hubs, [a.url, b.url], 'socket URLs only, each once');

  const killedAt = Date.now();
  servers.splice(servers.indexOf(a.server), 1);
  await stop(a.server);
  await eventually(() => roadie.state === 'connected' && roadie.sessionId === 'b-1', 'the client welcomed by hub b');
  const backMs = Date.now() - killedAt;
  console.log(`JS client back on another hub ${backMs} ms after its hub died`);
  assert.ok(backMs < 2_000, `back within 2 s, took ${backMs} ms`);
});

test('a client given a wss:// hub takes only wss:// hubs from a welcome, never plain ws://', async () => {
  const opened = [];
  // A WebSocket stand-in: every socket opens and answers the hello with a welcome listing a ws:// and a wss:// hub.
  class FakeSocket {
    readyState = 0;
    constructor(url) {
      opened.push(url);
      setTimeout(() => {
        this.readyState = 1;
        this.onopen?.();
      }, 0);
    }
    send() {
      setTimeout(() => this.onmessage?.({ data: JSON.stringify({
        type: 'welcome', session: 's-1', epoch: 'e', heartbeatMs: 60_000,
        hubs: ['wss://a.example.org/ws', 'ws://b.example.org:7070/ws', 'wss://c.example.org/ws'],
        you: { kind: 'web', name: 'tab' },
        limits: { maxFrameBytes: 65_536, framesPerSecond: 1000, maxSubscriptions: 100, maxTimeoutMs: 60_000 },
      }) }), 0);
    }
    close() {}
  }
  const roadie = new RoadieClient({
    url: 'wss://a.example.org/ws', token: 'rdt_scripted', WebSocket: FakeSocket, logger: quietLogger(),
  });
  clients.push(roadie);

  await roadie.connect();

  assert.deepEqual(roadie.hubs, ['wss://a.example.org/ws', 'wss://c.example.org/ws']);
});
