// Shared helpers for the end-to-end tests: a static server for dist/ that logs every
// request, a Chromium launcher that never touches the network, and axe-core.
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Puts `snippet` first in an HTML document's <head> (or at its start). */
export function injectHead(html, snippet) {
  const m = /<head\b[^>]*>/i.exec(html);
  return m ? html.slice(0, m.index + m[0].length) + snippet + html.slice(m.index + m[0].length) : snippet + html;
}

/** Serves `dir` on 127.0.0.1 (a free port). `extraRoutes` maps a path to
 *  {body, type, headers} for test pages. Every request path is recorded. With
 *  `inject`, every HTML page served gets that snippet first in its <head> (the
 *  cross-browser tests put an error collector there). With `rewrite(text, path)`, every
 *  HTML, CSS and JavaScript file from `dir` is served as it returns (the old-engine test
 *  takes light-dark() out of the styles). With `hold(path)`, a request for a path it returns
 *  a promise for is answered once that promise settles (the engines without request
 *  interception hold the wasm back this way). With `headers(path)`, a file from `dir` is
 *  served with the headers it returns as well (a page's Content-Security-Policy). */
export async function serve(dir = DIST, extraRoutes = {}, { inject = null, rewrite = null, hold = null, headers = null } = {}) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname + url.search);
    await hold?.(url.pathname);
    const extra = extraRoutes[url.pathname];
    if (extra) {
      const type = extra.type || TYPES['.html'];
      res.writeHead(200, { 'content-type': type, ...(extra.headers || {}) });
      res.end(inject && type.startsWith('text/html') ? injectHead(String(extra.body), inject) : extra.body);
      return;
    }
    let file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(path.resolve(dir))) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    // CORS open like most static hosts (GitHub Pages, Netlify): a sandboxed iframe without
    // allow-same-origin has an opaque origin, and module scripts are fetched with CORS.
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'access-control-allow-origin': '*',
      ...(headers?.(url.pathname) || {}),
    });
    if (rewrite && ['.html', '.css', '.js'].includes(path.extname(file))) {
      const text = rewrite(fs.readFileSync(file, 'utf8'), url.pathname);
      res.end(inject && path.extname(file) === '.html' ? injectHead(text, inject) : text);
      return;
    }
    if (inject && path.extname(file) === '.html') {
      res.end(injectHead(fs.readFileSync(file, 'utf8'), inject));
      return;
    }
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((r) => server.close(r)),
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Records the console errors and uncaught exceptions of every page in `context` (a tab
 *  the page opens as well). */
function recordErrors(context) {
  const errors = [];
  context.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  context.on('weberror', (e) => errors.push(String(e.error())));
  return errors;
}

/** Opens a page that records console errors, uncaught exceptions (of every tab in its
 *  context) and every request URL. `init`, if given, runs in each document before its own
 *  scripts (`addInitScript`). */
export async function open(browser, url, { width = 1280, height = 900, colorScheme = 'light', javaScriptEnabled = true, init = null } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, javaScriptEnabled });
  if (init) await context.addInitScript(init);
  const errors = recordErrors(context);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, context, errors, requests };
}

/** Opens `url` in a new context whose wasm responses are held back until `release()`:
 *  the page shows the server-rendered markup and none of the app's code has run, so a
 *  test can tag server-rendered nodes first. Resolves once the page has asked for the
 *  wasm (its JS is running and would hydrate now if the wasm came). With `held`, the
 *  requests held are those matching it instead, and with `answer(route)`, they are
 *  answered so on release (a failed load). `init` and the errors: as in `open`. With
 *  `javaScriptEnabled: false`, the page without script (its wasm preload is the request). */
