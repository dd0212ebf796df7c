// No dead taps: what a reader does on the prerendered widget before the wasm runs (a
// cell, a tab, a quiz answer, focus) takes effect once it runs. The wasm is held back
// (route interception) while the test acts as a reader would, then released.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openHeld, appReady, slowCpu } from './harness.mjs';
import { hostPage, until, watchViewByFrame } from './embed-helpers.mjs';

let server, browser;
before(async () => {
  server = await serve(undefined, {
    '/host-element.html': hostPage('<main><h1>Host page</h1><full-stack-explainer id="el" view="chart"></full-stack-explainer></main>'),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The ring a button shows once its transitions have run. */
const settledRing = (button) => button.evaluate((b) =>
  Promise.all(b.getAnimations().map((a) => a.finished)).then(() => getComputedStyle(b).boxShadow));

/** What the "Loading…" label of a tapped button shows ('' while hidden), and how long after
 *  `window.tappedAt` (when the test recorded one). */
const loadingLabel = (button) => button.evaluate((b) => {
  const s = getComputedStyle(b, '::before');
  return { shown: s.visibility === 'visible' && s.content !== 'none' ? s.content : '', after: performance.now() - window.tappedAt };
});

/** Records, every frame from now until the button `selector` has its panel (beside the table,
 *  or in the button's own disclosure on a phone), whether the button shows `ring`. */
const watchRing = (page, selector, ring) => page.evaluate(({ selector, ring }) => {
  const seen = window.ringByFrame = [];
  const b = document.querySelector(selector);
  const frame = () => {
    const panel = (b.closest('details') || document.querySelector('.fs-side'))?.querySelector('.fs-detail');
    seen.push(`${getComputedStyle(b).boxShadow === ring ? 'ring' : 'NO RING'}${b.isConnected ? '' : ' (replaced)'}${panel ? ', panel' : ''}`);
    if (!panel) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}, { selector, ring });

/** Once the panel shows: every frame watchRing recorded showed the ring, on the same button. */
async function assertRingKept(page, what) {
  const frames = await page.evaluate(() => window.ringByFrame);
  assert.ok(frames.length > 1, `frames sampled: ${frames.length}`);
  assert.deepEqual(frames.filter((f) => !f.startsWith('ring') || f.includes('replaced')), [], `${what}, frame by frame: ${frames.join('; ')}`);
}

/** The reader's taps, before the app runs, in `root` (the page, or the element): two cells
 *  of the table, then the quiz tab, then an option of the static question. Returns what
 *  was tapped last. */
async function tapBeforeTheApp(page, root) {
  assert.equal(await root.locator('.fs[data-live]').count(), 0, 'the app has not run yet');
  const cells = root.locator('table.fs-matrix td button.fs-cell');
  const unpressedRing = await settledRing(cells.nth(5));
  await cells.nth(5).click();
  const cell = cells.nth(12);
  const pos = await cell.getAttribute('data-pos');
  await cell.click();
  // Each tap shows at once, as the app will show it: the last cell tapped has the selection
  // ring, the one before no longer has it.
  assert.notEqual(await settledRing(cell), unpressedRing, 'the tapped cell shows the selection ring before the app runs');
  assert.equal(await settledRing(cells.nth(5)), unpressedRing, 'the cell tapped before it lost its ring');
  await root.locator('#fs-tab-quiz').click();
  // The static tabs switch at once (the boot script), so the quiz can be answered.
  await root.locator('#fs-panel-quiz .fs-option').first().waitFor();
  const option = root.locator('#fs-panel-quiz .fs-option input[type="radio"]').nth(2);
  const value = await option.getAttribute('value');
  await option.click();
  assert.equal(await root.locator('.fs[data-live]').count(), 0, 'still the static page: the wasm is held back');
  // From now until three frames after the app runs, every frame shows the quiz: hydration
  // does not show the chart again before the replay switches back to the quiz.
  await root.locator('.fs').evaluate(watchViewByFrame, 'quiz');
  return { pos, value };
}

/** After the app runs and its quiz is live: each tap took effect, once. */
async function assertApplied(page, root, { pos, value }) {
  await appReady(page, root);
  const frames = await until(page, 'frames sampled until the app ran', () => root.locator('.fs').evaluate((fs) => fs.viewByFrame?.done && fs.viewByFrame));
  assert.deepEqual(frames.filter((f) => f !== 'quiz'), [], `the quiz tab, frame by frame: ${frames.join(' ')}`);
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

test('a slow network: a tap the app has not answered after 2 s says so on the tapped cell, until the cell opens', async () => {
  const { page, context, errors, release } = await openHeld(browser, `${server.origin}/embed.html?view=chart`);
  const cell = page.locator('table.fs-matrix td button.fs-cell').nth(12);
  const badge = () => loadingLabel(cell);
  await cell.evaluate((b) => b.addEventListener('click', () => { window.tappedAt = performance.now(); }, { capture: true, once: true }));
  await cell.click();
  // The ring says at once that the tap was seen; the badge waits, as a quick app needs none.
  const first = await badge();
  assert.ok(first.shown === '' || first.after >= 1900, `no badge at once: ${JSON.stringify(first)}`);
  const late = await until(page, 'the loading badge', async () => { const b = await badge(); return b.shown && b; }, 2000);
  assert.equal(late.shown, '"Loading\u2026"');
  assert.ok(late.after >= 1900, `not before 2 s: ${late.after} ms`);
  release();
  await appReady(page);
  await page.locator('.fs-side .fs-detail').waitFor();
  assert.equal(await cell.getAttribute('aria-pressed'), 'true');
  assert.equal((await badge()).shown, '', 'the badge goes when the cell opens');
  assert.deepEqual(errors, []);
  await context.close();
});

test('index.html: a header tapped, then focus moved by keyboard, before the wasm runs', async () => {
  const { page, context, errors, release } = await openHeld(browser, `${server.origin}/index.html`);
  const head = page.locator('table.fs-matrix th[scope="row"] button.fs-head').nth(2);
  const pos = await head.getAttribute('data-pos');
  const unpressedRing = await settledRing(head);
  await head.click();
  const ring = await settledRing(head);
  assert.notEqual(ring, unpressedRing, 'the tapped header shows the selection ring before the app runs');
  // The reader tabs on to the next control: focus should stay there, not jump back.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-pos') || document.activeElement?.tagName);
  // From now until its panel shows, every frame shows the header's ring: the app's hydration
  // does not take it away before the replay presses the header.
  await watchRing(page, `table.fs-matrix button[data-pos="${pos}"]`, ring);
  await slowCpu(page);
  release();
  await appReady(page);
  await page.locator('.fs-side .fs-detail').waitFor();
  await assertRingKept(page, 'the header');
  assert.equal(await page.locator('[data-tapped]').count(), 0, 'the app took the boot script\'s mark away');
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
  // A tap not answered after 2 s says so in the shadow root too (its stylesheet's keyframes).
  const first = el.locator('table.fs-matrix td button.fs-cell').nth(3);
  await first.click();
  await until(page, 'the loading badge in the shadow root', async () => (await loadingLabel(first)).shown === '"Loading\u2026"', 2000);
  const tapped = await tapBeforeTheApp(page, el);
  release();
  await assertApplied(page, el, tapped);
  // Hydrated, not re-created: one widget in the shadow root.
  assert.equal(await el.locator('.fs').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a phone: a cell tapped in the accordion before the wasm runs shows its ring at once, and opens in place after', async () => {
  const { page, context, errors, release } = await openHeld(browser, `${server.origin}/index.html`, { width: 375, height: 800 });
  // The reader opens a layer (a native disclosure, no script needed) and taps a tool in it.
  const layer = page.locator('.fs-accordion details.fs-acc-layer:not(.fs-acc-tools-all)').nth(3);
  await layer.locator('summary').click();
  const buttons = layer.locator('button.fs-acc-btn');
  const unpressedRing = await settledRing(buttons.nth(1));
  const button = buttons.nth(2);
  const pos = await button.getAttribute('data-pos');
  await button.click();
  const ring = await settledRing(button);
  assert.notEqual(ring, unpressedRing, 'the tapped button shows the selection ring before the app runs');
  assert.equal(await page.locator('.fs[data-live]').count(), 0, 'still the static page');
  // Every frame until its panel shows keeps the ring (hydration does not drop it).
  await watchRing(page, `.fs-accordion button[data-pos="${pos}"]`, ring);
  await slowCpu(page);
  release();
  await appReady(page);
  const panel = layer.locator('.fs-detail');
  await panel.waitFor();
  await assertRingKept(page, 'the button');
  // Opened in place, under its button, pressed, with the same ring.
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  assert.equal(await settledRing(button), ring);
  assert.equal(await page.locator('[data-tapped]').count(), 0);
  const [bb, pb] = [await button.boundingBox(), await panel.boundingBox()];
  assert.ok(pb.y >= bb.y + bb.height - 1, 'the panel under its button');
  assert.deepEqual(errors, []);
  await context.close();
});
