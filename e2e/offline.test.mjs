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

/** Clicks the download link `selector` and returns the file the browser saved: its name and bytes. */
async function download(page, selector) {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  assert.equal(await saved.failure(), null, `${selector}: saved`);
  return { name: saved.suggestedFilename(), bytes: fs.readFileSync(await saved.path()) };
}

test('full-stack.html from file://, alone: each download saves the file the hosted page serves, and the reader stays on the page', async () => {
  const { context, requests, errors } = await offlineContext(browser);
  const page = await context.newPage();
  const url = pathToFileURL(path.join(dir, 'full-stack.html')).href;
  await page.goto(url);
  await appReady(page);
  const csv = await download(page, '[data-export="csv"]');
  assert.equal(csv.name, 'full-stack-china-ai-policy.csv');
  assert.ok(csv.bytes.equals(fs.readFileSync(path.join(DIST, 'full-stack.csv'))), 'the CSV is the hosted one, byte for byte (its byte-order mark too)');
  const svg = await download(page, '[data-export="svg"]');
  assert.equal(svg.name, 'full-stack-china-ai-policy.svg');
  assert.ok(svg.bytes.equals(fs.readFileSync(path.join(DIST, 'chart-all.svg'))), 'the image with everything');
  // The PNG is drawn here from the SVG: a PNG of the hosted one's size.
  const png = await download(page, '[data-export="png"]');
  assert.equal(png.name, 'full-stack-china-ai-policy.png');
  const hosted = fs.readFileSync(path.join(DIST, 'chart-all.png'));
  assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [hosted.readUInt32BE(16), hosted.readUInt32BE(20)]);
  // Under a filter the image follows it, as on the hosted page.
  await page.getByRole('radio', { name: 'Only what was said in the episode' }).check();
  await page.locator('[data-export="svg"][href="chart-episode.svg"]').waitFor();
  const episode = await download(page, '[data-export="svg"]');
  assert.ok(episode.bytes.equals(fs.readFileSync(path.join(DIST, 'chart-episode.svg'))), 'the filtered image');
  // Still on the widget's page, live; and nothing was fetched (the PNG's SVG is read from a
  // blob: URL made in the page, which is no request to any server).
  assert.equal(page.url().split('#')[0], url);
  assert.equal(await page.locator('.fs[data-live]').count(), 1);
  assert.deepEqual(requests.filter((r) => !r.startsWith('blob:')), [url]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('full-stack.html from file://, alone, in a browser without WebAssembly: the downloads still save their files, and every cell\'s evidence shows', async () => {
  const { context, errors } = await offlineContext(browser);
  await context.addInitScript(() => { delete window.WebAssembly; });
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(dir, 'full-stack.html')).href);
  await page.getByRole('alert').waitFor();
  const csv = await download(page, '[data-export="csv"]');
  assert.ok(csv.bytes.equals(fs.readFileSync(path.join(DIST, 'full-stack.csv'))));
  // The link under the notice shows every cell's evidence, from inside the file.
  await page.locator('.fs > .fs-fallback a').click();
  await page.locator('#fs-evidence-inline .fs-evidence-cell').first().waitFor();
  // Its quotes' links open the transcript the file carries, at their lines.
  const cite = page.locator('#fs-evidence-inline a.fs-cite').first();
  const lines = (await cite.getAttribute('href')).split('#')[1];
  const [transcript] = await Promise.all([context.waitForEvent('page'), cite.click()]);
  await transcript.waitForLoadState();
  assert.match(transcript.url(), new RegExp(`^blob:.*#${lines}$`), 'the transcript from inside the file');
  await transcript.locator(`[id="${lines.split('-')[0]}"]`).waitFor();
  await transcript.close();
  assert.equal(await page.locator('.fs[data-live]').count(), 0, 'the app never ran');
  assert.ok(errors.length > 0, 'the failure is in the console');
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
