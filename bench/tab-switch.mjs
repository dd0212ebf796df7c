// Tab switch → paint: each data view opened from the chart, a first and a second time, with
// the CPU slowed N times (it measured rendering the data views only when first shown, an
// idea not applied: bench/results.md). Usage: node bench/tab-switch.mjs [dist, dist] [CPU slowdown, 4]
import path from 'node:path';
import { openChart } from './select.mjs';
const dir = path.resolve(process.argv[2] || 'dist');
const { page, close } = await openChart(dir, { rate: Number(process.argv[3] || 4), settle: 300 });
const switchTo = (view) => page.evaluate(async (view) => {
  const tab = document.querySelector(`#fs-tab-${view}`);
  const t0 = performance.now();
  tab.click();
  await new Promise((resolve) => {
    const painted = () => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = resolve; ch.port2.postMessage(0); });
    const shown = () => !document.querySelector(`#fs-panel-${view}`).hidden;
    if (shown()) return painted();
    const mo = new MutationObserver(() => { if (shown()) { mo.disconnect(); painted(); } });
    mo.observe(document.querySelector('.fs'), { subtree: true, attributes: true, childList: true });
  });
  return performance.now() - t0;
}, view);
const rows = [];
for (const round of ['first', 'second']) {
  for (const view of ['points', 'quiz', 'timeline']) {
    const ms = await switchTo(view);
    await switchTo('chart');
    rows.push(`${round.padEnd(6)} ${view.padEnd(8)} ${ms.toFixed(1)} ms`);
  }
}
console.log(rows.join('\n'));
await close();
