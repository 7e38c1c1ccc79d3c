// A short notification after each send, for a person who switched it on in the options: the
// `notifications` permission is optional, asked for by that switch, so a person who never
// turns it on never grants it. The badge says the same in any case.
import { loadAll } from './storage.js';

export const NOTIFICATIONS = { permissions: ['notifications'] };

/** The title of each kind of outcome. */
const TITLES = { sent: 'Sent to the bot', failed: 'Not sent', waiting: 'Waiting for the hub' };

/**
 * Shows `message` under a title that says how it went (`kind`: sent, failed or waiting), when the person asked for
 * notifications and Chrome still grants them (they may have been taken back on
 * chrome://extensions). Resolves with the notification's id, or undefined when none is shown.
 */
export async function notify(kind, message) {
  const { notify: wanted } = await loadAll();
  if (!wanted || !(await chrome.permissions.contains(NOTIFICATIONS))) return undefined;
  return chrome.notifications.create({
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/128.png'),
    title: TITLES[kind],
    message,
    priority: 0,
  });
}

/** notify(), where a failure to notify is logged and never hides the send's own outcome. */
export function tell(kind, message) {
  return notify(kind, message).catch((error) => {
    console.warn('could not show a notification', error);
    return undefined;
  });
}
