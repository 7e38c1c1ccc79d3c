// What the node tests know of the real hub the JUnit side started for them, and helpers to
// make tokens and clients. The hub's base URL and an admin token come from the environment.
import { WebSocket } from 'ws';
import { RoadieClient } from '../../src/roadie-client.js';

export const HUB_URL = required('ROADIE_HUB_URL');
export const ADMIN_TOKEN = required('ROADIE_TOKEN');
export const SOCKET_URL = `${HUB_URL.replace(/^http/, 'ws')}/ws`;

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: these tests run against a real hub; run them through`
      + ' RoadieClientJsTest (./mvnw -pl hub-lite -am test -Dtest=RoadieClientJsTest)');
  }
  return value;
}

let counter = 0;

/** A name no other test uses, so that identities never collide (one session per identity). */
export function uniqueName(prefix) {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Creates a token through the hub's REST API (POST /api/tokens) with exactly these scopes. */
export async function createToken(name, kind, scopes) {
  const response = await fetch(`${HUB_URL}/api/tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, kind, scopes }),
  });
  const body = await response.json();
  if (response.status !== 201) {
    throw new Error(`creating token ${kind}/${name} failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.token;
}

/** Every client made by these helpers, closed by closeAll() after each test. */
const opened = new Set();

/**
 * A RoadieClient for a new identity with these scopes, `ws` as its WebSocket. Not connected yet.
 * Heartbeats tolerate a busy machine unless a test asks for its own.
 */
export async function newClient(kind, scopes, options = {}) {
  const name = options.name ?? uniqueName(kind);
  const token = options.token ?? await createToken(name, kind, scopes);
  const client = new RoadieClient({
    url: options.url ?? SOCKET_URL,
    token,
    WebSocket,
    heartbeatTolerance: 4,
    connectTimeoutMs: 2_000,
    backoff: { initialMs: 50, maxMs: 1000 },
    logger: quietLogger(),
    ...options.client,
  });
  client.identity = `${kind}/${name}`;
  client.token = token;
  opened.add(client);
  return client;
}

/** A connected client, as newClient. */
export async function connectedClient(kind, scopes, options = {}) {
  const client = await newClient(kind, scopes, options);
  await client.connect();
  return client;
}

export function closeAll() {
  for (const client of opened) {
    client.close();
  }
  opened.clear();
}

/** Warnings and errors go to stderr (the JUnit side logs them); the rest is dropped. */
export function quietLogger() {
  return {
    debug() {},
    info: process.env.ROADIE_JS_DEBUG ? (...args) => console.error('[client info]', ...args) : () => {},
    warn: (...args) => console.error('[client warn]', ...args),
    error: (...args) => console.error('[client error]', ...args),
  };
}

/** Resolves with the detail of the next `type` event on `target` that passes `test`. */
export function nextEvent(target, type, test = () => true, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      target.removeEventListener(type, listener);
      reject(new Error(`no '${type}' event within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (event) => {
      if (test(event.detail)) {
        clearTimeout(timer);
        target.removeEventListener(type, listener);
        resolve(event.detail);
      }
    };
    target.addEventListener(type, listener);
  });
}

/** Collects the detail of every `type` event on `target`. */
export function collect(target, type) {
  const seen = [];
  target.addEventListener(type, (event) => seen.push(event.detail));
  return seen;
}

/** Polls `condition` until it holds, failing after `timeoutMs` with `what`. */
export async function eventually(condition, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`not within ${timeoutMs} ms: ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
