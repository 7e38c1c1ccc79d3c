// Player commands to the chosen music bot (docs/PROTOCOL.md §12.1), shared by the search and
// queue views. Every command answers with the bot's queue snapshot.

const COMMAND_TIMEOUT_MS = 10000;

export class Player {
  constructor(client, target) {
    this.client = client;
    this.target = target;
  }

  /** Sends `command` (with its fields) for the chosen guild; resolves with the queue snapshot. */
  command(command, fields = {}) {
    if (!this.target.ready) {
      return Promise.reject(Object.assign(new Error('choose a guild first, above'), { code: 'no-guild' }));
    }
    return this.client.request(this.target.bot, 'player.command',
      { command, guild: this.target.guild, ...fields }, { timeoutMs: COMMAND_TIMEOUT_MS });
  }
}

/** A sentence for a failed command. */
export function explain(error) {
  if (error?.code === 'no-route') return 'No music bot is connected to the hub.';
  if (error?.code === 'timeout') return 'The music bot did not answer in time.';
  if (error?.code === 'gone') return 'The music bot went away before answering.';
  if (error?.code === 'forbidden') return `Not allowed: ${error.message}`;
  return error?.message ?? String(error);
}
