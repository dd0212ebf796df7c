// The size budget: fails the build when dist/ grows past bench/budget.json (brotli q11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, ROOT } from './harness.mjs';
import { report, sizes } from '../scripts/size.mjs';
import { ELEMENT_LOADS } from '../scripts/dist.mjs';

const budget = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench/budget.json'), 'utf8'));
const r = report(DIST);
const kib = (n) => n / 1024;

for (const [page, max] of Object.entries(budget.pages)) {
  test(`${page} and everything it loads stay within ${max} KiB brotli`, () => {
    const p = r.pages[page];
    assert.ok(p, `dist/${page} exists`);
    // The page really loads the widget (a broken asset scan would make this pass vacuously).
    if (page !== 'full-stack.html') assert.ok(p.assets.includes('widget_bg.wasm'), `${page} loads the wasm: ${p.assets}`);
    assert.ok(kib(p.brotli) <= max, `${page}: ${kib(p.brotli).toFixed(1)} KiB brotli > budget ${max} KiB (${p.assets.join(', ')})`);
  });
}

test(`<full-stack-explainer> (${ELEMENT_LOADS.join(' + ')}) stays within ${budget.element} KiB brotli`, () => {
  const total = ELEMENT_LOADS.reduce((t, f) => t + sizes(fs.readFileSync(path.join(DIST, f))).brotli, 0);
  assert.ok(kib(total) <= budget.element, `${kib(total).toFixed(1)} KiB > ${budget.element} KiB`);
});

for (const [file, max] of Object.entries(budget.files)) {
  test(`${file} stays within ${max} KiB brotli`, () => {
    const s = r.files[file];
    assert.ok(s, `dist/${file} exists`);
    assert.ok(kib(s.brotli) <= max, `${file}: ${kib(s.brotli).toFixed(2)} KiB > ${max} KiB`);
  });
}
