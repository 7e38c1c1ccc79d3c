import { ErrorCode } from './error-codes.js';
import { RoadieError } from './errors.js';
import { RecentMessages } from './recent.js';

/**
 * Hands delivered messages to the `message` event and the topic handlers, after dropping
 * duplicates by sender and id, and runs request handlers, turning what they return or throw
 * into the reply.
 */
export class Dispatch {
  #recent = new RecentMessages();
  #registrations;
  #emit;
  #log;
  #reply;
  #identity;

  /**
   * @param {object} parts
   * @param {import('./registrations.js').Registrations} parts.registrations
   * @param {(type: string, detail: object) => void} parts.emit dispatches an event of the client
   * @param {object} parts.log
   * @param {(fields: object) => void} parts.reply queues a reply frame (without id and seq)
   * @param {() => string|null} parts.identity this client's KIND/NAME, for no-handler replies
   */
  constructor({ registrations, emit, log, reply, identity }) {
    this.#registrations = registrations;
    this.#emit = emit;
    this.#log = log;
    this.#reply = reply;
    this.#identity = identity;
  }

  /** A `message` frame from the hub. */
  deliver(frame) {
    if (frame.from != null && !this.#recent.firstTime(frame.from, frame.id)) {
      this.#log.debug(`Dropped a duplicate of message ${frame.id} from ${frame.from}`);
      return;
    }
    const message = {
      id: frame.id,
      from: frame.from,
      to: frame.to,
      subject: frame.subject,
      body: frame.body,
      durable: frame.durable === true,
    };
    this.#emit('message', message);
    if (typeof frame.to === 'string' && frame.to.startsWith('topic:')) {
      for (const handler of this.#registrations.topicHandlers(frame.to.slice('topic:'.length))) {
        this.#runMessageHandler(handler, message);
      }
    }
  }

  #runMessageHandler(handler, message) {
    const failed = (e) => this.#log.warn(`The handler of '${message.subject}' from ${message.from} failed;`
      + ' the next message is handled as usual', e);
    try {
      const result = handler(message);
      if (result && typeof result.then === 'function') {
        result.then(undefined, failed);
      }
    } catch (e) {
      failed(e);
    }
  }

  /** A `request` frame from the hub: answered exactly once, by its handler or with no-handler. */
  serve(frame) {
    const reply = (status, body, error) => {
      const fields = { type: 'reply', re: frame.id, status };
      if (body !== undefined && body !== null) {
        fields.body = body;
      }
      if (error) {
        fields.error = error;
      }
      this.#reply(fields);
    };
    const handler = this.#registrations.requests.get(frame.subject);
    if (!handler) {
      reply('no-handler', undefined, { code: 'no-handler',
        message: `${this.#identity() ?? 'this client'} handles no requests of subject '${frame.subject}'` });
      return;
    }
    const request = { id: frame.id, from: frame.from, subject: frame.subject, body: frame.body,
      timeoutMs: Number(frame.timeoutMs) || 0 };
    Promise.resolve()
      .then(() => handler(request))
      .then((body) => reply('ok', body), (e) => {
        if (e instanceof RoadieError) {
          reply('error', undefined, { code: e.code || ErrorCode.INTERNAL, message: e.message });
        } else {
          this.#log.warn(`The handler of request '${frame.subject}' from ${frame.from} failed`, e);
          reply('error', undefined, { code: 'handler-failed', message: String(e?.message ?? e) });
        }
      })
      .catch((e) => this.#log.debug('The reply could not be queued', e));
  }
}
