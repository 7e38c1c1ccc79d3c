// The package as a Node bot gets it: `npm pack` makes the tarball, a fresh project in a temporary
// folder installs it (and `ws`, from the local npm cache when it is there) and imports it by
// name to connect to the real hub. This proves package.json's `exports` and `files` are right.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SOCKET_URL, createToken, uniqueName } from './support/hub.mjs';

const run = promisify(execFile);
const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NPM_TIMEOUT_MS = 180_000;
const manifest = JSON.parse(await readFile(path.join(PACKAGE, 'package.json'), 'utf8'));
const ws = JSON.parse(await readFile(path.join(PACKAGE, 'node_modules', 'ws', 'package.json'), 'utf8'));

let scratch;
let tarball;

/** npm in `cwd`, failing with what npm said. */
async function npm(cwd, ...args) {
  try {
    return (await run('npm', args, { cwd, timeout: NPM_TIMEOUT_MS })).stdout;
  } catch (e) {
    throw new Error(`npm ${args.join(' ')} in ${cwd} failed: ${e.message}\n${e.stdout}\n${e.stderr}`);
  }
}

before(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'roadie-client-pack-'));
  const packed = JSON.parse(await npm(PACKAGE, 'pack', '--json', '--pack-destination', scratch));
  tarball = path.join(scratch, packed[0].filename);
});

after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test('the packed tarball holds the modules, their types, the README and package.json, and no tests', async () => {
  const listing = JSON.parse(await npm(PACKAGE, 'pack', '--dry-run', '--json'))[0].files.map((f) => f.path);
  const sources = (await readdir(path.join(PACKAGE, 'src', 'roadie'))).map((file) => `src/roadie/${file}`);

  assert.ok(listing.includes('src/roadie-client.js'), listing.join(', '));
  assert.ok(listing.includes('types/roadie-client.d.ts'), listing.join(', '));
  assert.ok(listing.includes('README.md') && listing.includes('package.json'), listing.join(', '));
  for (const source of sources) {
    assert.ok(listing.includes(source), `${source} is packed`);
  }
  assert.deepEqual(listing.filter((file) => file.startsWith('test/') || file.startsWith('node_modules/')), []);
});

test('a fresh Node project installs the tarball with ws, imports it by name and connects to the hub', async () => {
  const app = path.join(scratch, 'bot');
  await mkdir(app);
  await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'a-bot', private: true, type: 'module' }));
  await npm(app, 'install', '--prefer-offline', '--no-audit', '--no-fund', tarball, `ws@${ws.version}`);
  await writeFile(path.join(app, 'bot.js'), `
    import { WebSocket } from 'ws';
    import { RoadieClient, RoadieError } from '${manifest.name}';
    const client = new RoadieClient({ url: process.env.HUB, token: process.env.TOKEN, WebSocket });
    const welcome = await client.connect();
    await client.send('topic:packed', 'hello', { from: 'a packed client' });
    console.log(JSON.stringify({ you: welcome.you, error: typeof RoadieError }));
    client.close();
  `);
  const name = uniqueName('packed');
  const token = await createToken(name, 'music-bot', ['publish:*']);

  const { stdout } = await run(process.execPath, ['bot.js'], {
    cwd: app, timeout: 30_000, env: { ...process.env, HUB: SOCKET_URL, TOKEN: token },
  });

  const said = JSON.parse(stdout.trim());
  assert.deepEqual(said.you, { ...said.you, kind: 'music-bot', name });
  assert.equal(said.error, 'function');
});
