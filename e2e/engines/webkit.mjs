// WebKit (WebKitGTK, Safari's engine) driven by plain W3C WebDriver over fetch:
// Debian's WebKitWebDriver starts MiniBrowser, which has no headless mode, so the
// driver runs under xvfb-run. One driver per test file, one session (a fresh
// MiniBrowser, own storage) per page.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { collectedErrors, pollScript } from './collector.mjs';

export const name = 'webkit';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const KEY = {
  Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', Space: '\uE00D', Home: '\uE011', End: '\uE010',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015',
};

// The X screen: tall, so a whole page fits a screenshot. There is no window manager, so
// a window has the keyboard focus (and :focus, :focus-visible match in it) only while
// the X pointer, which rests at the screen's centre, is inside it: setViewport places
// every window over the centre.
const SCREEN = { width: 1600, height: 6400 };

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** Starts WebKitWebDriver under xvfb-run; resolves once it answers /status. */
async function startDriver() {
  // MiniBrowser's toolbar holds its window at >= 447 px wide: a private GTK theme
  // shrinks it to nothing, so the viewport can go down to phone widths.
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-webkit-'));
  fs.mkdirSync(path.join(config, 'gtk-3.0'));
  fs.writeFileSync(path.join(config, 'gtk-3.0', 'gtk.css'),
    '* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; border-width: 0; }\n');
  const port = await freePort();
  const driver = spawn('xvfb-run', ['-a', '-s', `-screen 0 ${SCREEN.width}x${SCREEN.height}x24`,
    process.env.WEBKIT_WEBDRIVER || 'WebKitWebDriver', `--port=${port}`], {
    detached: true, // its own process group: xvfb-run, Xvfb, the driver and MiniBrowser stop together
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: config },
  });
  let stderr = '';
  driver.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  const exited = new Promise((r) => driver.on('exit', r));
  const base = `http://127.0.0.1:${port}`;

  // If the test process dies without closing, the X server and browser go with it.
  const killAtExit = () => { try { process.kill(-driver.pid, 'SIGKILL'); } catch { /* gone */ } };
  process.on('exit', killAtExit);
  const stop = async () => {
    process.off('exit', killAtExit);
    try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    try { process.kill(-driver.pid, 'SIGKILL'); } catch { /* gone */ }
    fs.rmSync(config, { recursive: true, force: true });
  };

  // The driver is up when /status says so (xvfb-run first starts an X server).
  const end = Date.now() + 30000;
  for (;;) {
    try {
      const r = await fetch(base + '/status', { signal: AbortSignal.timeout(5000) });
      if (r.ok && (await r.json()).value.ready) break;
    } catch { /* not listening yet */ }
    if (driver.exitCode !== null || Date.now() > end) {
      await stop();
      throw new Error('webkit: WebKitWebDriver did not start: ' + stderr);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  /** The driver's processes (for a report when something hangs). */
  const processes = () => {
    try { return execFileSync('ps', ['-o', 'pid,stat,etimes,args', '-g', String(driver.pid)]).toString(); } catch { return ''; }
  };
  return { base, stop, stderr: () => stderr, processes };
}

const CAPABILITIES = { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { args: ['--automation'] } } } };

export async function launch() {
  let driver = await startDriver();
  let current = null; // the driver runs one session at a time
  let version = '';
  return {
    name,
    get version() { return version; },
    newPage: async ({ width = 1280, height = 900 } = {}) => {
      if (current) await current.close().catch(() => {});
      current = null;
      let s;
      try {
        s = await wd(driver.base, 'POST', '/session', CAPABILITIES, 30000);
      } catch (e) {
        // Seen once on a heavily loaded machine: a MiniBrowser that never came up. That
        // is the browser's start, not the page under test: start the driver afresh, once.
        process.stderr.write(`webkit: new session failed (${e.message}); restarting WebKitWebDriver. Its log: ${driver.stderr()}\n${driver.processes()}\n`);
        await driver.stop();
        driver = await startDriver();
        s = await wd(driver.base, 'POST', '/session', CAPABILITIES, 60000);
      }
      version = `${s.capabilities.browserName} ${s.capabilities.browserVersion}`;
      const page = (current = new WebKitPage(driver.base, s.sessionId));
      await page.setViewport(width, height);
      return page;
    },
    close: async () => {
      if (current) await current.close().catch(() => {});
      await driver.stop();
    },
  };
}

