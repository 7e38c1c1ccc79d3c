// Announcing services through roadie-client.js: the registry hears of them, and a new session
// (after a hub restart) is told again without the application doing anything.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { closeAll, connectedClient, eventually, uniqueName } from './support/hub.mjs';

afterEach(closeAll);

test('a service announced, its stats and its state reach the registry\'s followers', async () => {
  const name = uniqueName('ams');
  const agent = await connectedClient('node-agent', ['announce:audio-node'], { name });
  const watcher = await connectedClient('web', ['registry']);
  const events = [];
  await watcher.subscribe('registry', (m) => {
    if (m.subject === 'registry.changed' && m.body.entry.service.name === name) {
      events.push(m.body);
    }
  });

  await agent.announce({ kind: 'audio-node', name, endpoint: 'http://ams.example.org:2333', labels: { region: 'eu' } });
  await agent.updateStats(`audio-node/${name}`, { players: 3, playingPlayers: 2, uptime: 1000 });
  await agent.setServiceState(`audio-node/${name}`, 'draining');

  await eventually(() => events.length >= 3, 'three registry events');
  assert.equal(events[0].change, 'added');
  assert.equal(events[0].entry.owner, agent.identity);
  assert.equal(events[0].entry.service.endpoint, 'http://ams.example.org:2333');
  assert.equal(events[1].entry.stats.playingPlayers, 2);
  assert.equal(events[2].entry.state, 'draining');
});

test('an announcement the token does not allow is refused, and bad arguments before sending', async () => {
  const client = await connectedClient('web', ['registry']);

  await assert.rejects(client.announce({ kind: 'audio-node', name: 'x' }), (e) => e.code === 'forbidden');
  await assert.rejects(client.announce({ kind: 'Audio Node', name: 'x' }), (e) => e.code === 'invalid-frame');
  await assert.rejects(client.setServiceState('audio-node/x', 'down'), (e) => e.code === 'invalid-frame');
});
