// Draws Parley's icons (two speech bubbles facing each other on a rounded square: two sides negotiating) without
// any image library, and writes icon.png (the app icon; electron-builder derives .icns and .ico from it) and
// parley-file.ico / parley-file.icns (the case-file icon, which electron-builder does not convert).
//   node build/make-icons.mjs
import fs from 'node:fs';
import zlib from 'node:zlib';

const NAVY = [31, 58, 95];
const WHITE = [255, 255, 255];
const SKY = [142, 194, 240];

/** Signed distance to a rounded rectangle centred at (cx, cy). */
function roundedRect(x, y, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(x - cx) - halfW + radius;
  const qy = Math.abs(y - cy) - halfH + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Signed distance (approximate) to a triangle: inside when on the inner side of all three edges. */
function triangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const edge = (px, py, qx, qy) => ((qx - px) * (y - py) - (qy - py) * (x - px)) / Math.hypot(qx - px, qy - py);
  return -Math.min(edge(ax, ay, bx, by), edge(bx, by, cx, cy), edge(cx, cy, ax, ay));
}

/** The colour at a point of the unit square, or null where it is transparent. */
function shade(x, y, fileIcon) {
  const background = fileIcon ? roundedRect(x, y, 0.5, 0.5, 0.36, 0.46, 0.05) : roundedRect(x, y, 0.5, 0.5, 0.44, 0.44, 0.1);
  if (background > 0) return null;
  const left = Math.min(roundedRect(x, y, 0.42, 0.4, 0.24, 0.14, 0.06), triangle(x, y, [0.26, 0.5], [0.36, 0.5], [0.24, 0.62]));
  if (left <= 0) return WHITE;
  const right = Math.min(roundedRect(x, y, 0.58, 0.62, 0.24, 0.14, 0.06), triangle(x, y, [0.64, 0.72], [0.74, 0.72], [0.76, 0.84]));
  if (right <= 0) return SKY;
  return NAVY;
}

function render(size, fileIcon) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, fileIcon);
          if (!colour) continue;
          sum[0] += colour[0]; sum[1] += colour[1]; sum[2] += colour[2]; sum[3] += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (sum[3] > 0) {
        pixels[at] = Math.round(sum[0] / sum[3]);
        pixels[at + 1] = Math.round(sum[1] / sum[3]);
        pixels[at + 2] = Math.round(sum[2] / sum[3]);
      }
      pixels[at + 3] = Math.round((255 * sum[3]) / (samples * samples));
    }
  }
  return png(size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .ico holding PNG images (Windows Vista and later read those). */
function ico(images) {
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    head.writeUInt8(size >= 256 ? 0 : size, at);
    head.writeUInt8(size >= 256 ? 0 : size, at + 1);
    head.writeUInt16LE(1, at + 4);
    head.writeUInt16LE(32, at + 6);
    head.writeUInt32LE(data.length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...images.map((image) => image.data)]);
}

/** An .icns holding PNG images: ic07 is 128 px, ic08 256 px, ic09 512 px. */
function icns(images) {
  const entries = images.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

const here = new URL('.', import.meta.url);
fs.writeFileSync(new URL('icon.png', here), render(512, false));
fs.writeFileSync(new URL('parley-file.ico', here), ico([16, 32, 48, 256].map((size) => ({ size, data: render(size, true) }))));
fs.writeFileSync(new URL('parley-file.icns', here), icns([['ic07', 128], ['ic08', 256], ['ic09', 512]].map(([type, size]) => ({ type, data: render(size, true) }))));
