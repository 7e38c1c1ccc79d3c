// What the browser tests share: the built extension loaded in headless Chromium, fixture pages
// served locally, a relay in front of the hub, and an admin connection to look at the bot.
// The hub and the stand-in bot are started by the JUnit test ChromeExtensionTest, which passes:
//   ROADIE_HUB_URL   the hub, http://127.0.0.1:PORT (its http.allowedOrigins lists the extension)
//   ROADIE_TOKEN     an admin token, to approve pairing and ask the bot for its queue
//   ROADIE_BOT       the bot's name; ROADIE_GUILD the guild it plays in
//   ROADIE_PLAIN_HUB_URL  another hub, whose http.allowedOrigins does not list the extension
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { WebSocket } from 'ws';
import { build } from '../../build.mjs';
import { RoadieClient } from '../../../client-js/src/roadie-client.js';
import { HubProxy } from './proxy.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = join(HERE, '..', '..', 'target', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** Long enough for a busy machine, short enough that a hang fails the test and not the build. */
export const WAIT_MS = 30_000;

export function environment() {
  const missing = ['ROADIE_HUB_URL', 'ROADIE_TOKEN', 'ROADIE_BOT', 'ROADIE_GUILD', 'ROADIE_PLAIN_HUB_URL'].filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(`set ${missing.join(', ')}: ChromeExtensionTest (web-tests) starts a hub and a bot and sets them`);
  }
  return {
    hub: process.env.ROADIE_HUB_URL,
    admin: process.env.ROADIE_TOKEN,
    bot: process.env.ROADIE_BOT,
    guild: process.env.ROADIE_GUILD,
    plainHub: process.env.ROADIE_PLAIN_HUB_URL,
  };
}

/** The ID the manifest's key gives the unpacked extension (docs/EXTENSION.md). */
export const EXTENSION_ID = 'jdklfacadelchepalhichgdjlmeeghmi';
/** What a person grants at pairing (the hub's address) and with the options' notifications switch. */
const GRANTED = { api: ['notifications'], explicit_host: ['http://127.0.0.1/*'], manifest_permissions: [], scriptable_host: [] };

/**
 * A browser profile as a person's would be after using the extension a while: Chrome's
 * permission prompt, which a person answers at pairing and at the notifications switch, cannot
 * be answered in a headless browser (nothing shows it, and chrome.permissions.request waits
 * for ever), so its Preferences hold both permissions as granted before, and
 * chrome.permissions.request resolves true without asking, as it does for such a person. They
 * also assign the keyboard command its suggested key, as chrome://extensions/shortcuts does: a
 * fresh headless profile leaves it unassigned. The extension itself is dist/ as a person loads it.
 */
export function profileForTests() {
  const profile = mkdtempSync(join(tmpdir(), 'roadie-profile-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({
    extensions: {
      commands: { 'linux:Alt+Shift+R': { command_name: '_execute_action', extension: EXTENSION_ID, global: false } },
      // Granted (what Chrome asked about once), active (what the extension has now) and, for an
      // optional host of a Manifest V3 extension, granted at runtime: chrome.permissions.request
      // looks at the last before it prompts.
      settings: {
        [EXTENSION_ID]: { granted_permissions: GRANTED, active_permissions: GRANTED, runtime_granted_permissions: GRANTED },
      },
    },
  }));
  return profile;
}

