#!/usr/bin/env node
// Brotli size of each section of a wasm file (code, data, ...), compressed alone: how much
// of the shipped, compressed wasm is code and how much is data (strings, baked content).
// Usage: node bench/wasm-sections.mjs <file.wasm>
import fs from 'node:fs';
import zlib from 'node:zlib';

const buf = fs.readFileSync(process.argv[2]);
const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
let i = 8;
const out = [];
while (i < buf.length) {
  const id = buf[i++];
  let size = 0, shift = 0, b;
  do { b = buf[i++]; size |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
  out.push({ name: NAMES[id] || `#${id}`, raw: size, brotli: br(buf.subarray(i, i + size)) });
  i += size;
}
for (const s of out) console.log(`${s.name.padEnd(10)} ${String(s.raw).padStart(8)} raw ${String(s.brotli).padStart(8)} brotli alone`);
console.log(`${'file'.padEnd(10)} ${String(buf.length).padStart(8)} raw ${String(br(buf)).padStart(8)} brotli`);
