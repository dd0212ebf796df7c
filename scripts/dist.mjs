#!/usr/bin/env node
// The post-build step of `make dist`: from Trunk's output in dist/ it writes the
// files that embed the explainer elsewhere.
//
//   dist/index.html       Trunk's page, plus Open Graph / Twitter card tags
//   dist/embed.html       the chrome-free iframe target (+ embed.js, embed.css)
//   dist/full-stack.js    the <full-stack-explainer> custom element, CSS inlined
//   dist/full-stack.html  one self-contained file: CSS, JS glue and wasm inline (and
//                         the transcript page, opened from a Blob URL)
//   dist/transcript.html  the corrected transcript, every quoted range linked back
//                         (src/pages/transcript.rs via `prerender transcript`)
//   dist/demo/            demo host pages (from www/demo/)
//   dist/*.css, widget.js Trunk's copies of www/*.css and its wasm-bindgen glue,
//                         minified (index.html's integrity hashes to match)
//   dist/poster.svg, dist/poster.png, dist/card.png, dist/full-stack.csv
//                         from the native export binary (src/bin/export.rs), which
//                         uses the chart's own matrix_svg() and csv()
//   dist/oembed.json      with FULL_STACK_BASE_URL: the oEmbed response platforms fetch
//                         when a link to index.html is pasted (linked from its <head>)
//   dist/csp.txt          a Content-Security-Policy for each page, its inline scripts and
//                         styles allowed by hash, for hosts that send one (see pagePolicy)
//
// It refuses to finish if anything in dist/ still carries a development artefact
// (Trunk's live-reload script, a debug wasm): see assertReleaseBuild.
//
// Pages come from templates (www/templates/) in which the widget's root is a
// placeholder, {{ROOT}}, filled by rootMarkup(): the one place that decides what the
// root holds before the wasm starts.
//
// FULL_STACK_BASE_URL (e.g. https://example.org/full-stack/) is where dist/ will be
// hosted; link cards need absolute URLs (og:url, og:image, the oEmbed file). Without
// it the cards carry a title and description but no image, and there is no oEmbed.
//
// Usage: node scripts/dist.mjs [dist-dir]      (after `trunk build --release`)
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { transform } from 'lightningcss';
import { transformSync } from 'esbuild';
import { sizes } from './size.mjs';
// The names shared with the wasm (generated from src/model/embed.rs by `make contract`).
import {
  CSV_FILE, DATA_FILE, ELEMENT_FILE, ELEMENT_NAME, INLINE_DATA_ID, INLINE_DOWNLOADS_ID, INLINE_TRANSCRIPT_ID, MODE_ATTR, MODE_EMBED, MODE_PAGE,
  MODES, PRERENDERED_ATTR, ROOT_ID, SOURCES_FILE, TRANSCRIPT_FILE, WIDGET_PAGE,
} from './contract.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');

/** The widget's stylesheets, in cascade order (Trunk copies them into dist/): the colours
 *  (palette.css, generated from src/model/palette.rs) first. */
export const WIDGET_CSS = ['palette.css', 'style.css', 'chart.css', 'quiz.css'];

/** Escapes text for an HTML attribute value or text node. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** Replaces every `{{NAME}}` in `template`. A placeholder without a value, or a value
 *  without a placeholder, is a build error (templates and this script must agree). */
export function fill(template, values, name = 'template') {
  const used = new Set();
  const out = template.replace(/\{\{([A-Z_]+)\}\}/g, (_, key) => {
    if (!(key in values)) throw new Error(`${name}: no value for {{${key}}}`);
    used.add(key);
    return values[key];
  });
  for (const key of Object.keys(values)) {
    if (!used.has(key)) throw new Error(`${name}: no {{${key}}} placeholder`);
  }
  return out;
}

/** Marks around the prerendered root (the benchmark strips them for its CSR page). */
export const PRERENDER_START = '<!--fs-prerender-->';
export const PRERENDER_END = '<!--/fs-prerender-->';

