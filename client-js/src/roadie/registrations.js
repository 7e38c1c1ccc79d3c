import { OutgoingFrame } from './outbox.js';

/**
 * What the application registered with the client: topic handlers, request handlers, and the
 * services it announced with their latest stats and state. The hub forgets topics and services
 * when it starts a new session for the client (after a restart, or an expired session), so
 * they are sent again from here, before anything else.
 */
export class Registrations {
  /** topic -> {handlers: Set, frameId, confirmed: Promise} */
  topics = new Map();
  /** 'KIND/NAME' -> {descriptor, stats, state, frameId} */
  services = new Map();
  /** subject -> request handler */
  requests = new Map();

  /** The handlers of a topic, copied so that one may remove itself while they run. */
  topicHandlers(topic) {
    const entry = this.topics.get(topic);
    return entry ? [...entry.handlers] : [];
  }

  /**
   * The frames that bring a new session up to date: a subscribe per topic, then per service its
   * announce, stats and state. Topics and services whose first frame is still unconfirmed
   * (`pending(frameId)`) are left out: that frame goes out with the rest of the outbox.
   * @param {() => string} nextId
   * @param {(frameId: string) => boolean} pending
   * @param {(what: string, error: import('./errors.js').RoadieError, frameId: string) => void} refusedAgain
   */
  restoreFrames(nextId, pending, refusedAgain) {
    const frames = [];
    for (const [topic, entry] of this.topics) {
      if (pending(entry.frameId)) {
        continue;
      }
      const subscribe = new OutgoingFrame({ type: 'subscribe', id: nextId(), topic }, {
        onRefuse: (error) => {
          if (this.topics.get(topic) === entry) {
            this.topics.delete(topic);
          }
          refusedAgain(`the subscription to ${topic}`, error, subscribe.id);
        },
      });
      entry.frameId = subscribe.id;
      frames.push(subscribe);
    }
    for (const [id, entry] of this.services) {
      if (pending(entry.frameId)) {
        continue;
      }
      const announce = new OutgoingFrame({ type: 'announce', id: nextId(), service: entry.descriptor }, {
        onRefuse: (error) => {
          if (this.services.get(id) === entry) {
            this.services.delete(id);
          }
          refusedAgain(`the announcement of ${id}`, error, announce.id);
        },
      });
      entry.frameId = announce.id;
      frames.push(announce);
      if (entry.stats) {
        frames.push(new OutgoingFrame({ type: 'stats', id: nextId(), service: id, stats: entry.stats }));
      }
      if (entry.state !== 'up') {
        frames.push(new OutgoingFrame({ type: 'state', id: nextId(), service: id, state: entry.state }));
      }
    }
    return frames;
  }

  /** The client stopped: nothing is to be restored any more. */
  clear() {
    this.topics.clear();
    this.services.clear();
  }
}
