// The hub's REST API (docs/PROTOCOL.md §17) with the signed-in token. The search stream is read
// with fetch rather than EventSource: EventSource cannot send an Authorization header, and a
// token in the query string would end up in history and access logs.

/** A refused REST call: the HTTP status and the hub's error code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export class Api {
  /** @param {string} token the bearer token; @param {string} base the hub's origin ('' for this page's) */
  constructor(token, base = '') {
    this.token = token;
    this.base = base;
  }

  get(path, options) {
    return this.call('GET', path, undefined, options);
  }

  post(path, body, options) {
    return this.call('POST', path, body, options);
  }

  delete(path, options) {
    return this.call('DELETE', path, undefined, options);
  }

  /** GETs `path` as text (the hub's /metrics). */
  async text(path, { signal } = {}) {
    const response = await this.send('GET', path, { Accept: 'text/plain' }, undefined, signal);
    return response.text();
  }

  async call(method, path, body, { signal } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await this.send(method, path, headers, body, signal);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  /** Sends one request; resolves with the response when it is a success, else rejects with ApiError. */
  async send(method, path, extraHeaders, body, signal) {
    const headers = { Authorization: `Bearer ${this.token}`, ...extraHeaders };
    let response;
    try {
      response = await fetch(this.base + path, {
        method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'unreachable', 'the hub cannot be reached; check the connection');
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }

  /**
   * Reads the server-sent events of `path` (GET), calling `onEvent(name, data)` with each event's
   * parsed JSON data; resolves when the stream ends, rejects with ApiError on a refused call.
   */
  async stream(path, onEvent, { signal } = {}) {
    let response;
    try {
      response = await fetch(this.base + path, {
        headers: { Authorization: `Bearer ${this.token}`, Accept: 'text/event-stream' },
        signal, cache: 'no-store',
      });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'unreachable', 'the hub cannot be reached; check the connection');
    }
    if (!response.ok) throw await errorOf(response);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = EVENT_END.exec(buffer)) !== null) {
        const event = parseEvent(buffer.slice(0, end.index));
        buffer = buffer.slice(end.index + end[0].length);
        if (event) onEvent(event.name, event.data);
      }
    }
    const last = parseEvent(buffer);
    if (last) onEvent(last.name, last.data);
  }
}

// An event ends at a blank line; servers may use \n, \r\n or \r line ends.
const EVENT_END = /\r\n\r\n|\n\n|\r\r/;

function parseEvent(raw) {
  let name = 'message';
  const data = [];
  for (const line of raw.split(/\r\n|\n|\r/)) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  return { name, data: JSON.parse(data.join('\n')) };
}

async function errorOf(response) {
  let code = 'http-' + response.status;
  let message = `the hub answered HTTP ${response.status}`;
  try {
    const body = await response.json();
    if (body && typeof body.code === 'string') code = body.code;
    if (body && typeof body.message === 'string') message = body.message;
  } catch {
    // Not the API's JSON error shape (a proxy's page, an empty body): the status says enough.
  }
  return new ApiError(response.status, code, message);
}
