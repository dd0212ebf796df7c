// The pages served with the Content-Security-Policy `make dist` writes for each of them
// (dist/csp.txt): the inline boot script runs (the address's view before the wasm, taps
// kept), the app goes live, every view works, and the browser blocks nothing. A host that
// sends its own policy uses these; without the boot script's hash, the check below sees
// the violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, openHeld, appReady, DIST } from './harness.mjs';
import { answerOneQuizQuestion, selectedTab, until } from './embed-helpers.mjs';
import { CSP_FILE, readCsp, inlineHashes } from '../scripts/dist.mjs';

const policies = readCsp(fs.readFileSync(path.join(DIST, CSP_FILE), 'utf8'));
const bootHash = inlineHashes(fs.readFileSync(path.join(DIST, 'embed.html'), 'utf8')).scripts[0];

let server, browser;
before(async () => {
  server = await serve(DIST, {}, { headers: (p) => (policies[p] ? { 'content-security-policy': policies[p] } : {}) });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Records every CSP violation in each document, before its own scripts run (an init
 *  script for `open` and `openHeld`, which record console errors and uncaught exceptions
 *  in the page and in any tab it opens). */
function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
}

const violations = (page) => page.evaluate(() => window.__violations);

test('dist/csp.txt gives every page a policy that allows inline code only by hash', () => {
  for (const p of ['/', '/index.html', '/embed.html', '/transcript.html', '/sources.html', '/full-stack.html']) {
    const policy = policies[p];
    assert.ok(policy, `a policy for ${p}`);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/, `${p}: nothing but hashes for inline code`);
    assert.match(policy, /(^|; )default-src 'self'(;|$)/);
    assert.match(policy, /(^|; )object-src 'none'(;|$)/);
  }
  assert.match(policies['/embed.html'], new RegExp(`script-src [^;]*${bootHash.replace(/[+/=]/g, '\\$&')}`));
  assert.doesNotMatch(policies['/transcript.html'], /wasm-unsafe-eval/, 'no WebAssembly where no widget runs');
});

for (const [name, url] of [['index.html', '/#quiz'], ['embed.html', '/embed.html?view=quiz']]) {
  test(`${name} under its policy: the boot script runs before the wasm, taps are kept, every view works, nothing is blocked`, async () => {
    const { page, context, errors, release } = await openHeld(browser, server.origin + url, { init: recordViolations });
    // The boot script showed the address's view before any wasm ran, and records taps.
    assert.equal(await page.locator('.fs').getAttribute('data-view'), 'quiz', 'the quiz, as the address asks, before the wasm');
    await page.locator('#fs-tab-chart').click();
    const cell = page.locator('.fs-matrix button.fs-cell[data-pos="3-2"]');
    await cell.click();
    assert.equal(await cell.getAttribute('data-tapped'), '', 'the tapped cell shows its ring before the app runs');
    release();
    await appReady(page);
    // The taps applied: the chart, the cell's panel.
    assert.equal(await selectedTab(page), 'fs-tab-chart');
    await page.locator('.fs-side .fs-detail').waitFor();
    assert.equal(await cell.getAttribute('aria-pressed'), 'true');
    // Every view, the on-demand data (data.json) included.
    await page.locator('#fs-tab-points').click();
    await page.locator('#fs-panel-points .fs-point').first().waitFor();
    await page.locator('#fs-tab-timeline').click();
    await page.locator('#fs-panel-timeline .fs-event').first().waitFor();
    await page.locator('#fs-tab-quiz').click();
    await answerOneQuizQuestion(page);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('transcript.html and sources.html under their policies: the transcript marks the cited lines, nothing is blocked', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/transcript.html#L120-125', { init: recordViolations });
  await until(page, 'the cited lines marked by the inline script', async () => (await page.locator('.tr-target').count()) === 6);
  assert.deepEqual(await violations(page), []);
  const sources = await context.newPage();
  await sources.goto(server.origin + '/sources.html');
  assert.ok(await sources.locator('table, section, h2').count() > 0);
  assert.deepEqual(await violations(sources), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('full-stack.html under its policy: the app runs from the inline wasm and data, its transcript opens, nothing is blocked', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/full-stack.html#points', { init: recordViolations });
  await appReady(page);
  const link = page.locator('#fs-panel-points .fs-point a.fs-cite').first();
  await link.waitFor();
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  assert.match(tab.url(), /^blob:/);
  await until(tab, 'the cited lines marked', async () => (await tab.locator('.tr-target').count()) > 0);
  assert.deepEqual(await violations(tab), [], 'the transcript opened from a Blob URL inherits the policy');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the check sees a blocked boot script: embed.html under a policy without the boot script's hash", async () => {
  const strict = policies['/embed.html'].replace(` ${bootHash}`, '');
  assert.notEqual(strict, policies['/embed.html']);
  const other = await serve(DIST, {}, { headers: (p) => (p === '/embed.html' ? { 'content-security-policy': strict } : {}) });
  try {
    const { page, context } = await open(browser, other.origin + '/embed.html?view=quiz', { init: recordViolations });
    await appReady(page);
    const seen = await violations(page);
    assert.equal(seen.length, 1, JSON.stringify(seen));
    assert.match(seen[0], /^script-src/);
    await context.close();
  } finally {
    await other.close();
  }
});
