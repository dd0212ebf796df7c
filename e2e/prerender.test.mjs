// Build-time prerendering plus hydration: what readers see before (or without) the wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, openHeld, appReady, slowCpu, axe } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens `url` with the wasm blocked: what the reader sees before it arrives. */
/** `url` as it is before the wasm arrives: the wasm held, never released. (A failed
 *  request would show the failed state instead: the chart alone, with a notice.) */
async function withoutWasm(url, opts = {}) {
  const { page, context } = await openHeld(browser, server.origin + url, opts);
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
  assert.equal(await page.locator('.fs-theme select').inputValue(), 'dark', 'the theme menu says so');
  await context.close();
});

test('a deep link to the timeline shows the timeline before the wasm arrives', async () => {
  const { page, context } = await withoutWasm('/index.html#timeline');
  assert.equal(await page.locator('#fs-panel-timeline').isVisible(), true);
  assert.equal(await page.locator('#fs-panel-chart').isVisible(), false);
  await context.close();
});

/** Tags the shell (root, header, tabs) and the chart panel (its table and every button in
 *  it) of the server-rendered markup: a data attribute on each node, and a reference to
 *  each kept in the page, so that after the wasm runs we can tell a hydrated node (the
 *  same node, tag intact) from a re-created one. Returns how many nodes were tagged. */
function tagServerNodes() {
  const root = document.getElementById('full-stack');
  const q = (s) => [...root.querySelectorAll(s)];
  const groups = {
    shell: q('.fs, .fs-header, .fs-header *, [role="tablist"], [role="tab"]'),
    chart: q('#fs-panel-chart, table.fs-matrix, table.fs-matrix button'),
  };
  window.__server = groups;
  for (const [name, nodes] of Object.entries(groups)) nodes.forEach((n, i) => { n.dataset.ssrTag = `${name}-${i}`; });
  return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.length]));
}

/** After the app runs: which tagged nodes were replaced or lost their tag, and whether
 *  the live document has exactly the tagged nodes in those places. */
function checkServerNodes() {
  const root = document.getElementById('full-stack');
  const q = (s) => [...root.querySelectorAll(s)];
  const now = {
    shell: q('.fs, .fs-header, .fs-header *, [role="tablist"], [role="tab"]'),
    chart: q('#fs-panel-chart, table.fs-matrix, table.fs-matrix button'),
  };
  const problems = [];
  for (const [name, nodes] of Object.entries(window.__server)) {
    if (now[name].length !== nodes.length) problems.push(`${name}: ${now[name].length} nodes now, ${nodes.length} server-rendered`);
    const bad = [];
    nodes.forEach((n, i) => {
      const what = `${name}-${i} <${n.tagName.toLowerCase()} class="${n.className}">`;
      if (!n.isConnected) bad.push(`${what} was removed from the document`);
      else if (now[name][i] !== n) bad.push(`${what} is no longer in its place`);
      else if (n.dataset.ssrTag !== `${name}-${i}`) bad.push(`${what} lost its tag`);
    });
    // Per group: how many, and the first few.
    if (bad.length) problems.push(`${name}: ${bad.length} of ${nodes.length} server-rendered nodes replaced or untagged`, ...bad.slice(0, 3));
  }
  return problems;
}

