// The post-build step (scripts/dist.mjs): templates, the link card, the CSS for the
// shadow root, and what it wrote into dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { DIST, ROOT } from './harness.mjs';
import { exportsOf, fill, remToPx, parseBaseUrl, socialTags, withSocialTags, escapeHtml, build, rootMarkup, bootScript, singleFileScript, withLoadFailureReported, ON_LOAD_FAILURE, pngSize, devArtefacts, assertReleaseBuild } from '../scripts/dist.mjs';
import zlib from 'node:zlib';
import { serve, launch, open, appReady } from './harness.mjs';

test('fill: every placeholder needs a value and every value a placeholder', () => {
  assert.equal(fill('<a>{{X}}</a>{{Y}}', { X: '1', Y: '$&$1' }), '<a>1</a>$&$1', 'values are inserted literally');
  assert.throws(() => fill('{{X}}{{Z}}', { X: '' }), /no value for \{\{Z\}\}/);
  assert.throws(() => fill('{{X}}', { X: '', Y: '' }), /no \{\{Y\}\} placeholder/);
});

test('remToPx: rem becomes px at 16px, nothing else changes', () => {
  assert.equal(remToPx('a{margin:0.75rem -1rem .5rem 2REM}'), 'a{margin:12px -16px 8px 2REM}');
  assert.equal(remToPx('.fs-remove{x:1.3rem} .x2rem{y:calc(1rem + 2px)}'), '.fs-remove{x:20.8px} .x2rem{y:calc(16px + 2px)}');
  assert.equal(remToPx('@media (max-width: 40rem) {}'), '@media (max-width: 640px) {}');
});

test('the base URL must be absolute http(s) and ends up with a trailing slash', () => {
  assert.equal(parseBaseUrl(undefined), null);
  assert.equal(parseBaseUrl('https://example.org/full-stack'), 'https://example.org/full-stack/');
  assert.equal(parseBaseUrl('https://example.org/fs/?x=1#y'), 'https://example.org/fs/');
  assert.throws(() => parseBaseUrl('example.org/fs'), /not a URL/);
  assert.throws(() => parseBaseUrl('javascript:alert(1)'), /must be http/);
});

