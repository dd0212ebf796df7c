// Engines without CSS light-dark() (Safari before 17.5, so iOS 16 and 17.0-17.4; Firefox
// before 120) must keep the palette: distinct shades per tier and readable text, in the
// light and the dark theme.
//
// Simulated in Chromium by serving every stylesheet (the files, the single file's inline
// <style> and the custom element's CSS string) with `light-dark(` turned into a function
// no engine knows. That is what such an engine sees: an ordinary property holding it is
// dropped when parsed, a custom property keeps it and fails where it is used (a
// transparent background, black text), and `@supports (color: light-dark(...))` is false.
// The same pages are also read unmodified: the fallback must give exactly the colours
// light-dark() gives.
//
// OLD_ENGINE_DIST=<folder> runs it on another build (the one before the fallback, to see
// it fail).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady, DIST } from './harness.mjs';
import { hostPage, elementReady } from './embed-helpers.mjs';

const dir = process.env.OLD_ENGINE_DIST || DIST;
const TIERS = ['episode', 'report', 'outside', 'reconstruction'];
// The pages' subresource-integrity hashes go too: they would block the rewritten styles.
const old = (text) => text.replace(/light-dark\(/g, 'x-light-dark(').replace(/\s+integrity="[^"]*"/g, '');

const ROUTES = {
  // full-stack.html names no icon (it is meant for file://): the browser asks for this one.
  '/favicon.ico': { body: '', type: 'image/x-icon' },
  '/t/light.html': hostPage('<full-stack-explainer id="light" theme="light"></full-stack-explainer>'),
  '/t/dark.html': hostPage('<full-stack-explainer id="dark" theme="dark"></full-stack-explainer>'),
};

let modern, legacy, browser;
before(async () => {
  modern = await serve(dir, ROUTES);
  legacy = await serve(dir, ROUTES, { rewrite: old });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await modern?.close();
  await legacy?.close();
});

/** The colours the widget in `root` (a document or a shadow root) shows, as computed. */
function colours(rootSelector) {
  const host = rootSelector ? document.querySelector(rootSelector) : null;
  const root = host ? host.shadowRoot : document;
  const fs = root.querySelector('.fs');
  const css = (el, prop) => (el ? getComputedStyle(el)[prop] : null);
  const tiers = {};
  for (const tier of ['episode', 'report', 'outside', 'reconstruction']) {
    const badge = root.querySelector(`.fs-legend .fs-badge[data-tier="${tier}"]`);
    const cell = root.querySelector(`.fs-matrix td[data-tier="${tier}"]`);
    tiers[tier] = {
      badge: { bg: css(badge, 'backgroundColor'), fg: css(badge, 'color') },
      cell: cell ? { bg: css(cell, 'backgroundColor'), fg: css(cell.querySelector('.fs-count'), 'color') } : null,
    };
  }
  return {
    theme: fs.getAttribute('data-theme'),
    bg: css(fs, 'backgroundColor'),
    fg: css(fs, 'color'),
    muted: css(root.querySelector('.fs-matrix caption'), 'color'),
    header: css(root.querySelector('.fs-matrix thead th'), 'backgroundColor'),
    headerFg: css(root.querySelector('.fs-matrix thead .fs-head'), 'color'),
    tabLine: css(root.querySelector('.fs-tabs'), 'borderBottomColor'),
    tiers,
  };
}

/** [r, g, b, a] of a computed colour. */
function rgba(value) {
  const m = /^rgba?\(([^)]+)\)$/.exec(value || '');
  if (!m) return null;
  const [r, g, b, a = 1] = m[1].split(/[,/ ]+/).filter(Boolean).map(Number);
  return [r, g, b, a];
}
const luminance = ([r, g, b]) => {
  const c = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
};
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

