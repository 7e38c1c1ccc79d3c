// Connecting, sending, asking and subscribing through roadie-client.js against a real hub.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { WebSocket } from 'ws';
import { RoadieClient, RoadieError } from '../src/roadie-client.js';
import {
  SOCKET_URL, closeAll, collect, connectedClient, nextEvent, newClient, quietLogger, uniqueName,
} from './support/hub.mjs';

afterEach(closeAll);

const COMPANION = ['send:*', 'publish:*', 'subscribe:*'];

test('connect resolves with the welcome of a new session and reports connecting then connected', async () => {
  const client = await newClient('web', ['subscribe:player.*']);
  const states = collect(client, 'state');

  const welcome = await client.connect();

  assert.equal(welcome.type, 'welcome');
  assert.equal(`${welcome.you.kind}/${welcome.you.name}`, client.identity);
  assert.ok(welcome.heartbeatMs > 0);
  assert.equal(client.state, 'connected');
  assert.equal(client.sessionId, welcome.session);
  assert.equal(client.epoch, welcome.epoch);
  assert.deepEqual(states.map((s) => s.state), ['connecting', 'connected']);
  assert.equal(states[1].resumed, false);
  assert.equal(states[1].hubRestarted, false);
  assert.equal(states[1].welcome, welcome);
});

test('a bad token is refused once, without retrying, and the client ends closed', async () => {
  const attempts = [];
  class CountingWebSocket extends WebSocket {
    constructor(...args) {
      super(...args);
      attempts.push(args[0]);
    }
  }
  const client = new RoadieClient({ url: SOCKET_URL, token: 'rd_nosuchtoken_0000000000000000000000', WebSocket: CountingWebSocket,
    logger: quietLogger(), backoff: { initialMs: 10, maxMs: 20 } });
  const states = collect(client, 'state');

  await assert.rejects(client.connect(), (e) => e instanceof RoadieError && e.code === 'unauthorized');

  assert.equal(client.state, 'closed');
  assert.equal(attempts.length, 1, 'one attempt only');
  assert.deepEqual(states.map((s) => s.state), ['connecting', 'closed']);
  assert.match(states[1].reason, /unauthorized/);
  await assert.rejects(client.send('all', 'x'), (e) => e.code === 'closed');
});

test('a message sent by one client reaches the other once, with its sender filled in', async () => {
  const receiver = await connectedClient('web', COMPANION);
  const sender = await connectedClient('web', COMPANION);
  const received = nextEvent(receiver, 'message', (m) => m.subject === 'greeting');

  await sender.send(`service:${receiver.identity}`, 'greeting', { text: 'hello', n: 0, ok: false });

  const message = await received;
  assert.equal(message.from, sender.identity);
  assert.equal(message.to, `service:${receiver.identity}`);
  assert.deepEqual(message.body, { text: 'hello', n: 0, ok: false });
  assert.equal(message.durable, false);
});

test('a send the hub refuses rejects with its error code', async () => {
  const client = await connectedClient('web', ['subscribe:*']);

  await assert.rejects(client.send('kind:music-bot', 'player.command', {}),
    (e) => e instanceof RoadieError && e.code === 'forbidden' && /send:music-bot/.test(e.message));
  assert.equal(client.state, 'connected', 'a refused frame leaves the link up');
});

test('a request is answered by the receiver\'s handler, its error as a RoadieError', async () => {
  const bot = await connectedClient('music-bot', COMPANION);
  const companion = await connectedClient('web', COMPANION);
  bot.handle('player.command', async (request) => {
    assert.equal(request.from, companion.identity);
    if (request.body.command === 'volume' && request.body.level > 200) {
      throw new RoadieError('too-loud', 'this bot stops at 200');
    }
    return { event: 'queue', guild: request.body.guild };
  });

  const body = await companion.request(`service:${bot.identity}`, 'player.command', { command: 'skip', guild: '123' });
  assert.deepEqual(body, { event: 'queue', guild: '123' });

  await assert.rejects(
    companion.request(`service:${bot.identity}`, 'player.command', { command: 'volume', guild: '1', level: 900 }),
    (e) => e instanceof RoadieError && e.status === 'error' && e.code === 'too-loud'
      && e.message === 'this bot stops at 200' && e.from === bot.identity);
});

