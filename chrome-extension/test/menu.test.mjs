import assert from 'node:assert/strict';
import { test } from 'node:test';
import { menuEntries, menuQuery, omniboxQuery } from '../src/lib/menu.js';

test('the context menu sends the link, else the selected words, else the page', () => {
  assert.equal(menuQuery({ linkUrl: 'https://a.example/1', selectionText: 'words', pageUrl: 'https://p.example/' }), 'https://a.example/1');
  assert.equal(menuQuery({ selectionText: '  daft punk around the world ', pageUrl: 'https://p.example/' }), 'daft punk around the world');
  assert.equal(menuQuery({ selectionText: '   ', pageUrl: 'https://p.example/' }), 'https://p.example/');
});

test('the menu offers the popup\'s three buttons on links, selections and pages', () => {
  assert.deepEqual(menuEntries().map((entry) => entry.title), ['Roadie: Play now', 'Roadie: Play next', 'Roadie: Add to queue']);
  assert.deepEqual(menuEntries()[0].contexts, ['link', 'selection', 'page']);
});

test('the omnibox queues what is typed, or plays it now or next when it starts so', () => {
  assert.deepEqual(omniboxQuery(' paper boats '), { query: 'paper boats', position: 'end' });
  assert.deepEqual(omniboxQuery('Next daft punk'), { query: 'daft punk', position: 'next' });
  assert.deepEqual(omniboxQuery('now https://example.org/x'), { query: 'https://example.org/x', position: 'now' });
  assert.equal(omniboxQuery('   '), undefined);
  assert.deepEqual(omniboxQuery('nowhere man'), { query: 'nowhere man', position: 'end' });
});
