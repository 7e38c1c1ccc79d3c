// The types: src/ carries JSDoc types that TypeScript checks (no build step: the package is the
// .js files as they are), types/ holds the declarations TypeScript derives from them, and a
// strict TypeScript program that uses the package by its name compiles against those.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSC = path.join(PACKAGE, 'node_modules', 'typescript', 'bin', 'tsc');

/** tsc with these arguments, failing with what it said. */
async function tsc(...args) {
  try {
    await run(process.execPath, [TSC, ...args], { cwd: PACKAGE, timeout: 120_000 });
  } catch (e) {
    throw new Error(`tsc ${args.join(' ')} failed:\n${e.stdout}${e.stderr}`);
  }
}

/** Every file under `folder`, relative to it, with its text. */
async function files(folder) {
  const found = new Map();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath ?? entry.path, entry.name);
      found.set(path.relative(folder, file), await readFile(file, 'utf8'));
    }
  }
  return found;
}

test('the JSDoc types of src/ check, and types/ holds exactly the declarations they make (npm run types)', async () => {
  const fresh = await mkdtemp(path.join(tmpdir(), 'roadie-client-types-'));
  try {
    await tsc('-p', 'tsconfig.json', '--declarationDir', fresh);

    const expected = await files(fresh);
    const committed = await files(path.join(PACKAGE, 'types'));
    assert.deepEqual([...committed.keys()].sort(), [...expected.keys()].sort(), 'the files in types/');
    for (const [file, text] of expected) {
      assert.equal(committed.get(file), text, `types/${file} is out of date: run npm run types in client-js`);
    }
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
});

test('a strict TypeScript program that imports the package by its name compiles', async () => {
  await tsc('-p', path.join('test', 'types', 'tsconfig.json'));
});
