// The music-bot contract (docs/PROTOCOL.md section 12): what the extension asks a bot to do.

export const POSITIONS = { now: 'Play now', next: 'Play next', end: 'Add to queue' };
/** How long the bot may take: an add with a query makes it search first. */
export const COMMAND_TIMEOUT_MS = 15_000;

/** The address of the chosen bot, or of any music bot when none was chosen. */
export function botAddress(bot) {
  return bot ? `service:music-bot/${bot}` : 'one:music-bot';
}

/**
 * The add command: a Track for the bot (section 12.3) at the position; `from` and other page
 * details are left out.
 */
export function addCommand(track, { guild, position }) {
  const { title, artist, album, durationMs, uri, artworkUrl, source, isrc, playable } = track;
  return {
    command: 'add',
    guild,
    track: { title, artist, album, durationMs, uri, artworkUrl, source, isrc, playable },
    position,
    requestedBy: 'Roadie for Chrome',
  };
}

/** Sends a command and resolves with the bot's queue snapshot. */
export function sendCommand(client, { to, body }) {
  return client.request(to, 'player.command', body, { timeoutMs: COMMAND_TIMEOUT_MS });
}

/** 202000 to '3:22'; '' when unknown. */
export function length(ms) {
  if (!ms) return '';
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
