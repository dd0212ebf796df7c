#!/usr/bin/env node
// Prints the raw, gzip (-9) and brotli (q11) size of every file in dist/, and the
// total for each page plus everything it loads. `make size` runs it after `make dist`.
// Usage: node scripts/size.mjs [distDir] [--json]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const DIST = path.resolve(args.find((a) => !a.startsWith('--')) || path.join(ROOT, 'dist'));
const asJson = args.includes('--json');

export function sizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name.startsWith('.') ? [] : walk(p);
    return [p];
  });
}

/** Local files a page loads: href/src attributes, JS imports of ./x.js and ./x.wasm, and
 *  the same for every JS file it loads (followed transitively). */
export function pageAssets(dist, page) {
  const seen = new Set([page]);
  const queue = [page];
  while (queue.length) {
    const file = queue.shift();
    const text = fs.readFileSync(path.join(dist, file), 'utf8');
    const refs = [
      ...text.matchAll(/(?:href|src)="([^"#?]+)[^"]*"/g),
      ...text.matchAll(/['"](\.\/[\w./-]+\.(?:js|wasm|css))['"]/g),
    ].map((m) => m[1]);
    for (const ref of refs) {
      if (/^(https?:|data:|mailto:|#)/.test(ref) || ref.startsWith('//')) continue;
      const rel = path.normalize(path.join(path.dirname(file), ref));
      if (seen.has(rel) || !fs.existsSync(path.join(dist, rel)) || rel.endsWith('.html')) continue;
      if (/\.(png|svg|csv)$/.test(rel)) continue; // images and downloads are not loaded to show the widget
      seen.add(rel);
      queue.push(rel);
    }
  }
  return [...seen];
}

export function report(dist = DIST) {
  const files = walk(dist).map((p) => path.relative(dist, p)).sort();
  const table = Object.fromEntries(files.map((f) => [f, sizes(fs.readFileSync(path.join(dist, f)))]));
  const pages = {};
  for (const page of files.filter((f) => f.endsWith('.html') && !f.includes('/'))) {
    const assets = pageAssets(dist, page);
    const sum = (k) => assets.reduce((a, f) => a + table[f][k], 0);
    pages[page] = { assets, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
  }
  return { files: table, pages };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!fs.existsSync(DIST)) {
    console.error(`size: ${DIST} does not exist; run make dist first`);
    process.exit(1);
  }
  const r = report(DIST);
  if (asJson) {
    console.log(JSON.stringify(r, null, 2));
  } else {
    const kb = (n) => (n / 1024).toFixed(1).padStart(8);
    console.log(`Sizes in ${path.relative(ROOT, DIST) || DIST} (KiB; gzip -9, brotli q11)`);
    console.log('file'.padEnd(34) + 'raw'.padStart(8) + 'gzip'.padStart(8) + 'brotli'.padStart(8));
    for (const [f, s] of Object.entries(r.files)) console.log(f.padEnd(34) + kb(s.raw) + kb(s.gzip) + kb(s.brotli));
    console.log('\npage + everything it loads');
    for (const [p, s] of Object.entries(r.pages)) {
      console.log(p.padEnd(34) + kb(s.raw) + kb(s.gzip) + kb(s.brotli) + `   (${s.assets.join(', ')})`);
    }
  }
}
