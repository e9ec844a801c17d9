// npm run icon: renders the Marketplace icon docs/images/icon.png (128 × 128) from docs/images/icon.svg.
// It needs Debian's librsvg2-bin (rsvg-convert) or ImageMagick (convert); the PNG is committed, so
// neither the build nor CI needs them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = dirname(dirname(new URL(import.meta.url).pathname));
const svg = join(root, 'docs', 'images', 'icon.svg');
const png = join(root, 'docs', 'images', 'icon.png');
const SIZE = 128;

const renderers = [
  ['rsvg-convert', ['--width', String(SIZE), '--height', String(SIZE), '--output', png, svg]],
  ['convert', ['-background', 'none', '-density', '384', svg, '-resize', `${SIZE}x${SIZE}`, `png32:${png}`]],
];

let rendered;
for (const [tool, args] of renderers) {
  const result = spawnSync(tool, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error?.code === 'ENOENT') continue;
  if (result.status !== 0) {
    console.error(`[icon] ${tool} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  rendered = tool;
  break;
}
if (!rendered) {
  console.error('[icon] neither rsvg-convert nor convert is installed: apt-get install librsvg2-bin (or imagemagick)');
  process.exit(1);
}

// A PNG starts with its IHDR chunk: width and height as big-endian 32-bit numbers at bytes 16 and 20.
const header = readFileSync(png);
const [width, height] = [header.readUInt32BE(16), header.readUInt32BE(20)];
if (width !== SIZE || height !== SIZE) {
  console.error(`[icon] ${relative(root, png)} is ${width} × ${height}, not ${SIZE} × ${SIZE}`);
  process.exit(1);
}
console.log(`[icon] ${relative(root, png)} (${width} × ${height}, ${header.length} bytes) from ${relative(root, svg)} with ${rendered}`);
