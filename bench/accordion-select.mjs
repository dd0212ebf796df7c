// Select → paint on a phone: the chart's accordion at 375 px, CPU slowed N times. Opens five
// layers' disclosures (the 1st, 4th, 7th, 10th and 13th, those that exist), then clicks 10
// cells: among those five layers ("across layers": each click moves the selection to another
// disclosure), or with SAME=1 within the 4th layer only. Prints the median from the click to
// the first paint after the panel shows the cell (bench/select.mjs's selectLatencies), and with
// TRACE=1 the main thread's time per click by task (wasm calls, layout, pre-paint, paint).
// Usage: node bench/accordion-select.mjs [dist, dist] [CPU slowdown, 4]
// Env: CSS adds a stylesheet (to compare a rule paired, on one build); SAME, TRACE.
import path from 'node:path';
import { openChart, selectLatencies, mainThreadEvents, msByName } from './select.mjs';

const dir = path.resolve(process.argv[2] || 'dist');
const { page, cdp, close } = await openChart(dir, { rate: Number(process.argv[3] || 4), width: 375, settle: 500 });
// The buttons to click, marked: the tools' buttons (the first in a disclosure is the
// layer's summary), five in each of those layers, or all in the 4th with SAME.
const same = !!process.env.SAME;
await page.evaluate(async (same) => {
  const all = [...document.querySelectorAll('.fs-accordion details.fs-acc-layer:not(.fs-acc-tools-all)')];
  const open = [0, 3, 6, 9, 12].filter((i) => i < all.length);
  for (const i of open) {
    all[i].querySelector('summary').click();
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const i of same ? [open[1]] : open) {
    for (const b of [...all[i].querySelectorAll('button.fs-acc-btn')].slice(1, same ? undefined : 6)) b.dataset.bench = '';
  }
}, same);
const events = [];
const trace = !!process.env.TRACE;
if (trace) {
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel', transferMode: 'ReportEvents' });
}
const n = 10;
const lat = await selectLatencies(page, n, { buttons: 'button[data-bench]', inDisclosure: true, first: 2 });
const sorted = [...lat].sort((a, b) => a - b);
console.log(`${same ? 'within one layer' : 'across layers'}: median ${sorted[n / 2].toFixed(1)} ms  all: ${lat.map((x) => x.toFixed(0)).join(' ')}`);
if (trace) {
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const sums = msByName(mainThreadEvents(events), n);
  for (const k of ['FunctionCall', 'Layout', 'PrePaint', 'Paint', 'Layerize']) console.log(`  ${k.padEnd(12)} ${(sums[k] || 0).toFixed(1)} ms per click`);
}
await close();
