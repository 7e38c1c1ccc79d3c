// Derives the known-answer vectors of TransportCipherTest with Node's own crypto, apart from the JDK and Tink:
// node transport-vectors.js
const crypto = require('crypto');
function rotl(v, c) { return ((v << c) | (v >>> (32 - c))) >>> 0; }
function qr(s, a, b, c, d) {
  s[a] = (s[a] + s[b]) >>> 0; s[d] = rotl(s[d] ^ s[a], 16);
  s[c] = (s[c] + s[d]) >>> 0; s[b] = rotl(s[b] ^ s[c], 12);
  s[a] = (s[a] + s[b]) >>> 0; s[d] = rotl(s[d] ^ s[a], 8);
  s[c] = (s[c] + s[d]) >>> 0; s[b] = rotl(s[b] ^ s[c], 7);
}
function hchacha20(key, nonce16) {
  const s = new Uint32Array(16);
  s[0] = 0x61707865; s[1] = 0x3320646e; s[2] = 0x79622d32; s[3] = 0x6b206574;
  for (let i = 0; i < 8; i++) s[4 + i] = key.readUInt32LE(4 * i);
  for (let i = 0; i < 4; i++) s[12 + i] = nonce16.readUInt32LE(4 * i);
  for (let i = 0; i < 10; i++) {
    qr(s, 0, 4, 8, 12); qr(s, 1, 5, 9, 13); qr(s, 2, 6, 10, 14); qr(s, 3, 7, 11, 15);
    qr(s, 0, 5, 10, 15); qr(s, 1, 6, 11, 12); qr(s, 2, 7, 8, 13); qr(s, 3, 4, 9, 14);
  }
  const out = Buffer.alloc(32);
  [0, 1, 2, 3, 12, 13, 14, 15].forEach((w, i) => out.writeUInt32LE(s[w], 4 * i));
  return out;
}
// draft-irtf-cfrg-xchacha-03 section 2.2.1
const tk = Buffer.from([...Array(32).keys()]);
const tn = Buffer.from('000000090000004a0000000031415927', 'hex');
console.log('hchacha check', hchacha20(tk, tn).toString('hex') === '82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc');

const key = Buffer.from([...Array(32).keys()]);
const header = Buffer.from('80781234' + '56789abc' + 'cafebabe', 'hex');
const plain = Buffer.from('Roadie says hello over RTP', 'ascii');
const suffix = Buffer.from('01020304', 'hex');
// AES-256-GCM: 12-byte nonce = counter (big-endian) then zeros
{
  const nonce = Buffer.concat([suffix, Buffer.alloc(8)]);
  const c = crypto.createCipheriv('aes-256-gcm', key, nonce); c.setAAD(header);
  const ct = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  console.log('aes', Buffer.concat([header, ct, suffix]).toString('hex'));
}
// XChaCha20-Poly1305: 24-byte nonce = counter then zeros; subkey from HChaCha20 over its first 16 bytes
{
  const nonce = Buffer.concat([suffix, Buffer.alloc(20)]);
  const sub = hchacha20(key, nonce.subarray(0, 16));
  const iv = Buffer.concat([Buffer.alloc(4), nonce.subarray(16, 24)]);
  const c = crypto.createCipheriv('chacha20-poly1305', sub, iv, { authTagLength: 16 }); c.setAAD(header, { plaintextLength: plain.length });
  const ct = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  console.log('xchacha', Buffer.concat([header, ct, suffix]).toString('hex'));
}
