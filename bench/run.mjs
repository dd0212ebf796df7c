#!/usr/bin/env node
// The benchmark behind `make bench`. It serves a built dist/ on 127.0.0.1 (brotli-encoded,
// like a production static host) and loads three pages in headless Chromium, alternating,
// RUNS times each:
//   widget  embed.html, chart view (prerendered, then hydrated)
//   floor   the same prerendered HTML and CSS with every script removed (the static floor)
//   csr     embed.html with the prerendered markup removed (pure client-side rendering)
// For each it reports medians of: bytes transferred (the first load: everything but the
// on-demand data.json, which the widget fetches when the page is idle; that is counted
// apart), first contentful paint, time until the chart table is visible, time until
// interactive (a click on a cell, repeated every frame, opens its panel), cell-select-to-
// paint latency (unthrottled and at 4x CPU throttling; on loopback also with the app's work
// taken out, the browser's floor), JS heap + wasm memory; and, in
// separate loads of the widget, "tap at first paint": ONE click on a cell at the first
// frame after the chart is painted, the time until the tap shows (the cell's selection ring
// painted: the boot script's before the app runs) and until its panel is painted (a tap the
// page loses counts as lost).
//
// Usage: node bench/run.mjs --dist dist [--dist3 dist-3x] [--dist10 dist-10x] [--runs 15] [--out bench/results.md]
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg('runs', 15));
const DIST = path.resolve(ROOT, arg('dist', 'dist'));
const DIST10 = arg('dist10') ? path.resolve(ROOT, arg('dist10')) : null;
const DIST3 = arg('dist3') ? path.resolve(ROOT, arg('dist3')) : null;
const OUT = arg('out') ? path.resolve(ROOT, arg('out')) : null;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
import { PRERENDER_START, PRERENDER_END, rootMarkup } from '../scripts/dist.mjs';
import { report as sizeReport } from '../scripts/size.mjs';
import { selectLatencies, takeSelectionsFromApp } from './select.mjs';

// ---------------------------------------------------------------------------
// Pages

function variants(dist) {
  const embed = fs.readFileSync(path.join(dist, 'embed.html'), 'utf8');
  if (!embed.includes(PRERENDER_START)) throw new Error(`${dist}/embed.html has no prerendered markup`);
  const floor = embed
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link[^>]+rel="(?:modulepreload|preload)"[^>]*>/g, '');
  // The prerendered root and the boot script after it become an empty root.
  const csr = embed.replace(
    new RegExp(`${PRERENDER_START}[\\s\\S]*?${PRERENDER_END}\\n<script>[\\s\\S]*?</script>`),
    () => rootMarkup('embed'),
  );
  if (csr === embed) throw new Error('could not strip the prerendered markup');
  return { widget: embed, floor, csr };
}

// ---------------------------------------------------------------------------
// A static server that serves brotli like a production host, counting nothing itself:
// transferred bytes come from Chromium (encodedDataLength).

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png' };

function brotli(buf) {
  return zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
}

