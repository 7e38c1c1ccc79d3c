/**
 * The one error type of the Roadie JavaScript client.
 *
 * `code` is stable and meant for programs: a hub error code from PROTOCOL.md section 13.1
 * (`forbidden`, `unauthorized`, `invalid-frame`, ...), a reply's error code (a receiver's own,
 * or `timeout`, `gone`, `no-route`, `no-handler`), or one of the client's own: `closed`,
 * `outbox-full`, `connection-lost`, `replaced`, `identity-in-use`. `message` is for people. `status` is the reply
 * status when the error comes from a request's reply.
 */
export class RoadieError extends Error {
  /**
   * @param {string} code stable error code
   * @param {string} [message] what went wrong, for people
   * @param {{status?: string, from?: string, cause?: unknown}} [details]
   */
  constructor(code, message, details = {}) {
    super(message ?? code, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'RoadieError';
    /** @type {string} */
    this.code = code;
    /** @type {string|undefined} the reply status, for errors that come from a reply */
    this.status = details.status;
    /** @type {string|undefined} the service that answered, when known */
    this.from = details.from;
  }
}
