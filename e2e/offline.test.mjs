// The single file (dist/full-stack.html), copied alone into an empty folder and
// opened from disk: it works fully and makes no network request at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launch, appReady, hashOnceIs } from './harness.mjs';
import { selectedTab, answerOneQuizQuestion, offlineContext } from './embed-helpers.mjs';

let browser, dir;
before(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'full-stack-offline-'));
  fs.copyFileSync(path.join(DIST, 'full-stack.html'), path.join(dir, 'full-stack.html'));
  fs.writeFileSync(path.join(dir, 'host.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Saved page</title></head><body>
<iframe id="frame" sandbox="allow-scripts" src="full-stack.html" title="Full Stack explainer" style="width:1000px;height:1200px;border:0"></iframe>
</body></html>`);
});
after(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('full-stack.html from file:// works alone and makes zero requests', async () => {
  const { context, requests, errors } = await offlineContext(browser);
  const page = await context.newPage();
  const url = pathToFileURL(path.join(dir, 'full-stack.html')).href;
  await page.goto(url);
  await appReady(page);
  assert.match(await page.locator('.fs-header h2').innerText(), /Full Stack/);
  await page.locator('#fs-tab-quiz').click();
  assert.equal(await selectedTab(page), 'fs-tab-quiz');
  assert.equal(await page.locator('#fs-panel-quiz').isVisible(), true);
  assert.match(await hashOnceIs(page, /^#quiz/), /^#quiz/, 'deep links work from disk too');
  assert.match(await answerOneQuizQuestion(page), /^1 of 10 answered/);
  await page.locator('.fs-theme select').selectOption('dark');
  assert.equal(await page.locator('.fs').getAttribute('data-theme'), 'dark');
  // Only the document itself: no fetch of wasm, glue, styles, fonts or anything else.
  assert.deepEqual(requests, [url]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('full-stack.html in an iframe sandboxed without allow-same-origin (storage throws there)', async () => {
  const { context, requests, errors } = await offlineContext(browser);
  const page = await context.newPage();
  const host = pathToFileURL(path.join(dir, 'host.html')).href;
  await page.goto(host);
  const frame = page.frameLocator('#frame');
  await appReady(page, frame);
  const inner = page.frames().find((f) => f !== page.mainFrame());
  assert.equal(await inner.evaluate(() => { try { return typeof window.localStorage; } catch (e) { return e.name; } }),
    'SecurityError', 'the sandbox really makes storage throw');
  await frame.locator('#fs-tab-quiz').click();
  assert.equal(await selectedTab(frame), 'fs-tab-quiz');
  assert.match(await answerOneQuizQuestion(frame), /^1 of 10 answered/);
  // Progress lives in memory here: it survives a trip to another tab.
  await frame.locator('#fs-tab-timeline').click();
  assert.equal(await selectedTab(frame), 'fs-tab-timeline');
  await frame.locator('#fs-tab-quiz').click();
  assert.match(await frame.locator('.fs-progress-text').innerText(), /^1 of 10 answered/);
  assert.deepEqual(requests, [host, pathToFileURL(path.join(dir, 'full-stack.html')).href]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('full-stack.html instantiates the wasm asynchronously, never with a synchronous compile', () => {
  const html = fs.readFileSync(path.join(DIST, 'full-stack.html'), 'utf8');
  const boot = html.slice(html.lastIndexOf('// Boot:'));
  assert.match(boot, /await \w+\(\{ module_or_path: fullStackBytes \}\)/);
  assert.doesNotMatch(boot, /initSync|new WebAssembly\.Module/);
  // Nothing but data: URLs (the empty favicon, which spares a hosted copy a favicon.ico request).
  assert.doesNotMatch(html, /<(link|img|iframe)\b[^>]*\b(href|src)=(?!"data:)/i, 'no external resources');
  assert.doesNotMatch(html, /<script\b[^>]*\bsrc=/i);
});
