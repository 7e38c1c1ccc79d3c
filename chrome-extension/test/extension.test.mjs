// The extension in a real headless Chromium against a real hub and the stand-in bot, in the
// order a person uses it: pair, send from a page, send while the hub is away.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  SCREENSHOTS, WAIT_MS, botQueue, botTitles, eventually, openPopup, pressShortcut, resumeRestartedWorker, serviceWorker, startWorld,
  stopServiceWorker,
} from './support/world.mjs';

let world;
const timings = {};

before(async () => {
  world = await startWorld();
});

after(async () => {
  writeFileSync(join(SCREENSHOTS, '..', 'timings.json'), JSON.stringify(timings, null, 2));
  await world?.close();
});

test('when Chrome\'s prompt is refused, pairing and the notifications switch say so and go no further', async () => {
  const options = await world.browser.newPage();
  await options.goto(`chrome-extension://${world.id}/options.html`);
  // A person's "Remove" in Chrome's prompt: the prompt itself cannot be shown or answered in a
  // headless browser, so what it answers is put in its place, and what was asked is recorded.
  await options.evaluate(() => {
    globalThis.asked = [];
    chrome.permissions.request = async (wanted) => {
      globalThis.asked.push(wanted);
      return false;
    };
  });
  const pairingsBefore = await pairRequests(world);
  await options.type('#hub', world.proxy.url);
  await options.click('#pair');
  const words = await eventually('the options page to say Chrome refused',
    () => options.$eval('#status', (e) => e.classList.contains('bad') && e.textContent));
  assert.equal(words, `Chrome did not give access to ${world.proxy.url}: the extension cannot reach the hub without it. Pair again and allow it.`);
  assert.equal(await options.$eval('#code-box', (e) => e.hidden), true, 'no code is shown');
  assert.equal(await pairRequests(world), pairingsBefore, 'nothing was asked of the hub');

  await options.click('#notify');
  await eventually('the switch to say notifications are off',
    () => options.$eval('#notify-status', (e) => !e.hidden && e.textContent.startsWith('Chrome did not allow notifications')));
  assert.equal(await options.$eval('#notify', (e) => e.checked), false);
  assert.equal((await options.evaluate(() => chrome.storage.local.get('notify'))).notify, undefined);
  assert.deepEqual(await options.evaluate(() => globalThis.asked),
    [{ origins: [`${world.proxy.url}/*`] }, { permissions: ['notifications'] }], 'only the hub\'s address, and notifications');
  await options.close();
});

test('pairing by the device flow keeps a token that page scripts cannot read', async () => {
  const options = await world.browser.newPage();
  await options.setViewport({ width: 760, height: 720 });
  await options.goto(`chrome-extension://${world.id}/options.html`);
  await options.type('#hub', world.proxy.url);
  await options.click('#pair');

  const code = await eventually('the user code on the options page',
    () => options.$eval('#user-code', (e) => e.textContent.trim()));
  assert.match(code, /^[A-Z]{4}-[A-Z]{4}$/);
  await options.screenshot({ path: join(SCREENSHOTS, 'options-code.png') });
  const approve = await fetch(`${world.env.hub}/api/pair/requests/${code}/approve`, {
    method: 'POST', headers: { Authorization: `Bearer ${world.env.admin}` },
  });
  assert.equal(approve.status, 200, await approve.text());

  await eventually('the options page to say it is connected',
    () => options.$eval('#status', (e) => e.textContent.startsWith('Connected')));
  assert.match(await options.$eval('#paired-name', (e) => e.textContent), /^chrome-on-/);
  await options.screenshot({ path: join(SCREENSHOTS, 'options-paired.png') });

  const worker = await serviceWorker(world);
  const kept = await worker.evaluate(() => chrome.storage.local.get(['token', 'hub']));
  assert.match(kept.token, /^rd_/);
  assert.equal(kept.hub, world.proxy.url);
  // A script injected into a web page (as a connector would be) gets no storage at all.
  const page = await world.browser.newPage();
  await page.goto(world.fixtures.url('track.html'));
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url })).at(0).id, page.url());
  const seen = await worker.evaluate(async (tabId) => {
    const [injection] = await chrome.scripting.executeScript({
      target: { tabId },
      func: async () => {
        try {
          return JSON.stringify(await chrome.storage.local.get('token'));
        } catch (error) {
          return `refused: ${error.message}`;
        }
      },
    });
    return injection.result;
  }, tabId);
  assert.doesNotMatch(String(seen), /rd_/);
  await page.close();
  await options.close();
});

