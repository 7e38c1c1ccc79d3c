// Which of the page's sources names the track: MediaSession, then JSON-LD, then OpenGraph, then the title.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoDurationMs, pageTrack } from '../src/lib/page-reader.js';

const URL = 'https://music.example.org/track/1';

test('the player\'s MediaSession wins over the page\'s data', () => {
  const track = pageTrack({
    url: URL, title: 'Shop',
    mediaSession: { title: 'Night Ferry', artist: 'The Fixtures' },
    jsonLd: [{ '@type': 'MusicRecording', name: 'Other' }],
  });
  assert.deepEqual(track, { uri: URL, title: 'Night Ferry', artist: 'The Fixtures', from: 'the player on the page' });
});

test('JSON-LD names the recording, its artist, album and length', () => {
  const track = pageTrack({
    url: URL, title: 'Shop',
    jsonLd: [{ '@type': 'WebPage' }, {
      '@type': 'MusicRecording', name: 'Paper Boats', byArtist: { name: 'Fixture Band' },
      inAlbum: { name: 'Harbour Lights' }, duration: 'PT3M22S', image: 'https://img.example.org/1.jpg',
    }],
  });
  assert.equal(track.title, 'Paper Boats');
  assert.equal(track.artist, 'Fixture Band');
  assert.equal(track.album, 'Harbour Lights');
  assert.equal(track.durationMs, 202_000);
  assert.equal(track.artworkUrl, 'https://img.example.org/1.jpg');
});

test('OpenGraph comes next, then the title, always with the tab\'s URL', () => {
  assert.equal(pageTrack({ url: URL, title: 'T', openGraph: { 'og:title': 'OG title' } }).title, 'OG title');
  assert.deepEqual(pageTrack({ url: URL, title: 'Just a title', openGraph: {} }),
    { uri: URL, title: 'Just a title', from: 'the page\'s title' });
  assert.equal(pageTrack({ url: URL }), undefined);
});

test('ISO 8601 durations become milliseconds, anything else nothing', () => {
  assert.equal(isoDurationMs('PT1H2M3S'), 3_723_000);
  assert.equal(isoDurationMs('PT45.5S'), 45_500);
  assert.equal(isoDurationMs('3:22'), undefined);
  assert.equal(isoDurationMs(undefined), undefined);
});