/** The widget's root element for a page. `mode` is read by src/host/mod.rs
 *  (`data-full-stack`): "page" mounts with fragment sync, "embed" also reports the
 *  height to the host. With `ssr` (the prerender binary's output) the root holds the
 *  server-rendered widget, marked `data-prerendered` so the wasm hydrates it, followed
 *  by the boot script that applies the page's view and theme before the first paint. */
export function rootMarkup(mode, ssr = '') {
  if (!MODES.includes(mode)) throw new Error(`rootMarkup: unknown mode ${mode}`);
  if (!ssr) return emptyRoot(mode);
  return `${PRERENDER_START}<div id="${ROOT_ID}" ${MODE_ATTR}="${mode}" ${PRERENDERED_ATTR}>${ssr}</div>${PRERENDER_END}\n`
    + `<script>${bootScript()}</script>`;
}

/** The widget's root, empty: the wasm renders into it. */
function emptyRoot(mode) {
  return `<div id="${ROOT_ID}" ${MODE_ATTR}="${mode}"></div>`;
}

/** A script from www/ without its whole-line comments (they document the source file;
 *  the pages carry the code only) and its indentation. (No string in these scripts spans
 *  lines, so nothing else changes.) */
function script(file) {
  const text = fs.readFileSync(path.join(WWW, file), 'utf8').replace(/^\s*\/\/.*\n/gm, '').replace(/^[ \t]+/gm, '');
  assertInlineSafe(text, 'script', file);
  return text;
}

/** The pages' inline boot script: the intent recorder (www/intents.js), then
 *  www/boot.js, in a scope of their own, minified by esbuild (a classic script, so its
 *  names are local to that scope). */
export function bootScript() {
  const text = transformSync(`(function(){${script('intents.js')}${script('boot.js')}})();`, { minify: true, legalComments: 'none' }).code.trim();
  assertInlineSafe(text, 'script', 'the boot script');
  return text;
}