async function serve(dist, pages) {
  const cache = new Map();
  const get = (p) => {
    if (!cache.has(p)) {
      const body = pages[p] != null ? Buffer.from(pages[p]) : fs.readFileSync(path.join(dist, p));
      cache.set(p, { body, br: brotli(body) });
    }
    return cache.get(p);
  };
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    let entry;
    try {
      entry = get(p);
    } catch {
      res.writeHead(404).end();
      return;
    }
    const useBr = /\bbr\b/.test(req.headers['accept-encoding'] || '');
    res.writeHead(200, {
      'content-type': TYPES[path.extname(p)] || 'application/octet-stream',
      'cache-control': 'no-store',
      ...(useBr ? { 'content-encoding': 'br' } : {}),
    });
    res.end(useBr ? entry.br : entry.body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

// ---------------------------------------------------------------------------
// In-page instrumentation, installed before any page script runs.

const INIT = (mode) => {
  const m = (window.__bench = { tableVisible: null, interactive: null, tapAt: null, tapShown: null, tapPainted: null, wasmMemory: [] });
  // Capture wasm memories to report their size.
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const result = await orig.apply(this, args);
      const inst = result.instance || result;
      if (inst.exports && inst.exports.memory) m.wasmMemory.push(inst.exports.memory);
      return result;
    };
  }
  // The chart's caption carries elementtiming="fs-chart": its paint time is when the
  // table is first on screen (Element Timing reports the real paint, server-rendered or not).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.identifier === 'fs-chart' && m.tableVisible === null) m.tableVisible = e.renderTime || e.loadTime;
    }
  }).observe({ type: 'element', buffered: true });
  // "tap": one click on a cell at the first frame after the chart's paint is reported,
  // then the time until the cell shows it (its ring: the boot script's mark, or pressed)
  // and until its panel is on screen (each a frame, then a task, as below).
  if (mode === 'tap') {
    const afterPaint = (key) => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { m[key] = performance.now(); };
      ch.port2.postMessage(0);
    });
    let btn = null;
    let shown = false;
    const tap = () => {
      if (m.tapAt === null) {
        btn = document.querySelector('table.fs-matrix td button.fs-cell');
        if (btn && m.tableVisible !== null) {
          m.tapAt = performance.now();
          btn.click();
        }
      } else {
        if (!shown && (btn.hasAttribute('data-tapped') || btn.getAttribute('aria-pressed') === 'true')) {
          shown = true;
          afterPaint('tapShown');
        }
        if (document.querySelector('.fs-side .fs-detail')) {
          afterPaint('tapPainted');
          return;
        }
      }
      requestAnimationFrame(tap);
    };
    requestAnimationFrame(tap);
    return;
  }
  // Every frame, once a cell button exists: click it, and note the first frame where its
  // detail panel is present (hydrated and responding).
  const frame = () => {
    const now = performance.now();
    if (m.interactive === null) {
      if (document.querySelector('.fs-side .fs-detail')) {
        m.interactive = now;
      } else {
        const btn = document.querySelector('table.fs-matrix td button.fs-cell');
        if (btn) btn.click();
      }
    }
    if (m.interactive === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

/** Network conditions: loopback as is, and Lighthouse's "slow 4G" (150 ms RTT, 1.6 Mbps). */
const NETWORKS = {
  loopback: null,
  'slow 4G': { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};

async function measure(browser, url, kind, network, mode = 'interactive') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (NETWORKS[network]) await cdp.send('Network.emulateNetworkConditions', NETWORKS[network]);
  await cdp.send('Performance.enable');
  let bytes = 0;
  let dataBytes = 0;
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    if (/\/data\.json(\?|$)/.test(urls.get(e.requestId) || '')) dataBytes += e.encodedDataLength;
    else bytes += e.encodedDataLength;
  });
  await page.addInitScript(INIT, mode);
  await page.goto(url, { waitUntil: 'load' });
  if (mode === 'tap') {
    // The tap's panel, or the app running for 3 s without it (the tap was lost).
    await page.waitForFunction(() => window.__bench.tapPainted !== null || document.querySelector('.fs[data-live]'), null, { timeout: 30000 });
    const painted = await page.waitForFunction(() => window.__bench.tapPainted !== null, null, { timeout: 3000 }).then(() => true, () => false);
    const r = await page.evaluate(() => window.__bench);
    await context.close();
    return { tap: painted ? r.tapPainted - r.tapAt : null, tapShown: r.tapShown === null ? null : r.tapShown - r.tapAt, tapLost: !painted };
  }
  const interactive = kind !== 'floor';
  if (interactive) await page.waitForFunction(() => window.__bench.interactive !== null, null, { timeout: 30000 });
  await page.waitForFunction(() => window.__bench.tableVisible !== null, null, { timeout: 30000 });
  // Let the last responses finish before reading the byte count.
  await page.waitForLoadState('networkidle');
  const r = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const b = window.__bench;
    return {
      fcp: fcp ? fcp.startTime : null,
      tableVisible: b.tableVisible,
      interactive: b.interactive,
      wasmBytes: b.wasmMemory.reduce((a, mem) => a + mem.buffer.byteLength, 0),
    };
  });
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  r.memory = metrics.JSHeapUsedSize + r.wasmBytes;
  r.bytes = bytes;
  r.dataBytes = dataBytes;
  if (interactive) {
    r.select = median(await selectLatencies(page, 9));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    r.select4x = median(await selectLatencies(page, 9));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (!NETWORKS[network] && kind === 'widget') {
      // A layer's and a tool's header (the row and column summaries), 4x CPU.
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      r.rowHead4x = median(await selectLatencies(page, 9, { buttons: HEADS.row }));
      r.colHead4x = median(await selectLatencies(page, 9, { buttons: HEADS.column }));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      // The same clicks with the app's work taken out (the browser's floor), last: the app
      // cannot patch its DOM after this.
      await takeSelectionsFromApp(page, 9);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      r.domSelect4x = median(await selectLatencies(page, 9));
    }
  }
  await context.close();
  return r;
}

