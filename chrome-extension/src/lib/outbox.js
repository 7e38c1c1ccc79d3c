// Sends made while the hub could not be reached. They wait in chrome.storage.local (the service
// worker's memory goes when it sleeps, storage stays) and chrome.alarms wakes the worker to
// send them: a setTimeout would die with the worker.
import { connect } from './hub-link.js';
import { sendCommand } from './player.js';
import { worthRetrying, explain } from './problems.js';
import { loadAll, save } from './storage.js';

export const RETRY_ALARM = 'roadie-outbox';
/** The first retry soon; Chrome waits at least 30 s for an installed extension (unpacked ones get this). */
export const FIRST_RETRY_MINUTES = 0.1;
/** Then every 30 s, the shortest period Chrome allows an installed extension. */
export const RETRY_MINUTES = 0.5;
/** A send older than this is dropped unsent: the person has moved on. */
export const GIVE_UP_MS = 24 * 60 * 60 * 1000;

/** Keeps a send ({to, body, label}) for later and sets the alarm that retries it. */
export async function keep(send, error) {
  const { outbox = [] } = await loadAll();
  outbox.push({ ...send, id: crypto.randomUUID(), keptAt: Date.now(), attempts: 0, lastProblem: error?.code });
  await save({ outbox });
  await chrome.alarms.create(RETRY_ALARM, { delayInMinutes: FIRST_RETRY_MINUTES, periodInMinutes: RETRY_MINUTES });
  return outbox.length;
}

/** The sends waiting, oldest first. */
export async function pending() {
  const { outbox = [] } = await loadAll();
  return outbox;
}

/**
 * Sends what waits, oldest first, until one cannot be sent for a reason that may pass (then
 * the alarm tries again). A send the bot refuses for good is dropped and reported in
 * `failed`. Resolves with {sent, failed, left}.
 */
export async function flush() {
  const settings = await loadAll();
  const waiting = settings.outbox ?? [];
  const result = { sent: [], failed: [], left: waiting.length };
  if (waiting.length === 0 || !settings.token) {
    await chrome.alarms.clear(RETRY_ALARM);
    return result;
  }
  let client;
  try {
    client = await connect(settings);
  } catch (error) {
    await note(waiting.map((send) => send.id), error);
    return result;
  }
  try {
    for (const send of waiting) {
      if (Date.now() - send.keptAt > GIVE_UP_MS) {
        result.failed.push({ send, problem: 'it waited more than a day, so it was dropped' });
      } else {
        try {
          await sendCommand(client, send);
          result.sent.push(send);
        } catch (error) {
          if (worthRetrying(error)) {
            await note([send.id], error);
            break;
          }
          result.failed.push({ send, problem: explain(error, settings.hub) });
        }
      }
      await remove(send.id);
    }
  } finally {
    client.close();
  }
  const left = await pending();
  result.left = left.length;
  if (left.length === 0) {
    await chrome.alarms.clear(RETRY_ALARM);
  }
  return result;
}

async function remove(id) {
  const outbox = await pending();
  await save({ outbox: outbox.filter((send) => send.id !== id) });
}

async function note(ids, error) {
  const outbox = await pending();
  await save({
    outbox: outbox.map((send) => (ids.includes(send.id) ? { ...send, attempts: send.attempts + 1, lastProblem: error?.code } : send)),
  });
}
