// Where select→paint goes: a Chrome trace of 5 cell clicks (CPU slowed N times), the renderer's
// main thread summed by trace event (script, style, layout, paint), with the largest paints and their area.
// Usage (after make bench): node bench/trace-select.mjs [dist folder] [CPU slowdown, 4] [key]
//   'key' presses Enter on a focused cell instead of clicking; CSS='...' adds a stylesheet
//   first (to try a change without a rebuild).
import path from 'node:path';
import { openChart, selectLatencies, mainThreadEvents, msByName } from './select.mjs';
const dir = path.resolve(process.argv[2] || 'target/bench/dist-10x');
const { page, cdp, close } = await openChart(dir, { rate: Number(process.argv[3] || 4), waitData: false });
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
const KEY = process.argv[4] === 'key';
const lat = KEY ? await (async () => {
  const out = [];
  const cells = page.locator('table.fs-matrix td button.fs-cell');
  const n = await cells.count();
  for (let i = 0; i < 5; i++) {
    const btn = cells.nth((i * 7 + 3) % n);
    await btn.focus();
    const t0 = Date.now();
    await page.keyboard.press('Enter');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); })));
    out.push(Date.now() - t0);
    await page.waitForTimeout(400);
  }
  return out;
})() : await selectLatencies(page, 5, { pause: 400, panel: false });
await cdp.send('Tracing.end');
await done;
const main = mainThreadEvents(events);
const perClick = msByName(main, 5);
const paints = main.filter((e) => e.name === 'Paint').map((e) => ({ dur: e.dur / 1000, clip: e.args?.data?.clip, node: e.args?.data?.nodeId, layer: e.args?.data?.layerId }));
paints.sort((a, b) => b.dur - a.dur);
console.log('paints:', paints.length, 'top:', JSON.stringify(paints.slice(0, 3)));
console.log('latencies (ms):', lat.map((x) => x.toFixed(1)).join(', '));
console.log('elements:', await page.evaluate(() => document.getElementsByTagName('*').length));
for (const [k, v] of Object.entries(perClick).sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(k.padEnd(36), v.toFixed(1), 'ms per click');
await close();
