// When the app cannot start (its wasm or its script fails to load, or the browser cannot
// compile it): the prerendered chart stays readable, a tapped cell does not keep a ring that
// promises a panel, a notice says the app did not load, and the chart alone stays, as without
// JavaScript (no view left loading for ever, no quiz that cannot be checked). The failing
// response is held back while the reader taps, as on a slow network, then answered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openHeld, open, appReady, axe, DIST } from './harness.mjs';
import { hostPage } from './embed-helpers.mjs';

let server, browser;
before(async () => {
  server = await serve(undefined, {
    '/host-element.html': hostPage('<main><h1>Host page</h1><full-stack-explainer id="el" view="chart"><a id="fallback" href="https://example.org/">The explainer</a></full-stack-explainer></main>'),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const NOTICE = /The interactive chart and quiz did not load\. Reload the page/;
const missing = (route) => route.fulfill({ status: 404, body: 'not found' });
const garbled = (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm at all' });

/** What only the app answers: the theme menu, the filter and highlight, the invitation to
 *  select a cell, and the tabs (the other views need the app: its data, its quiz). */
const DEAD_WITHOUT_APP = ['.fs-theme select', '.fs-controls input[type="radio"]', '.fs-controls select', '.fs-chart-intro', '.fs-tabs'];

/** The ids of the view panels on screen in `root`. */
const panelsShown = (root) => root.locator('.fs-panel').evaluateAll((ps) => ps.filter((p) => p.getClientRects().length > 0).map((p) => p.id));

/** Taps a cell of the static chart in `root`; returns it. */
async function tapACell(root) {
  assert.equal(await root.locator('.fs[data-live]').count(), 0, 'the app has not run yet');
  for (const sel of DEAD_WITHOUT_APP) assert.equal(await root.locator(sel).first().isVisible(), true, `${sel} shows while the app may come`);
  const cell = root.locator('table.fs-matrix td button.fs-cell').nth(7);
  await cell.click();
  assert.equal(await cell.getAttribute('data-tapped'), '', 'the tap shows at once');
  return cell;
}

/** The notice shows under the header, once; the tap's ring is gone; the chart is still the
 *  server's, whole and readable. */
async function assertStalled(root, cell, what) {
  const notice = root.getByRole('alert');
  await notice.waitFor();
  assert.match(await notice.innerText(), NOTICE, what);
  assert.equal(await root.locator('.fs-stalled').count(), 1, `${what}: one notice`);
  assert.equal(await root.locator('.fs > .fs-stalled').evaluate((p) => p.previousElementSibling?.matches('.fs-header')), true, `${what}: right under the header`);
  assert.equal(await root.locator('[data-tapped]').count(), 0, `${what}: no ring left on the tapped cell`);
  assert.equal(await cell.getAttribute('aria-pressed'), 'false');
  assert.equal(await root.locator('.fs[data-live]').count(), 0, `${what}: the app never ran`);
  assert.equal(await root.locator('table.fs-matrix').isVisible(), true, `${what}: the chart is still shown`);
  assert.ok(await root.locator('table.fs-matrix button.fs-cell').count() > 40);
  // No control left on screen that would do nothing; the downloads (plain links) stay.
  for (const sel of DEAD_WITHOUT_APP) assert.equal(await root.locator(sel).first().isVisible(), false, `${what}: ${sel} hidden`);
  assert.equal(await root.locator('a[data-export="csv"]').isVisible(), true, `${what}: the downloads stay`);
  // The chart alone, as without JavaScript: no view left saying "Loading…" for ever, nor a
  // quiz question whose Check does nothing.
  assert.deepEqual(await panelsShown(root), ['fs-panel-chart'], `${what}: the chart alone`);
  assert.equal(await root.locator('.fs-loading').first().isVisible(), false, `${what}: no loading message left`);
  // Under the notice, a link to every cell's evidence on a page that needs no script.
  const fallback = root.locator('.fs > .fs-fallback a');
  assert.equal(await fallback.isVisible(), true, `${what}: the link to every cell's evidence`);
  assert.equal(await root.locator('.fs > .fs-stalled + .fs-fallback').count(), 1, `${what}: right under the notice`);
  const href = await fallback.evaluate((a) => a.href);
  assert.match(href, /\/sources\.html$/, what);
  const sources = await fetch(href);
  assert.equal(sources.status, 200, `${what}: ${href}`);
  assert.match(await sources.text(), /Every cell’s evidence, layer by layer/);
}

for (const [name, url, answer] of [
  ['index.html, its wasm missing', '/index.html', missing],
  ['embed.html, its wasm not wasm', '/embed.html?view=chart', garbled],
]) {
  test(`${name}: a notice says the app did not load, the chart alone stays, and the tapped cell keeps no ring`, async () => {
    const { page, context, errors, release } = await openHeld(browser, server.origin + url, { answer });
    const cell = await tapACell(page);
    release();
    await assertStalled(page, cell, name);
    // A tap now promises nothing: no ring.
    await page.locator('table.fs-matrix td button.fs-cell').nth(9).click();
    assert.equal(await page.locator('[data-tapped]').count(), 0, 'a tap after the notice shows no ring');
    // Something did fail, and was logged for the author.
    assert.ok(errors.length > 0, 'the failure is in the console');
    // The page with the notice is as accessible as without it.
    const violations = await axe(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
    await context.close();
  });
}

test('embed.html?view=quiz, its wasm missing: the static quiz showed while the app might come; the chart alone shows once it cannot', async () => {
  const { page, context, release } = await openHeld(browser, server.origin + '/embed.html?view=quiz', { answer: missing });
  assert.deepEqual(await panelsShown(page), ['fs-panel-quiz'], 'the view asked for, at once');
  // The reader picks an answer on the static question meanwhile.
  await page.locator('#fs-panel-quiz .fs-option input[type="radio"]').nth(1).check();
  release();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), NOTICE);
  assert.deepEqual(await panelsShown(page), ['fs-panel-chart'], 'the chart alone: a question that cannot be checked is not left on screen');
  assert.equal(await page.locator('#fs-panel-quiz .fs-option').first().isVisible(), false);
  assert.equal(await page.locator('table.fs-matrix').isVisible(), true);
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
  await context.close();
});

// A module script held back holds the page's DOMContentLoaded, so this one fails at once.
test('embed.html, its script missing: the same notice', async () => {
  const context = await browser.newContext();
  await context.route('**/widget.js', missing);
  const page = await context.newPage();
  await page.goto(server.origin + '/embed.html?view=chart');
  await assertStalled(page, page.locator('table.fs-matrix td button.fs-cell').first(), 'embed.html without widget.js');
  await context.close();
});

test('full-stack.html in a browser without WebAssembly: the same notice, the chart readable', async () => {
  const { page, context } = await open(browser, server.origin + '/full-stack.html', { init: () => { delete window.WebAssembly; } });
  await assertStalled(page, page.locator('table.fs-matrix td button.fs-cell').first(), 'full-stack.html');
  // The single file has no page beside it when opened alone: its link shows the evidence
  // it carries, under the widget, and stays on the page.
  await page.locator('.fs > .fs-fallback a').click();
  const evidence = page.locator('#fs-evidence-inline');
  await evidence.waitFor();
  const hosted = fs.readFileSync(path.join(DIST, 'sources.html'), 'utf8').match(/class="fs-evidence-cell"/g).length;
  assert.equal(await evidence.locator('.fs-evidence-cell').count(), hosted, 'every cell the hosted sources.html lists');
  assert.equal(await evidence.evaluate((e) => e === document.activeElement), true, 'focus moves to it');
  assert.equal(page.url(), server.origin + '/full-stack.html');
  assert.equal(await page.context().pages().length, 1, 'no other tab');
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
  await context.close();
});

test('<full-stack-explainer>, its wasm missing: the prerendered chart stays, with the notice and the host\'s fallback', async () => {
  const { page, context, release } = await openHeld(browser, server.origin + '/host-element.html', { answer: missing });
  const el = page.locator('full-stack-explainer');
  await el.locator('table.fs-matrix').waitFor();
  const cell = await tapACell(el);
  release();
  await assertStalled(el, cell, 'the element');
  assert.equal(await page.locator('#fallback').isVisible(), true, 'the host\'s fallback link shows');
  await context.close();
});

test('a load that succeeds, however late, shows no notice, nor does another element\'s failed load before it', async () => {
  const { page, context, errors, release } = await openHeld(browser, server.origin + '/embed.html?view=chart');
  const cell = await tapACell(page);
  // An image that fails to load, while the app is still coming, says nothing of the app.
  await page.evaluate(() => new Promise((resolve) => {
    const img = document.createElement('img');
    img.alt = '';
    img.onerror = resolve;
    img.src = '/no-such-image.png';
    document.body.append(img);
  }));
  assert.equal(await page.locator('.fs-stalled').count(), 0, 'no notice for an image');
  assert.equal(await cell.getAttribute('data-tapped'), '', 'the tap keeps its ring');
  release();
  await appReady(page);
  await page.locator('.fs-side .fs-detail').waitFor();
  assert.equal(await cell.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.fs-stalled').count(), 0);
  assert.equal(await page.locator('.fs-fallback').isVisible(), false, 'the failed state\'s link stays hidden in the live app');
  // The image's 404, and nothing else.
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});
