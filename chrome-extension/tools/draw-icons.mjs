// Draws the toolbar icons (a play triangle on a rounded square) as PNGs into src/icons/.
// Run once after changing the drawing: node tools/draw-icons.mjs. No image library is needed.
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const BACKGROUND = [91, 91, 214];
const SAMPLES = 4; // per axis, for smooth edges

function inside(x, y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  const square = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  // The triangle (0.36, 0.26), (0.36, 0.74), (0.76, 0.5).
  const triangle = x >= 0.36 && Math.abs(y - 0.5) <= (0.76 - x) * 0.6;
  return { square, triangle };
}

function pixels(size) {
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = [0];
    for (let px = 0; px < size; px++) {
      let squareHits = 0;
      let triangleHits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const { square, triangle } = inside((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (square) squareHits++;
          if (square && triangle) triangleHits++;
        }
      }
      const all = SAMPLES * SAMPLES;
      const white = triangleHits / Math.max(squareHits, 1);
      const [r, g, b] = BACKGROUND.map((c) => Math.round(c + (255 - c) * white));
      row.push(r, g, b, Math.round((255 * squareHits) / all));
    }
    rows.push(Buffer.from(row));
  }
  return Buffer.concat(rows);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(size))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`../src/icons/${size}.png`, import.meta.url), png(size));
}
