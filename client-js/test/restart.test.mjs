// A hub restart, through the control channel of RoadieClientJsTest: the client is told goodbye,
// comes back into a new session, reports hubRestarted, and subscribes again by itself.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { closeAll, collect, connectedClient, eventually, nextEvent, uniqueName } from './support/hub.mjs';

afterEach(closeAll);

const CONTROL_URL = process.env.ROADIE_CONTROL_URL;

/** Asks the JUnit side to stop the hub and start it again on the same port and data folder. */
async function restartHub() {
  if (!CONTROL_URL) {
    throw new Error('ROADIE_CONTROL_URL is not set: run this test through RoadieClientJsTest, which restarts the hub');
  }
  const response = await fetch(`${CONTROL_URL}/restart`, { method: 'POST' });
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  return body.epoch;
}

test('after a hub restart the client reports hubRestarted, gets a new session and its subscriptions back', async () => {
  const listener = await connectedClient('web', ['subscribe:*', 'send:*']);
  const publisher = await connectedClient('music-bot', ['publish:*']);
  // A service announced under another identity is routed only while some session announced it.
  const nodeName = uniqueName('ams');
  const agent = await connectedClient('node-agent', ['announce:audio-node'], { name: nodeName });
  agent.handle('health', () => ({ healthy: true }));
  await agent.announce({ kind: 'audio-node', name: nodeName });
  assert.deepEqual(await listener.request(`service:audio-node/${nodeName}`, 'health', null), { healthy: true });
  const agentBack = nextEvent(agent, 'state', (s) => s.state === 'connected', 30_000);
  const topic = uniqueName('player');
  const received = [];
  await listener.subscribe(topic, (m) => received.push(m.body));
  const oldEpoch = listener.epoch;
  const oldSession = listener.sessionId;
  const states = collect(listener, 'state');
  const backOnNewHub = nextEvent(listener, 'state', (s) => s.state === 'connected', 30_000);
  const publisherBack = nextEvent(publisher, 'state', (s) => s.state === 'connected', 30_000);

  const newEpoch = await restartHub();
  const back = await backOnNewHub;
  await publisherBack;
  await agentBack;

  assert.notEqual(newEpoch, oldEpoch);
  assert.equal(back.hubRestarted, true);
  assert.equal(back.resumed, false);
  assert.equal(listener.epoch, newEpoch);
  assert.notEqual(listener.sessionId, oldSession);
  const away = states.find((s) => s.state === 'reconnecting');
  assert.match(away.reason, /goodbye/, 'the goodbye decided the wait');
  // The subscription came back without the application doing anything.
  await eventually(async () => {
    await publisher.send(`topic:${topic}`, 'player.event', 'from the new hub');
    return received.length > 0;
  }, 'a message on the topic after the restart');
  assert.equal(received[0], 'from the new hub');
  // The announcement came back too: the service is routed to the agent again.
  await eventually(async () => {
    try {
      return (await listener.request(`service:audio-node/${nodeName}`, 'health', null, { timeoutMs: 1_000 })).healthy;
    } catch (e) {
      if (e.code === 'no-route') {
        return false;
      }
      throw e;
    }
  }, 'the announced service answers after the restart');
});
