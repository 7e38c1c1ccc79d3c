// Builds the extension: dist/ (load it unpacked in chrome://extensions) and
// target/roadie-chrome-VERSION.zip (for the Chrome Web Store, or to hand to someone).
// The JavaScript client is copied in from ../client-js/src: one copy in the sources.
//   npm ci && node build.mjs
import { createWriteStream, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { ZipFile } from 'yazl';

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCES = join(HERE, 'src');
const CLIENT = join(HERE, '..', 'client-js', 'src');
const DIST = join(HERE, 'dist');
const TARGET = join(HERE, 'target');

/** One time (1 Jan 2026) for every entry, so that the same files make the same zip. */
const ENTRY_TIME = new Date(2026, 0, 1);

export async function build() {
  rmSync(DIST, { recursive: true, force: true });
  cpSync(SOURCES, DIST, { recursive: true });
  cpSync(CLIENT, join(DIST, 'lib', 'client'), { recursive: true });

  // The manifest's key pins the extension's ID for unpacked installs, so the hub's
  // http.allowedOrigins can name it in advance; the Web Store refuses a key and assigns its own.
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  const { key, ...storeManifest } = manifest;
  const files = listFiles(DIST).map((path) => ({
    name: relative(DIST, path).split(sep).join('/'),
    data: relative(DIST, path) === 'manifest.json'
      ? Buffer.from(JSON.stringify(storeManifest, null, 2) + '\n')
      : readFileSync(path),
  }));
  mkdirSync(TARGET, { recursive: true });
  const zipPath = join(TARGET, `roadie-chrome-${manifest.version}.zip`);
  const archive = new ZipFile();
  for (const { name, data } of files) {
    archive.addBuffer(data, name, { mtime: ENTRY_TIME, mode: 0o100644 });
  }
  archive.end();
  await pipeline(archive.outputStream, createWriteStream(zipPath));
  return { dist: DIST, zip: zipPath, files: files.length, hasKey: Boolean(key) };
}

function listFiles(folder) {
  return readdirSync(folder).sort().flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await build();
  console.log(`Built ${relative(process.cwd(), result.dist) || '.'} (load it unpacked) and ${relative(process.cwd(), result.zip)} (${result.files} files)`);
}