export async function startWorld() {
  const env = environment();
  const { dist } = await build();
  const profile = profileForTests();
  const hubUrl = new URL(env.hub);
  const proxy = new HubProxy({ host: hubUrl.hostname, port: Number(hubUrl.port) });
  await proxy.open();
  const fixtures = await serveFixtures();
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    userDataDir: profile,
    enableExtensions: [dist],
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/sw.js'), { timeout: WAIT_MS });
  const id = new URL(worker.url()).host;
  if (id !== EXTENSION_ID) throw new Error(`the extension loaded as ${id}, not ${EXTENSION_ID}: is the manifest's key gone?`);
  const admin = new RoadieClient({ url: env.hub.replace(/^http/, 'ws') + '/ws', token: env.admin, WebSocket });
  await admin.connect();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    env, browser, proxy, fixtures, admin, id,
    async close() {
      admin.close();
      await browser.close();
      await proxy.close().catch(() => {});
      fixtures.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function serveFixtures() {
  const server = http.createServer((request, response) => {
    const name = new URL(request.url, 'http://x').pathname.slice(1);
    if (!/^[a-z-]+\.html$/.test(name)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(join(HERE, '..', 'fixtures', name));
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: (name) => `http://127.0.0.1:${server.address().port}/${name}`,
    close: () => server.close(),
  };
}

/** Polls `check` until it returns something truthy, or fails after `ms` saying what was awaited. */
export async function eventually(what, check, ms = WAIT_MS) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`waited ${ms} ms for ${what}${last ? `: ${last.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The extension's service worker, waking it when it sleeps. */
export async function serviceWorker(world) {
  const target = await world.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${world.id}/`), { timeout: WAIT_MS });
  return target.worker();
}

/** Opens a page (or takes one already open), clicks the toolbar button on it, and returns the popup as a page. */
export async function openPopup(world, urlOrPage) {
  const page = typeof urlOrPage === 'string' ? await world.browser.newPage() : urlOrPage;
  if (typeof urlOrPage === 'string') await page.goto(urlOrPage);
  await page.bringToFront();
  const extension = (await world.browser.extensions()).get(world.id);
  const opened = Date.now();
  await extension.triggerAction(page);
  const target = await world.browser.waitForTarget((t) => t.url().endsWith('/popup.html'), { timeout: WAIT_MS });
  const popup = await target.asPage();
  await popup.waitForSelector('body[data-ready]', { timeout: WAIT_MS });
  return { page, popup, openMs: Date.now() - opened };
}

/** The bot's queue of the guild, asked through the hub as any companion would. */
export async function botQueue(world) {
  return world.admin.request(`service:music-bot/${world.env.bot}`, 'player.command',
    { command: 'queue', guild: world.env.guild }, { timeoutMs: 10_000 });
}

/** Every title the bot has playing or queued. */
export async function botTitles(world) {
  const queue = await botQueue(world);
  return [queue.nowPlaying?.track?.title, ...(queue.queue ?? []).map((t) => t.title)].filter(Boolean);
}

/**
 * Stops the extension's service worker as Chrome stops an idle one: its memory goes, storage
 * and alarms stay. Resolves once the browser lists no worker of the extension.
 */
export async function stopServiceWorker(world) {
  const page = await world.browser.newPage();
  try {
    const session = await page.createCDPSession();
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
  } finally {
    await page.close();
  }
  const browserSession = await world.browser.target().createCDPSession();
  await eventually('the service worker to stop', async () => (await workerTargets(world, browserSession)).length === 0);
  return browserSession;
}

/**
 * Lets the next worker Chrome starts for the extension run, and resolves with a session to it.
 * Puppeteer keeps the stopped worker's target and holds a new worker paused for its debugger
 * without resuming it (seen with puppeteer-core 24.43.1 and Chromium 156), so the test resumes
 * it itself.
 */
export async function resumeRestartedWorker(world, browserSession) {
  const [info] = await eventually('Chrome to start the service worker again', () => workerTargets(world, browserSession)
    .then((targets) => targets.length > 0 && targets), 60_000);
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: info.targetId, flatten: true });
  const session = browserSession.connection().session(sessionId);
  await session.send('Runtime.runIfWaitingForDebugger');
  return {
    async evaluate(expression) {
      const { result, exceptionDetails } = await session.send('Runtime.evaluate',
        { expression, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    },
    /** The worker's JavaScript heap in bytes: {usedSize, totalSize}. */
    heapUsage: () => session.send('Runtime.getHeapUsage'),
  };
}

async function workerTargets(world, browserSession) {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${world.id}/`));
}

/**
 * Presses a key with modifiers as the keyboard does, through the browser's own handling of
 * shortcuts: a raw key-down (the event Chrome matches against extension commands) and its key-up.
 * @param {number} modifiers CDP's bits: Alt 1, Ctrl 2, Meta 4, Shift 8
 */
export async function pressShortcut(page, { key, code, keyCode, modifiers }) {
  const session = await page.createCDPSession();
  try {
    for (const type of ['rawKeyDown', 'keyUp']) {
      await session.send('Input.dispatchKeyEvent', { type, modifiers, key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode });
    }
  } finally {
    await session.detach();
  }
}
