// The toolbar badge: how many sends wait, or a mark after a send (✓ or !) that stays until the
// next send or change of the outbox; the button's tooltip says more.

export async function showWaiting(count) {
  await chrome.action.setBadgeBackgroundColor({ color: '#b45309' });
  await chrome.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await chrome.action.setTitle({
    title: count > 0 ? `${count} waiting for the hub: they are sent when it can be reached` : "Send this tab's track to the bot",
  });
}

export async function showMark(ok) {
  await chrome.action.setBadgeBackgroundColor({ color: ok ? '#15803d' : '#b91c1c' });
  await chrome.action.setBadgeText({ text: ok ? '✓' : '!' });
}
