// The build: dist/ to load unpacked, and the zip for the Web Store, which holds the same files
// but a manifest without the key (the store assigns its own ID), and is the same from the same files.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import yauzl from 'yauzl';
import { build } from '../build.mjs';

/** Every entry of a zip file: {name: text or bytes}. */
function entries(path) {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const found = {};
      zip.on('entry', (entry) => zip.openReadStream(entry, (failed, stream) => {
        if (failed) return reject(failed);
        const chunks = [];
        stream.on('data', (chunk) => chunks.push(chunk));
        stream.on('end', () => {
          found[entry.fileName] = Buffer.concat(chunks);
          zip.readEntry();
        });
        return undefined;
      }));
      zip.on('end', () => resolve(found));
      zip.on('error', reject);
      zip.readEntry();
      return undefined;
    });
  });
}

function files(folder) {
  return readdirSync(folder, { recursive: true }).map(String).filter((name) => statSync(join(folder, name)).isFile())
    .map((name) => relative(folder, join(folder, name)).split(sep).join('/')).sort();
}

test('the zip holds every file of dist/, the client included, and a manifest without the key', async () => {
  const built = await build();
  const zipped = await entries(built.zip);

  assert.deepEqual(Object.keys(zipped).sort(), files(built.dist));
  assert.ok(zipped['lib/client/roadie-client.js'], 'the JavaScript client is in it');
  assert.ok(built.hasKey, 'dist/ keeps the key, which fixes the unpacked ID');
  const manifest = JSON.parse(zipped['manifest.json']);
  assert.equal(manifest.key, undefined);
  assert.equal(manifest.name, 'Roadie');
  for (const name of ['popup.js', 'sw.js', 'icons/128.png']) {
    assert.deepEqual(zipped[name], readFileSync(join(built.dist, name)), name);
  }
});

test('the same files make the same zip, byte for byte', async () => {
  const first = readFileSync((await build()).zip);
  const second = readFileSync((await build()).zip);
  assert.deepEqual(second, first);
});