for (const file of ['index.html', 'embed.html']) {
  test(`${file}: hydration takes over the server-rendered shell and chart instead of replacing them`, async () => {
    // The wasm is held back until the server's nodes are tagged: the tags go on the
    // prerendered DOM, not on whatever the app has put there by then.
    const { page, context, errors, release } = await openHeld(browser, `${server.origin}/${file}?view=chart`);
    assert.equal(await page.locator('.fs[data-live]').count(), 0, 'the app has not run yet');
    const tagged = await page.evaluate(tagServerNodes);
    assert.ok(tagged.shell >= 6 && tagged.chart > 90, `tagged ${JSON.stringify(tagged)}`);
    // Yew's component markers, which hydration pairs, are in the page, without the type names
    // a debug build of Yew writes into them (a tenth of the markup; hydration never reads them).
    const markers = await page.evaluate(() => {
      const walk = document.createTreeWalker(document.getElementById('full-stack'), NodeFilter.SHOW_COMMENT);
      const out = [];
      while (walk.nextNode()) if (/^<\/?\[/.test(walk.currentNode.data)) out.push(walk.currentNode.data);
      return out;
    });
    assert.ok(markers.length > 2 * 90, `${markers.length} component markers`);
    assert.deepEqual(markers.filter((m) => m !== '<[]>' && m !== '</[]>').slice(0, 3), [], 'markers without names');
    // Every node hydration adds to the table (it splits a text the parser merged when a view
    // renders adjacent texts: thousands of nodes at 10x content).
    await page.evaluate(() => {
      window.__added = [];
      new MutationObserver((ms) => ms.forEach((m) => m.addedNodes.forEach((n) => window.__added.push(n.nodeName + ' ' + (n.textContent || '').slice(0, 30)))))
        .observe(document.querySelector('table.fs-matrix'), { childList: true, subtree: true });
    });
    release();
    await appReady(page);
    assert.deepEqual(await page.evaluate(checkServerNodes), [], 'every tagged node is still there, the same node, tag intact');
    assert.deepEqual(await page.evaluate(() => window.__added.slice(0, 5)), [], 'hydration adds no node to the table');
    assert.equal(await page.locator('.fs').count(), 1, 'no second copy of the widget');
    assert.equal(await page.locator('table.fs-matrix').count(), 1, 'no second copy of the chart');
    // The server's own nodes answer: their listeners were attached in place.
    const b = page.locator('table.fs-matrix td button').first();
    const pos = await b.getAttribute('data-pos');
    await b.click();
    await page.locator('.fs-side .fs-detail').waitFor();
    assert.equal(await b.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate((p) => window.__server.chart.includes(document.querySelector(`table.fs-matrix button[data-pos="${p}"]`)), pos), true,
      'the pressed button is the server-rendered one');
    await page.locator('#fs-tab-timeline').click();
    assert.equal(await page.locator('#fs-tab-timeline').getAttribute('aria-selected'), 'true');
    assert.deepEqual(await page.evaluate(checkServerNodes), [], 'still the server nodes after two updates');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

/** Counts, from now on, the attribute changes inside the first element matching `sel`
 *  (hydration sets every attribute of the nodes it walks again). */
function countAttributeChanges(sel) {
  window.__attrs = 0;
  new MutationObserver((ms) => { window.__attrs += ms.length; })
    .observe(document.querySelector(sel), { attributes: true, subtree: true });
}

test('the layout a screen hides is kept as the server rendered it, not hydrated, and goes live when shown or printed', async () => {
  // 375 px: the accordion is shown, so hydration takes over its server nodes; the table,
  // hidden, is left as it is.
  const narrow = await openHeld(browser, `${server.origin}/embed.html?view=chart`, { width: 375, height: 800 });
  const tagged = await narrow.page.evaluate(() => {
    window.__acc = [...document.querySelectorAll('.fs-accordion button')];
    window.__acc.forEach((b, i) => { b.dataset.ssrTag = `acc-${i}`; });
    return window.__acc.length;
  });
  assert.ok(tagged > 90, `${tagged} accordion buttons in the server's markup`);
  await narrow.page.evaluate(countAttributeChanges, 'table.fs-matrix');
  narrow.release();
  await appReady(narrow.page);
  assert.equal(await narrow.page.evaluate(() => window.__acc.every((b, i) => b.isConnected && b.dataset.ssrTag === `acc-${i}`)
    && document.querySelectorAll('.fs-accordion button').length === window.__acc.length), true, 'the same server nodes, tags intact');
  assert.equal(await narrow.page.evaluate(() => window.__attrs), 0, 'the hidden table was not walked');
  // The accordion answers: open a layer, then a cell in it.
  const layer = narrow.page.locator('.fs-acc-layer').nth(2);
  await layer.locator('summary').click();
  const chosen = layer.locator('.fs-acc-tools button').first();
  await chosen.click();
  await layer.locator('.fs-detail:not([aria-busy])').waitFor();
  assert.equal(await narrow.page.evaluate(() => window.__acc.includes(document.querySelector('.fs-accordion button[aria-pressed="true"]'))), true);
  // Printing shows the table: it goes live on `beforeprint`, with the reader's selection.
  // (Checked before the print media applies: that shows the table on screen, which would
  // bring it live even without the print hook; a real print lays out apart from the screen.)
  const selected = await chosen.getAttribute('data-pos');
  const printed = narrow.page.locator(`table.fs-matrix button[data-pos="${selected}"]`);
  assert.equal(await printed.getAttribute('aria-pressed'), 'false', 'still the server\'s table');
  await narrow.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await printed.getAttribute('aria-pressed'), 'true', 'the table to print shows the selection');
  await narrow.page.emulateMedia({ media: 'print' });
  assert.equal(await narrow.page.locator('table.fs-matrix').isVisible(), true);
  assert.deepEqual(narrow.errors, []);
  await narrow.context.close();

  // 1280 px: the table is shown and hydrated; the accordion, hidden, is left as it is.
  const wide = await openHeld(browser, `${server.origin}/embed.html?view=chart`, { width: 1280, height: 900 });
  await wide.page.evaluate(countAttributeChanges, '.fs-accordion');
  wide.release();
  await appReady(wide.page);
  assert.equal(await wide.page.evaluate(() => window.__attrs), 0, 'the hidden accordion was not walked');
  // A cell chosen in the table; then the widget narrows (a window resized, a tablet turned).
  const cell = wide.page.locator('table.fs-matrix td button').nth(13);
  const [target, key] = [await cell.getAttribute('data-pos'), await cell.locator('.fs-visually-hidden').innerText()];
  await cell.click();
  await wide.page.locator('.fs-side .fs-detail:not([aria-busy])').waitFor();
  // Errors the page hears (a page changed while resize observations are delivered gets a
  // "ResizeObserver loop" error event, which Chromium does not log to the console).
  await wide.page.evaluate(() => { window.__errors = []; addEventListener('error', (e) => window.__errors.push(e.message)); });
  await wide.page.setViewportSize({ width: 375, height: 800 });
  // The accordion is live now, its layers all there, the selection open in place.
  const acc = wide.page.locator('.fs-accordion');
  const pressed = acc.locator('button[aria-pressed="true"]');
  await pressed.waitFor();
  assert.equal(await acc.locator('details.fs-acc-layer:not(.fs-acc-tools-all)').count(),
    await wide.page.locator('table.fs-matrix tbody th[scope="row"]').count());
  assert.equal(await pressed.getAttribute('data-pos'), target);
  assert.equal(await pressed.isVisible(), true, 'its layer is open');
  assert.equal(await acc.locator('.fs-detail h3').isVisible(), true, 'the panel under it');
  assert.ok(key.startsWith((await acc.locator('.fs-detail h3').innerText()).split(' \u00d7 ')[0]), key);
  // And it answers: another cell of the open layer opens its own panel.
  const other = acc.locator('details[open] .fs-acc-tools button[aria-pressed="false"]').first();
  const otherPos = await other.getAttribute('data-pos');
  await other.click();
  await acc.locator(`button[data-pos="${otherPos}"][aria-pressed="true"]`).waitFor();
  await acc.locator('.fs-detail:not([aria-busy])').waitFor();
  assert.deepEqual(await wide.page.evaluate(() => window.__errors), []);
  assert.deepEqual(wide.errors, []);
  await wide.context.close();
});

/** Run in the page before anything else: records, at the first mutation batch in which
 *  `data-live` is on the widget's root, what that root shows (a MutationObserver's callback
 *  runs before the browser can paint, so this is what the first frame with `data-live` shows). */
const FIRST_LIVE = () => {
  new MutationObserver((records, observer) => {
    const fs = document.querySelector('.fs[data-live]');
    if (!fs) return;
    observer.disconnect();
    window.__firstLive = {
      data: fs.getAttribute('data-data'),
      detail: fs.querySelector('.fs-side .fs-detail')?.getAttribute('data-target') ?? null,
    };
  }).observe(document, { attributes: true, attributeFilter: ['data-live'], subtree: true });
};

test('data-live marks the live app: absent from the prerendered page, and from the moment it is set, the deep link is applied', async () => {
  const { page, context, errors, release } = await openHeld(browser, `${server.origin}/index.html#chart/data-centers/compute`, { init: FIRST_LIVE });
  // The prerendered page already has tabs, a selected tab and the chart: only data-live
  // tells the static page from the app.
  assert.equal(await page.locator('[role="tab"][aria-selected="true"]').count(), 1);
  assert.equal(await page.locator('.fs[data-live]').count(), 0);
  assert.equal(await page.locator('.fs-detail').count(), 0, 'the static page opens no cell');
  // On a slow CPU, where Yew yields between hydration and the render that applies the link.
  await slowCpu(page);
  release();
  await appReady(page);
  // No further waiting: once the app's first live render is there, it has applied the link.
  assert.equal(await page.locator('.fs-side .fs-detail[data-target="data-centers/compute"]').count(), 1);
  // And it was there in the very mutation that set data-live: a host page or test that sees
  // data-live never sees the static page under it (data-data is set in the same render).
  const first = await page.evaluate(() => window.__firstLive);
  assert.equal(first?.detail, 'data-centers/compute', `when data-live appeared: ${JSON.stringify(first)}`);
  assert.ok(first.data, `data-data with data-live: ${JSON.stringify(first)}`);
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
