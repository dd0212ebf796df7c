// One click at 10x, 4x CPU: the renderer main thread's top-level tasks, in order, from the click
// to the bench's "painted" signal (the panel changed, then rAF, then a message).
import path from 'node:path';
import { openChart, mainThreadEvents, msByName } from './select.mjs';
const dir = path.resolve(process.argv[2] || 'target/bench/dist-10x');
const { page, cdp, close } = await openChart(dir, { settle: 500 });
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,toplevel', transferMode: 'ReportEvents' });
const N = Number(process.env.N || 3);
for (let k = 0; k < N; k++) {
  await page.evaluate(async (k) => {
    const buttons = [...document.querySelectorAll('table.fs-matrix td button.fs-cell')];
    const btn = buttons[(k * 37 + 3) % buttons.length];
    const panelTarget = () => document.querySelector('.fs-side .fs-detail')?.getAttribute('data-target');
    const before = panelTarget();
    performance.mark('t0-' + k);
    btn.click();
    await new Promise((resolve) => {
      const painted = () => { performance.mark('changed-' + k); requestAnimationFrame(() => { performance.mark('raf-' + k); const ch = new MessageChannel(); ch.port1.onmessage = () => { performance.mark('end-' + k); resolve(); }; ch.port2.postMessage(0); }); };
      const now = panelTarget();
      if (now && now !== before) return painted();
      const mo = new MutationObserver(() => { const t = panelTarget(); if (t && t !== before) { mo.disconnect(); painted(); } });
      mo.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await new Promise((r) => setTimeout(r, 400));
  }, k);
}
await cdp.send('Tracing.end');
await done;
const marks = Object.fromEntries(events.filter((e) => e.cat.includes('user_timing') && /^(t0|changed|raf|end)-/.test(e.name)).map((e) => [e.name, e.ts]));
const main = mainThreadEvents(events);
const sums = { Paint: [], Layout: [], js: [], end: [] };
for (let k = 0; k < N; k++) {
  const t0 = marks['t0-' + k], t1 = marks['end-' + k];
  console.log(`click ${k}: changed +${((marks['changed-' + k] - t0) / 1000).toFixed(1)}, raf +${((marks['raf-' + k] - t0) / 1000).toFixed(1)}, end +${((t1 - t0) / 1000).toFixed(1)} ms`);
  const top = main.filter((e) => e.ts >= t0 - 500 && e.ts <= t1 && e.dur > 500).sort((a, b) => a.ts - b.ts);
  const ms = msByName(top);
  sums.end.push((t1 - t0) / 1000);
  sums.Paint.push(ms.Paint || 0);
  sums.Layout.push(ms.Layout || 0);
  // The wasm's calls: functions of the wasm-bindgen glue (widget.js), whatever the minifier named them.
  sums.js.push(msByName(top.filter((e) => e.name === 'FunctionCall' && /\/widget\.js/.test(e.args?.data?.url || ''))).FunctionCall || 0);
  if (process.env.QUIET) continue;
  for (const e of top) {
    const d = e.args?.data || {};
    console.log(`   +${((e.ts - t0) / 1000).toFixed(1).padStart(6)}  ${(e.dur / 1000).toFixed(1).padStart(6)} ms  ${e.name} ${d.type || d.functionName || ''}`);
  }
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1].toFixed(1);
console.log(`medians over ${N} clicks: end ${med(sums.end)}, Paint ${med(sums.Paint)}, Layout ${med(sums.Layout)}, wasm calls ${med(sums.js)} ms`);
await close();