/** What is wrong with `c` (from `colours`) for a widget meant to be in `theme`. */
function problems(c, theme) {
  const out = [];
  const opaque = (what, v) => {
    const x = rgba(v);
    if (!x || x[3] < 1) out.push(`${what} is not an opaque colour: ${v}`);
    return x && x[3] >= 1 ? x : null;
  };
  const readable = (what, fg, bg) => {
    const f = rgba(fg);
    if (!f || !bg) return;
    const r = contrast(f, bg);
    if (r < 4.5) out.push(`${what}: ${fg} on rgb(${bg.slice(0, 3)}) is ${r.toFixed(2)}:1, below AA`);
  };
  const bg = opaque('the widget\'s background', c.bg);
  if (bg) {
    const l = luminance(bg);
    if (theme === 'dark' && l > 0.1) out.push(`a dark theme was asked for, the background is ${c.bg}`);
    if (theme === 'light' && l < 0.8) out.push(`a light theme was asked for, the background is ${c.bg}`);
    const fg = rgba(c.fg);
    if (fg && theme === 'dark' && luminance(fg) < 0.5) out.push(`a dark theme was asked for, the text is ${c.fg}`);
    if (fg && theme === 'light' && luminance(fg) > 0.2) out.push(`a light theme was asked for, the text is ${c.fg}`);
    readable('text', c.fg, bg);
    readable('muted text (the caption)', c.muted, bg);
  }
  const header = opaque('a header cell', c.header);
  readable('a header', c.headerFg, header);
  opaque('the tabs\' line', c.tabLine);
  const shades = new Set(bg ? [String(bg)] : []);
  let cells = 0;
  for (const [tier, t] of Object.entries(c.tiers)) {
    const badge = opaque(`the ${tier} swatch of the key`, t.badge.bg);
    readable(`the ${tier} swatch's letter`, t.badge.fg, badge);
    if (badge) {
      if (shades.has(String(badge))) out.push(`the ${tier} shade ${t.badge.bg} is not distinct`);
      shades.add(String(badge));
    }
    if (t.cell) {
      cells++;
      const cell = opaque(`a ${tier} cell`, t.cell.bg);
      readable(`a ${tier} cell's count`, t.cell.fg, cell);
    }
  }
  if (cells < 3) out.push(`only ${cells} tiers found among the chart's cells`);
  return out;
}

/** Reads the widget's colours from `url` on both servers: the old engine's must be right
 *  for `theme`, and the same as light-dark() gives. */
async function check(url, theme, { colorScheme = 'light', element = null } = {}) {
  const seen = {};
  const errors = {};
  for (const [name, server] of [['old engine', legacy], ['light-dark()', modern]]) {
    const opened = await open(browser, server.origin + url, { colorScheme });
    if (element) await elementReady(opened.page, element);
    else await appReady(opened.page);
    seen[name] = await opened.page.evaluate(colours, element);
    errors[name] = opened.errors;
    await opened.context.close();
  }
  const where = `${url} (system: ${colorScheme})`;
  assert.deepEqual(problems(seen['old engine'], theme), [], `old engine: ${where}`);
  assert.deepEqual(problems(seen['light-dark()'], theme), [], `light-dark(): ${where}`);
  assert.deepEqual(errors, { 'old engine': [], 'light-dark()': [] }, where);
  assert.deepEqual(seen['old engine'], seen['light-dark()'], `the fallback gives the palette light-dark() gives: ${where}`);
}

test('the rewrite takes light-dark() out of everything the pages load', async () => {
  let found = 0;
  for (const file of ['/palette.css', '/index.html', '/full-stack.html', '/full-stack.js', '/style.css', '/chart.css', '/page.css']) {
    const r = await fetch(legacy.origin + file);
    if (r.status !== 200) continue;
    const text = await r.text();
    assert.doesNotMatch(text, /(?<!x-)light-dark\(/, file);
    found += (text.match(/x-light-dark\(/g) || []).length;
  }
  assert.ok(found > 0, 'the styles used light-dark() before the rewrite');
});

test('light, by default on a light system: index.html', () => check('/', 'light'));
test('dark, by the system\'s setting (prefers-color-scheme): index.html', () => check('/', 'dark', { colorScheme: 'dark' }));
test('dark, by ?theme=dark on a light system: index.html', () => check('/?theme=dark', 'dark'));
test('light, by ?theme=light on a dark system: index.html', () => check('/?theme=light', 'light', { colorScheme: 'dark' }));
test('the dark embed: embed.html?theme=dark', () => check('/embed.html?theme=dark', 'dark'));
test('the dark embed on a dark system: embed.html', () => check('/embed.html', 'dark', { colorScheme: 'dark' }));
test('the single file, dark by the system: full-stack.html', () => check('/full-stack.html', 'dark', { colorScheme: 'dark' }));
test('the custom element, theme="light" and theme="dark" in their shadow roots', async () => {
  await check('/t/light.html', 'light', { element: '#light' });
  await check('/t/dark.html', 'dark', { element: '#dark', colorScheme: 'light' });
  await check('/t/light.html', 'light', { element: '#light', colorScheme: 'dark' });
});
