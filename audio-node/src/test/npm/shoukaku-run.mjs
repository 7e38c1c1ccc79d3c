// Drives shoukaku against the audio node: connect, load, play, pause, seek, filters, a lost and
// resumed session, stop. Discord is replaced by a connector that answers the voice join as the
// gateway would. Prints "PASS <step>" per step; any failure exits non-zero saying which step.
// Run by ShoukakuTest with NODE_URL, NODE_AUTH and TONE (a local WAV file) set.
import assert from 'node:assert/strict';
import { Connector, Shoukaku } from 'shoukaku';

const BOT = '42';
const GUILD = '7';
const CHANNEL = '9';
const DEADLINE_MS = 10_000;

/** Answers a voice join (gateway op 4) with the two events Discord sends back. */
class StandInGateway extends Connector {
  getId() {
    return BOT;
  }

  sendPacket(shardId, payload) {
    if (payload.op !== 4) return;
    const d = payload.d;
    setImmediate(() => {
      this.raw({ t: 'VOICE_STATE_UPDATE', d: { guild_id: d.guild_id, user_id: BOT, session_id: 'discord-session',
        channel_id: d.channel_id, self_deaf: d.self_deaf, self_mute: d.self_mute } });
      if (d.channel_id) {
        this.raw({ t: 'VOICE_SERVER_UPDATE', d: { guild_id: d.guild_id, token: 'voice-token',
          endpoint: 'voice.example.test:443' } });
      }
    });
  }

  listen(nodes) {
    setImmediate(() => this.ready(nodes));
  }
}

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

const shoukaku = new Shoukaku(new StandInGateway({}),
  [{ name: 'roadie', url: process.env.NODE_URL, auth: process.env.NODE_AUTH }],
  { resume: true, resumeTimeout: 30, reconnectInterval: 0.2, reconnectTries: 5 });
shoukaku.on('error', (name, error) => console.log(`shoukaku error from ${name}: ${error}`));
const ready = next(shoukaku, 'ready');
let node;
let player;
let encoded;

await step('connect', async () => {
  const [name, resumed] = await ready;
  assert.equal(name, 'roadie');
  assert.equal(resumed, false);
  node = shoukaku.nodes.get('roadie');
  assert.ok(node.sessionId);
});

await step('stats', async () => {
  const [json] = await next(node, 'raw', (message) => message.op === 'stats');
  assert.equal(typeof json.players, 'number');
  assert.ok(node.stats);
});

await step('load', async () => {
  const result = await node.rest.resolve(process.env.TONE);
  assert.equal(result.loadType, 'track');
  assert.equal(result.data.info.length, 20_000);
  encoded = result.data.encoded;
});

await step('play', async () => {
  player = await shoukaku.joinVoiceChannel({ guildId: GUILD, channelId: CHANNEL, shardId: 0 });
  const started = next(player, 'start');
  await player.playTrack({ track: { encoded } });
  const [event] = await started;
  assert.equal(event.track.encoded, encoded);
  const state = await node.rest.getPlayer(GUILD);
  assert.equal(state.voice.channelId, CHANNEL);
  assert.equal(state.voice.token, 'voice-token');
});

await step('pause', async () => {
  await player.setPaused(true);
  assert.equal((await node.rest.getPlayer(GUILD)).paused, true);
});

await step('seek', async () => {
  await player.seekTo(2000);
  const position = (await node.rest.getPlayer(GUILD)).state.position;
  assert.ok(position >= 2000 && position <= 2100, `position ${position}`);
  await player.setPaused(false);
  assert.equal((await node.rest.getPlayer(GUILD)).paused, false);
});

await step('filters', async () => {
  await player.setFilters({ volume: 0.8, timescale: { pitch: 1.5 }, equalizer: [{ band: 2, gain: 0.2 }] });
  const set = (await node.rest.getPlayer(GUILD)).filters;
  assert.deepEqual(set.timescale, { speed: 1, pitch: 1.5, rate: 1 });
  assert.equal(set.equalizer[0].band, 2);
  await player.clearFilters();
  const cleared = (await node.rest.getPlayer(GUILD)).filters;
  assert.equal(cleared.timescale, undefined);
  assert.deepEqual(cleared.equalizer, []);
});

await step('resume', async () => {
  const sessionId = node.sessionId;
  // shoukaku logs the upgrade answer's Session-Resumed and Lavalink-Api-Version headers.
  const handshake = next(node, 'debug', (message) => message.includes('Connection Handshake Done'));
  const resumed = next(shoukaku, 'ready', (name, lavalinkResume) => lavalinkResume === true);
  node.ws.terminate();
  await resumed;
  const [logged] = await handshake;
  assert.match(logged, /Resumed Header Value: true \| Lavalink Api Version: 4/);
  assert.equal(node.sessionId, sessionId);
  // The player kept its track (its encoding carries the position, as Lavalink's does, so compare what it is).
  const state = await node.rest.getPlayer(GUILD);
  assert.equal(state.track.info.identifier, process.env.TONE);
  assert.equal(state.paused, false);
});

await step('stop', async () => {
  const ended = next(player, 'end');
  await player.stopTrack();
  const [event] = await ended;
  assert.equal(event.reason, 'stopped');
});

await shoukaku.leaveVoiceChannel(GUILD);
for (const each of shoukaku.nodes.values()) each.disconnect(1000, 'done');
process.exit(0);
