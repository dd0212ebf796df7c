// The on-demand data (data.json: quiz, key points, timeline) when it is not what the
// build wrote: missing, truncated, tampered with, or from another version. Each view that
// needs it says so plainly, the chart keeps working, and nothing crashes. The file is
// replaced by route interception; the rest of dist/ is served as built.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, appReady, DIST } from './harness.mjs';

const DATA = fs.readFileSync(path.join(DIST, 'data.json'), 'utf8');
const json = JSON.parse(DATA);

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A copy of the data with `edit` applied. */
function edited(edit) {
  const copy = JSON.parse(DATA);
  edit(copy);
  return JSON.stringify(copy);
}

const CASES = [
  { what: 'missing (HTTP 404)', status: 404, body: 'not found', says: /could not be loaded/ },
  { what: 'truncated', body: DATA.slice(0, Math.floor(DATA.length / 2)), says: /damaged/ },
  { what: 'not JSON', body: '<!doctype html><title>Error</title>', says: /damaged/ },
  { what: 'tampered (an answer out of range)', body: edited((d) => { d.questions[0].correct = 7; }), says: /damaged/ },
  { what: 'tampered (a question removed)', body: edited((d) => { d.questions.pop(); }), says: /damaged/ },
  { what: 'tampered (a field of the wrong type)', body: edited((d) => { d.events[0].cells = 'all'; }), says: /damaged/ },
  { what: 'from another version', body: edited((d) => { d.version = `${d.version}-old`; }), says: /another version/ },
];

for (const c of CASES) {
  test(`data.json ${c.what}: the data views say so, the chart still works, nothing crashes`, async () => {
    assert.ok(json.questions.length > 0, 'the real data has questions');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    let served = 0;
    await context.route('**/data.json', (route) => {
      served += 1;
      return route.fulfill({ status: c.status || 200, contentType: 'application/json', body: c.body });
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      // The browser's own line for a 404 is expected; anything else is not.
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
    });
    // The quiz needs the data at once: it is asked for without waiting for idle time.
    await page.goto(`${server.origin}/embed.html?view=quiz`);
    await appReady(page);
    assert.equal(await page.locator('.fs').getAttribute('data-data'), 'failed');
    assert.equal(served, 1, 'asked for once');
    for (const view of ['quiz', 'points', 'timeline']) {
      await page.locator(`#fs-tab-${view}`).click();
      const alert = page.locator(`#fs-panel-${view} .fs-data-error[role="alert"]`);
      await alert.waitFor();
      assert.match(await alert.innerText(), c.says, `${view}: ${await alert.innerText()}`);
      assert.equal(await page.locator(`#fs-panel-${view} .fs-loading`).count(), 0, `${view}: no endless loading line`);
    }
    // The chart, baked into the wasm, works: a cell opens with its sources.
    await page.locator('#fs-tab-chart').click();
    await page.locator('table.fs-matrix td[data-state="shown"] button.fs-cell').first().click();
    const panel = page.locator('.fs-side .fs-detail:not([aria-busy])');
    await panel.waitFor();
    assert.ok(await panel.locator('li.fs-source').count() > 0, 'the panel lists its sources');
    assert.equal(await page.locator('.fs-error, .fs-panic').count(), 0, 'no error box');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the chart view does not fetch data.json before the page is idle, then prefetches it once', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const order = [];
  page.on('request', (r) => order.push(new URL(r.url()).pathname));
  await page.goto(`${server.origin}/embed.html?view=chart`);
  await appReady(page);
  assert.equal(await page.locator('.fs').getAttribute('data-data'), 'ready');
  const wasm = order.indexOf('/widget_bg.wasm');
  const data = order.indexOf('/data.json');
  assert.ok(wasm >= 0 && data > wasm, `data.json after the wasm: ${order.join(' ')}`);
  assert.equal(order.filter((p) => p === '/data.json').length, 1, 'fetched once');
  await context.close();
});