/** Runs the prerender binary (`app`, `evidence` or `transcript`) and returns its HTML. */
export function prerender(what) {
  const r = spawnSync('cargo', ['run', '--locked', '--quiet', '--bin', 'prerender', '--', what], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new Error(`cargo run --bin prerender: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`cargo run --bin prerender ${what} failed (exit ${r.status})`);
  const html = r.stdout.toString('utf8');
  if (!html.trim()) throw new Error(`prerender ${what}: empty output`);
  return html;
}

/** What a reader without JavaScript gets besides the prerendered chart: every cell's
 *  evidence (the standalone and single-file pages), or a link to it (the embed). */
export function noscriptMarkup(evidence) {
  return evidence
    ? `<noscript><div class="fs fs-noscript">${evidence}</div></noscript>`
    : `<noscript><p class="fs fs-noscript"><a href="./${SOURCES_FILE}" target="_blank" rel="noopener">Read every cell\u2019s programs, figures and sources</a> (this page needs JavaScript for the quiz and the interactive chart).</p></noscript>`;
}

/** The root as Trunk copied it from index.html, or as an earlier run of this script
 *  left it (between INDEX_ROOT_START and INDEX_ROOT_END), so a second run is harmless. */
const INDEX_ROOT_START = '<!--fs-root-->';
const INDEX_ROOT_END = '<!--/fs-root-->';
const TRUNK_ROOT = new RegExp(`${escapeRegExp(emptyRoot(MODE_PAGE))}|${escapeRegExp(INDEX_ROOT_START)}[\\s\\S]*?${escapeRegExp(INDEX_ROOT_END)}`);

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Checks and normalises the base URL: absolute http(s), ending in "/". */
export function parseBaseUrl(value) {
  if (!value) return null;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`FULL_STACK_BASE_URL is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`FULL_STACK_BASE_URL must be http(s): ${value}`);
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(bytes) {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || Buffer.from(bytes.subarray(0, 8)).toString('hex') !== signature) throw new Error('not a PNG');
  const view = Buffer.from(bytes);
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/** Runs the native export binary: poster.svg, poster.png, full-stack.csv into `dist`. */
export function runExport(dist, baseUrl) {
  const r = spawnSync('cargo', ['run', '--locked', '--quiet', '--bin', 'export', '--', dist, baseUrl || ''], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.error) throw new Error(`cargo run --bin export: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`cargo run --bin export failed (exit ${r.status})`);
}

/** Open Graph and Twitter card tags for the standalone page, and the oEmbed discovery
 *  link. `card` is the link card's PNG {width, height} (card.png), if known. */
export function socialTags({ title, description, baseUrl, card = null }) {
  const t = escapeHtml(title);
  const d = escapeHtml(description);
  const alt = escapeHtml(`The full-stack policy chart: the layers of the AI tech stack against the industrial-policy tools Beijing applies to each, shaded by the strongest source. ${POSTER_CTA}.`);
  const tags = [
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${t}">`,
    `<meta property="og:description" content="${d}">`,
    `<meta name="twitter:title" content="${t}">`,
    `<meta name="twitter:description" content="${d}">`,
  ];
  if (baseUrl) {
    const image = escapeHtml(new URL(CARD_FILE, baseUrl).href);
    tags.push(
      `<link rel="canonical" href="${escapeHtml(baseUrl)}">`,
      `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(new URL(OEMBED_FILE, baseUrl).href)}" title="${t}">`,
      `<meta property="og:url" content="${escapeHtml(baseUrl)}">`,
      `<meta property="og:image" content="${image}">`,
      `<meta property="og:image:type" content="image/png">`,
      ...(card ? [`<meta property="og:image:width" content="${card.width}">`, `<meta property="og:image:height" content="${card.height}">`] : []),
      `<meta property="og:image:alt" content="${alt}">`,
      `<meta name="twitter:card" content="summary_large_image">`,
      `<meta name="twitter:image" content="${image}">`,
      `<meta name="twitter:image:alt" content="${alt}">`,
    );
  } else {
    tags.push(`<meta name="twitter:card" content="summary">`);
  }
  return `  ${SOCIAL_START}\n${tags.map((t) => `  ${t}\n`).join('')}  ${SOCIAL_END}\n`;
}

/** The link card (src/export/card.rs) and the oEmbed response, beside the pages. */
export const CARD_FILE = 'card.png';
export const OEMBED_FILE = 'oembed.json';

/** The iframe an oEmbed consumer puts in a post: 800 px wide (the chart's table needs 760)
 *  and as tall as the chart is there (1,252 px measured on embed.html, controls and key
 *  included), so it shows whole without scrolling; hosts that listen for the embed's height
 *  messages fit it exactly at any width. */
export const OEMBED_SIZE = { width: 800, height: 1260 };

/** The oEmbed response (https://oembed.com, type "rich") for the page at `baseUrl`. */
export function oembed({ title, baseUrl, card }) {
  const base = new URL(baseUrl);
  const { width, height } = OEMBED_SIZE;
  const src = new URL('embed.html', baseUrl).href;
  const html = `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="${width}" height="${height}"`
    + ` style="width:100%;max-width:${width}px;height:${height}px;border:0" loading="lazy" allow="clipboard-write"></iframe>`;
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: base.hostname,
    provider_url: base.origin + '/',
    html,
    width,
    height,
    thumbnail_url: new URL(CARD_FILE, baseUrl).href,
    thumbnail_width: card.width,
    thumbnail_height: card.height,
    cache_age: 86400,
  };
}

const SOCIAL_START = '<!-- full-stack: link card -->';
const SOCIAL_END = '<!-- /full-stack: link card -->';

/** Puts the link-card tags at the end of <head>, replacing any from an earlier run. */
export function withSocialTags(html, tags) {
  const start = html.indexOf(SOCIAL_START);
  if (start >= 0) {
    const end = html.indexOf(SOCIAL_END, start);
    if (end < 0) throw new Error('index.html: unterminated link-card block');
    // The block and its indentation only: Trunk writes its preload links on the line the
    // block starts on, and they stay.
    const from = start - /[ \t]*$/.exec(html.slice(0, start))[0].length;
    html = html.slice(0, from) + html.slice(end + SOCIAL_END.length).replace(/^\n/, '');
  }
  if (!html.includes('</head>')) throw new Error('index.html: no </head>');
  return html.replace('</head>', () => `${tags}</head>`);
}

/** The poster's call to action (also in the image's alt text). */
export const POSTER_CTA = 'Explore the chart and take the quiz';

/** Inside a shadow root `rem` is the HOST page's root font size (a page with
 *  `html { font-size: 30px }` would blow the widget up), so the element's CSS gets
 *  rem turned into px at the widget's own 16px base. */
export function remToPx(css, base = 16) {
  return css.replace(/(?<![\w.-])(-?(?:\d+\.?\d*|\.\d+))rem\b/g, (_, n) => `${+(parseFloat(n) * base).toFixed(3)}px`);
}

/** Text that may not appear inside an inline <script> or <style>. */
function assertInlineSafe(text, tag, what) {
  if (new RegExp(`</${tag}`, 'i').test(text)) throw new Error(`${what} contains </${tag}: cannot inline it`);
}

/** Where a page's module script awaits the wasm-bindgen init, what it does if that fails:
 *  logs the error and tells the boot script (www/boot.js) with an error event on the
 *  window, which then says the cells will not open. A module's rejected top-level await
 *  alone does not reach the window in WebKit. */
export const ON_LOAD_FAILURE = ".catch((e) => { console.error(e); dispatchEvent(new ErrorEvent('error', { error: e, message: String(e) })); })";

/** Trunk's loader in index.html with {@link ON_LOAD_FAILURE} after its init call. Run
 *  again on its own output, it changes nothing. */
export function withLoadFailureReported(html) {
  if (html.includes(ON_LOAD_FAILURE)) return html;
  const init = /(await \w+\(\{ module_or_path: '\.\/widget_bg\.wasm' \}\))(;)/;
  if (!init.test(html)) throw new Error(`${WIDGET_PAGE}: Trunk's loader (await init({ module_or_path: './widget_bg.wasm' })) not found`);
  return html.replace(init, (_, call, end) => `${call}${ON_LOAD_FAILURE}${end}`);
}

/** The single-file page's module script: the wasm-bindgen glue, then a boot that
 *  instantiates the embedded wasm asynchronously (never a synchronous compile). */
export function singleFileScript(glue, wasm) {
  const names = exportsOf(glue);
  const init = names.get('default');
  if (!init) throw new Error('widget.js: no default export (the wasm-bindgen init) found');
  const panic = names.get('debugPanic');
  if (!panic) throw new Error('widget.js: no debugPanic export found');
  assertInlineSafe(glue, 'script', 'widget.js');
  return `${glue}
// Boot: the wasm is embedded below as base64 and instantiated asynchronously.
const FULL_STACK_WASM = "${Buffer.from(wasm).toString('base64')}";
const fullStackBytes = Uint8Array.from(atob(FULL_STACK_WASM), (c) => c.charCodeAt(0));
await ${init}({ module_or_path: fullStackBytes })${ON_LOAD_FAILURE};
window.wasmBindings = { debugPanic: ${panic} };
`;
}

/** A module's export list (`export { a as default, b };`, minified or not): exported
 *  name -> the local name it stands for. */
export function exportsOf(module) {
  const m = module.match(/export\s*\{([^}]*)\};?/);
  const entries = (m ? m[1].split(',') : []).map((e) => e.trim().split(/\s+as\s+/)).filter(([local]) => local);
  return new Map(entries.map(([local, name = local]) => [name, local]));
}

