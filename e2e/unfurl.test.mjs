// Platforms that unfurl a pasted link (Ghost, Notion and other Iframely or Embedly users;
// Slack, X and Facebook for the card): dist/ built with FULL_STACK_BASE_URL is hosted on
// a test server, and unfurl.js (pinned in package.json), an oEmbed, Open Graph and
// Twitter-card consumer, is given the page's address, as a platform would be: it
// discovers oembed.json from the page's <link>, fetches it and parses it. Then the
// oEmbed HTML is put into a post, as the platform would, and the widget must run in it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unfurl } from 'unfurl.js';
import { serve, launch, open, appReady, DIST } from './harness.mjs';
import { build, pngSize } from '../scripts/dist.mjs';

let dir, server, base, result;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'full-stack-unfurl-'));
  const site = path.join(dir, 'site');
  fs.mkdirSync(path.join(site, 'full-stack'), { recursive: true });
  // The server first: the build needs its address (absolute URLs in the card and oEmbed).
  server = await serve(site);
  base = `${server.origin}/full-stack/`;
  fs.cpSync(DIST, path.join(site, 'full-stack'), { recursive: true });
  build(path.join(site, 'full-stack'), { FULL_STACK_BASE_URL: base });
  result = await unfurl(base, { oembed: true });
  console.log(`# unfurl.js result for ${base}:\n${JSON.stringify(result, null, 2).replace(/^/gm, '# ')}`);
});
after(async () => {
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the oEmbed response is discovered from index.html, fetched and parsed: a rich iframe with title, provider and thumbnail', () => {
  const o = result.oEmbed;
  assert.ok(o, 'unfurl.js found the oEmbed response');
  assert.equal(o.type, 'rich');
  assert.equal(o.version, '1.0');
  assert.equal(o.title, result.title, 'the page\'s title');
  assert.match(o.title, /^Full Stack: China/);
  assert.equal(o.provider_name, '127.0.0.1');
  assert.equal(o.provider_url, `${server.origin}/`);
  // Rich: html, width and height are required; the html is one iframe of embed.html.
  assert.ok(o.width >= 320 && o.width <= 1200 && o.height >= 400 && o.height <= 1600, `${o.width}×${o.height}`);
  assert.match(o.html, new RegExp(`^<iframe src="${base}embed\\.html" title="[^"<>]+" width="${o.width}" height="${o.height}" [^<>]*></iframe>$`));
  assert.doesNotMatch(o.html, /<script/i);
  assert.deepEqual(o.thumbnails, [{ url: `${base}card.png`, width: 1200, height: 630 }]);
  // Where it was found: the page's discovery link, and nowhere else.
  const index = fs.readFileSync(path.join(dir, 'site/full-stack/index.html'), 'utf8');
  assert.equal((index.match(/type="application\/json\+oembed"/g) || []).length, 1);
  assert.ok(server.requests.includes('/full-stack/oembed.json'), 'unfurl.js fetched oembed.json');
});

test('the link card: og:image and twitter:image are card.png at 1200×630, with summary_large_image', async () => {
  const og = result.open_graph;
  assert.equal(og.url, base);
  assert.deepEqual(og.images.map(({ url, width, height, type }) => ({ url, width, height, type })), [
    { url: `${base}card.png`, width: 1200, height: 630, type: 'image/png' },
  ]);
  assert.equal(result.twitter_card.card, 'summary_large_image');
  assert.equal(result.twitter_card.images[0].url, `${base}card.png`);
  // The image is what the tags say.
  const png = Buffer.from(await (await fetch(`${base}card.png`)).arrayBuffer());
  assert.deepEqual(pngSize(png), { width: 1200, height: 630 });
  assert.ok(png.length > 30000, 'a picture, not an empty canvas');
});

test('the oEmbed HTML, put into a post as a platform would, shows the working widget', async () => {
  const post = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,"></head>`
    + `<body><article><h1>A post</h1>${result.oEmbed.html}</article></body></html>`;
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.route('**/blog/post.html', (route) => route.fulfill({ contentType: 'text/html', body: post }));
    await page.goto(`${server.origin}/blog/post.html`);
    const frame = page.frameLocator('iframe');
    await appReady(page, frame);
    await frame.locator('.fs-matrix button[data-pos="1-1"]').click();
    await frame.locator('.fs-side .fs-detail').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await browser.close();
  }
});
