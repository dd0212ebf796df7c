// Median select→paint (bench/run.mjs's method) on a dist, CPU slowed N times, 15 clicks.
// Env: CSS adds a stylesheet; DEFER_RS defers history.replaceState past the next paint.
import path from 'node:path';
import { serve, launch } from '../e2e/harness.mjs';
const dir = path.resolve(process.argv[2] || 'target/bench/dist-10x');
const rate = Number(process.argv[3] || 4);
const server = await serve(dir);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
if (process.env.DEFER_RS) await page.addInitScript(() => { const rs = history.replaceState.bind(history); history.replaceState = (...a) => { requestAnimationFrame(() => setTimeout(() => rs(...a), 0)); }; });
await page.goto(`${server.origin}/embed.html?view=chart`);
await page.locator('.fs[data-live]:not([data-data="pending"])').waitFor();
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate });
const lat = await page.evaluate(async (n) => {
  const buttons = [...document.querySelectorAll('table.fs-matrix td button.fs-cell')];
  const out = [];
  for (let i = 0; i < n; i++) {
    const btn = buttons[(i * 7 + 3) % buttons.length];
    const panelTarget = () => document.querySelector('.fs-side .fs-detail')?.getAttribute('data-target');
    const before = panelTarget();
    const t0 = performance.now();
    btn.click();
    await new Promise((resolve) => {
      const painted = () => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = resolve; ch.port2.postMessage(0); });
      const now = panelTarget();
      if (now && now !== before) return painted();
      const mo = new MutationObserver(() => { const t = panelTarget(); if (t && t !== before) { mo.disconnect(); painted(); } });
      mo.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 300));
  }
  return out;
}, 15);
const s = [...lat].sort((a, b) => a - b);
console.log(`median ${s[7].toFixed(1)} ms  (min ${s[0].toFixed(1)}, max ${s[14].toFixed(1)})  all: ${lat.map((x) => x.toFixed(0)).join(' ')}`);
await browser.close(); await server.close();
