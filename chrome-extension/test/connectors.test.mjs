// Each site connector on a fixture page written in the shape of that site: the page reader runs
// on the page (parsed by linkedom, a DOM for Node), and the connector makes the track.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { connectorFor } from '../src/lib/connectors.js';
import { pageTrack, readPage } from '../src/lib/page-reader.js';

/** What the popup gets from a tab showing this fixture at this address. */
function read(fixture, url) {
  const { document } = parseHTML(readFileSync(new URL(`fixtures/sites/${fixture}`, import.meta.url), 'utf8'));
  const connector = connectorFor(url);
  const globals = { document, location: { href: url }, navigator: {} };
  const saved = Object.fromEntries(Object.keys(globals).map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]));
  try {
    for (const [name, value] of Object.entries(globals)) {
      Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
    }
    return pageTrack(readPage(connector?.fields ?? {}), connector);
  } finally {
    for (const [name, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete globalThis[name];
    }
  }
}

test('YouTube: "Artist - Title (Official Video)" becomes the artist and the title, with length and picture', () => {
  const track = read('youtube-watch.html', 'https://www.youtube.com/watch?v=fixture01');
  assert.equal(track.title, 'Paper Boats');
  assert.equal(track.artist, 'Fixture Band');
  assert.equal(track.durationMs, 202_000);
  assert.equal(track.artworkUrl, 'https://i.ytimg.com/vi/fixture01/maxresdefault.jpg');
  assert.equal(track.uri, 'https://www.youtube.com/watch?v=fixture01');
});

test('YouTube: an artist\'s Topic channel names the artist, without " - Topic"', () => {
  const track = read('youtube-topic.html', 'https://www.youtube.com/watch?v=fixture02');
  assert.deepEqual([track.title, track.artist, track.durationMs], ['Night Ferry', 'The Fixtures', 245_000]);
});

test('YouTube Music: the player bar\'s title and first byline link', () => {
  const track = read('youtube-music.html', 'https://music.youtube.com/watch?v=fixture03');
  assert.deepEqual([track.title, track.artist], ['Harbour Lights', 'Fixture Band']);
  assert.match(track.artworkUrl, /googleusercontent/);
});

test('Spotify: the now-playing bar\'s track, artist, length and cover', () => {
  const track = read('spotify.html', 'https://open.spotify.com/playlist/fixture');
  assert.deepEqual([track.title, track.artist, track.durationMs], ['Paper Boats', 'Fixture Band', 202_000]);
  assert.match(track.artworkUrl, /scdn/);
});

test('Deezer: the player bar\'s title, artist, length and cover, on whatever page is open', () => {
  const track = read('deezer.html', 'https://www.deezer.com/en/album/900001');
  assert.deepEqual([track.title, track.artist, track.durationMs], ['Night Ferry', 'The Fixtures', 245_000]);
  assert.match(track.artworkUrl, /dzcdn/);
  assert.equal(track.uri, 'https://www.deezer.com/en/album/900001');
});

test('Deezer: before its player bar shows a track, the page\'s other sources decide', () => {
  assert.equal(connectorFor('https://deezer.com/us/playlist/1').id, 'deezer');
  const track = read('bandcamp-track.html', 'https://www.deezer.com/en/track/3135556');
  assert.deepEqual([track.title, track.from], ['Paper Boats | Fixture Band', 'the page\'s title']);
});

test('SoundCloud: what plays in the bottom bar wins over the page\'s own track', () => {
  const track = read('soundcloud.html', 'https://soundcloud.com/fixture-collective/low-tide');
  assert.deepEqual([track.title, track.artist], ['Night Ferry', 'The Fixtures']);
});

test('Bandcamp, on an artist\'s subdomain: title, artist, album and cover', () => {
  const track = read('bandcamp-track.html', 'https://fixtureband.bandcamp.com/track/paper-boats');
  assert.deepEqual([track.title, track.artist, track.album], ['Paper Boats', 'Fixture Band', 'Harbour Lights']);
  assert.match(track.artworkUrl, /bcbits/);
});

test('another site gets no connector: the generic sources decide', () => {
  assert.equal(connectorFor('https://example.org/song'), undefined);
  assert.equal(connectorFor('https://notbandcamp.com/x'), undefined);
  const track = read('bandcamp-track.html', 'https://example.org/song');
  assert.deepEqual([track.title, track.from], ['Paper Boats | Fixture Band', 'the page\'s title']);
});
