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
  const changes = [];
  let stats;
  await watcher.subscribe('registry', (m) => {
    if (m.subject === 'registry.changed' && m.body.entry.service.name === name) {
      changes.push(m.body);
    } else if (m.subject === 'registry.stats') {
      // Stats come on their own, as small updates (docs/PROTOCOL.md section 11.5).
      const mine = m.body.updates.find((update) => update.service === `audio-node/${name}`);
      stats = mine ? mine.stats : stats;
    }
  });

  await agent.announce({ kind: 'audio-node', name, endpoint: 'http://ams.example.org:2333', labels: { region: 'eu' } });
  await agent.updateStats(`audio-node/${name}`, { players: 3, playingPlayers: 2, uptime: 1000 });
  await agent.setServiceState(`audio-node/${name}`, 'draining');

  await eventually(() => stats && changes.some((c) => c.entry.state === 'draining'), 'the stats and the state change');
  assert.equal(changes[0].change, 'added');
  assert.equal(changes[0].entry.owner, agent.identity);
  assert.equal(changes[0].entry.service.endpoint, 'http://ams.example.org:2333');
  assert.equal(stats.playingPlayers, 2);
  assert.equal(changes.at(-1).entry.state, 'draining');
});

test('an announcement the token does not allow is refused, and bad arguments before sending', async () => {
  const client = await connectedClient('web', ['registry']);

  await assert.rejects(client.announce({ kind: 'audio-node', name: 'x' }), (e) => e.code === 'forbidden');
  await assert.rejects(client.announce({ kind: 'Audio Node', name: 'x' }), (e) => e.code === 'invalid-frame');
  await assert.rejects(client.setServiceState('audio-node/x', 'down'), (e) => e.code === 'invalid-frame');
});