/** The transcript page: the prerendered body in its template, its CSS inline (the page
 *  loads nothing else, so it also works from a Blob URL inside the single file). */
export function transcriptPage(body) {
  // The colours first (palette.css, generated from src/model/palette.rs), then the page's own.
  const css = ['palette.css', 'transcript.css'].map((f) => {
    const text = minifyCss(fs.readFileSync(path.join(WWW, f), 'utf8'), f);
    assertInlineSafe(text, 'style', f);
    return text;
  }).join('\n');
  return fill(fs.readFileSync(path.join(WWW, 'templates/transcript.html'), 'utf8'), {
    TITLE: escapeHtml('Transcript: China\u2019s AI Industrial Policy, with Kyle Chan (AI Policy Podcast, CSIS) | Full Stack'),
    DESCRIPTION: escapeHtml('The auto-generated transcript of the AI Policy Podcast (CSIS) episode with Kyle Chan, garbled names corrected in brackets, speaker turns labelled, and every passage the Full Stack explainer quotes highlighted and linked back.'),
    CSS: css,
    BODY: body,
  }, TRANSCRIPT_FILE);
}

/** The downloads the single file carries, as JSON for its script (see
 *  www/templates/full-stack.html): `{ file name: text }` for the chart's data file and each
 *  chart image's SVG (its PNG is drawn from the SVG in the browser). "<" is escaped so
 *  nothing in it closes the element. */
