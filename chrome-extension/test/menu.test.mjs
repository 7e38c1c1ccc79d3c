import assert from 'node:assert/strict';
import { test } from 'node:test';
import { menuEntries, menuQuery, omniboxQuery, omniboxSuggestion, omniboxXml } from '../src/lib/menu.js';

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

test('omnibox suggestions escape what the hub found, since Chrome reads them as XML', () => {
  assert.equal(omniboxXml(`Rock & Roll <live> "1979" it's`), 'Rock &amp; Roll &lt;live&gt; &quot;1979&quot; it&apos;s');
  const suggestion = omniboxSuggestion({ title: 'Paper <Boats>', artist: 'Harbour & Lights', durationMs: 202_000, source: 'deezer' }, 'end');
  assert.equal(suggestion.description, '<match>Paper &lt;Boats&gt;</match> <dim>Harbour &amp; Lights · 3:22 · deezer</dim>');
  assert.equal(suggestion.content, 'Harbour & Lights - Paper <Boats>', 'what goes in the box is plain text');
});

test('a chosen suggestion keeps the position typed, so now and next still play sooner', () => {
  assert.equal(omniboxSuggestion({ title: 'Paper Boats', artist: 'Harbour Lights' }, 'next').content, 'next Harbour Lights - Paper Boats');
  assert.deepEqual(omniboxQuery(omniboxSuggestion({ title: 'Paper Boats' }, 'now').content), { query: 'Paper Boats', position: 'now' });
  assert.equal(omniboxSuggestion({ title: 'Radio' }, 'end').description, '<match>Radio</match>');
});
