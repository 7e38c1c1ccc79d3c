// What the tab says it plays. readPage runs inside the tab (chrome.scripting serialises it, so
// it must use nothing from outside its own body); pageTrack picks the best of what it found.
import { isoDurationMs } from './duration.js';

export { isoDurationMs };

/**
 * Runs in the page: MediaSession, JSON-LD, OpenGraph, title, URL, the player's position, and the
 * fields a site connector asks for ({key: {css, attr}}: the attribute, else the text).
 */
export function readPage(fields = {}) {
  const text = (value) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const meta = navigator.mediaSession?.metadata;
  const mediaSession = meta && text(meta.title)
    ? {
        title: text(meta.title),
        artist: text(meta.artist),
        album: text(meta.album),
        artworkUrl: [...(meta.artwork ?? [])].map((a) => a.src).filter(Boolean).pop(),
      }
    : undefined;
  const jsonLd = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(script.textContent);
      for (const item of [data, ...(Array.isArray(data) ? data : data['@graph'] ?? [])].flat()) {
        if (item && typeof item === 'object' && !Array.isArray(item)) jsonLd.push(item);
      }
    } catch {
      // A page's broken JSON-LD is the page's problem: the other sources still count.
      continue;
    }
  }
  const og = {};
  for (const tag of document.querySelectorAll('meta[property^="og:"], meta[name^="music:"], meta[property^="music:"]')) {
    og[tag.getAttribute('property') ?? tag.getAttribute('name')] = tag.getAttribute('content');
  }
  const found = {};
  for (const [key, { css, attr }] of Object.entries(fields)) {
    const element = document.querySelector(css);
    const value = text(element && (attr ? element.getAttribute(attr) : element.textContent));
    if (value) found[key] = value.replace(/\s+/g, ' ');
  }
  const media = [...document.querySelectorAll('audio, video')].find((m) => !m.paused) ?? document.querySelector('audio, video');
  return {
    url: location.href,
    title: text(document.title),
    mediaSession,
    jsonLd,
    openGraph: og,
    found,
    positionMs: media && Number.isFinite(media.currentTime) ? Math.round(media.currentTime * 1000) : undefined,
  };
}

const MUSIC_TYPES = ['MusicRecording', 'MusicAlbum', 'MusicPlaylist'];

/**
 * The track the page names, from its best source: MediaSession when it names an artist, then
 * the site's connector (what the site shows), then MediaSession with a title only, JSON-LD,
 * OpenGraph, the title; `uri` is always the tab's URL. Undefined when the page names nothing.
 */
export function pageTrack(page, connector) {
  const base = { uri: page.url };
  if (page.mediaSession?.artist) {
    return clean({ ...base, ...page.mediaSession, from: 'the player on the page' });
  }
  const fromSite = connector?.read(page.found ?? {});
  if (fromSite?.title) {
    return clean({ ...base, ...fromSite, from: 'the page' });
  }
  if (page.mediaSession) {
    return clean({ ...base, ...page.mediaSession, from: 'the player on the page' });
  }
  const music = (page.jsonLd ?? []).find((item) => MUSIC_TYPES.includes(item['@type']));
  if (music?.name) {
    return clean({
      ...base,
      title: music.name,
      artist: name(music.byArtist),
      album: name(music.inAlbum),
      artworkUrl: typeof music.image === 'string' ? music.image : music.image?.url,
      durationMs: isoDurationMs(music.duration),
      from: 'the page\'s data',
    });
  }
  const og = page.openGraph ?? {};
  if (og['og:title']) {
    return clean({ ...base, title: og['og:title'], artist: og['music:musician_description'], artworkUrl: og['og:image'], from: 'the page\'s data' });
  }
  if (page.title) {
    return clean({ ...base, title: page.title, from: 'the page\'s title' });
  }
  return undefined;
}

function name(value) {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : first?.name;
}

function clean(track) {
  return Object.fromEntries(Object.entries(track).filter(([, value]) => value !== undefined && value !== ''));
}
