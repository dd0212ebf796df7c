// `make bench` puts its figures into bench/results.md without losing what is written there
// by hand (the targets, the levers weighed, the notes): bench/splice.mjs replaces only the
// text between the two markers, and the results file carries them, once each, so a long
// benchmark run cannot fail at its last step. And the browser's floor for a selection
// (bench/select-floor.mjs) measures the DOM alone: the app does not run for those clicks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, serve, launch, open, appReady } from './harness.mjs';
import { splice, START, END } from '../bench/splice.mjs';
import { takeSelectionsFromApp } from '../bench/select.mjs';

const RESULTS = fs.readFileSync(path.join(ROOT, 'bench/results.md'), 'utf8');
const count = (s, sub) => s.split(sub).length - 1;

test('bench/results.md carries the markers make bench writes between, once each and in order', () => {
  assert.equal(count(RESULTS, START), 1, 'the start marker');
  assert.equal(count(RESULTS, END), 1, 'the end marker');
  assert.ok(RESULTS.indexOf(START) < RESULTS.indexOf(END));
});

test('a new run replaces the figures between the markers and keeps every hand-written line', () => {
  const figures = '## Benchmark, a later day\n\n| page | FCP (ms) |\n|---|---|\n| embed.html | 123 |';
  const out = splice(RESULTS, figures);
  const [before, after] = [RESULTS.slice(0, RESULTS.indexOf(START)), RESULTS.slice(RESULTS.indexOf(END))];
  assert.ok(out.startsWith(before), 'the text above the markers is kept');
  assert.ok(out.endsWith(after), 'the text below the markers is kept');
  assert.ok(out.includes(figures));
  // Run again: the earlier run's figures are gone, not appended to.
  const again = splice(out, 'the next run');
  assert.ok(!again.includes(figures) && again.includes('the next run'));
  assert.ok(again.startsWith(before) && again.endsWith(after));
});

test('a results file without the markers is refused, not overwritten', () => {
  assert.throws(() => splice('# hand-written only\n', 'figures'), /lacks the markers/);
});

test("the selection floor shows the app's panel for each cell without the app running", async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const { page, errors } = await open(browser, `${server.origin}/embed.html?view=chart`);
    await appReady(page);
    const cells = page.locator('table.fs-matrix td button.fs-cell');
    const n = await cells.count();
    // What the app shows for the 3rd and 10th cells (selectLatencies' first two, stride 7).
    const target = () => page.evaluate(() => document.querySelector('.fs-side .fs-detail')?.dataset.target ?? null);
    // Which panel shows: its cell and its heading.
    const panel = async () => ({ target: await target(), title: await page.locator('.fs-side .fs-detail-title').textContent() });
    const shown = async (i) => {
      const [before, url] = [await target(), page.url()];
      await cells.nth(i).click();
      await page.waitForFunction((b) => (document.querySelector('.fs-side .fs-detail')?.dataset.target ?? b) !== b, before);
      await page.waitForURL((u) => u.href !== url);
      return { panel: await panel(), url: page.url() };
    };
    const app = [await shown(3), await shown(10 % n)];
    assert.notEqual(app[0].url, app[1].url, 'the app puts the selection in the address');
    await takeSelectionsFromApp(page, 2);
    assert.equal(await page.locator('.fs-side .fs-detail').count(), 0, 'nothing is selected to begin with');
    const url = page.url();
    for (const [k, i] of [3, 10 % n].entries()) {
      await cells.nth(i).click();
      assert.deepEqual(await panel(), app[k].panel, `cell ${i} shows the panel the app rendered for it`);
      assert.equal(await cells.nth(i).getAttribute('aria-pressed'), 'true');
      assert.equal(await page.locator('table.fs-matrix button[aria-pressed="true"]').count(), 1, 'one cell pressed');
      // The app would write the address in the frame after the panel's: two frames on, still the same.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(page.url(), url, 'the app did not handle the click (the address is unchanged)');
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
