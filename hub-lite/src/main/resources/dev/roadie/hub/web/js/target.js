// Where music plays: the chosen music bot (any, or one by name) and the Discord guild. Shared by
// the search view (where results are queued) and the queue view; remembered on this device.
// Only the bots the token may send to are offered: "any" needs `send:music-bot`, a bot by name
// `send:music-bot` or a `send:music-bot/NAME` pattern that matches it.
import { byId, el, replaceChildren } from './dom.js';

const ANY_BOT = 'one:music-bot';

export class Target extends EventTarget {
  /**
   * @param {RegistryStore} registry the bots to offer
   * @param {import('./scopes.js').Scopes} scopes what the signed-in token may do
   */
  constructor(registry, scopes) {
    super();
    this.registry = registry;
    this.scopes = scopes;
    this.botSelect = byId('target-bot');
    this.guildInput = byId('target-guild');
    this.bot = globalThis.localStorage.getItem('roadie.bot') || ANY_BOT;
    this.guild = globalThis.localStorage.getItem('roadie.guild') || '';
    this.guildInput.value = this.guild;
    this.renderBots();
    registry.addEventListener('change', () => this.renderBots());
    this.botSelect.addEventListener('change', () => this.choose(this.botSelect.value, this.guild));
    this.guildInput.addEventListener('change', () => this.choose(this.bot, this.guildInput.value.trim()));
    byId('target').addEventListener('submit', e => {
      e.preventDefault();
      this.choose(this.bot, this.guildInput.value.trim());
    });
  }

  choose(bot, guild) {
    if (bot === this.bot && guild === this.guild) return;
    this.bot = bot;
    this.guild = guild;
    globalThis.localStorage.setItem('roadie.bot', bot);
    globalThis.localStorage.setItem('roadie.guild', guild);
    this.dispatchEvent(new CustomEvent('change'));
  }

  /** The bot's identity `music-bot/NAME`, or null for "any bot". */
  get botId() {
    return this.bot.startsWith('service:') ? this.bot.slice('service:'.length) : null;
  }

  renderBots() {
    const anyBot = this.mayReach(ANY_BOT);
    const bots = this.registry.ofKind('music-bot')
      .filter(e => this.scopes.has(`send:music-bot/${e.service.name}`));
    // Stats arrive every second or so: redraw only when the bots or their states changed, so
    // that an open list is not rebuilt under the reader's pointer.
    const shown = bots.map(e => `${e.service.name}:${e.state}`).join(' ');
    if (shown === this.shownBots) return;
    this.shownBots = shown;
    const options = anyBot ? [el('option', { value: ANY_BOT }, 'Any music bot')] : [];
    for (const entry of bots) {
      const value = `service:music-bot/${entry.service.name}`;
      options.push(el('option', { value }, `${entry.service.name} (${entry.state})`));
    }
    if (!this.mayReach(this.bot) && bots.length > 0) {
      // The hub would refuse the remembered choice to this token: the first bot it may reach is the choice.
      this.choose(`service:music-bot/${bots[0].service.name}`, this.guild);
    }
    if (this.bot !== ANY_BOT && this.mayReach(this.bot)
      && !bots.some(e => `service:music-bot/${e.service.name}` === this.bot)) {
      // Keep a remembered bot selectable while it is away: it may come back.
      options.push(el('option', { value: this.bot }, `${this.bot.slice('service:music-bot/'.length)} (away)`));
    }
    if (options.length === 0) {
      options.push(el('option', { value: this.bot, disabled: true }, 'No music bot this token may reach'));
    }
    replaceChildren(this.botSelect, options);
    this.botSelect.value = this.bot;
  }

  /** Whether the token may send to `bot`, `one:music-bot` or `service:music-bot/NAME`. */
  mayReach(bot) {
    return this.scopes.has(bot === ANY_BOT ? 'send:music-bot' : `send:${bot.slice('service:'.length)}`);
  }

  /** Puts the cursor in the guild field, for a reader asked to choose one. */
  focusGuild() {
    this.guildInput.focus();
  }

  /** Whether a guild is chosen; player commands need one. */
  get ready() {
    return this.guild !== '';
  }
}
