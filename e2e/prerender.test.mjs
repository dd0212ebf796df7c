// Build-time prerendering plus hydration: what readers see before (or without) the wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady, axe } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens `url` with the wasm blocked: what the reader sees before it arrives. */
async function withoutWasm(url, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  await context.route('**/*.wasm', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(server.origin + url);
  return { page, context };
}

for (const page of ['index.html', 'embed.html']) {
  test(`${page}: with JavaScript disabled the whole chart shows, and every source can be read`, async () => {
    const { page: p, context } = await withoutWasm(`/${page}`, { javaScriptEnabled: false });
    const table = p.locator('table.fs-matrix');
    assert.equal(await table.isVisible(), true);
    assert.equal(await table.locator('tbody th[scope="row"]').count(), 9, 'every layer');
    assert.match(await table.locator('caption').innerText(), /reconstruction after RAND/);
    // Controls that need the wasm are not left dead on screen.
    assert.equal(await p.locator('[role="tablist"]').isVisible(), false);
    if (page === 'index.html') {
      const ev = p.locator('.fs-noscript .fs-evidence');
      assert.equal(await ev.isVisible(), true);
      // A verbatim episode quote with its transcript lines, and an outside link.
      assert.match(await ev.innerText(), /transcript lines? \d+/);
      assert.ok(await ev.locator('a[href^="http"]').count() > 10);
    } else {
      const link = p.locator('.fs-noscript a[href="./sources.html"]');
      assert.equal(await link.isVisible(), true);
      await p.goto(server.origin + '/sources.html');
      assert.match(await p.locator('.fs-evidence').innerText(), /transcript lines? \d+/);
    }
    await context.close();
  });
}

test('?view=quiz&theme=dark shows the quiz in dark before the wasm arrives (no flash of the chart)', async () => {
  const { page, context } = await withoutWasm('/embed.html?view=quiz&theme=dark');
  assert.equal(await page.locator('#fs-panel-quiz').isVisible(), true);
  assert.equal(await page.locator('#fs-panel-chart').isVisible(), false);
  assert.equal(await page.locator('#fs-tab-quiz').getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('.fs').getAttribute('data-theme'), 'dark');
  assert.equal(await page.locator('.fs').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(21, 23, 26)');
  await context.close();
});

test('a deep link to the timeline shows the timeline before the wasm arrives', async () => {
  const { page, context } = await withoutWasm('/index.html#timeline');
  assert.equal(await page.locator('#fs-panel-timeline').isVisible(), true);
  assert.equal(await page.locator('#fs-panel-chart').isVisible(), false);
  await context.close();
});

test('hydration takes over the server-rendered DOM instead of replacing it', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/embed.html?view=chart');
  // Tag a server-rendered node before the wasm runs; after hydration it is the same node.
  await page.locator('table.fs-matrix').evaluate((t) => { t.dataset.marker = 'server'; });
  await appReady(page);
  await page.locator('.fs-matrix td button').first().click();
  await page.locator('.fs-side .fs-detail').waitFor();
  assert.equal(await page.locator('table.fs-matrix').getAttribute('data-marker'), 'server');
  assert.equal(await page.locator('table.fs-matrix').count(), 1, 'no second copy rendered');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a configured cell and a quiz result link apply right after hydration', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/embed.html?cell=data-centers/compute');
  await page.locator('.fs-side .fs-detail[data-target="data-centers/compute"]').waitFor();
  await page.goto(server.origin + '/index.html#quiz/result/7-10');
  await page.locator('#fs-panel-quiz').getByText(/7 of 10/).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the prerendered page has zero axe-core violations before the wasm arrives', async () => {
  const { page, context } = await withoutWasm('/index.html');
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
  await context.close();
});
