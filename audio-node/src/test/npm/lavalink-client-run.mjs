// Drives the npm lavalink-client against the audio node: connect, stats, load, play, pause, seek,
// filters, a lost and resumed session, stop. Discord is replaced by answering the voice join the
// client asks its shard to send with the two events Discord sends back. Prints "PASS <step>" per
// step; any failure exits non-zero saying which step. Run by NpmLavalinkClientTest with NODE_HOST,
// NODE_PORT, NODE_AUTH and TONE (a local WAV file) set.
import assert from 'node:assert/strict';
import { LavalinkManager } from 'lavalink-client';

const BOT = '42';
const GUILD = '7';
const CHANNEL = '9';
const DEADLINE_MS = 10_000;

/** The next `event` of `emitter` whose arguments pass `accept`, or a failure after the deadline. */
function next(emitter, event, accept = () => true) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`no ${event} within ${DEADLINE_MS} ms`));
    }, DEADLINE_MS);
    const listener = (...args) => {
      if (!accept(...args)) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(args);
    };
    emitter.on(event, listener);
  });
}

async function step(name, action) {
  try {
    await action();
    console.log(`PASS ${name}`);
  } catch (error) {
    console.log(`FAIL ${name}: ${error.stack ?? error}`);
    process.exit(1);
  }
}

const manager = new LavalinkManager({
  nodes: [{ id: 'roadie', host: process.env.NODE_HOST, port: Number(process.env.NODE_PORT),
    authorization: process.env.NODE_AUTH, retryDelay: 200, retryAmount: 10 }],
  sendToShard: (guildId, payload) => {
    if (payload.op !== 4) return;
    const d = payload.d;
    setImmediate(() => {
      void manager.sendRawData({ t: 'VOICE_STATE_UPDATE', d: { guild_id: d.guild_id, user_id: BOT,
        session_id: 'discord-session', channel_id: d.channel_id, self_deaf: d.self_deaf, self_mute: d.self_mute } });
      if (d.channel_id) {
        void manager.sendRawData({ t: 'VOICE_SERVER_UPDATE', d: { guild_id: d.guild_id, token: 'voice-token',
          endpoint: 'voice.example.test:443' } });
      }
    });
  },
  client: { id: BOT, username: 'roadie-test' },
  autoSkip: false,
});
manager.nodeManager.on('error', (node, error) => console.log(`node error: ${error?.message ?? error}`));
let node;
let player;
let track;

await step('connect', async () => {
  const ready = next(manager.nodeManager, 'raw', (n, message) => message?.op === 'ready');
  // "connect" comes once the client has read /v4/info: it checks sources and filters against it.
  const connected = next(manager.nodeManager, 'connect');
  await manager.init({ id: BOT, username: 'roadie-test' });
  const [readyNode, message] = await ready;
  await connected;
  node = readyNode;
  assert.equal(node.id, 'roadie');
  assert.equal(message.resumed, false);
  assert.equal(node.sessionId, message.sessionId);
});

await step('stats', async () => {
  const [, message] = await next(manager.nodeManager, 'raw', (n, payload) => payload?.op === 'stats');
  assert.equal(typeof message.players, 'number');
});

await step('load', async () => {
  player = manager.createPlayer({ guildId: GUILD, voiceChannelId: CHANNEL, textChannelId: '1', volume: 100 });
  await player.connect();
  const result = await player.search({ query: process.env.TONE, source: 'local' }, { id: 'me' });
  assert.equal(result.loadType, 'track');
  track = result.tracks[0];
  assert.equal(track.info.duration, 20_000);
});

await step('play', async () => {
  const started = next(manager, 'trackStart');
  await player.play({ clientTrack: track });
  await started;
  const state = await node.fetchPlayer(GUILD);
  assert.equal(state.voice.channelId, CHANNEL);
});

await step('pause', async () => {
  await player.pause();
  assert.equal((await node.fetchPlayer(GUILD)).paused, true);
});

await step('seek', async () => {
  await player.seek(2000);
  const position = (await node.fetchPlayer(GUILD)).state.position;
  assert.ok(position >= 2000 && position <= 2100, `position ${position}`);
  await player.resume();
  assert.equal((await node.fetchPlayer(GUILD)).paused, false);
});

await step('filters', async () => {
  // setEQ sends the equalizer alone, which replaces every other filter on Lavalink as here; setPitch
  // sends them all, the equalizer among them. The client keeps bands in a sparse array, so a band set
  // alone past 0 goes out after nulls, which Lavalink (and this node) refuse: bands from 0 are set.
  await player.filterManager.setEQ([{ band: 0, gain: 0 }, { band: 1, gain: 0 }, { band: 2, gain: 0.2 }]);
  await player.filterManager.setPitch(1.5);
  const set = (await node.fetchPlayer(GUILD)).filters;
  assert.equal(set.timescale?.pitch, 1.5, JSON.stringify(set));
  assert.equal(set.equalizer?.[2]?.gain, 0.2, JSON.stringify(set));
  await player.filterManager.resetFilters();
  const cleared = (await node.fetchPlayer(GUILD)).filters;
  assert.ok(!cleared.timescale || cleared.timescale.pitch === 1, JSON.stringify(cleared));
});

await step('resume', async () => {
  await node.updateSession(true, 60);
  const sessionId = node.sessionId;
  const resumed = next(manager.nodeManager, 'resumed');
  // This client resumes only a session named in its node options (a restarted bot keeps the id there).
  node.options.sessionId = sessionId;
  node.socket.terminate();
  const [, payload] = await resumed;
  assert.equal(payload.sessionId, sessionId);
  const state = await node.fetchPlayer(GUILD);
  assert.equal(state.track.info.identifier, process.env.TONE);
});

await step('stop', async () => {
  // Stopping with the queue cleared, the client reports a queue end rather than "trackEnd": read
  // the event the node sent it.
  const ended = next(manager.nodeManager, 'raw', (n, message) => message?.type === 'TrackEndEvent');
  await player.stopPlaying(true, false);
  const [, event] = await ended;
  assert.equal(event.reason, 'stopped');
  assert.equal(event.guildId, GUILD);
});

await player.destroy('done');
process.exit(0);
