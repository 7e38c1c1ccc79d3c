// Search and resolve over the client's one connection: requests to the hub itself, answered as
// the REST API answers. The hub's providers ask a fake service (RoadieClientJsTest): Deezer
// answers a fixture, iTunes fails, ROADIE_MUSIC_URL/blank is a page that names nothing,
// ROADIE_MUSIC_URL/album an album page that lists two tracks.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { HubRequests, RoadieError } from '../src/roadie-client.js';
import { closeAll, connectedClient, HUB_URL } from './support/hub.mjs';

afterEach(closeAll);

const MUSIC_URL = process.env.ROADIE_MUSIC_URL;

/** The answer without what differs between two runs of the same search. */
function withoutTimings(answer) {
  return { ...answer, providers: answer.providers.map(({ latencyMs, cached, ...rest }) => rest) };
}

async function rest(path, token) {
  const response = await fetch(`${HUB_URL}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

test('a search answers what GET /api/search answers', async () => {
  const client = await connectedClient('desktop', ['search']);

  const answer = await client.search('paper boats', { providers: ['deezer', 'itunes'], limit: 5 });
  const fromRest = await rest('/api/search?q=paper%20boats&providers=deezer,itunes&limit=5', client.token);

  assert.equal(fromRest.status, 200);
  assert.equal(answer.tracks[0].title, 'Paper Boats');
  assert.deepEqual(withoutTimings(answer), withoutTimings(fromRest.body));
});

test('onPartial gets each provider\'s answer before the search resolves', async () => {
  const client = await connectedClient('desktop', ['search']);
  const seen = [];

  const answer = await client.search('boats', { providers: ['deezer', 'itunes'],
    onPartial: (part) => seen.push(part.status.provider) });
  seen.push('answer');

  assert.deepEqual([...seen.slice(0, 2)].sort(), ['deezer', 'itunes']);
  assert.equal(seen[2], 'answer');
  assert.equal(answer.providers.length, 2);
});

test('searchParts iterates the providers\' answers, then the merged answer is there', async () => {
  const client = await connectedClient('desktop', ['search']);

  const search = client.searchParts('boats', { providers: ['deezer', 'itunes'] });
  const parts = [];
  for await (const part of search) {
    parts.push(part);
  }
  const answer = await search.answer;

  assert.deepEqual(parts.map((p) => p.status.provider).sort(), ['deezer', 'itunes']);
  assert.equal(parts.find((p) => p.status.provider === 'deezer').tracks[0].title, 'Paper Boats');
  assert.equal(answer.tracks[0].title, 'Paper Boats');
});

test('without the search scope, search and resolve are forbidden', async () => {
  const client = await connectedClient('audio-node', ['announce:audio-node']);

  await assert.rejects(client.search('boats'), (e) => e instanceof RoadieError && e.code === 'forbidden');
  await assert.rejects(client.resolve('https://www.youtube.com/watch?v=pb0001'),
    (e) => e instanceof RoadieError && e.code === 'forbidden');
});

test('when every provider fails, the answer says so', async () => {
  const client = await connectedClient('desktop', ['search']);

  const answer = await client.search('boats', { providers: ['itunes'] });

  assert.equal(answer.allFailed, true);
  assert.equal(answer.tracks, undefined, 'no tracks: the hub leaves the empty list out, as over REST');
  assert.equal(answer.providers[0].status, 'failed');
});

test('an album resolves to its tracks in order, as GET /api/resolve answers', async () => {
  const client = await connectedClient('extension', ['search']);
  const link = `${MUSIC_URL}/album`;

  const answer = await client.resolve(link);
  const fromRest = await rest(`/api/resolve?url=${encodeURIComponent(link)}`, client.token);

  assert.equal(answer.kind, 'album');
  assert.equal(answer.trackCount, 2);
  assert.deepEqual(answer.tracks.map((t) => `${t.title} / ${t.artist}`), ['Paper Boats / Harbour Lights', 'Night Ferry / Harbour Lights']);
  assert.deepEqual(answer, fromRest.body);
});

test('a link that resolves to nothing is not-found, with the REST API\'s words', async () => {
  const client = await connectedClient('extension', ['search']);
  const link = `${MUSIC_URL}/blank`;

  const fromRest = await rest(`/api/resolve?url=${encodeURIComponent(link)}`, client.token);
  await assert.rejects(client.resolve(link), (e) => {
    assert.equal(e.code, 'not-found');
    assert.equal(e.message, fromRest.body.message);
    return true;
  });
});

test('an unknown provider is refused with what is installed', async () => {
  const client = await connectedClient('desktop', ['search']);

  await assert.rejects(client.search('boats', { providers: ['napster'] }), (e) => {
    assert.equal(e.code, 'invalid-frame');
    assert.match(e.message, /napster.*deezer/);
    return true;
  });
});

test('providers lists what GET /api/providers lists', async () => {
  const client = await connectedClient('desktop', ['search']);

  assert.deepEqual(await client.providers(), (await rest('/api/providers', client.token)).body);
  assert.equal(HubRequests.ADDRESS, 'hub');
});
