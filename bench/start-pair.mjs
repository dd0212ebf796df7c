// Start-up of two builds compared paired: each run loads `embed.html?view=chart` from one
// dist, then from the other (alternating, so both see the same machine), in headless
// Chromium at `W` px wide (1280 by default), and records the first contentful paint, when the
// app went live (`data-live` set), when the document was parsed (DOMContentLoaded), the elements in the document at that
// moment, and the JS heap after a garbage collection once the on-demand data has settled.
// Prints the medians per build.
// Usage: node bench/start-pair.mjs <dist A> <dist B> [runs, 9]
// Env: W sets the viewport width.
import path from 'node:path';
import { serve, launch } from '../e2e/harness.mjs';

const dirs = process.argv.slice(2, 4).map((d) => path.resolve(d));
if (dirs.length !== 2) {
  console.error('usage: node bench/start-pair.mjs <dist A> <dist B> [runs]');
  process.exit(2);
}
const runs = Number(process.argv[4] || 9);
const width = Number(process.env.W || 1280);
const servers = await Promise.all(dirs.map((d) => serve(d)));
const browser = await launch();
const results = dirs.map(() => ({ fcp: [], live: [], dcl: [], elements: [], heap: [] }));
for (let r = 0; r < runs; r++) {
  for (const [i, server] of servers.entries()) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    // The moment `data-live` appears (a MutationObserver from DOMContentLoaded on).
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!window.__live && document.querySelector('.fs[data-live]')) {
          window.__live = performance.now();
          window.__elements = document.getElementsByTagName('*').length;
        }
      });
      document.addEventListener('DOMContentLoaded', () => {
        window.__dcl = performance.now();
        seen.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['data-live'] });
      });
    });
    await page.goto(`${server.origin}/embed.html?view=chart`);
    await page.locator('.fs[data-live]:not([data-data="pending"])').waitFor({ state: 'attached' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const m = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      live: window.__live, dcl: window.__dcl, elements: window.__elements,
    }));
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const out = results[i];
    out.fcp.push(m.fcp);
    out.live.push(m.live);
    out.dcl.push(m.dcl);
    out.elements.push(m.elements);
    out.heap.push(usedSize / 1048576);
    await page.close();
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(`${runs} runs each, ${width} px, alternating; medians:`);
for (const [i, dir] of dirs.entries()) {
  const r = results[i];
  const afterParse = r.live.map((l, j) => l - r.dcl[j]);
  console.log(`${dir}: first contentful paint ${median(r.fcp).toFixed(0)} ms, live ${median(r.live).toFixed(0)} ms, DOMContentLoaded ${median(r.dcl).toFixed(0)} ms, ` +
    `live - DOMContentLoaded ${median(afterParse).toFixed(0)} ms, ${median(r.elements)} elements when live, JS heap ${median(r.heap).toFixed(1)} MiB`);
}
await browser.close();
await Promise.all(servers.map((s) => s.close()));
