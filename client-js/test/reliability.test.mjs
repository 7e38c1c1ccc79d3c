// What keeps a link honest: dead links found and replaced, sessions resumed with nothing lost,
// duplicates dropped. A TCP proxy between client and hub stops forwarding without closing,
// as a link dies when a home IP changes.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { WebSocket } from 'ws';
import {
  HUB_URL, SOCKET_URL, closeAll, collect, connectedClient, createToken, eventually, newClient, nextEvent, uniqueName,
} from './support/hub.mjs';
import { TcpProxy } from './support/proxy.mjs';

const proxies = [];
const sockets = [];
afterEach(async () => {
  closeAll();
  for (const socket of sockets.splice(0)) {
    socket.terminate();
  }
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

const SCOPES = ['send:*', 'publish:*', 'subscribe:*'];

async function proxy() {
  const started = await TcpProxy.start(Number(new URL(HUB_URL).port));
  proxies.push(started);
  return started;
}

test('a link that goes silent is found dead, replaced, and the session resumes with no message lost', async () => {
  const tcp = await proxy();
  const receiver = await connectedClient('web', SCOPES, {
    url: `ws://127.0.0.1:${tcp.port}/ws`, client: { heartbeatTolerance: 2 } });
  const sender = await connectedClient('music-bot', SCOPES);
  const session = receiver.sessionId;
  const bodies = [];
  receiver.addEventListener('message', (e) => bodies.push(e.detail.body));
  const states = [];
  receiver.addEventListener('state', (e) => states.push({ ...e.detail, at: Date.now() }));

  const atSender = [];
  sender.addEventListener('message', (e) => atSender.push(e.detail.body));

  const frozenAt = Date.now();
  tcp.freeze();
  // Written into the frozen link, so lost with it: the client writes it again after the resume.
  const reply = receiver.send(`service:${sender.identity}`, 'note', 'written into the dead link');
  for (let n = 1; n <= 5; n += 1) {
    await sender.send(`service:${receiver.identity}`, 'count', n);
  }
  const back = await nextEvent(receiver, 'state', (s) => s.state === 'connected');
  await reply;
  for (let n = 6; n <= 8; n += 1) {
    await sender.send(`service:${receiver.identity}`, 'count', n);
  }

  await eventually(() => bodies.length >= 8, 'eight messages arrive');
  assert.deepEqual(bodies, [1, 2, 3, 4, 5, 6, 7, 8], 'every message, once, in order');
  const lost = states.find((s) => s.state === 'reconnecting');
  const silence = Number(/dead link: nothing heard from the hub for (\d+) ms/.exec(lost.reason)?.[1]);
  const bound = receiver.welcome.heartbeatMs * 2;
  assert.ok(silence > bound, `declared dead after ${silence} ms of silence, not before interval x tolerance (${bound} ms)`);
  assert.ok(lost.at - frozenAt < bound + 5_000, 'declared dead soon after the bound');
  assert.equal(back.resumed, true);
  assert.equal(back.hubRestarted, false);
  assert.equal(receiver.sessionId, session, 'the same session goes on');
  assert.ok(tcp.accepted >= 2, 'a new connection replaced the frozen one');
  await eventually(() => atSender.length > 0, 'the frame lost with the link arrives');
  assert.deepEqual(atSender, ['written into the dead link']);
});

test('while the hub cannot be reached, what is sent waits, and the resume delivers both ways', async () => {
  const tcp = await proxy();
  const traveller = await connectedClient('web', SCOPES, { url: `ws://127.0.0.1:${tcp.port}/ws` });
  const home = await connectedClient('music-bot', SCOPES);
  const topic = uniqueName('player');
  const onTopic = [];
  await traveller.subscribe(topic, (m) => onTopic.push(m.body));
  const atHome = [];
  home.addEventListener('message', (e) => atHome.push(e.detail.body));

  tcp.freezeAll();
  const lost = await nextEvent(traveller, 'state', (s) => s.state === 'reconnecting');
  assert.ok(lost.retryInMs >= 0);
  // The hub keeps the session: what is published meanwhile waits in it.
  await home.send(`topic:${topic}`, 'player.event', 'while away 1');
  await home.send(`topic:${topic}`, 'player.event', 'while away 2');
  // The traveller's own sends wait in its outbox until the hub confirms them.
  const sent = traveller.send(`service:${home.identity}`, 'note', 'written offline');
  let confirmed = false;
  sent.then(() => {
    confirmed = true;
  });
  await nextEvent(traveller, 'state', (s) => s.state === 'reconnecting'); // the next attempt fails too
  assert.equal(confirmed, false, 'not confirmed while the hub is out of reach');

  tcp.thaw();
  const back = await nextEvent(traveller, 'state', (s) => s.state === 'connected', 15_000);
  await sent;

  assert.equal(back.resumed, true);
  await eventually(() => onTopic.length >= 2 && atHome.length >= 1, 'both ways delivered');
  assert.deepEqual(onTopic, ['while away 1', 'while away 2']);
  assert.deepEqual(atHome, ['written offline']);
  await home.send(`topic:${topic}`, 'player.event', 'after');
  await eventually(() => onTopic.length === 3, 'the subscription still works');
});

test('a message delivered twice by the hub reaches the client once; the same id from another sender is not a duplicate', async () => {
  const receiver = await connectedClient('web', SCOPES);
  const seen = collect(receiver, 'message');
  const first = await rawSender();
  const second = await rawSender();
  const to = `service:${receiver.identity}`;

  // A sender that resends under a new number what it was not sure of: the hub delivers both copies.
  first.sendFrame({ type: 'message', seq: 1, id: 'dup-1', to, subject: 'once', body: 'a' });
  first.sendFrame({ type: 'message', seq: 2, id: 'dup-1', to, subject: 'once', body: 'a again' });
  second.sendFrame({ type: 'message', seq: 1, id: 'dup-1', to, subject: 'once', body: 'b' });
  first.sendFrame({ type: 'message', seq: 3, id: 'last', to, subject: 'marker', body: 'end' });
  await first.acked(3);
  await second.acked(1);

  await eventually(() => seen.some((m) => m.subject === 'marker') && seen.length >= 3, 'the marker arrives');
  assert.deepEqual(seen.map((m) => `${m.from === first.identity ? 'first' : 'second'}:${m.body}`).sort(),
    ['first:a', 'first:end', 'second:b']);
});

/** A bare `ws` socket that speaks the protocol by hand, to make the hub deliver a message twice. */
async function rawSender() {
  const name = uniqueName('raw');
  const token = await createToken(name, 'music-bot', ['send:*']);
  const socket = new WebSocket(SOCKET_URL);
  sockets.push(socket);
  let acked = 0;
  const waiters = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame.type === 'ack') {
      acked = frame.seq;
      waiters.filter((w) => w.seq <= acked).forEach((w) => w.resolve());
    }
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const welcome = new Promise((resolve) => socket.once('message', resolve));
  socket.send(JSON.stringify({ type: 'hello', token, protocol: 1 }));
  await welcome;
  return {
    identity: `music-bot/${name}`,
    sendFrame: (frame) => socket.send(JSON.stringify(frame)),
    acked: (seq) => (acked >= seq ? Promise.resolve() : new Promise((resolve) => waiters.push({ seq, resolve }))),
  };
}

test('a quiet link that is alive is kept: the client answers the hub\'s heartbeats and never reconnects', async () => {
  const sent = [];
  class RecordingWebSocket extends WebSocket {
    send(data, ...rest) {
      sent.push(JSON.parse(data).type);
      return super.send(data, ...rest);
    }
  }
  const client = await connectedClient('web', SCOPES, { client: { WebSocket: RecordingWebSocket } });
  const states = collect(client, 'state');
  // Longer than the hub waits for a silent client (interval x tolerance) and than the client waits for the hub.
  const quietFor = client.welcome.heartbeatMs * 6;

  await new Promise((resolve) => setTimeout(resolve, quietFor));

  assert.deepEqual(states, [], `no state change over ${quietFor} ms of silence from the application`);
  assert.equal(client.state, 'connected');
  assert.ok(sent.filter((type) => type === 'pong' || type === 'ping').length >= 2, `heartbeats sent: ${sent}`);
});

test('a newer connection of the same identity replaces the client, which stops instead of fighting back', async () => {
  const first = await connectedClient('web', SCOPES);
  const closing = nextEvent(first, 'state', (s) => s.state === 'closed');
  const second = await connectedClient('web', SCOPES, { name: first.identity.split('/')[1], token: first.token });

  const ended = await closing;

  assert.match(ended.reason, /replaced/);
  assert.equal(first.state, 'closed');
  await assert.rejects(first.send('all', 'x'), (e) => e.code === 'closed');
  assert.equal(second.state, 'connected');
});

test('a request that cannot reach the hub fails at its deadline and is never sent late', async () => {
  const tcp = await proxy();
  const bot = await connectedClient('music-bot', SCOPES);
  const asked = [];
  bot.handle('player.command', (request) => {
    asked.push(request.body);
    return { done: request.body };
  });
  const companion = await connectedClient('web', SCOPES, { url: `ws://127.0.0.1:${tcp.port}/ws` });
  tcp.freezeAll();
  await nextEvent(companion, 'state', (s) => s.state === 'reconnecting');

  await assert.rejects(companion.request(`service:${bot.identity}`, 'player.command', 'late', { timeoutMs: 300 }),
    (e) => e.status === 'timeout' && /not delivered/.test(e.message));
  tcp.thaw();
  await nextEvent(companion, 'state', (s) => s.state === 'connected', 15_000);
  const answer = await companion.request(`service:${bot.identity}`, 'player.command', 'on time');

  assert.deepEqual(answer, { done: 'on time' });
  assert.deepEqual(asked, ['on time'], 'the expired request never reached the bot');
});

test('connect waits through a hub that cannot be reached yet, retrying with growing delays', async () => {
  const tcp = await proxy();
  tcp.refuseAll();
  const client = await newClient('web', SCOPES, { url: `ws://127.0.0.1:${tcp.port}/ws`,
    client: { backoff: { initialMs: 20, maxMs: 400 } } });
  const retries = [];
  client.addEventListener('state', (e) => {
    if (e.detail.state === 'reconnecting') {
      retries.push(e.detail.retryInMs);
    }
  });

  const connecting = client.connect();
  await eventually(() => retries.length >= 4, 'four failed attempts');
  tcp.thaw();
  const welcome = await connecting;

  assert.equal(welcome.type, 'welcome');
  assert.equal(client.state, 'connected');
  // Attempt n waits at most min(400, 20 x 2^n) ms: the n-th bound, never the cap at once.
  retries.slice(0, 4).forEach((delay, index) => assert.ok(delay <= Math.min(400, 20 * 2 ** (index + 1)),
    `retry ${index + 1} waited ${delay} ms`));
});

test('the client acknowledges what it receives cumulatively, fewer acks than frames', async () => {
  const written = [];
  class RecordingWebSocket extends WebSocket {
    send(data, ...rest) {
      written.push(JSON.parse(data));
      return super.send(data, ...rest);
    }
  }
  const receiver = await connectedClient('web', SCOPES, { client: { WebSocket: RecordingWebSocket } });
  const sender = await connectedClient('music-bot', SCOPES);
  const seqs = [];
  const received = [];
  receiver.addEventListener('message', (e) => received.push(e.detail.body));

  await Promise.all(Array.from({ length: 150 }, (_, n) => sender.send(`service:${receiver.identity}`, 'count', n)));
  await eventually(() => received.length === 150, '150 messages');
  await eventually(() => written.some((f) => f.type === 'ack' && f.seq >= 150), 'an ack of the last frame');

  const acks = written.filter((f) => f.type === 'ack').map((f) => f.seq);
  acks.forEach((seq, i) => seqs.push(i === 0 || seq >= acks[i - 1]));
  assert.ok(seqs.every(Boolean), `acks never go back: ${acks}`);
  assert.ok(acks.length < 150, `one ack covers many frames (${acks.length} acks for 150 frames)`);
  assert.deepEqual(received, Array.from({ length: 150 }, (_, n) => n), 'in order, once');
});

test('close fails whatever still waits with code closed, and ends in state closed', async () => {
  const tcp = await proxy();
  tcp.refuseAll();
  const client = await newClient('web', SCOPES, { url: `ws://127.0.0.1:${tcp.port}/ws` });
  const connecting = client.connect();
  const sending = client.send('all', 'never', null);
  const asking = client.request('one:music-bot', 'never', null, { timeoutMs: 60_000 });
  await nextEvent(client, 'state', (s) => s.state === 'reconnecting');

  client.close();

  for (const pending of [connecting, sending, asking]) {
    await assert.rejects(pending, (e) => e.code === 'closed');
  }
  assert.equal(client.state, 'closed');
  await assert.rejects(client.subscribe('x', () => {}), (e) => e.code === 'closed');
});