export async function openHeld(browser, url, {
  width = 1280, height = 900, colorScheme = 'light', javaScriptEnabled = true, init = null, held = '**/*.wasm', answer = (route) => route.continue(),
} = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, javaScriptEnabled });
  if (init) await context.addInitScript(init);
  let release;
  const gate = new Promise((r) => { release = r; });
  let asked;
  const requested = new Promise((r) => { asked = r; });
  await context.route(held, async (route) => {
    asked();
    await gate;
    await answer(route);
  });
  const errors = recordErrors(context);
  const page = await context.newPage();
  // Not 'load': the page preloads the wasm, and a held preload would hold the load event.
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await requested;
  return { page, context, errors, release: () => release() };
}

/** Slows the page's CPU `rate` times (Chromium), as on a low-end phone: the app's start-up
 *  then outlasts Yew's 16 ms slice, and Yew yields to the browser (a frame may paint)
 *  between hydration and the render that applies the deep link and the reader's taps. */
export async function slowCpu(page, rate = 6) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** Waits until the wasm app runs and its on-demand data (quiz, key points, timeline) has
 *  loaded or failed: `data-live` on its root (never in the prerendered markup, which has the
 *  same tabs) is set once the app's first render after mounting or hydrating is on the page,
 *  deep link and replayed taps applied, with `data-data`; that leaves "pending" once the
 *  data has settled. */
export async function appReady(page, root = page) {
  try {
    await root.locator('.fs[data-live]:not([data-data="pending"])').first().waitFor();
  } catch (e) {
    // Say what was there instead: no root, a root not yet live, or data still pending.
    const roots = await root.locator('.fs').evaluateAll((els) =>
      els.map((el) => `<div class="${el.className}" data-live=${el.getAttribute('data-live')} data-data=${el.getAttribute('data-data')}>`))
      .catch((why) => [`(could not read: ${why.message})`]);
    e.message += `\nroots found: ${roots.length ? roots.join(', ') : 'none'}`;
    throw e;
  }
}

/** The page's URL fragment once it is `want` (a string, or a RegExp it must match). The app
 *  writes the fragment after the next paint, so it trails a click by a frame: waits up to
 *  `timeout` ms, then returns what is there (for the caller's assertion to report). */
export async function hashOnceIs(page, want, timeout = 2000) {
  const src = want instanceof RegExp ? want.source : null;
  await page.waitForFunction(([w, re]) => (re ? new RegExp(re).test(location.hash) : location.hash === w), [want, src], { timeout })
    .catch(() => {});
  return page.evaluate(() => location.hash);
}

/** Runs axe-core at WCAG 2.2 AA on the page or frame (or an element in it) and returns the
 *  violations. axe sees only the document it runs in: audit a frame by passing the frame. */
export async function axe(page, selector = null) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (sel) => {
    const result = await window.axe.run(sel ? document.querySelector(sel) : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary),
    }));
  }, selector);
}

/** URLs in `requests` that go anywhere other than `origin`. */
export function foreign(requests, origin) {
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

/** In the page: the ancestors of the focused element that cut its focus ring (outline plus
 *  offset), each one that clips its content (paint containment, or overflow other than
 *  visible) with a padding box that does not hold the whole ring. Empty when the ring shows
 *  in full. Pass it to `evaluate` (any engine's driver). */
export function focusRingCut() {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  const grow = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
  const r = el.getBoundingClientRect();
  const ring = { left: r.left - grow, top: r.top - grow, right: r.right + grow, bottom: r.bottom + grow };
  const cut = [];
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    const c = getComputedStyle(a);
    const clips = /paint|strict|content/.test(c.contain) || c.overflowX !== 'visible' || c.overflowY !== 'visible';
    if (!clips) continue;
    const b = a.getBoundingClientRect();
    const box = {
      left: b.left + parseFloat(c.borderLeftWidth), top: b.top + parseFloat(c.borderTopWidth),
      right: b.right - parseFloat(c.borderRightWidth), bottom: b.bottom - parseFloat(c.borderBottomWidth),
    };
    // Half a pixel of slack for subpixel layout.
    if (ring.left < box.left - 0.5 || ring.top < box.top - 0.5 || ring.right > box.right + 0.5 || ring.bottom > box.bottom + 0.5) {
      cut.push(`${a.tagName.toLowerCase()}.${[...a.classList].join('.')}`);
    }
  }
  return cut;
}