export function inlineDownloads(dist) {
  const names = [CSV_FILE, ...fs.readdirSync(dist).filter((f) => /^chart-[a-z]+\.svg$/.test(f)).sort()];
  if (names.length < 2) throw new Error(`${dist}: no chart-*.svg to inline in the single file`);
  const files = Object.fromEntries(names.map((f) => [f, read(dist, f)]));
  return `<script type="application/json" id="${INLINE_DOWNLOADS_ID}">${JSON.stringify(files).replace(/</g, '\\u003c')}</script>`;
}

/** The transcript page as a JSON string in the single file, for its opener script (see
 *  www/templates/full-stack.html). "<" is escaped so nothing in it closes the element. */
export function inlineTranscript(html) {
  return `<script type="application/json" id="${INLINE_TRANSCRIPT_ID}">${JSON.stringify(html).replace(/</g, '\\u003c')}</script>`;
}

/** CSS as it ships: minified by Lightning CSS (comments and spaces gone, shorthands
 *  merged). No browser targets are given, so nothing is rewritten for older engines. */
export function minifyCss(text, filename) {
  return transform({ filename, code: Buffer.from(text), minify: true }).code.toString();
}

/** A JavaScript module as it ships: minified by esbuild (its exports keep their names). */
export function minifyJs(text) {
  return transformSync(text, { format: 'esm', minify: true, legalComments: 'none' }).code;
}

/** Minifies the stylesheets and scripts Trunk wrote into `dist` and gives `page`'s links to
 *  them the new Subresource Integrity hashes (a stale hash makes the browser drop the file).
 *  Run again on its own output, it minifies that again (the hashes still match). */
function minifyPageAssets(dist, page, files) {
  let html = read(dist, page);
  for (const file of files) {
    const text = read(dist, file);
    const out = file.endsWith('.css') ? minifyCss(text, file) : minifyJs(text);
    fs.writeFileSync(path.join(dist, file), out);
    const name = file.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
    const link = new RegExp(`(<link\\b[^>]*\\bhref="\\./${name}"[^>]*\\bintegrity=")sha384-[^"]*(")`);
    if (!link.test(html)) throw new Error(`${page}: no <link> with an integrity hash for ${file}`);
    html = html.replace(link, `$1sha384-${createHash('sha384').update(out).digest('base64')}$2`);
  }
  fs.writeFileSync(path.join(dist, page), html);
}

function read(dir, file) {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

function meta(html, pattern, what) {
  const m = html.match(pattern);
  if (!m) throw new Error(`index.html: no ${what}`);
  return m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(src, dst);
    else fs.copyFileSync(src, dst);
  }
}

/** What the custom element loads (`make size` covers the pages). */
export const ELEMENT_LOADS = [ELEMENT_FILE, 'widget.js', 'widget_bg.wasm'];