test('requests without a handler, without a receiver and without an answer end with their status', async () => {
  const bot = await connectedClient('music-bot', COMPANION);
  const companion = await connectedClient('web', COMPANION);
  bot.handle('slow', () => new Promise(() => {}));
  bot.handle('broken', () => {
    throw new Error('kaputt');
  });

  await assert.rejects(companion.request(`service:${bot.identity}`, 'unknown.subject', null),
    (e) => e.status === 'no-handler' && e.code === 'no-handler');
  await assert.rejects(companion.request('service:music-bot/nobody-here', 'player.command', {}),
    (e) => e.status === 'no-route' && e.code === 'no-route');
  await assert.rejects(companion.request(`service:${bot.identity}`, 'broken', {}),
    (e) => e.status === 'error' && e.code === 'handler-failed' && /kaputt/.test(e.message));
  const started = Date.now();
  await assert.rejects(companion.request(`service:${bot.identity}`, 'slow', {}, { timeoutMs: 300 }),
    (e) => e.status === 'timeout' && e.code === 'timeout');
  assert.ok(Date.now() - started >= 250, 'not before the deadline');
});

test('a request to many receivers is refused before it is sent', async () => {
  const client = await connectedClient('web', COMPANION);

  await assert.rejects(client.request('kind:music-bot', 'x', {}), (e) => e.code === 'invalid-frame' && /gather/.test(e.message));
});

test('subscribe delivers the topic\'s messages to every handler until unsubscribed', async () => {
  const listener = await connectedClient('web', COMPANION);
  const publisher = await connectedClient('music-bot', COMPANION);
  const topic = uniqueName('player');
  const first = [];
  const second = [];

  const stopFirst = await listener.subscribe(topic, (m) => first.push(m.body));
  const stopSecond = await listener.subscribe(topic, (m) => second.push(m.body));
  await publisher.send(`topic:${topic}`, 'player.event', 1);
  await publisher.send(`topic:${topic}`, 'player.event', 2);
  await waitFor(() => first.length === 2 && second.length === 2);
  assert.deepEqual(first, [1, 2]);
  assert.deepEqual(second, [1, 2]);

  await stopFirst();
  await publisher.send(`topic:${topic}`, 'player.event', 3);
  await waitFor(() => second.length === 3);
  assert.deepEqual(first, [1, 2], 'a removed handler gets nothing more');

  await stopSecond();
  // The last handler gone, the client unsubscribed: a marker sent directly arrives, the topic's message not.
  const messages = collect(listener, 'message');
  await publisher.send(`topic:${topic}`, 'player.event', 4);
  await publisher.send(`service:${listener.identity}`, 'marker', 'after');
  await waitFor(() => messages.some((m) => m.subject === 'marker'));
  assert.deepEqual(messages.map((m) => m.subject), ['marker'], 'nothing from the topic after unsubscribing');
});

test('a subscription the token does not allow is refused', async () => {
  const client = await connectedClient('web', ['subscribe:player.*']);

  await assert.rejects(client.subscribe('secret.things', () => {}), (e) => e.code === 'forbidden');
});

async function waitFor(condition, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('subscribing to the registry gets its snapshot first, on the topic\'s handler', async () => {
  const client = await connectedClient('web', ['registry']);
  const received = [];

  await client.subscribe('registry', (m) => received.push(m));

  await waitFor(() => received.length > 0);
  assert.equal(received[0].subject, 'registry.snapshot');
  assert.equal(received[0].from, 'hub/roadie');
  assert.equal(received[0].to, 'topic:registry');
});

test('a durable message to a service nobody serves yet waits for it and arrives marked durable', async () => {
  const sender = await connectedClient('music-bot', COMPANION);
  const absent = await newClient('web', COMPANION);

  await sender.send(`service:${absent.identity}`, 'note', 'kept for you', { durable: true });
  const arrived = nextEvent(absent, 'message', (m) => m.subject === 'note');
  await absent.connect();

  const message = await arrived;
  assert.equal(message.body, 'kept for you');
  assert.equal(message.durable, true);
  assert.equal(message.from, sender.identity);
});
