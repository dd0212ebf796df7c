#!/usr/bin/env node
// Lighthouse 12 (Debian's Chromium, headless) on dist/index.html and dist/embed.html,
// served brotli from 127.0.0.1. Prints the performance, accessibility and
// best-practices scores (median of RUNS runs each, default 3) as a Markdown table and
// appends it to --out if given.
// Usage: node bench/lighthouse.mjs --dist dist [--runs 3] [--out bench/results.md]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DIST = path.resolve(ROOT, arg('dist', 'dist'));
const RUNS = Number(arg('runs', 3));
const OUT = arg('out') ? path.resolve(ROOT, arg('out')) : null;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.png': 'image/png', '.svg': 'image/svg+xml' };

const cache = new Map();
const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.join(DIST, p);
  if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  if (!cache.has(file)) cache.set(file, zlib.brotliCompressSync(fs.readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'content-encoding': 'br', 'cache-control': 'max-age=31536000' });
  res.end(cache.get(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const rows = [];
let version = '';
for (const page of ['index.html', 'embed.html']) {
  const scores = { performance: [], accessibility: [], 'best-practices': [] };
  const metrics = { fcp: [], lcp: [], tbt: [], cls: [] };
  for (let i = 0; i < RUNS; i++) {
    const r = await lighthouse(`${origin}/${page}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(scores),
    });
    version = r.lhr.lighthouseVersion;
    for (const k of Object.keys(scores)) scores[k].push(Math.round(r.lhr.categories[k].score * 100));
    metrics.fcp.push(r.lhr.audits['first-contentful-paint'].numericValue);
    metrics.lcp.push(r.lhr.audits['largest-contentful-paint'].numericValue);
    metrics.tbt.push(r.lhr.audits['total-blocking-time'].numericValue);
    metrics.cls.push(r.lhr.audits['cumulative-layout-shift'].numericValue);
    const failing = Object.values(r.lhr.audits).filter((a) => a.score !== null && a.score < 1 && ['accessibility', 'best-practices'].some((c) => r.lhr.categories[c].auditRefs.some((ref) => ref.id === a.id)));
    if (i === 0 && failing.length) console.error(`${page}: audits below 1: ${failing.map((a) => a.id).join(', ')}`);
  }
  rows.push(`| ${page} | ${median(scores.performance)} | ${median(scores.accessibility)} | ${median(scores['best-practices'])} | ${median(metrics.fcp).toFixed(0)} | ${median(metrics.lcp).toFixed(0)} | ${median(metrics.tbt).toFixed(0)} | ${median(metrics.cls).toFixed(3)} |`);
}
await chrome.kill();
server.close();

const text = [
  `### Lighthouse ${version} (mobile defaults: simulated slow 4G and 4x CPU), median of ${RUNS} runs`,
  '',
  '| page | performance | accessibility | best practices | FCP (ms) | LCP (ms) | TBT (ms) | CLS |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
].join('\n');
console.log(text);
if (OUT) fs.appendFileSync(OUT, '\n' + text);
