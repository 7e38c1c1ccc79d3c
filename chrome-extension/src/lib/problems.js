// Every failure the person can meet, in their words, with what to do about it.
import { RoadieError } from './client/roadie-client.js';

/** A failure of the extension's own (the client's failures are RoadieErrors). */
export class Problem extends Error {
  /** @param {string} code one of the keys of WORDS */
  constructor(code, detail) {
    super(detail ?? code);
    this.code = code;
  }
}

const WORDS = {
  unreachable: (hub) => `The hub at ${hub} cannot be reached. Is it running, and is this the right address? What you send now is kept and sent when the hub is back.`,
  'origin-refused': () => `The hub is running but refuses this extension. Add ${extensionOrigin()} to the hub's http.allowedOrigins (roadie serve --set http.allowedOrigins=${extensionOrigin()}) and restart it.`,
  unauthorized: () => 'The hub no longer accepts this browser: its pairing was revoked or the token is unknown. Pair again in the options.',
  'not-paired': () => 'This browser is not paired with a hub yet. Open the options to pair it.',
  'no-bot': () => 'No music bot is connected to the hub. Start the bot, then try again.',
  'no-route': () => 'The chosen music bot is not connected to the hub any more. Start it, or choose another.',
  'nothing-found': () => 'Nothing to play was found on this page.',
  forbidden: (hub, error) => `The hub refused: ${error.message}. This browser's pairing may not allow it.`,
  timeout: () => 'The bot did not answer in time. It may be busy: try again.',
  'connection-lost': () => 'The connection to the hub was lost before the bot answered. Try again.',
};

/** The person's words for a failure, given the hub's address. */
export function explain(error, hub) {
  const code = error?.code;
  if (code && WORDS[code]) {
    return WORDS[code](hub, error);
  }
  if (error instanceof RoadieError && error.status === 'error' && error.message) {
    // The bot's own refusal (unknown-guild, not-found, ...) is written for people already.
    return sentence(error.message);
  }
  return `Something went wrong: ${error?.message ?? error}`;
}

/** Whether a send that failed this way may succeed later unchanged: then it waits in the outbox. */
export function worthRetrying(error) {
  return ['unreachable', 'connection-lost', 'timeout', 'no-route'].includes(error?.code);
}

export function extensionOrigin() {
  return `chrome-extension://${chrome.runtime.id}`;
}

function sentence(text) {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1) + (/[.!?]$/.test(trimmed) ? '' : '.');
}
