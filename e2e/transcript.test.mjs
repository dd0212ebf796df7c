// The transcript page (dist/transcript.html) and the links to it: a quote in the chart
// detail, a quiz feedback, a key point and a timeline event each open the transcript in a
// new tab at its lines, highlighted, and those lines hold the quoted words; the page works
// without JavaScript, passes axe in both colour schemes, fits 320 px, prints cleanly; the
// single file opens its own copy from file:// with zero requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, serve, launch, open, appReady, axe } from './harness.mjs';
import { hostPage, elementReady, until, offlineContext } from './embed-helpers.mjs';

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve(DIST, {
    '/host.html': hostPage('<full-stack-explainer cell="data-centers/compute"></full-stack-explainer>'),
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Words, lower case, punctuation and quote marks dropped ("[Baidu]" → "baidu"). */
function words(text) {
  return text.toLowerCase().replace(/[\u2018\u2019']/g, '').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
}

/** Is `needle` a subsequence of `hay` (the quote drops fillers, stutters and omissions)? */
function subsequence(needle, hay) {
  let i = 0;
  for (const w of hay) if (w === needle[i]) i++;
  return i === needle.length;
}

/** The range a transcript link names: "transcript.html#L12-14" → [12, 14]. */
function range(href) {
  const m = /transcript\.html#L(\d+)(?:-(\d+))?$/.exec(href);
  assert.ok(m, `a transcript link: ${href}`);
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

/** The quoted ranges the transcript page lists, with the widget routes that quote them,
 *  for one kind of citation ("cell", "question", "point", "event"). */
async function citations(kind) {
  const { page, context } = await open(browser, `${server.origin}/transcript.html`);
  const found = await page.locator(`.tr-cite li[data-kind="${kind}"] a`).evaluateAll((links) => links.map((a) => ({
    route: a.getAttribute('href').replace(/^index\.html#/, ''),
    lines: a.closest('.tr-cite').getAttribute('data-lines'),
  })));
  await context.close();
  assert.ok(found.length > 0, `the transcript lists quotes of kind ${kind}`);
  return found;
}

/** A sample: the first, the middle and the last. */
function sample(list) {
  return [...new Set([0, Math.floor(list.length / 2), list.length - 1])].map((i) => list[i]);
}

/** Clicks `link` (a quote's transcript link), which opens a new tab; checks the tab
 *  shows the transcript at the link's lines, highlighted, holding the quoted words.
 *  Returns the tab. */
async function followQuote(context, link, quote) {
  const href = await link.getAttribute('href');
  const [a, b] = range(href);
  assert.equal(await link.getAttribute('target'), '_blank', `${href} opens in a new tab`);
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  assert.ok(tab.url().endsWith(`transcript.html#L${a}${b > a ? `-${b}` : ''}`) || tab.url().startsWith('blob:'), tab.url());
  assert.ok(tab.url().endsWith(`#L${a}${b > a ? `-${b}` : ''}`), `the fragment survives: ${tab.url()}`);
  await until(tab, 'the highlighted lines', async () => (await tab.locator('.tr-target').count()) === b - a + 1);
  const ids = await tab.locator('.tr-target').evaluateAll((els) => els.map((e) => e.id));
  assert.deepEqual(ids, Array.from({ length: b - a + 1 }, (_, i) => `L${a + i}`));
  const lines = await tab.locator('.tr-target').allInnerTexts();
  const q = words(quote);
  assert.ok(q.length >= 3, `a quote: ${quote}`);
  assert.ok(subsequence(q, words(lines.join(' '))), `lines ${a}-${b} hold the quote\n  quote: ${quote}\n  lines: ${lines.join(' ')}`);
  // Tight: the first quoted word is on the first line, the last on the last.
  assert.ok(words(lines[0]).includes(q[0]), `"${q[0]}" on line ${a}: ${lines[0]}`);
  assert.ok(words(lines[lines.length - 1]).includes(q[q.length - 1]), `"${q[q.length - 1]}" on line ${b}`);
  // In view, and marked for assistive technology too.
  const box = await tab.locator(`#L${a}`).boundingBox();
  const height = tab.viewportSize().height;
  assert.ok(box && box.y >= 0 && box.y < height, `line ${a} is in view (y = ${box?.y})`);
  assert.equal(await tab.locator('[aria-current="location"]').count(), b - a + 1);
  return tab;
}

/** The widget at `route`; `reveal` then shows the quote; the quote linking to `lines`. */
async function quoteAt(route, lines, reveal = async () => {}) {
  const { page, context, errors } = await open(browser, `${server.origin}/index.html#${route}`);
  await appReady(page);
  await reveal(page);
  const link = page.locator(`a.fs-cite[href="transcript.html#${lines}"]:visible`).first();
  await link.waitFor();
  const quote = await link.locator('xpath=ancestor::*[.//blockquote][1]').locator('blockquote').first().innerText();
  return { page, context, errors, link, quote };
}

async function checkKind(kind, reveal) {
  const list = await citations(kind);
  for (const c of sample(list)) {
    const { context, errors, link, quote } = await quoteAt(c.route, c.lines, reveal);
    const tab = await followQuote(context, link, quote);
    assert.equal(new URL(tab.url()).pathname, '/transcript.html');
    assert.deepEqual(errors, []);
    await context.close();
  }
}

test('a quote in a chart cell\'s detail opens the transcript at its lines, highlighted, in a new tab', async () => {
  await checkKind('cell');
});

test('the quote in a quiz question\'s feedback opens the transcript at its lines, highlighted', async () => {
  await checkKind('question', async (page) => {
    // The route's question, rendered live once the data is here (until then the page
    // shows the prerendered first question of the quick quiz).
    await page.locator('#fs-panel-quiz').getByText('Practice question', { exact: true }).waitFor();
    await page.locator('.fs-option').first().click();
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('.fs-feedback').waitFor();
  });
});

test('a key point\'s quote opens the transcript at its lines, highlighted', async () => {
  await checkKind('point');
});

test('a timeline event\'s episode source opens the transcript at its lines, highlighted', async () => {
  await checkKind('event', async (page) => {
    await page.locator('.fs-event[aria-current="true"] .fs-event-sources summary').click();
  });
});

test('the transcript links back to what quotes it: each route opens the widget there', async () => {
  const { page, context } = await open(browser, `${server.origin}/transcript.html#L1`);
  const groups = await page.locator('.tr-cite').count();
  assert.ok(groups >= 250, `${groups} quoted ranges`);
  // Every back-link goes to the widget page, at a route of the kinds the widget knows.
  const hrefs = await page.locator('.tr-cite li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const h of hrefs) assert.match(h, /^index\.html#(chart\/[a-z-]+\/[a-z-]+|quiz\/q\/[\w-]+|points\/[\w-]+\/\d+|timeline\/[\w-]+)$/);
  // One of them, followed: the key points view opens at that point, marked current.
  const back = page.locator('.tr-cite li[data-kind="point"] a').first();
  const route = (await back.getAttribute('href')).replace('index.html#', '');
  const label = (await back.innerText()).replace(/^Key point: /, '').replace(/\u2026$/, '');
  await back.click();
  await appReady(page);
  assert.equal(new URL(page.url()).hash, `#${route}`);
  const point = page.locator('#fs-panel-points .fs-point[aria-current="true"]');
  await point.waitFor();
  assert.equal(await point.count(), 1);
  assert.ok((await point.locator('.fs-point-text').innerText()).startsWith(label.trim()), label);
  await context.close();
});

test('with JavaScript off the transcript is all there and a range link jumps to its anchor', async () => {
  const lines = fs.readFileSync(path.join(DIST, '..', 'content', 'transcript.txt'), 'utf8').replace(/\n$/, '').split('\n').length;
  const probe = await open(browser, `${server.origin}/transcript.html`);
  const ranges = await probe.page.locator('.tr-anchor').evaluateAll((els) => els.map((e) => e.id));
  await probe.context.close();
  const target = ranges[Math.floor(ranges.length * 0.6)];
  const { page, context } = await open(browser, `${server.origin}/transcript.html#${target}`, { javaScriptEnabled: false, height: 700 });
  assert.equal(await page.locator('.tr-l').count(), lines, 'every transcript line is in the page');
  assert.equal(await page.locator('.tr-target').count(), 0, 'no script ran');
  const [a] = target.slice(1).split('-').map(Number);
  const box = await page.locator(`#L${a}`).boundingBox();
  assert.ok(box.y >= 0 && box.y < 700, `#${target} brought line ${a} into view (y = ${box.y})`);
  // The first line of the range is marked by CSS alone (:target), unlike the next one.
  const bg = (sel) => page.locator(sel).evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(await bg(`#L${a}`), await bg(`#L${a + 1}`));
  // A section from the contents.
  await page.locator('.tr-toc a').nth(3).click();
  const h = await page.locator('.tr-section-h').nth(3).boundingBox();
  assert.ok(h.y >= 0 && h.y < 200, `the section heading is at the top (y = ${h.y})`);
  await context.close();
});

for (const width of [375, 1280]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`transcript.html opened at a quote has no axe violations at ${width} px, ${colorScheme}`, async () => {
      const { page, context, errors } = await open(browser, `${server.origin}/transcript.html#L997-999`, { width, colorScheme });
      await page.locator('.tr-target').first().waitFor();
      const violations = await axe(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('transcript.html has no horizontal scroll at 320 px and loads nothing but itself', async () => {
  const { page, context, requests } = await open(browser, `${server.origin}/transcript.html#L1155`, { width: 320, height: 640 });
  await page.locator('.tr-target').first().waitFor();
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `scrollWidth ${scroll} > ${client}`);
  assert.deepEqual(requests, [`${server.origin}/transcript.html#L1155`].map((u) => u.replace(/#.*/, '')));
  await context.close();
});

test('transcript.html prints black on white without the back-links', async () => {
  const { page, context } = await open(browser, `${server.origin}/transcript.html#L997-999`, { colorScheme: 'dark' });
  await page.locator('.tr-target').first().waitFor();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const style = (sel, prop) => page.locator(sel).first().evaluate((el, p) => getComputedStyle(el)[p], prop);
  assert.equal(await style('.tr-cites', 'display'), 'none');
  assert.equal(await style('.tr-toc', 'display'), 'none');
  assert.equal(await style('body', 'color'), 'rgb(0, 0, 0)');
  assert.equal(await style('html', 'backgroundColor'), 'rgb(255, 255, 255)');
  assert.equal(await style('.tr-target', 'backgroundColor'), 'rgba(0, 0, 0, 0)');
  assert.ok(parseFloat(await style('.tr-n', 'fontSize')) < parseFloat(await style('.tr-text', 'fontSize')));
  assert.equal(await style('.tr-l', 'color'), 'rgb(0, 0, 0)');
  await context.close();
});

test('the transcript text is not in the wasm (only the quotes the chart shows)', async () => {
  const { page, context } = await open(browser, `${server.origin}/transcript.html`);
  const plain = await page.locator('.tr-l:not(.tr-cited)').evaluateAll((els) => els.map((e) => e.textContent.replace(/^\d+/, '').trim()).filter((t) => t.length >= 30));
  await context.close();
  assert.ok(plain.length > 50);
  const wasm = fs.readFileSync(path.join(DIST, 'widget_bg.wasm')).toString('latin1');
  const leaked = plain.filter((t) => wasm.includes(t));
  assert.deepEqual(leaked, []);
});

test('from embed.html and the custom element a quote opens the transcript beside them', async () => {
  // The iframe target: a relative link, opened in a new tab beside embed.html.
  const embed = await open(browser, `${server.origin}/embed.html?view=chart&cell=data-centers/compute`);
  await appReady(embed.page);
  const link = embed.page.locator('.fs-detail a.fs-cite:visible').first();
  const quote = await link.locator('xpath=ancestor::*[.//blockquote][1]').locator('blockquote').first().innerText();
  const tab = await followQuote(embed.context, link, quote);
  assert.equal(new URL(tab.url()).origin + new URL(tab.url()).pathname, `${server.origin}/transcript.html`);
  await embed.context.close();
  // The custom element on a host page: absolute links to the transcript beside full-stack.js.
  const host = await open(browser, `${server.origin}/host.html`);
  await elementReady(host.page, 'full-stack-explainer');
  const cite = host.page.locator('full-stack-explainer a.fs-cite:visible').first();
  await cite.waitFor();
  assert.match(await cite.getAttribute('href'), new RegExp(`^${server.origin}/transcript\\.html#L\\d+(-\\d+)?$`));
  const q = await cite.locator('xpath=ancestor::*[.//blockquote][1]').locator('blockquote').first().innerText();
  const t2 = await followQuote(host.context, cite, q);
  assert.equal(new URL(t2.url()).pathname, '/transcript.html');
  await host.context.close();
});

test('the single file opens its own transcript from file:// with zero requests', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'full-stack-transcript-'));
  try {
    fs.copyFileSync(path.join(DIST, 'full-stack.html'), path.join(dir, 'full-stack.html'));
    const url = pathToFileURL(path.join(dir, 'full-stack.html')).href;
    const { context, requests, errors } = await offlineContext(browser);
    const page = await context.newPage();
    await page.goto(`${url}#points`);
    await appReady(page);
    const link = page.locator('#fs-panel-points .fs-point a.fs-cite').nth(3);
    await link.waitFor();
    const quote = await link.locator('xpath=ancestor::*[.//blockquote][1]').locator('blockquote').first().innerText();
    const tab = await followQuote(context, link, quote);
    assert.match(tab.url(), /^blob:/);
    // Its links back carry the file's address, show the route in the explainer and close
    // the transcript's tab.
    const back = tab.locator('.tr-cite li[data-kind="point"] a').first();
    const href = await back.getAttribute('href');
    assert.ok(href.startsWith(`${url}#points/`), href);
    const route = new URL(href).hash;
    // The click closes the tab: Playwright may then report the click's target as closed,
    // which is the outcome awaited here (any other error still fails).
    const clicked = back.click().catch((e) => { if (!/has been closed/.test(e.message)) throw e; });
    await Promise.all([tab.waitForEvent('close'), clicked]);
    await until(page, 'the explainer at the route', async () => (await page.evaluate(() => location.hash)) === route);
    // Nothing but the file itself and the transcript's Blob URL.
    assert.deepEqual(requests.filter((r) => !r.startsWith('blob:')), [`${url}`]);
    assert.equal(requests.filter((r) => r.startsWith('blob:')).length, 1);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
