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
    constructor(code: string, message?: string, details?: {
        status?: string;
        from?: string;
        cause?: unknown;
    });
    /** @type {string} */
    code: string;
    /** @type {string|undefined} the reply status, for errors that come from a reply */
    status: string | undefined;
    /** @type {string|undefined} the service that answered, when known */
    from: string | undefined;
}
