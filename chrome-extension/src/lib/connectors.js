// Site connectors: what a site shows of its track where MediaSession says too little (no
// artist, or nothing before playback starts). Each is data the page reader looks up in the tab
// (`fields`: CSS selectors, and the attribute to read, else the text) and a pure function that
// makes a track of what was found, so the reader injected into the page stays one function.
import { isoDurationMs } from './duration.js';

/** 'Artist - Title' (a YouTube upload's usual name) to its parts; undefined when not so. */
function splitArtist(text) {
  const match = /^(.+?)\s+[-–—]\s+(.+)$/.exec(text ?? '');
  return match ? { artist: match[1].trim(), title: match[2].trim() } : undefined;
}

/** What uploads add to a song's name: '(Official Video)', '[Official Audio]', '(Lyrics)', ... */
const UPLOAD_NOTES = /\s*[([](official\s+)?(music\s+)?(video|audio|lyrics?|lyric video|visualizer|hd|4k)[)\]]\s*/gi;

/** A player's clock, '3:22' or '1:02:03', to milliseconds; undefined for anything else. */
function clockMs(text) {
  if (!/^\d+(:\d{2}){1,2}$/.test(text ?? '')) return undefined;
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0) * 1000;
}

/** A YouTube channel of an artist's own music is 'Name - Topic'. */
function channelArtist(channel) {
  return channel?.replace(/\s+-\s+Topic$/, '');
}

export const CONNECTORS = [
  {
    id: 'youtube-music',
    hosts: ['music.youtube.com'],
    fields: {
      title: { css: 'ytmusic-player-bar .title' },
      artist: { css: 'ytmusic-player-bar .byline a' },
      artworkUrl: { css: 'ytmusic-player-bar img.image', attr: 'src' },
    },
    read: (f) => f.title && { title: f.title, artist: f.artist, artworkUrl: f.artworkUrl },
  },
  {
    id: 'youtube',
    hosts: ['www.youtube.com', 'youtube.com', 'm.youtube.com'],
    fields: {
      name: { css: 'meta[name="title"]', attr: 'content' },
      heading: { css: 'h1.ytd-watch-metadata' },
      channel: { css: 'span[itemprop="author"] link[itemprop="name"]', attr: 'content' },
      duration: { css: 'meta[itemprop="duration"]', attr: 'content' },
      artworkUrl: { css: 'link[itemprop="thumbnailUrl"]', attr: 'href' },
    },
    read: (f) => {
      const name = f.heading || f.name;
      if (!name) return undefined;
      const split = splitArtist(name.replace(UPLOAD_NOTES, ' ').trim());
      return {
        title: split?.title ?? name.replace(UPLOAD_NOTES, ' ').trim(),
        artist: split?.artist ?? channelArtist(f.channel),
        durationMs: isoDurationMs(f.duration),
        artworkUrl: f.artworkUrl,
      };
    },
  },
  {
    id: 'spotify',
    hosts: ['open.spotify.com'],
    fields: {
      title: { css: '[data-testid="now-playing-bar"] [data-testid="context-item-link"]' },
      artist: { css: '[data-testid="now-playing-bar"] [data-testid="context-item-info-artist"]' },
      duration: { css: '[data-testid="now-playing-bar"] [data-testid="playback-duration"]' },
      artworkUrl: { css: '[data-testid="now-playing-bar"] img[data-testid="cover-art-image"]', attr: 'src' },
    },
    read: (f) => f.title && { title: f.title, artist: f.artist, durationMs: clockMs(f.duration), artworkUrl: f.artworkUrl },
  },
  {
    // Deezer's web player sets MediaSession once it plays; before that (or when a site script
    // left it empty) its player bar names the track: data-testid attributes, which outlast its
    // changing class names.
    id: 'deezer',
    hosts: ['www.deezer.com', 'deezer.com'],
    fields: {
      title: { css: '[data-testid="item_title"]' },
      artist: { css: '[data-testid="item_subtitle"]' },
      duration: { css: '[data-testid="remaining_time"]' },
      artworkUrl: { css: '[data-testid="item_cover"] img', attr: 'src' },
    },
    read: (f) => f.title && { title: f.title, artist: f.artist, durationMs: clockMs(f.duration), artworkUrl: f.artworkUrl },
  },
  {
    id: 'soundcloud',
    hosts: ['soundcloud.com', 'm.soundcloud.com'],
    fields: {
      playing: { css: '.playbackSoundBadge__titleLink', attr: 'title' },
      playingArtist: { css: '.playbackSoundBadge__lightLink', attr: 'title' },
      title: { css: '.soundTitle__title span' },
      artist: { css: '.soundTitle__username' },
    },
    // What plays in the bottom bar wins over the page's own track, which may not be playing.
    read: (f) => (f.playing
      ? { title: f.playing, artist: f.playingArtist }
      : f.title && { title: f.title, artist: f.artist }),
  },
  {
    id: 'bandcamp',
    hosts: ['bandcamp.com'],
    fields: {
      playing: { css: '.inline_player .track_info .title' },
      name: { css: '#name-section .trackTitle' },
      artist: { css: '#name-section h3 span a' },
      album: { css: '#name-section h3 .fromAlbum' },
      artworkUrl: { css: '#tralbumArt img', attr: 'src' },
    },
    read: (f) => {
      const title = f.playing || f.name;
      return title && { title, artist: f.artist, album: f.playing && f.playing !== f.name ? f.name : f.album, artworkUrl: f.artworkUrl };
    },
  },
];

/** The connector for a page's URL (its host, or a subdomain such as artist.bandcamp.com); undefined for others. */
export function connectorFor(url) {
  let host;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  return CONNECTORS.find((c) => c.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}