test('a hub that does not list the extension in http.allowedOrigins is named with the setting to change', async () => {
  const options = await world.browser.newPage();
  await options.goto(`chrome-extension://${world.id}/options.html`);
  const paired = await options.evaluate(() => chrome.storage.local.get('hub'));
  await options.evaluate((hub) => chrome.storage.local.set({ hub }), world.env.plainHub);
  try {
    await options.click('#check');
    const words = await eventually('the options page to explain the refusal',
      () => options.$eval('#status', (e) => e.classList.contains('bad') && e.textContent));
    assert.match(words, new RegExp(`refuses this extension\\. Add chrome-extension://${world.id} to the hub's http\\.allowedOrigins`));
  } finally {
    await options.evaluate((hub) => chrome.storage.local.set({ hub }), paired.hub);
    await options.close();
  }
});

test('the popup shows the track the hub resolved and Play next queues it on the bot', async () => {
  const { page, popup, openMs } = await openPopup(world, world.fixtures.url('track.html'));
  timings.popupOpenMs = openMs;
  timings.popupReadyMs = Number(await popup.$eval('body', (b) => b.dataset.ready));
  await popup.waitForSelector('#match:not([hidden])');
  assert.equal(await popup.$eval('#title', (e) => e.textContent), 'Paper Boats');
  assert.equal(await popup.$eval('#bot', (e) => e.value), world.env.bot);
  assert.equal(await popup.$eval('#guild', (e) => e.value), world.env.guild);
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-match.png') });

  await popup.click('button[data-position="next"]');
  await eventually('the popup to say the track was sent',
    () => popup.$eval('#status', (e) => e.classList.contains('good') && e.textContent));
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-sent.png') });
  assert.ok((await botTitles(world)).includes('Paper Boats'), 'the bot has Paper Boats');
  await popup.close();
  await page.close();
});

test('an album page is queued whole: Queue all puts every track in the bot\'s queue, in order', async () => {
  const { page, popup } = await openPopup(world, world.fixtures.url('album.html'));
  await popup.waitForSelector('#list-actions:not([hidden])');
  assert.equal(await popup.$eval('#title', (e) => e.textContent), 'Harbour Suite');
  assert.match(await popup.$eval('#facts', (e) => e.textContent), /^4 tracks · /);
  assert.equal(await popup.$eval('#queue-all', (e) => e.textContent), 'Queue all 4');
  assert.equal(await popup.$eval('#actions', (e) => e.hidden), true, 'no single-track buttons for a whole album');
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-album.png') });

  await popup.click('#queue-all');
  const words = await eventually('the popup to say the album is queued',
    () => popup.$eval('#status', (e) => e.classList.contains('good') && e.textContent));
  assert.match(words, /All 4 tracks of "Harbour Suite" are queued on server/);
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-album-queued.png') });
  const queue = (await botQueue(world)).queue.map((t) => `${t.title} / ${t.artist}`);
  assert.deepEqual(queue.slice(-4), ['Harbour Suite I: Dawn', 'Harbour Suite II: Ferry', 'Harbour Suite III: Squall', 'Harbour Suite IV: Dusk']
    .map((title) => `${title} / Fixture Band`));
  await popup.close();
  await page.close();
});