function report(dir) {
  const kb = (n) => (n / 1024).toFixed(1).padStart(8);
  const rows = ELEMENT_LOADS.map((file) => ({ file, ...sizes(fs.readFileSync(path.join(dir, file))) }));
  const total = (k) => rows.reduce((t, r) => t + r[k], 0);
  console.log(`dist: <${ELEMENT_NAME}> loads ${ELEMENT_LOADS.join(' + ')}: `
    + `${kb(total('raw')).trim()} KiB raw, ${kb(total('gzip')).trim()} gzip, ${kb(total('brotli')).trim()} brotli (make size: every page)`);
}

export function build(dist, env = process.env) {
  // Trunk's output first (and again at the end, for everything written here).
  assertReleaseBuild(dist);
  const baseUrl = parseBaseUrl(env.FULL_STACK_BASE_URL);
  // The images and the data first: the link card's tags give its size.
  runExport(dist, baseUrl);
  const card = pngSize(fs.readFileSync(path.join(dist, CARD_FILE)));
  minifyPageAssets(dist, WIDGET_PAGE, [...WIDGET_CSS, 'page.css', 'widget.js']);
  const index = read(dist, WIDGET_PAGE);
  const title = meta(index, /<title>([^<]*)<\/title>/, '<title>');
  const description = meta(index, /<meta name="description" content="([^"]*)">/, 'meta description');
  const widgetCss = WIDGET_CSS.map((f) => read(dist, f)).join('\n');
  const write = (file, text) => fs.writeFileSync(path.join(dist, file), text);

  // The widget rendered at build time (hydrated by the wasm), and every cell's evidence
  // for readers without JavaScript.
  const ssr = env.FULL_STACK_NO_PRERENDER ? '' : prerender('app');
  const evidence = prerender('evidence');

  // transcript.html: every quote in the widget links to its lines here.
  const transcript = transcriptPage(prerender('transcript'));
  write(TRANSCRIPT_FILE, transcript);

  // index.html: the root through rootMarkup, and the link-card tags.
  if (!TRUNK_ROOT.test(index)) throw new Error(`${WIDGET_PAGE}: the widget root ${emptyRoot(MODE_PAGE)} is missing`);
  const indexRoot = `${INDEX_ROOT_START}${rootMarkup(MODE_PAGE, ssr)}\n${noscriptMarkup(evidence)}${INDEX_ROOT_END}`;
  write(WIDGET_PAGE, withSocialTags(withLoadFailureReported(index.replace(TRUNK_ROOT, () => indexRoot)), socialTags({ title, description, baseUrl, card })));
  // oembed.json: what platforms that unfurl a pasted link (Iframely, Embedly) fetch.
  if (baseUrl) write(OEMBED_FILE, `${JSON.stringify(oembed({ title, baseUrl, card }), null, 2)}\n`);
  else fs.rmSync(path.join(dist, OEMBED_FILE), { force: true });

  // embed.html: the iframe target.
  write('embed.html', fill(read(WWW, 'templates/embed.html'), {
    TITLE: escapeHtml(title),
    DESCRIPTION: escapeHtml(description),
    ROOT: rootMarkup(MODE_EMBED, ssr),
    NOSCRIPT: noscriptMarkup(null),
  }, 'embed.html'));

  // sources.html: the evidence as a static page (linked from embed.html's <noscript>).
  write(SOURCES_FILE, fill(read(WWW, 'templates/sources.html'), {
    TITLE: escapeHtml(`Sources: ${title}`),
    EVIDENCE: evidence,
  }, SOURCES_FILE));
  write('embed.css', minifyCss(read(WWW, 'embed.css'), 'embed.css'));
  fs.copyFileSync(path.join(WWW, 'embed.js'), path.join(dist, 'embed.js'));

  // full-stack.js: the custom element, its CSS inlined as a JS string.
  const elementCss = remToPx(`${widgetCss}\n${minifyCss(read(WWW, 'element.css'), 'element.css')}`);
  // It also carries the prerendered widget, shown at once and hydrated by the wasm, and
  // the intent recorder (www/intents.js), so a tap before the wasm runs is not lost.
  const element = read(WWW, 'templates/element.js');
  write(ELEMENT_FILE, fill(element, {
    CSS: JSON.stringify(elementCss),
    HTML: JSON.stringify(ssr),
    INTENTS: script('intents.js'),
  }, 'element.js'));

  // full-stack.html: everything inline, the on-demand data too (as JSON the browser
  // parses; "<" escaped so no text in it can close the script element).
  const pageCss = `${widgetCss}\n${read(dist, 'page.css')}`;
  const inlineData = `<script type="application/json" id="${INLINE_DATA_ID}">${read(dist, DATA_FILE).replace(/</g, '\\u003c')}</script>`;
  assertInlineSafe(pageCss, 'style', 'the CSS');
  write('full-stack.html', fill(read(WWW, 'templates/full-stack.html'), {
    TITLE: escapeHtml(title),
    DESCRIPTION: escapeHtml(description),
    CSS: pageCss,
    ROOT: rootMarkup(MODE_PAGE, ssr),
    NOSCRIPT: noscriptMarkup(evidence),
    DATA: inlineData,
    TRANSCRIPT: inlineTranscript(transcript),
    DOWNLOADS: inlineDownloads(dist),
    SCRIPT: singleFileScript(read(dist, 'widget.js'), fs.readFileSync(path.join(dist, 'widget_bg.wasm'))),
  }, 'full-stack.html'));

  // Demo host pages.
  copyDir(path.join(WWW, 'demo'), path.join(dist, 'demo'));
  writeCsp(dist);

  if (!baseUrl) console.log('dist: FULL_STACK_BASE_URL is not set: link cards get no image and there is no oembed.json (set it to where dist/ is hosted)');
  assertReleaseBuild(dist);
  report(dist);
}

