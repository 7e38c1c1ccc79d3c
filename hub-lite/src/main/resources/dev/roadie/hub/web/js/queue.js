// The queue and what plays now, for the chosen bot and guild, live: the bot's events on topic
// player.GUILD update it; pause/resume, skip, remove, reorder (drag or Alt+arrows), clear.
import { confirmAction } from './confirm.js';
import { artwork, byId, el, formatDuration, icon, labelled, replaceChildren } from './dom.js';
import { Player, explain } from './player.js';
import { Freshness } from './views.js';

export class QueueView {
  constructor({ client, target, registry }) {
    this.client = client;
    this.target = target;
    this.player = new Player(client, target);
    this.list = byId('queue-list');
    this.message = byId('queue-message');
    this.noBotNotice = byId('queue-no-bot');
    this.pauseButton = byId('player-pause');
    this.progress = byId('now-playing-progress');
    this.queue = [];
    this.nowPlaying = null;
    this.nowPlayingAt = 0;
    this.unsubscribe = null;
    this.topic = null;
    this.dragFrom = -1;

    target.addEventListener('change', () => this.follow());
    registry.addEventListener('change', () => {
      // A bot that arrives while the page says none is connected gets asked at once.
      if (!this.noBotNotice.hidden && registry.ofKind('music-bot').some(e => e.state === 'up')) this.refresh();
    });
    this.pauseButton.addEventListener('click', () =>
      this.run(this.nowPlaying?.paused ? 'resume' : 'pause'));
    byId('player-skip').addEventListener('click', () => this.run('skip'));
    byId('queue-clear').addEventListener('click', () => this.clear());
    this.list.addEventListener('keydown', event => this.onKey(event));
    this.list.addEventListener('dragstart', event => this.onDragStart(event));
    this.list.addEventListener('dragover', event => {
      if (this.dragFrom >= 0) event.preventDefault();
    });
    this.list.addEventListener('drop', event => this.onDrop(event));
    this.list.addEventListener('dragend', () => { this.dragFrom = -1; });
    // The player's events keep the queue up to date while the view is hidden; it is drawn when shown.
    this.freshness = new Freshness(() => {
      this.renderNowPlaying();
      this.renderQueue();
    });
    globalThis.setInterval(() => {
      if (this.freshness.visible) this.renderProgress();
    }, 1000);
    this.follow();
  }

  shown() {
    this.freshness.shown();
    this.refresh();
  }

  hidden() {
    this.freshness.hidden();
  }

  hubRestarted() {
    this.refresh();
  }

  /** Subscribes to the chosen guild's player events (and leaves the previous guild's), then asks for the queue. */
  async follow() {
    const topic = this.target.ready ? `player.${this.target.guild}` : null;
    if (topic !== this.topic) {
      const previous = this.unsubscribe;
      this.unsubscribe = null;
      this.topic = topic;
      if (previous) await Promise.resolve(previous()).catch(e => console.warn('unsubscribe failed', e));
      if (topic) {
        try {
          this.unsubscribe = await this.client.subscribe(topic, message => this.receive(message));
        } catch (e) {
          this.message.textContent = `Cannot follow this guild's player: ${explain(e)}`;
        }
      }
    }
    this.queue = [];
    this.nowPlaying = null;
    this.freshness.changed();
    this.refresh();
  }

  async refresh() {
    if (!this.target.ready) {
      this.message.textContent = 'Choose a guild above to see its queue.';
      return;
    }
    try {
      this.render(await this.player.command('queue'));
      this.message.textContent = '';
    } catch (e) {
      this.fail(e);
    }
  }

  receive(message) {
    if (message.subject !== 'player.event') return;
    if (this.target.botId && message.from !== this.target.botId) return;
    const event = message.body ?? {};
    if (event.guild !== this.target.guild) return;
    if (event.event === 'queue') this.render(event);
    else if (event.event === 'now-playing') this.setNowPlaying(event);
  }

  render(snapshot) {
    this.noBotNotice.hidden = true;
    if (!snapshot || snapshot.guild !== this.target.guild) return;
    this.queue = snapshot.queue ?? [];
    this.setNowPlaying(snapshot.nowPlaying ?? null);
  }

  setNowPlaying(nowPlaying) {
    this.nowPlaying = nowPlaying;
    this.nowPlayingAt = Date.now();
    this.freshness.changed();
  }

