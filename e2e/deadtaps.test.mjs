// No dead taps: what a reader does on the prerendered widget before the wasm runs (a
// cell, a tab, a quiz answer, focus) takes effect once it runs. The wasm is held back
// (route interception) while the test acts as a reader would, then released.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openHeld, appReady } from './harness.mjs';
import { hostPage, until } from './embed-helpers.mjs';

let server, browser;
before(async () => {
  server = await serve(undefined, {
    '/host-element.html': hostPage('<main><h1>Host page</h1><full-stack-explainer id="el" view="chart"></full-stack-explainer></main>'),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The reader's taps, before the app runs, in `root` (the page, or the element): a cell
 *  of the table, then the quiz tab, then an option of the static question. Returns what
 *  was tapped. */
async function tapBeforeTheApp(page, root) {
  assert.equal(await root.locator('.fs[data-live]').count(), 0, 'the app has not run yet');
  const cell = root.locator('table.fs-matrix td button.fs-cell').nth(12);
  const pos = await cell.getAttribute('data-pos');
  await cell.click();
  await root.locator('#fs-tab-quiz').click();
  // The static tabs switch at once (the boot script), so the quiz can be answered.
  await root.locator('#fs-panel-quiz .fs-option').first().waitFor();
  const option = root.locator('#fs-panel-quiz .fs-option input[type="radio"]').nth(2);
  const value = await option.getAttribute('value');
  await option.click();
  assert.equal(await root.locator('.fs[data-live]').count(), 0, 'still the static page: the wasm is held back');
  return { pos, value };
}

/** After the app runs and its quiz is live: each tap took effect, once. */
async function assertApplied(page, root, { pos, value }) {
  await appReady(page, root);
  // The tab switched (the last of the view changes).
  assert.equal(await root.locator('#fs-tab-quiz').getAttribute('aria-selected'), 'true');
  assert.equal(await root.locator('#fs-panel-quiz').isVisible(), true);
  // The live quiz kept the chosen answer: it is checked, and Check judges it.
  const option = root.locator(`#fs-panel-quiz .fs-option input[type="radio"][value="${value}"]`);
  await until(page, 'the chosen option, checked in the live quiz', () => option.isChecked());
  // Focus is back on it (the live quiz replaced the static radios).
  assert.equal(await option.evaluate((el) => el.getRootNode().activeElement === el), true, 'focus on the chosen option');
  await root.getByRole('button', { name: 'Check' }).click();
  await root.locator('.fs-feedback').waitFor();
  assert.equal(await root.locator(`.fs-option[data-state] input[value="${value}"]`).count(), 1, 'the chosen option is judged');
  // The cell opened: back on the chart, its panel shows and its button is pressed.
  await root.locator('#fs-tab-chart').click();
  const button = root.locator(`table.fs-matrix button[data-pos="${pos}"]`);
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  await root.locator('.fs-side .fs-detail').waitFor();
  // Nothing is left to replay.
  assert.deepEqual(await root.locator('.fs').evaluate((fs) => Object.keys(fs.fsIntents || {})), []);
}

test('embed.html: a cell, a tab and a quiz answer tapped before the wasm runs all take effect after', async () => {
  const { page, context, errors, release } = await openHeld(browser, `${server.origin}/embed.html?view=chart`);
  const tapped = await tapBeforeTheApp(page, page);
  release();
  await assertApplied(page, page, tapped);
  // The fragment follows the replayed selection once (no second toggle closed it).
  assert.deepEqual(errors, []);
  await context.close();
});

test('index.html: a header tapped, then focus moved by keyboard, before the wasm runs', async () => {
  const { page, context, errors, release } = await openHeld(browser, `${server.origin}/index.html`);
  const head = page.locator('table.fs-matrix th[scope="row"] button.fs-head').nth(2);
  const pos = await head.getAttribute('data-pos');
  await head.click();
  // The reader tabs on to the next control: focus should stay there, not jump back.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-pos') || document.activeElement?.tagName);
  release();
  await appReady(page);
  await page.locator('.fs-side .fs-detail').waitFor();
  assert.equal(await head.getAttribute('aria-pressed'), 'true', 'the layer summary opened');
  assert.match(await page.locator('.fs-side .fs-detail-title').innerText(), /the whole layer/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-pos') || document.activeElement?.tagName), focused);
  assert.deepEqual(errors, []);
  await context.close();
});

test('<full-stack-explainer>: shows the prerendered widget at once, and taps before the wasm take effect after', async () => {
  const { page, context, errors, release } = await openHeld(browser, `${server.origin}/host-element.html`);
  const el = page.locator('full-stack-explainer');
  // Not a loading message: the chart itself, before the wasm.
  await el.locator('table.fs-matrix').waitFor();
  assert.equal(await el.locator('table.fs-matrix td button.fs-cell').count() > 50, true);
  // Its links lead beside full-stack.js, not beside the host page.
  const csv = await el.locator('a[data-export="csv"]').getAttribute('href');
  assert.equal(csv, `${server.origin}/full-stack.csv`);
  const tapped = await tapBeforeTheApp(page, el);
  release();
  await assertApplied(page, el, tapped);
  // Hydrated, not re-created: one widget in the shadow root.
  assert.equal(await el.locator('.fs').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
