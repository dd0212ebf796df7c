// What the selection benchmarks share: the chart page of a built dist opened in headless
// Chromium with the CPU slowed (trace-select, click-timeline, select-median, profile-select),
// and the select → paint measurement (those and bench/run.mjs).
import { serve, launch } from '../e2e/harness.mjs';

/** Opens `embed.html?view=chart` of `dir` at `width`×900 and waits for the live app (and its
 *  on-demand data unless `waitData` is false). `css` is added as a stylesheet (to try a change
 *  without a rebuild; the CSS environment variable by default).
 *  `settle` ms pass before the CPU is slowed by `rate`. Console errors are printed. */
export async function openChart(dir, {
  rate = 4, width = 1280, waitData = true, settle = 0,
  css = process.env.CSS,
} = {}) {
  const server = await serve(dir);
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
  await page.goto(`${server.origin}/embed.html?view=chart`);
  await page.locator(waitData ? '.fs[data-live]:not([data-data="pending"])' : '.fs[data-live]').waitFor();
  if (css) await page.addStyleTag({ content: css });
  if (settle) await page.waitForTimeout(settle);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { page, context, cdp, close: async () => { await browser.close(); await server.close(); } };
}

/** Clicks `n` different cells among the `buttons` (the table's by default; the
 *  `i * stride + first`th, so none twice in a row: clicking the selected cell again closes
 *  it); for each, the time from the click to the first paint after the panel shows that cell
 *  (a frame, then a task: the usual next-paint approximation), or, with `panel` false, to the
 *  first paint after the click. The panel is beside the table, or with `inDisclosure` in the
 *  clicked button's disclosure (the phone's accordion). `pause` ms between clicks. With
 *  `keepPanels`, the markup of the panel's box as it first showed each cell is left in the
 *  page (`window.__benchPanels`, [button index, markup] pairs) for takeSelectionsFromApp. */
export async function selectLatencies(page, n, {
  stride = 7, first = 3, pause = 300, panel = true,
  buttons = 'table.fs-matrix td button.fs-cell', inDisclosure = false, keepPanels = false,
} = {}) {
  return page.evaluate(async ({ n, stride, first, pause, panel, buttons: selector, inDisclosure, keepPanels }) => {
    const buttons = [...document.querySelectorAll(selector)];
    const out = [];
    const kept = [];
    for (let i = 0; i < n; i++) {
      const index = (i * stride + first) % buttons.length;
      const btn = buttons[index];
      const box = () => (inDisclosure ? btn.closest('details') : document.querySelector('.fs-side'));
      const panelTarget = () => box().querySelector('.fs-detail')?.getAttribute('data-target');
      const before = panelTarget();
      const t0 = performance.now();
      btn.click();
      // Wait for the panel to show the new cell (checked now, then on every DOM change),
      // then for the next paint.
      await new Promise((resolve) => {
        const painted = () => {
          if (keepPanels) kept.push([index, box().innerHTML]);
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = resolve;
            ch.port2.postMessage(0);
          });
        };
        if (!panel) return painted();
        const now = panelTarget();
        if (now && now !== before) return painted();
        const mo = new MutationObserver(() => {
          const t = panelTarget();
          if (t && t !== before) {
            mo.disconnect();
            painted();
          }
        });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      out.push(performance.now() - t0);
      // Let the previous selection's 0.12 s focus-ring transition finish: a reader's next
      // click comes to an idle page (while a transition runs, every frame waits for vsync
      // and the latency measures the frame clock, not the widget).
      await new Promise((r) => setTimeout(r, pause));
    }
    if (keepPanels) window.__benchPanels = kept;
    return out;
  }, { n, stride, first, pause, panel, buttons, inDisclosure, keepPanels });
}

/** Takes the table's selection away from the app, for a measurement of what the browser alone
 *  needs to show a selection (bench/select-floor.mjs, bench/run.mjs). It first lets the app
 *  select the `n` cells selectLatencies clicks (the same `stride` and `first`) and keeps the
 *  side panel's markup as the app first painted it for each (its head and first entries; a
 *  large cell's other entries come a frame later, `aria-busy` till then): that first paint is
 *  what select → paint waits for. Then it clears the selection, and from then on a
 *  capture-phase listener takes each click on those cells before the app sees it and shows the
 *  same result with plain DOM calls: the old and new button's aria-pressed and tabindex, and
 *  the kept markup in place of the old panel. No wasm runs and nothing is diffed; the app's
 *  view of its DOM is stale after this, so the page is for this measurement only. */
export async function takeSelectionsFromApp(page, n, { stride = 7, first = 3 } = {}) {
  await selectLatencies(page, n, { stride, first, pause: 0, keepPanels: true });
  await page.evaluate(async () => {
    const buttons = [...document.querySelectorAll('table.fs-matrix td button.fs-cell')];
    const side = document.querySelector('.fs-side');
    const panels = new Map(window.__benchPanels.map(([i, markup]) => [buttons[i], markup]));
    let pressed = buttons.find((b) => b.getAttribute('aria-pressed') === 'true');
    pressed.setAttribute('aria-pressed', 'false');
    side.replaceChildren();
    addEventListener('click', (e) => {
      const btn = e.target.closest?.('button.fs-cell');
      if (!panels.has(btn)) return;
      e.stopImmediatePropagation();
      e.preventDefault();
      pressed.setAttribute('aria-pressed', 'false');
      pressed.tabIndex = -1;
      btn.setAttribute('aria-pressed', 'true');
      btn.tabIndex = 0;
      pressed = btn;
      side.innerHTML = panels.get(btn);
    }, { capture: true });
    // Settled before the clicks: the address (the app writes it a frame after the panel's)
    // and the unpressed cell's ring (a 0.12 s transition, during which frames wait for vsync).
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})));
  });
}

/** Select → paint of `n` clicks with the browser's work alone: a fresh chart page of `dir`
 *  (with the stylesheet `css`, as openChart adds it), its selections taken from the app
 *  (takeSelectionsFromApp) unthrottled, then measured with the CPU slowed by `rate`. */
export async function domOnlyLatencies(dir, n, { rate = 4, css } = {}) {
  const { page, cdp, close } = await openChart(dir, { rate: 1, css });
  await takeSelectionsFromApp(page, n);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const lat = await selectLatencies(page, n);
  await close();
  return lat;
}

/** The median the selection scripts print (the upper middle of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** The complete events ('X') of the renderer's main thread in a Chrome trace (what
 *  Tracing.dataCollected gave): where the page's script, style, layout and paint run. The
 *  main thread is the CrRendererMain that ran a layout (the trace may hold other renderers). */
export function mainThreadEvents(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' &&
    events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'Layout'));
  return events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
}

/** Milliseconds spent per event name in `events` (nested events counted in their own name
 *  and in their parent's), divided by `per` (the clicks the trace holds). */
export function msByName(events, per = 1) {
  const out = {};
  for (const e of events) out[e.name] = (out[e.name] || 0) + (e.dur || 0) / 1000 / per;
  return out;
}