/** In the page: the viewport's size once it has stayed the same for three frames. */
function settledSize() {
  return new Promise((resolve) => {
    let last = '';
    let same = 0;
    const tick = () => {
      const now = innerWidth + 'x' + innerHeight;
      same = now === last ? same + 1 : 0;
      last = now;
      if (same >= 3) resolve([innerWidth, innerHeight]);
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

/** One W3C WebDriver command; none may hang the test run (60 s at most). */
async function wd(base, method, p, body, timeout = 60000) {
  const r = await fetch(base + p, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeout),
  });
  const j = await r.json();
  if (!r.ok) throw new Error(`webkit: ${method} ${p}: ${j.value?.error}: ${j.value?.message}`);
  return j.value;
}

class WebKitPage {
  constructor(base, id) {
    this.engine = name;
    this.base = base;
    this.id = id;
  }
  cmd(method, p, body) { return wd(this.base, method, `/session/${this.id}${p}`, body); }

  /** Runs `fn` (a function, or an expression's source) in the current frame. The
   *  driver waits for a returned promise. */
  evaluate(fn, ...args) {
    const script = typeof fn === 'string' ? `return ${fn};` : `return (${fn}).apply(null, arguments);`;
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  async waitFor(what, fn, ...args) {
    const end = Date.now() + 15000;
    for (;;) {
      const v = await this.evaluate(pollScript(fn.toString(), args));
      if (v) return v;
      if (Date.now() > end) throw new Error(`webkit: timed out waiting for ${what}`);
    }
  }

  /** WebDriver's element click: scrolls the element into view and clicks its centre
   *  with the mouse (refused if something else covers it). */
  async click(fn, ...args) {
    const el = await this.evaluate(fn, ...args);
    if (!el || !el[ELEMENT]) throw new Error('webkit: click: no element from ' + fn.toString());
    await this.cmd('POST', `/element/${el[ELEMENT]}/click`, {});
  }

  async press(key) {
    const value = KEY[key] ?? key;
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
    });
    await this.cmd('DELETE', '/actions');
  }

  async inFrame(selector, body) {
    const el = await this.evaluate((s) => document.querySelector(s), selector);
    await this.cmd('POST', '/frame', { id: el });
    try {
      return await body(this);
    } finally {
      await this.cmd('POST', '/frame/parent', {});
    }
  }

  async goto(url) { await this.cmd('POST', '/url', { url }); }

  /** Sizes the window so that the viewport (innerWidth × innerHeight) is width × height,
   *  placed over the screen's centre (see SCREEN). */
  async setViewport(width, height) {
    let w = width;
    let h = height;
    for (let i = 0; i < 5; i++) {
      const x = Math.max(0, Math.floor((SCREEN.width - w) / 2));
      const y = Math.max(0, Math.floor((SCREEN.height - h) / 2));
      await this.cmd('POST', '/window/rect', { x, y, width: w, height: h });
      // The view may follow the window a frame or two later: read it once it has settled.
      const [iw, ih] = await this.evaluate(settledSize);
      if (iw === width && ih === height) return;
      w += width - iw;
      h += height - ih;
    }
    const [iw, ih] = await this.evaluate(settledSize);
    throw new Error(`webkit: asked for a ${width}×${height} viewport, got ${iw}×${ih}`);
  }

  /** WebKit's driver has no network log: the requests the page and its same-origin
   *  frames made, from Resource Timing (plus each document's own address). */
  requests() {
    return this.evaluate(() => {
      const out = [];
      const walk = (w) => {
        try {
          const doc = w.location.href.replace(/#.*/, '');
          out.push(doc, ...w.performance.getEntriesByType('resource').map((e) => e.name));
          for (let i = 0; i < w.frames.length; i++) walk(w.frames[i]);
        } catch { /* cross-origin */ }
      };
      walk(window);
      return out;
    });
  }

  errors() { return this.evaluate(collectedErrors); }

  /** A PNG of the viewport; with fullPage the window grows to the document's height first. */
  async screenshot(file, { fullPage = true } = {}) {
    let restore = null;
    if (fullPage) {
      // Grow the window to the document (which may grow with it: 100vh boxes), from the top.
      for (let i = 0; i < 3; i++) {
        const [w, h, doc] = await this.evaluate(() => [innerWidth, innerHeight, document.documentElement.scrollHeight]);
        if (doc <= h || h >= 6000) break;
        restore ??= [w, h];
        await this.setViewport(w, Math.min(doc, 6000));
      }
      await this.evaluate(() => scrollTo(0, 0));
    }
    fs.writeFileSync(file, Buffer.from(await this.cmd('GET', '/screenshot'), 'base64'));
    if (restore) await this.setViewport(...restore);
  }

  /** A PNG of the element `fn` returns (scrolled into view). */
  async screenshotOf(file, fn, ...args) {
    const el = await this.evaluate(fn, ...args);
    fs.writeFileSync(file, Buffer.from(await this.cmd('GET', `/element/${el[ELEMENT]}/screenshot`), 'base64'));
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.cmd('DELETE', '');
  }
}