/** The matrix's header buttons: a layer's (its row summary) and a tool's (its column's). */
const HEADS = { row: 'table.fs-matrix tbody th button.fs-head', column: 'table.fs-matrix thead button.fs-head' };

// ---------------------------------------------------------------------------

function median(xs) {
  const v = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

async function suite(browser, dist, label, network, { tap = true } = {}) {
  const pages = variants(dist);
  const server = await serve(dist, { 'bench-widget.html': pages.widget, 'bench-floor.html': pages.floor, 'bench-csr.html': pages.csr });
  const results = { widget: [], floor: [], csr: [] };
  // Warm-up (not recorded): first launch of each page pays one-off browser costs.
  for (const kind of Object.keys(results)) await measure(browser, `${server.origin}/bench-${kind}.html`, kind, network);
  const taps = [];
  for (let i = 0; i < RUNS; i++) {
    for (const kind of Object.keys(results)) {
      results[kind].push(await measure(browser, `${server.origin}/bench-${kind}.html`, kind, network));
    }
    if (tap) taps.push(await measure(browser, `${server.origin}/bench-widget.html`, 'widget', network, 'tap'));
    process.stderr.write(`\r${label}, ${network}: run ${i + 1}/${RUNS}`);
  }
  process.stderr.write('\n');
  await server.close();
  const med = {};
  for (const [kind, rs] of Object.entries(results)) {
    med[kind] = Object.fromEntries(
      ['bytes', 'dataBytes', 'fcp', 'tableVisible', 'interactive', 'select', 'select4x', 'domSelect4x', 'rowHead4x', 'colHead4x', 'memory'].map((k) => [k, median(rs.map((r) => r[k]))]),
    );
  }
  if (tap) {
    const shown = taps.map((t) => t.tapShown).filter((x) => x !== null);
    med.tap = {
      median: median(taps.map((t) => t.tap)),
      shown: shown.length ? median(shown) : null,
      shownIn: shown.length,
      lost: taps.filter((t) => t.tapLost).length,
      runs: taps.length,
    };
  }
  return med;
}

function fmt(kind, m) {
  const ms = (x) => (x == null ? '—' : x.toFixed(1));
  const data = m.dataBytes ? (m.dataBytes / 1024).toFixed(1) : '—';
  return `| ${kind} | ${(m.bytes / 1024).toFixed(1)} | ${data} | ${ms(m.fcp)} | ${ms(m.tableVisible)} | ${ms(m.interactive)} | ${ms(m.select)} | ${ms(m.select4x)} | ${(m.memory / 1048576).toFixed(2)} |`;
}

function table(title, med) {
  const w = med.widget, f = med.floor, c = med.csr;
  const ratio = (a, b) => (a != null && b ? (a / b).toFixed(2) : '—');
  return [
    `### ${title}`,
    '',
    '| page | first load (KiB, brotli) | + data.json at idle (KiB) | FCP (ms) | table visible (ms) | interactive (ms) | select→paint (ms) | select→paint 4x CPU (ms) | JS heap + wasm (MiB) |',
    '|---|---|---|---|---|---|---|---|---|',
    fmt('widget (embed.html, chart)', w),
    fmt('static floor (no scripts)', f),
    fmt('widget without prerendering (CSR)', c),
    '',
    `Ratios: widget/floor bytes ${ratio(w.bytes, f.bytes)}, FCP ${ratio(w.fcp, f.fcp)}, table visible ${ratio(w.tableVisible, f.tableVisible)}; ` +
      `widget interactive / floor FCP ${ratio(w.interactive, f.fcp)}; CSR/widget FCP ${ratio(c.fcp, w.fcp)}, table visible ${ratio(c.tableVisible, w.tableVisible)}.`,
    '',
    ...(w.rowHead4x != null ? [`A header's summary, select → paint at 4x CPU (its first cells; the rest follow in the next frame): a layer's row ${w.rowHead4x.toFixed(1)} ms, a tool's column ${w.colHead4x.toFixed(1)} ms.`, ''] : []),
    ...(w.domSelect4x != null ? [`Select → paint with the DOM work alone, 4x CPU (the same clicks on the widget's page, taken from the app and shown by plain DOM calls with the panel markup the app rendered: no wasm, no diff; \`bench/select-floor.mjs\`): ${w.domSelect4x.toFixed(1)} ms, against the widget's ${w.select4x.toFixed(1)} ms.`, ''] : []),
    ...(med.tap ? [`Tap at first paint → panel painted (widget, one click at the first frame after the chart's paint): median ${med.tap.median == null ? '—' : med.tap.median.toFixed(1) + ' ms'} over the ${med.tap.runs - med.tap.lost} runs where the panel came; the tap was lost in ${med.tap.lost} of ${med.tap.runs} runs. The tap shown (the cell's selection ring painted): median ${med.tap.shown == null ? '—' : med.tap.shown.toFixed(1) + ' ms'}, in ${med.tap.shownIn} of ${med.tap.runs} runs.`, ''] : []),
  ].join('\n');
}

/** Bytes each page loads (from scripts/size.mjs), real and 10x content. */
function sizeTable() {
  const kib = (n) => (n / 1024).toFixed(1);
  const rows = [];
  for (const [label, dir] of [['real', DIST], ['3x', DIST3], ['10x', DIST10]]) {
    if (!dir) continue;
    const r = sizeReport(dir);
    for (const page of ['embed.html', 'index.html', 'full-stack.html']) {
      const p = r.pages[page];
      if (p) rows.push(`| ${label} | ${page} + what it loads | ${kib(p.raw)} | ${kib(p.gzip)} | ${kib(p.brotli)} |`);
    }
    const w = r.files['widget_bg.wasm'];
    rows.push(`| ${label} | widget_bg.wasm alone | ${kib(w.raw)} | ${kib(w.gzip)} | ${kib(w.brotli)} |`);
  }
  return ['### Sizes (KiB)', '', '| content | what | raw | gzip -9 | brotli q11 |', '|---|---|---|---|---|', ...rows, ''].join('\n');
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});
const chromiumVersion = browser.version();
const sections = [];
for (const network of Object.keys(NETWORKS)) {
  sections.push([`Real content, ${network}`, await suite(browser, DIST, 'content x1', network)]);
  // 3x: the middle of the scaling curve, on loopback only.
  if (DIST3 && network === 'loopback') sections.push([`3x content (synthetic), ${network}`, await suite(browser, DIST3, 'content x3', network, { tap: false })]);
  if (DIST10) sections.push([`10x content (synthetic layers, tools, cells, questions), ${network}`, await suite(browser, DIST10, 'content x10', network, { tap: false })]);
}
await browser.close();