test('a playlist whose tracks the hub cannot list says so, and offers its link to the bot', async () => {
  const { page, popup } = await openPopup(world, world.fixtures.url('mix.html'));
  await popup.waitForSelector('#actions:not([hidden])');
  assert.equal(await popup.$eval('#title', (e) => e.textContent), 'Sunday Harbour Mix');
  assert.match(await popup.$eval('#list-note', (e) => !e.hidden && e.textContent),
    /could read only this playlist's name, not its tracks: the buttons send its link/);
  assert.equal(await popup.$eval('#list-actions', (e) => e.hidden), true);
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-playlist-name-only.png') });
  await popup.close();
  await page.close();
});

test('the keyboard command Alt+Shift+R opens the popup on the current tab', async () => {
  const worker = await serviceWorker(world);
  const [command] = await worker.evaluate(() => chrome.commands.getAll());
  assert.deepEqual([command.name, command.shortcut], ['_execute_action', 'Alt+Shift+R']);
  const page = await world.browser.newPage();
  await page.goto(world.fixtures.url('track.html'));
  await page.bringToFront();

  await pressShortcut(page, { key: 'R', code: 'KeyR', keyCode: 82, modifiers: 1 | 8 });
  const target = await world.browser.waitForTarget((t) => t.url().endsWith('/popup.html'), { timeout: WAIT_MS });
  const popup = await target.asPage();
  await popup.waitForSelector('#match:not([hidden])', { timeout: WAIT_MS });
  assert.equal(await popup.$eval('#title', (e) => e.textContent), 'Paper Boats', 'the popup read the tab the keys were pressed on');
  await popup.close();
  await page.close();
});

test('a page whose player names its track through MediaSession is sent as that track', async () => {
  const { page, popup } = await openPopup(world, world.fixtures.url('player.html'));
  await popup.waitForSelector('#match:not([hidden])');
  const title = await popup.$eval('#title', (e) => e.textContent);
  await popup.click('button[data-position="end"]');
  await eventually('the popup to say the track was queued',
    () => popup.$eval('#status', (e) => e.classList.contains('good') && e.textContent));
  assert.ok((await botTitles(world)).includes(title), `the bot has ${title}`);
  await popup.close();
  await page.close();
});

test('Play now from where the page\'s player is starts the track there on the bot', async () => {
  const page = await world.browser.newPage();
  await page.goto(world.fixtures.url('playing.html'));
  await page.waitForFunction(() => document.querySelector('audio').currentTime >= 42, { timeout: 30_000 });
  const { popup } = await openPopup(world, page);
  await popup.waitForSelector('#from-here-row:not([hidden])');
  assert.equal(await popup.$eval('#from-here-at', (e) => e.textContent), '0:42');
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-from-here.png') });
  await popup.click('button[data-position="now"]');
  const words = await eventually('the popup to say it plays from 0:42',
    () => popup.$eval('#status', (e) => e.classList.contains('good') && e.textContent));
  assert.match(words, /From 0:42\./);
  const queue = await botQueue(world);
  assert.equal(queue.nowPlaying.track.title, 'Low Tide');
  assert.ok(queue.nowPlaying.positionMs >= 42_000, `the bot plays from ${queue.nowPlaying.positionMs} ms`);
  await popup.close();
  await page.close();
});

test('a link sent from the context menu is queued by the bot on the server chosen in the popup', async () => {
  const before = (await botTitles(world)).filter((title) => title === 'Paper Boats').length;
  const worker = await serviceWorker(world);
  const outcome = await worker.evaluate((linkUrl) => globalThis.roadieMenuClicked(
    { menuItemId: 'roadie-end', linkUrl, pageUrl: 'https://elsewhere.example.org/' }), world.fixtures.url('track.html'));
  assert.equal(outcome, 'sent');
  assert.equal((await botTitles(world)).filter((title) => title === 'Paper Boats').length, before + 1);
});

test('words typed after the omnibox keyword are searched by the bot and played next', async () => {
  const before = await botQueue(world);
  const worker = await serviceWorker(world);
  assert.equal(await worker.evaluate(() => globalThis.roadieOmniboxEntered('next paper boats')), 'sent');
  const after = await botQueue(world);
  assert.equal(after.queue.length, (before.queue ?? []).length + 1);
  assert.equal(await worker.evaluate(() => chrome.runtime.getManifest().omnibox.keyword), 'roadie');
});

test('typing after the omnibox keyword shows the hub\'s search results, and choosing one queues that track', async () => {
  const worker = await serviceWorker(world);
  // Keys typed quickly: only the last is searched, the earlier ones show nothing.
  const [first, middle, last] = await worker.evaluate(() => Promise.all(
    ['pa', 'paper bo', 'next paper boats'].map((text) => globalThis.roadieOmniboxChanged(text))));
  // undefined (superseded by a later key) comes back from the worker as null.
  assert.equal(first, null);
  assert.equal(middle, null);
  assert.ok(last.length > 1, 'suggestions for "paper boats"');
  assert.equal(last[0].content, 'next Harbour Lights - Paper Boats');
  assert.match(last[0].description, /^<match>Paper Boats<\/match> <dim>Harbour Lights · .* · deezer<\/dim>$/);

  // The second result: the bot's own search for its words would find the first (the fake Deezer answers one list).
  const second = last[1];
  assert.equal(second.content, 'next Les Étoiles - Café Lumière');
  assert.equal(await worker.evaluate((content) => globalThis.roadieOmniboxEntered(content), second.content), 'sent');
  const queue = await botQueue(world);
  assert.deepEqual([queue.queue[0].title, queue.queue[0].source, queue.queue[0].uri],
    ['Café Lumière', 'deezer', 'https://www.deezer.com/track/9002'], 'the very track chosen, played next');
});

test('with the options\' switch on, each send is followed by a notification in a person\'s words', async () => {
  const worker = await serviceWorker(world);
  // What the extension asks Chrome to show, recorded on the way (a headless browser shows nothing to look at).
  await worker.evaluate(() => {
    const create = chrome.notifications.create.bind(chrome.notifications);
    globalThis.shown = [];
    chrome.notifications.create = (options) => {
      globalThis.shown.push(options);
      return create(options);
    };
  });
  assert.equal(await worker.evaluate(() => globalThis.roadieMenuClicked(
    { menuItemId: 'roadie-end', selectionText: 'paper boats', pageUrl: 'https://elsewhere.example.org/' })), 'sent');
  assert.deepEqual(await worker.evaluate(() => globalThis.shown), [], 'no notification while the switch is off');

  const options = await world.browser.newPage();
  await options.setViewport({ width: 760, height: 900 });
  await options.goto(`chrome-extension://${world.id}/options.html`);
  await options.click('#notify');
  await eventually('the switch to be saved', () => options.evaluate(() => chrome.storage.local.get('notify').then((kept) => kept.notify)));
  assert.equal(await options.$eval('#notify', (e) => e.checked), true);
  await options.screenshot({ path: join(SCREENSHOTS, 'options-notifications.png') });

  assert.equal(await worker.evaluate(() => globalThis.roadieMenuClicked(
    { menuItemId: 'roadie-next', selectionText: 'paper boats', pageUrl: 'https://elsewhere.example.org/' })), 'sent');
  const [sent] = await worker.evaluate(() => globalThis.shown);
  assert.equal(sent.title, 'Sent to the bot');
  assert.equal(sent.message, `Plays next: "Paper Boats" on server ${world.env.guild}.`);
  const ids = await worker.evaluate(() => chrome.notifications.getAll().then((all) => Object.keys(all)));
  assert.ok(ids.length >= 2, `Chrome holds the options' "notifications are on" and the send's: ${ids}`);

  assert.equal(await worker.evaluate((linkUrl) => globalThis.roadieMenuClicked(
    { menuItemId: 'roadie-end', linkUrl, pageUrl: 'https://elsewhere.example.org/' }), world.fixtures.url('blank.html')), 'not-found');
  const failed = (await worker.evaluate(() => globalThis.shown)).at(-1);
  assert.equal(failed.title, 'Not sent');
  assert.match(failed.message, /^The hub could not resolve the link: found nothing at the link/);
  await options.evaluate(() => chrome.storage.local.set({ notify: false }));
  await options.close();
});

test('a send while the hub is away waits in the outbox and reaches the bot after the worker restarted', async () => {
  await world.proxy.close();
  const { page, popup } = await openPopup(world, world.fixtures.url('player.html'));
  assert.match(await popup.$eval('#status', (e) => e.textContent), /cannot be reached/);
  await popup.click('button[data-position="end"]');
  await eventually('the popup to list the waiting send',
    () => popup.$eval('#pending-count', (e) => e.textContent.startsWith('1 waiting')));
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-offline.png') });
  await popup.close();
  await page.close();
  const before = (await botTitles(world)).length;

  const marked = await serviceWorker(world);
  await marked.evaluate(() => { globalThis.beforeTheRestart = true; });
  const browserSession = await stopServiceWorker(world);
  await world.proxy.open();

  // Nothing wakes the worker but the outbox's alarm.
  const worker = await resumeRestartedWorker(world, browserSession);
  assert.equal(await worker.evaluate('globalThis.beforeTheRestart'), undefined, 'a new worker, without the old one\'s memory');
  await eventually('the bot to receive the send from the outbox',
    async () => (await botTitles(world)).length > before, 60_000);
  await eventually('the outbox to be empty',
    async () => (await worker.evaluate('chrome.storage.local.get("outbox").then((kept) => kept.outbox.length)')) === 0);
  timings.serviceWorkerHeapAfterOutbox = await worker.heapUsage();
});

test('a revoked pairing is told in words that say to pair again', async () => {
  const options = await world.browser.newPage();
  await options.goto(`chrome-extension://${world.id}/options.html`);
  const { device } = await options.evaluate(() => chrome.storage.local.get('device'));
  await options.close();
  const revoke = await fetch(`${world.env.hub}/api/pair/devices/${device.tokenId}`, {
    method: 'DELETE', headers: { Authorization: `Bearer ${world.env.admin}` },
  });
  assert.equal(revoke.status, 200, await revoke.text());
  const { page, popup } = await openPopup(world, world.fixtures.url('track.html'));
  assert.match(await popup.$eval('#status', (e) => e.textContent), /Pair again in the options/);
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-revoked.png') });
  await popup.close();
  await page.close();
});

/** How many pairing requests the hub lists as waiting for approval. */
async function pairRequests(world) {
  const response = await fetch(`${world.env.hub}/api/pair/requests`, { headers: { Authorization: `Bearer ${world.env.admin}` } });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return JSON.parse(text).length;
}
