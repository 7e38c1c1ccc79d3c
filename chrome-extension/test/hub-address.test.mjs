import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostPermission, hubOrigin, socketUrl } from '../src/lib/hub-address.js';

test('a typed hub address becomes an origin, http when no scheme is given', () => {
  assert.equal(hubOrigin(' music.lan:7070 '), 'http://music.lan:7070');
  assert.equal(hubOrigin('https://hub.example.org/some/page'), 'https://hub.example.org');
  assert.equal(hostPermission('http://music.lan:7070'), 'http://music.lan:7070/*');
});

test('the socket is ws for http and wss for https', () => {
  assert.equal(socketUrl('http://192.168.1.20:7070'), 'ws://192.168.1.20:7070/ws');
  assert.equal(socketUrl('https://hub.example.org'), 'wss://hub.example.org/ws');
});

test('an empty or odd address is refused with words that say what to type', () => {
  assert.throws(() => hubOrigin(''), /Type the address of your Roadie hub/);
  assert.throws(() => hubOrigin('ftp://x'), /over http or https, not ftp/);
});