test('link-card tags: escaped, absolute image with a base URL, none without, replaced on a rerun', () => {
  const tags = socialTags({ title: 'A "quoted" <title>', description: 'D & d', baseUrl: 'https://example.org/fs/' });
  assert.match(tags, /<meta property="og:title" content="A &quot;quoted&quot; &lt;title&gt;">/);
  assert.match(tags, /<meta property="og:description" content="D &amp; d">/);
  assert.match(tags, /<meta property="og:image" content="https:\/\/example\.org\/fs\/card\.png">/);
  assert.match(tags, /<meta name="twitter:image" content="https:\/\/example\.org\/fs\/card\.png">/);
  assert.match(tags, /<meta name="twitter:card" content="summary_large_image">/);
  assert.match(tags, /<link rel="alternate" type="application\/json\+oembed" href="https:\/\/example\.org\/fs\/oembed\.json" title="A &quot;quoted&quot; &lt;title&gt;">/);
  const bare = socialTags({ title: 't', description: 'd', baseUrl: null });
  assert.doesNotMatch(bare, /og:image|og:url|oembed/);
  assert.match(bare, /twitter:card" content="summary"/);
  const page = '<html><head><title>t</title>\n</head><body></body></html>';
  const once = withSocialTags(page, tags);
  assert.equal(withSocialTags(once, tags), once, 'running twice changes nothing');
  assert.equal((withSocialTags(once, bare).match(/og:title/g) || []).length, 1);
  // As Trunk writes index.html: its preload links on the line before </head>. A rerun
  // replaces the block and keeps them.
  const trunk = '<html><head><title>t</title>\n<link rel="modulepreload" href="./widget.js"><link rel="preload" href="./widget_bg.wasm"></head><body></body></html>';
  const first = withSocialTags(trunk, tags);
  assert.equal(withSocialTags(first, tags), first, 'running twice changes nothing');
  assert.match(withSocialTags(first, bare), /<link rel="modulepreload" href="\.\/widget\.js"><link rel="preload" href="\.\/widget_bg\.wasm">\s*<!-- full-stack: link card -->/);
});

test('escapeHtml escapes the five characters', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

test('the single-file script refuses glue without a default export or with </script', () => {
  assert.throws(() => singleFileScript('export function f() {}', new Uint8Array([0, 97, 115, 109])), /no default export/);
  assert.throws(() => singleFileScript('const s = "</script>"; export { init as default, debugPanic };', new Uint8Array()), /<\/script/);
  assert.throws(() => singleFileScript('export { init as default };', new Uint8Array()), /no debugPanic export/);
  const s = singleFileScript('async function init() {}\nexport { initSync, init as default, debugPanic };', new Uint8Array([0, 97, 115, 109]));
  assert.match(s, /const FULL_STACK_WASM = "AGFzbQ==";/);
  assert.ok(s.includes(`await init({ module_or_path: fullStackBytes })${ON_LOAD_FAILURE};`), s.slice(-400));
  // Minified glue: the boot calls the local names behind the exports.
  const m = singleFileScript('async function a(){}function b(){}export{a as default,b as debugPanic};', new Uint8Array());
  assert.ok(m.endsWith(`await a({ module_or_path: fullStackBytes })${ON_LOAD_FAILURE};\nwindow.wasmBindings = { debugPanic: b };\n`), m.slice(-400));
});

test("index.html's loader reports a failed load to the boot script, once, on every run", () => {
  const trunk = "<script type=\"module\">\nimport init, * as bindings from './widget.js';\nconst wasm = await init({ module_or_path: './widget_bg.wasm' });\n</script>";
  const once = withLoadFailureReported(trunk);
  assert.ok(once.includes(`const wasm = await init({ module_or_path: './widget_bg.wasm' })${ON_LOAD_FAILURE};`), once);
  assert.equal(withLoadFailureReported(once), once, 'a second run changes nothing');
  assert.throws(() => withLoadFailureReported('<script type="module">init();</script>'), /loader .* not found/);
  assert.ok(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').includes(ON_LOAD_FAILURE), 'dist/index.html has it');
});

test('dist/ holds the embed files, each page with its widget root', () => {
  for (const f of ['index.html', 'embed.html', 'embed.js', 'embed.css', 'full-stack.js', 'full-stack.html', 'demo/hostile-blog.html', 'palette.css', 'card.png']) {
    assert.ok(fs.existsSync(path.join(DIST, f)), `dist/${f}`);
  }
  // Each page holds the widget rendered at build time (for hydration), the boot script and
  // what a reader without JavaScript gets.
  for (const [page, mode] of [['index.html', 'page'], ['embed.html', 'embed'], ['full-stack.html', 'page']]) {
    const html = fs.readFileSync(path.join(DIST, page), 'utf8');
    const root = html.slice(html.indexOf(`<div id="full-stack" data-full-stack="${mode}" data-prerendered>`));
    assert.ok(root.length < html.length, `${page}: prerendered root`);
    assert.match(root.slice(0, root.indexOf('<!--/fs-prerender-->')), /<table class="fs-matrix"/, `${page}: the chart is in the HTML`);
    assert.match(html, /<!--\/fs-prerender-->\n<script>/, `${page}: boot script right after the root`);
    assert.match(html, /<noscript>/, `${page}: something for readers without JavaScript`);
    assert.equal(html.split('data-prerendered').length, 2, `${page}: one prerendered root`);
  }
  assert.match(fs.readFileSync(path.join(DIST, 'sources.html'), 'utf8'), /Every cell’s evidence, layer by layer/);
  const index = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(index, /<meta property="og:title" content="Full Stack/);
  const element = fs.readFileSync(path.join(DIST, 'full-stack.js'), 'utf8');
  assert.doesNotMatch(element, /\{\{CSS\}\}/);
  assert.doesNotMatch(element, /\d\s*rem\b/, 'no rem left in the shadow-root CSS');
});

/** Each stylesheet and script index.html links in `dir` with an integrity hash, with whether
 *  the hash matches the file (a browser drops a file whose hash does not). */
function linked(dir) {
  const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  return [...index.matchAll(/<link rel="(?:stylesheet|modulepreload)" href="\.\/([^"]+)"[^>]*integrity="sha384-([^"]+)"/g)].map(([, file, hash]) => {
    const bytes = fs.readFileSync(path.join(dir, file));
    return { file, text: bytes.toString(), matches: crypto.createHash('sha384').update(bytes).digest('base64') === hash };
  });
}

test('the stylesheets and the wasm glue ship minified, and index.html\'s integrity hashes match them', () => {
  const files = linked(DIST);
  assert.deepEqual(files.map((s) => s.file), ['palette.css', 'style.css', 'chart.css', 'quiz.css', 'page.css', 'widget.js']);
  for (const { file, text, matches } of files) {
    assert.ok(matches, `${file}: the integrity hash matches`);
    assert.ok(!text.includes('/*') && !text.includes('\n  '), `${file}: no comments, no indentation`);
    if (file.endsWith('.css')) {
      const source = fs.readFileSync(path.join(ROOT, 'www', file), 'utf8');
      assert.ok(text.length < 0.85 * source.length, `${file}: ${text.length} bytes against ${source.length} in www/`);
    }
  }
});

test('exportsOf reads a module\'s export list, minified or not', () => {
  assert.deepEqual([...exportsOf('export { initSync, init as default };')], [['initSync', 'initSync'], ['default', 'init']]);
  assert.deepEqual([...exportsOf('x();export{a as debugPanic,b as default,c};')], [['debugPanic', 'a'], ['default', 'b'], ['c', 'c']]);
  assert.deepEqual([...exportsOf('export function f() {}')], []);
});

test('FULL_STACK_BASE_URL puts absolute card URLs into index.html', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'full-stack-dist-'));
  try {
    fs.cpSync(DIST, dir, { recursive: true });
    build(dir, { FULL_STACK_BASE_URL: 'https://news.example.com/widgets/full-stack' });
    const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    assert.match(index, /<meta property="og:image" content="https:\/\/news\.example\.com\/widgets\/full-stack\/card\.png">/);
    assert.match(index, /<meta property="og:image:width" content="1200">/);
    assert.match(index, /<meta property="og:image:height" content="630">/);
    assert.deepEqual(pngSize(fs.readFileSync(path.join(dir, 'card.png'))), { width: 1200, height: 630 });
    const oembed = JSON.parse(fs.readFileSync(path.join(dir, 'oembed.json'), 'utf8'));
    assert.equal(oembed.thumbnail_url, 'https://news.example.com/widgets/full-stack/card.png');
    assert.match(oembed.html, /^<iframe src="https:\/\/news\.example\.com\/widgets\/full-stack\/embed\.html" /);
    assert.match(index, /<meta property="og:url" content="https:\/\/news\.example\.com\/widgets\/full-stack\/">/);
    assert.equal((index.match(/og:title/g) || []).length, 1);
    assert.equal(index.split('data-prerendered').length, 2, 'a second run does not duplicate the widget');
    assert.deepEqual(linked(dir).map((f) => f.file), linked(DIST).map((f) => f.file), 'a second run keeps every link (the glue\'s modulepreload too)');
    assert.match(index, /<link rel="preload" href="\.\/widget_bg\.wasm"/, 'a second run keeps the wasm preload');
    for (const { file, matches } of linked(dir)) assert.ok(matches, `a second run: ${file}'s integrity hash matches`);
    // The poster tells email readers where to go.
    assert.match(fs.readFileSync(path.join(dir, 'poster.svg'), 'utf8'), /take the quiz at news\.example\.com\/widgets\/full-stack</);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the poster: an SVG with the title and call to action, and a PNG of it at twice the size', () => {
  const svg = fs.readFileSync(path.join(DIST, 'poster.svg'), 'utf8');
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /Explore the chart and take the quiz/);
  assert.match(svg, /Full Stack: China’s industrial policy for AI/);
  const width = Number(svg.match(/<svg [^>]*width="(\d+)"/)[1]);
  const height = Number(svg.match(/<svg [^>]*height="(\d+)"/)[1]);
  const png = pngSize(fs.readFileSync(path.join(DIST, 'poster.png')));
  assert.deepEqual(png, { width: 2 * width, height: 2 * height });
  assert.ok(fs.statSync(path.join(DIST, 'poster.png')).size > 50000, 'a real picture, not an empty canvas');
  assert.throws(() => pngSize(Buffer.from('GIF89a............................')), /not a PNG/);
});

test('without FULL_STACK_BASE_URL: no oembed.json, no discovery link, still the card image in dist/', () => {
  const index = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  if (/og:url/.test(index)) return; // built with a base URL: the test above covers it
  assert.ok(!fs.existsSync(path.join(DIST, 'oembed.json')));
  assert.doesNotMatch(index, /json\+oembed/);
  assert.deepEqual(pngSize(fs.readFileSync(path.join(DIST, 'card.png'))), { width: 1200, height: 630 });
});

test('dist/ holds no development artefact, and a page with Trunk\'s live reload would be refused', () => {
  assert.deepEqual(devArtefacts(DIST), []);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'full-stack-artefact-'));
  try {
    fs.writeFileSync(path.join(dir, 'ok.html'), '<p>wss is only a word here</p>');
    assert.doesNotThrow(() => assertReleaseBuild(dir));
    fs.writeFileSync(path.join(dir, 'index.html'), "<script>const address = '{{__TRUNK_ADDRESS__}}'; const url = protocol + '://' + address + base + '.well-known/trunk/ws';</script>");
    assert.throws(() => assertReleaseBuild(dir), /index\.html: Trunk's live-reload placeholders/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('dist/full-stack.csv is exactly what the widget\'s "Download data (CSV)" gives', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const { page, context } = await open(browser, server.origin + '/?view=chart');
    await appReady(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="csv"]').click()]);
    const fromWidget = fs.readFileSync(await download.path());
    const fromDist = fs.readFileSync(path.join(DIST, 'full-stack.csv'));
    assert.ok(fromDist.length > 1000);
    assert.ok(fromDist.equals(fromWidget), 'byte for byte');
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the boot script every prerendered page inlines stays under 1 KiB brotli, and dist/ carries that script', () => {
  const script = bootScript();
  const brotli = zlib.brotliCompressSync(Buffer.from(script), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`boot script: ${script.length} bytes, ${brotli} brotli`);
  assert.ok(brotli < 1024, `the boot script is ${brotli} bytes brotli`);
  for (const page of ['index.html', 'embed.html', 'full-stack.html']) {
    assert.ok(fs.readFileSync(path.join(DIST, page), 'utf8').includes(script), `${page} inlines the boot script`);
  }
});

test('rootMarkup: a bare root without prerendered HTML; with it, marked for hydration and followed by the boot script', () => {
  assert.equal(rootMarkup('embed'), '<div id="full-stack" data-full-stack="embed"></div>');
  const m = rootMarkup('page', '<p>ssr</p>');
  assert.ok(m.startsWith('<!--fs-prerender--><div id="full-stack" data-full-stack="page" data-prerendered><p>ssr</p></div><!--/fs-prerender-->'));
  assert.match(m, /<script>[\s\S]*fs-tab-[\s\S]*<\/script>$/);
  assert.throws(() => rootMarkup('other', '<p>x</p>'), /unknown mode/);
});