/** `focusRingCut` on a Playwright page or frame. */
export const focusRingClippedBy = (root) => root.evaluate(focusRingCut);

/** How much of the focused element's focus ring shows on each side, as the share (0 to 1) of
 *  the pixels one pixel into the ring, along that side, that have the ring's colour: a ring
 *  covered by a neighbour (painted over it) scores low there. Chromium (Playwright pages). */
export async function focusRingShows(page) {
  const { rect, color, mid } = await page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return { rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, color: s.outlineColor,
      mid: parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth) / 2 };
  });
  // The pixels holding the middle of the ring's width (`mid` out from the element's edge,
  // which may fall between pixels), along each side, clear of the rounded corners.
  const at = (v) => Math.floor(v);
  const [x0, x1, y0, y1] = [Math.round(rect.left) + 8, Math.round(rect.right) - 8, Math.round(rect.top) + 8, Math.round(rect.bottom) - 8];
  const clips = {
    left: { x: at(rect.left - mid), y: y0, width: 1, height: y1 - y0 },
    right: { x: at(rect.right + mid), y: y0, width: 1, height: y1 - y0 },
    top: { x: x0, y: at(rect.top - mid), width: x1 - x0, height: 1 },
    bottom: { x: x0, y: at(rect.bottom + mid), width: x1 - x0, height: 1 },
  };
  const [r0, g0, b0] = color.match(/\d+/g).map(Number);
  const out = {};
  for (const [side, clip] of Object.entries(clips)) {
    const d = await screenshotPixels(page, clip);
    let hit = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) < 60) hit++;
    out[side] = hit / (d.length / 4);
  }
  return out;
}

/** How many dark pixels (text, in the light theme: R + G + B under `limit`) a clip of the
 *  page's screenshot holds. */
export async function ink(page, clip, limit = 384) {
  const d = await screenshotPixels(page, clip);
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < limit) n++;
  return n;
}

/** Resolves after the page's next two animation frames. */
export const twoFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** In the page (self-contained, for any engine's evaluate): "at the top" when the element
 *  (or the first matching the selector) is at the top of the screen, its `scroll-margin-top`
 *  below it, or as near as the page's end allows; "" otherwise. */
export function atTopOfScreen(elOrSelector) {
  const e = typeof elOrSelector === 'string' ? document.querySelector(elOrSelector) : elOrSelector;
  if (!e) return '';
  const top = e.getBoundingClientRect().top;
  const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
  const ok = top >= 0 && (Math.abs(top - parseFloat(getComputedStyle(e).scrollMarginTop)) <= 2 || (atEnd && top < innerHeight));
  return ok ? 'at the top' : '';
}

/** Asserts that `el`, opened from a link, comes to the top of the screen (atTopOfScreen)
 *  and is still there two frames later: the views render their parts only as they near the
 *  screen (content-visibility), with estimated heights until then, and those that render
 *  above it must not push it away. */
export async function landsAtTop(page, el, what) {
  const top = () => el.evaluate((e) => Math.round(e.getBoundingClientRect().top));
  for (let i = 0; !(await el.evaluate(atTopOfScreen)); i++) {
    if (i === 100) assert.fail(`${what} comes to the top of the screen (it is at ${await top()} px)`);
    await twoFrames(page);
  }
  await twoFrames(page);
  assert.equal(await el.evaluate(atTopOfScreen), 'at the top', `${what} stays at the top of the screen (it moved to ${await top()} px)`);
}

/** The RGBA values of a clip of the page's screenshot (decoded in the page, on a canvas). */
export async function screenshotPixels(page, clip) {
  const png = (await page.screenshot({ clip, animations: 'disabled' })).toString('base64');
  return page.evaluate(async (png) => {
    const img = new Image();
    await new Promise((r) => { img.onload = r; img.src = `data:image/png;base64,${png}`; });
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    return Array.from(g.getImageData(0, 0, c.width, c.height).data);
  }, png);
}