/** The pages `csp.txt` gives a policy for, and the paths each is served at. */
export const CSP_FILE = 'csp.txt';
const CSP_PAGES = [
  [WIDGET_PAGE, ['/', `/${WIDGET_PAGE}`]],
  ['embed.html', ['/embed.html']],
  [TRANSCRIPT_FILE, [`/${TRANSCRIPT_FILE}`]],
  [SOURCES_FILE, [`/${SOURCES_FILE}`]],
  ['full-stack.html', ['/full-stack.html']],
];

/** The SHA-256 source expressions (`'sha256-…'`) of a page's inline scripts and styles, as
 *  a Content-Security-Policy matches them: the exact text between the tags. Data blocks
 *  (`type="application/json"`) are not scripts and need none. */
export function inlineHashes(html) {
  const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs) && !/\btype\s*=\s*"?application\/(ld\+)?json/i.test(attrs))
    .map(([, , text]) => hash(text));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, text]) => hash(text));
  return { scripts: [...new Set(scripts)], styles: [...new Set(styles)] };
}

/** The Content-Security-Policy for a page of dist/ (`also`: pages it opens from a Blob URL,
 *  which inherit its policy). Everything from the site itself; inline scripts and styles only
 *  by hash, so a script injected into the page would not run; WebAssembly where the page
 *  starts the widget; images also from data: (the pages' empty favicon) and blob: (the
 *  downloads); no plugins, no <base>, no form submissions. No frame-ancestors: embed.html is
 *  made to be framed by any page. */