  async run(command, fields = {}) {
    try {
      this.render(await this.player.command(command, fields));
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  fail(error) {
    this.noBotNotice.hidden = error?.code !== 'no-route';
    // The notice already says that no bot is connected; other failures are said in the message.
    this.message.textContent = this.noBotNotice.hidden ? explain(error) : '';
  }

  async clear() {
    if (this.queue.length === 0) {
      this.message.textContent = 'The queue is already empty.';
      return;
    }
    if (await confirmAction(`Remove all ${this.queue.length} tracks waiting in the queue? What plays now goes on.`,
      'Clear the queue')) {
      if (await this.run('clear')) this.message.textContent = 'The queue was cleared.';
    }
  }

  async move(from, to) {
    if (to < 0 || to >= this.queue.length || from === to) return;
    const title = this.queue[from]?.title;
    if (await this.run('move', { from, to })) {
      this.message.textContent = `Moved “${title}” to position ${to + 1}.`;
      this.focusItem(to);
    }
  }

  async remove(index) {
    const title = this.queue[index]?.title;
    if (await this.run('remove', { index })) {
      this.message.textContent = `Removed “${title}”.`;
      this.focusItem(Math.min(index, this.queue.length - 1));
    }
  }

  renderNowPlaying() {
    const np = this.nowPlaying;
    const box = byId('now-playing-track');
    if (!np?.track) {
      replaceChildren(box, el('p', { class: 'empty' }, 'Nothing is playing.'));
    } else {
      replaceChildren(box,
        artwork(np.track.artworkUrl, 72),
        el('span', { class: 'info' },
          el('span', { class: 'title', id: 'now-playing-title-text' }, np.track.title ?? ''),
          el('span', { class: 'artist' }, [np.track.artist, np.paused ? '(paused)' : null].filter(Boolean).join(' '))));
    }
    replaceChildren(this.pauseButton, np?.paused ? labelled('play', 'Resume') : labelled('pause', 'Pause'));
    this.pauseButton.disabled = !np?.track;
    byId('player-skip').disabled = !np?.track;
    this.renderProgress();
  }

  renderProgress() {
    const np = this.nowPlaying;
    const duration = np?.track?.durationMs ?? 0;
    let position = np?.positionMs ?? 0;
    if (np?.track && !np.paused) position += Date.now() - this.nowPlayingAt;
    if (duration > 0) position = Math.min(position, duration);
    this.progress.max = duration > 0 ? duration : 1;
    this.progress.value = duration > 0 ? position : 0;
    byId('now-playing-position').textContent = np?.track ? formatDuration(position) || '0:00' : '';
    byId('now-playing-duration').textContent = duration > 0 ? formatDuration(duration) : (np?.track ? 'live' : '');
  }

  renderQueue() {
    byId('queue-clear').disabled = this.queue.length === 0;
    if (this.queue.length === 0) {
      replaceChildren(this.list, el('li', { class: 'empty' }, 'The queue is empty.'));
      return;
    }
    replaceChildren(this.list, this.queue.map((track, index) => {
      const title = track.title ?? '';
      return el('li', { class: 'queue-item', draggable: 'true', tabindex: '0', 'data-index': index },
        el('span', { class: 'handle', 'aria-hidden': 'true' }, '⠿'),
        el('span', { class: 'position' }, `${index + 1}.`),
        el('span', { class: 'info' },
          el('span', { class: 'title' }, title),
          el('span', { class: 'artist' }, [track.artist, track.source].filter(Boolean).join(' · '))),
        el('span', { class: 'duration' }, formatDuration(track.durationMs)),
        el('span', { class: 'actions' },
          el('button', { type: 'button', class: 'icon', 'aria-label': `Move ${title} up`, disabled: index === 0,
            onclick: () => this.move(index, index - 1) }, icon('arrow-up')),
          el('button', { type: 'button', class: 'icon', 'aria-label': `Move ${title} down`,
            disabled: index === this.queue.length - 1, onclick: () => this.move(index, index + 1) }, icon('arrow-down')),
          // A red outline like every other button that takes something away.
          el('button', { type: 'button', class: 'danger', 'aria-label': `Remove ${title}`,
            onclick: () => this.remove(index) }, labelled('trash-2', 'Remove'))));
    }));
  }

  focusItem(index) {
    this.list.querySelector(`li[data-index="${index}"]`)?.focus();
  }

  onKey(event) {
    const li = event.target.closest('li.queue-item');
    if (!li || event.target !== li) return;
    const index = Number(li.dataset.index);
    if (event.altKey && event.key === 'ArrowUp') {
      event.preventDefault();
      this.move(index, index - 1);
    } else if (event.altKey && event.key === 'ArrowDown') {
      event.preventDefault();
      this.move(index, index + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      this.focusItem(Math.max(0, index - 1));
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.focusItem(Math.min(this.queue.length - 1, index + 1));
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.remove(index);
    }
  }

  onDragStart(event) {
    const li = event.target.closest?.('li.queue-item');
    if (!li) return;
    this.dragFrom = Number(li.dataset.index);
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', String(this.dragFrom));
  }

  onDrop(event) {
    const li = event.target.closest?.('li.queue-item');
    if (!li || this.dragFrom < 0) return;
    event.preventDefault();
    const from = this.dragFrom;
    this.dragFrom = -1;
    this.move(from, Number(li.dataset.index));
  }
}