/** The scaling curve: the widget at each content size, loopback, from the tables above. */
function curveTable() {
  const ms = (x) => (x == null ? '—' : x.toFixed(1));
  const rows = sections.filter(([title]) => title.endsWith('loopback')).map(([title, med]) => {
    const w = med.widget;
    return `| ${title.split(' ')[0]} | ${(w.bytes / 1024).toFixed(1)} | ${ms(w.fcp)} | ${ms(w.interactive)} | ${ms(w.select4x)} | ${ms(w.rowHead4x)} | ${ms(w.colHead4x)} | ${(w.memory / 1048576).toFixed(2)} |`;
  });
  return ['### Scaling curve (the widget, loopback)', '',
    '| content | first load (KiB, brotli) | FCP (ms) | interactive (ms) | cell select → paint, 4x CPU (ms) | layer header (ms) | tool header (ms) | JS heap + wasm (MiB) |',
    '|---|---|---|---|---|---|---|---|', ...rows, ''].join('\n');
}

const cpu = os.cpus()[0]?.model || 'unknown CPU';
const lines = [
  `## Benchmark, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}; Chromium ${chromiumVersion} headless; Node ${process.version}.`,
  `Command: \`${process.env.BENCH_COMMAND || 'node bench/run.mjs ' + process.argv.slice(2).join(' ')}\`; ${RUNS} runs per page, alternating, medians; served brotli q11 from 127.0.0.1, cache disabled, 1280x900; "slow 4G" is Chromium's network emulation at 150 ms RTT and 1.6 Mbps down.`,
  '',
  sizeTable(),
  curveTable(),
  ...sections.map(([title, med]) => table(title, med)),
];
const text = lines.join('\n');
console.log(text);
if (OUT) fs.writeFileSync(OUT, text + '\n');