export function pagePolicy(html, also = []) {
  const all = [html, ...also].map(inlineHashes);
  const scripts = [...new Set(all.flatMap((h) => h.scripts))];
  const styles = [...new Set(all.flatMap((h) => h.styles))];
  const wasm = /widget_bg\.wasm|WebAssembly|FULL_STACK_WASM/.test(html) ? ["'wasm-unsafe-eval'"] : [];
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...scripts, ...wasm].join(' '),
    ['style-src', "'self'", ...styles].join(' '),
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** csp.txt: each page's policy, in the `_headers` format of Netlify and Cloudflare Pages. */
function writeCsp(dist) {
  const lines = [
    '# A Content-Security-Policy for each page of this build (make dist writes it; the hashes are',
    "# of this build's inline scripts and styles, so take the file again after every build).",
    '# Netlify, Cloudflare Pages: rename it _headers. Another server: send each page its policy.',
  ];
  // full-stack.html opens its transcript from a Blob URL, which inherits its policy: the
  // transcript page, with the script that full-stack.html adds to it (its backLinks).
  const single = read(dist, 'full-stack.html');
  const backLinks = /const backLinks = `(<script>[\s\S]*?)<\\\/script>`;/.exec(single);
  if (!backLinks || /[\\`$]/.test(backLinks[1])) throw new Error('full-stack.html: the transcript\'s backLinks script is missing or not plain text');
  const blobPage = [read(dist, TRANSCRIPT_FILE), `${backLinks[1]}</script>`];
  for (const [page, paths] of CSP_PAGES) {
    const html = page === 'full-stack.html' ? single : read(dist, page);
    const policy = pagePolicy(html, page === 'full-stack.html' ? blobPage : []);
    for (const p of paths) lines.push(p, `  Content-Security-Policy: ${policy}`);
  }
  fs.writeFileSync(path.join(dist, CSP_FILE), `${lines.join('\n')}\n`);
}

/** The policies of a csp.txt (or _headers) file: { path: policy }. */
export function readCsp(text) {
  const out = {};
  let at = null;
  for (const line of text.split('\n')) {
    if (/^\//.test(line)) at = line.trim();
    const m = /^\s+Content-Security-Policy:\s*(.+)$/.exec(line);
    if (m && at) out[at] = m[1].trim();
  }
  return out;
}

/** What a development build leaves behind: Trunk's live-reload script (its placeholders,
 *  its WebSocket endpoint) and WebSocket addresses. None of it belongs in an upload. */
export const DEV_ARTEFACTS = [
  [/\{\{__TRUNK_[A-Z_]+__\}\}|__trunk_address__/i, "Trunk's live-reload placeholders"],
  [/\.well-known\/trunk\/ws/, "Trunk's live-reload WebSocket"],
  [/\bwss?:\/\//, 'a WebSocket address (ws://)'],
  [/TrunkApplicationStarted[\s\S]*autoreload|class Overlay\b[\s\S]*trunk/i, "Trunk's live-reload script"],
];

/** The development artefacts in the files under `dir`: [{ file, what }]. Text files are
 *  searched for DEV_ARTEFACTS; a .wasm with a `name` or DWARF `.debug_*` section is a
 *  debug build (the release build, after wasm-opt, has neither). */
export function devArtefacts(dir) {
  const found = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) { walk(file); continue; }
      const rel = path.relative(dir, file);
      const bytes = fs.readFileSync(file);
      if (file.endsWith('.wasm')) {
        const module = new WebAssembly.Module(bytes);
        const debug = ['name', '.debug_info', '.debug_line'].some((s) => WebAssembly.Module.customSections(module, s).length);
        if (debug) found.push({ file: rel, what: 'a debug build of the wasm (name or debug sections)' });
      } else if (/\.(html|js|mjs|css|json|svg|txt)$/.test(file)) {
        const text = bytes.toString('utf8');
        for (const [re, what] of DEV_ARTEFACTS) if (re.test(text)) found.push({ file: rel, what });
      }
    }
  };
  walk(dir);
  return found;
}

/** Throws if anything in `dist` carries a development artefact (e.g. `make serve` wrote
 *  into it): such a folder must not be uploaded. */
export function assertReleaseBuild(dist) {
  const found = devArtefacts(dist);
  if (found.length) {
    throw new Error(`${dist} holds development artefacts, not a release build:\n${found.map((f) => `  ${f.file}: ${f.what}`).join('\n')}\n`
      + 'Run `make dist` again (`make serve` builds into target/serve, never dist/).');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    build(path.resolve(process.argv[2] || path.join(ROOT, 'dist')));
  } catch (error) {
    console.error(`dist: ${error.message}`);
    process.exit(1);
  }
}
