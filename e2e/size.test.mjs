// The size budget: fails the build when dist/ grows more than 1% past bench/budget.json
// (brotli q11), or when a figure is stale (the build shrank more than 1% below it, so the
// figure would let growth through). The figures' meaning is in e2e/budget.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { DIST } from './harness.mjs';
import { BUDGET_FILE, GROWTH, measure, limitFor, isStale } from './budget.mjs';

const budget = JSON.parse(fs.readFileSync(BUDGET_FILE, 'utf8'));
const m = measure(DIST, budget);
const RESET = 'run `make budget` to reset the figures to this build';

/** Checks one measured size (KiB) against its figure, both ways. */
function within(what, kib, limit, detail = '') {
  assert.ok(kib != null, `dist/ has ${what}`);
  assert.ok(kib <= limit, `${what}: ${kib.toFixed(2)} KiB brotli > budget ${limit} KiB ${detail}`);
  assert.ok(!isStale(limit, kib),
    `${what}: ${kib.toFixed(2)} KiB is more than ${GROWTH * 100}% below what the budget ${limit} KiB was set for; lower it to ${limitFor(kib)} (${RESET})`);
}

test('the budget names every page in dist/', () => {
  const pages = fs.readdirSync(DIST).filter((f) => f.endsWith('.html'));
  assert.deepEqual(Object.keys(budget.pages).sort(), pages.sort(), 'every top-level page of dist/ has a budget');
});

for (const [page, limit] of Object.entries(budget.pages)) {
  test(`${page} and everything it loads stay within ${limit} KiB brotli (at most ${GROWTH * 100}% growth)`, () => {
    const assets = m.assets[page];
    // What the page loads, so a broken asset scan can't make this pass vacuously: the
    // widget pages load the wasm (the single file has it inline); sources.html and
    // transcript.html are static (the transcript's styles are inline: it loads nothing).
    if (page === 'sources.html') assert.ok(!assets.includes('widget_bg.wasm') && assets.includes('style.css'), `${page}: ${assets}`);
    else if (page === 'transcript.html') assert.ok(!assets.includes('widget_bg.wasm'), `${page}: ${assets}`);
    else if (page !== 'full-stack.html') assert.ok(assets.includes('widget_bg.wasm'), `${page} loads the wasm: ${assets}`);
    within(page, m.pages[page], limit, `(${assets.join(', ')})`);
  });
}

test(`<full-stack-explainer> stays within ${budget.element} KiB brotli (at most ${GROWTH * 100}% growth)`, () => {
  within('<full-stack-explainer>', m.element, budget.element);
});

for (const [file, limit] of Object.entries(budget.files)) {
  test(`${file} stays within ${limit} KiB brotli (at most ${GROWTH * 100}% growth)`, () => {
    within(file, m.files[file], limit);
  });
}
