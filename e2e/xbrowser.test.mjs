// The core reader flows in the two other engines a reader may have: Firefox ESR (over
// WebDriver BiDi, puppeteer-core) and WebKit (WebKitGTK's WebDriver, Safari's engine).
// Same built dist/, same assertions as the Chromium layer (shell, chart, quiz, embed,
// offline tests), through the small common page API of e2e/engines/*.mjs.
//
// Expected facts come from content/*.toml, read here, not from the widget.
import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, injectHead, DIST, ROOT, focusRingCut, atTopOfScreen } from './harness.mjs';
import { read, ids, LAYERS, TOOLS, EVENTS, SECTIONS } from './content.mjs';
import { COLLECTOR } from './engines/collector.mjs';
import { listenerPage, watchViewByFrame } from './embed-helpers.mjs';
import { CSP_FILE, readCsp, inlineHashes } from '../scripts/dist.mjs';

// ---- Facts from the content files ---------------------------------------------
const pos = (layer, tool) => `${LAYERS.indexOf(layer) + 1}-${TOOLS.indexOf(tool) + 1}`;
const CELLS = read('chart.toml').split(/^\[\[cell\]\]$/m).slice(1).map((b) => ({
  layer: b.match(/^layer = "([^"]+)"/m)[1],
  tool: b.match(/^tool = "([^"]+)"/m)[1],
  titles: b.split(/^\[\[cell\.entry\]\]$/m).slice(1).map((e) => JSON.parse(e.match(/^title = (".*")$/m)[1])),
}));
/** Question prompt -> right answer text, from content/quiz.toml. */
const ANSWERS = (() => {
  const out = new Map();
  const str = (line) => JSON.parse(line.slice(line.indexOf('=') + 1).trim());
  let prompt = null;
  let inOption = false;
  let text = null;
  for (const raw of read('quiz.toml').split('\n')) {
    const line = raw.trim();
    if (line === '[[question]]') { prompt = null; inOption = false; continue; }
    if (line.startsWith('[')) { inOption = line === '[[question.option]]'; continue; }
    if (!inOption && line.startsWith('prompt = ')) prompt = str(line);
    if (inOption && line.startsWith('text = ')) text = str(line);
    if (inOption && line === 'correct = true') out.set(prompt, text);
  }
  return out;
})();

// ---- Pages only these tests serve ----------------------------------------------
const HOSTILE = fs.readFileSync(path.join(DIST, 'demo', 'hostile-blog.html'), 'utf8');
const ROUTES = {
  '/favicon.ico': { body: '', type: 'image/x-icon' },
  '/t/nothing.js': { body: '', type: 'text/javascript' },
  // The hostile blog as it is without the widget: its script and its iframe's page
  // never load (what the Chromium layer gets by blocking those requests).
  '/demo/bare.html': {
    body: HOSTILE.replace('src="../full-stack.js"', 'src="/t/nothing.js"')
      .replace(/src="\.\.\/embed\.html[^"]*"/, 'src="about:blank"'),
  },
  '/t/listener.html': listenerPage(),
};

// ---- In-page helpers (they run in the browser: self-contained) -------------------
// The running app with its on-demand data settled, as appReady waits for in Chromium: until
// then the quiz, key points and timeline show the server's markup, which the app replaces.
const live = () => document.querySelector('.fs[data-live]:not([data-data="pending"])');
const activePos = () => document.activeElement?.getAttribute('data-pos') ?? document.activeElement?.tagName;
const shown = (sel) => { const el = document.querySelector(sel); return !!el && el.getClientRects().length > 0; };

/** The page's URL fragment once it is `want` (the app writes it after the next paint), or
 *  what is there when the wait gives up, for the caller's assertion to report. */
async function hashOnceIs(page, want) {
  await page.waitFor('the address', (w) => location.hash === w, want).catch(() => {});
  return page.evaluate(() => location.hash);
}

/** Words of the layer and tool headers under `scope` that the browser broke across
 *  lines (hyphenated, or wrapped inside the word), as "header text: word". */
function splitHeaderWords(scope) {
  const root = scope ? document.querySelector(scope).shadowRoot : document;
  const out = [];
  for (const head of root.querySelectorAll('.fs-matrix .fs-head, .fs-acc-name')) {
    if (head.getClientRects().length === 0) continue; // not rendered at this width
    const walker = document.createTreeWalker(head, NodeFilter.SHOW_TEXT);
    for (let n; (n = walker.nextNode());) {
      for (const m of n.data.matchAll(/\S+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (lines.size > 1) out.push(`${head.textContent.trim()}: ${m[0]}`);
      }
    }
  }
  return out;
}

/** Computed styles of the hostile page's own elements (not the widgets). */
function hostStyles() {
  const props = ['font-size', 'font-family', 'font-weight', 'color', 'background-color', 'display', 'padding-top',
    'margin-top', 'border-top-width', 'border-top-style', 'text-transform', 'letter-spacing', 'line-height',
    'box-sizing', 'text-indent', 'list-style-type', 'outline-style'];
  const out = {};
  for (const sel of ['html', 'body', 'h1', 'h2', '#intro', '#host-table', '#host-table td', '#host-table th',
    '#host-button', 'article', '#frame']) {
    const cs = getComputedStyle(document.querySelector(sel));
    out[sel] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
  }
  out.styles = document.querySelectorAll('style').length;
  out.headChildren = document.head.children.length;
  return out;
}

// ---- The flows, once per engine --------------------------------------------------
let server;
let offlineDir;
before(async () => {
  server = await serve(undefined, ROUTES, { inject: COLLECTOR });
  // The single file alone in an empty folder, as a reader saves it; the collector is put
  // into this copy (WebKit's driver has no console log to read).
  offlineDir = fs.mkdtempSync(path.join(os.tmpdir(), 'full-stack-xb-'));
  const single = fs.readFileSync(path.join(DIST, 'full-stack.html'), 'utf8');
  fs.writeFileSync(path.join(offlineDir, 'full-stack.html'), injectHead(single, COLLECTOR));
});
after(async () => {
  await server?.close();
  if (offlineDir) fs.rmSync(offlineDir, { recursive: true, force: true });
});

// XB_ENGINES=webkit (or firefox) runs one engine only, while working on it.
for (const engineName of (process.env.XB_ENGINES || 'firefox,webkit').split(',')) {
  describe(engineName, () => {
    let engine;
    before(async () => {
      engine = await (await import(`./engines/${engineName}.mjs`)).launch();
    });
    after(async () => { await engine?.close(); });
    // A failed test leaves its page open: close it here (closing twice is harmless).
    const pages = [];
    afterEach(async () => { for (const p of pages.splice(0)) await p.close().catch(() => {}); });

    /** A fresh page (own storage) at `url` (a path on the test server, or a full URL). */
    async function open(url, { width = 1280, height = 900 } = {}) {
      const page = await engine.newPage({ width, height });
      pages.push(page);
      if (url !== 'about:blank') await page.goto(url.startsWith('/') ? server.origin + url : url);
      return page;
    }
    const noErrors = async (page) => assert.deepEqual(await page.errors(), []);

    test('the page loads: shell, chart, no errors, no foreign requests', async () => {
      const page = await open('/');
      await page.waitFor('the live app', live);
      const shell = await page.evaluate(() => ({
        title: document.querySelector('.fs-header h2').innerText,
        sources: document.querySelector('.fs-sources').innerText,
        tabs: [...document.querySelectorAll('[role="tab"]')].map((t) => t.innerText.trim()),
        rows: document.querySelectorAll('.fs-matrix th[scope="row"]').length,
        cells: document.querySelectorAll('.fs-matrix button.fs-cell').length,
      }));
      assert.match(shell.title, /Full Stack/);
      assert.match(shell.sources, /reconstruction after RAND/);
      assert.deepEqual(shell.tabs, ['Chart', 'Key points', 'Quiz', 'Timeline']);
      assert.equal(shell.rows, LAYERS.length);
      assert.equal(shell.cells, LAYERS.length * TOOLS.length);
      assert.equal(await page.evaluate(shown, '#fs-panel-chart'), true);
      assert.equal(await page.evaluate(shown, '#fs-panel-quiz'), false);
      const requests = await page.requests();
      assert.ok(requests.some((u) => u.endsWith('/widget_bg.wasm')), 'the request log sees the wasm: ' + requests.join(' '));
      assert.deepEqual(requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('data:')), []);
      await noErrors(page);
      await page.close();
    });

    test('taps before the wasm runs: a cell shows its ring at once; it opens, and a tapped tab shows, with no frame of anything else', async () => {
      // The wasm held back by the server; without its preload, the load event that
      // navigation waits for does not wait for it.
      let release;
      const held = new Promise((r) => { release = r; });
      const slow = await serve(undefined, {}, {
        inject: COLLECTOR,
        rewrite: (text, p) => (p === '/embed.html' ? text.replace(/<link rel="preload" href="\.\/widget_bg\.wasm"[^>]*>/, '') : text),
        hold: (p) => (p === '/widget_bg.wasm' ? held : null),
      });
      try {
        const page = await open(`${slow.origin}/embed.html?view=chart`);
        assert.equal(await page.evaluate(() => !!document.querySelector('.fs[data-live]')), false, 'the app has not run yet');
        const cell = pos(CELLS[3].layer, CELLS[3].tool);
        const ring = (p) => getComputedStyle(document.querySelector(`table.fs-matrix button[data-pos="${p}"]`)).boxShadow;
        const settled = (p) => document.querySelector(`table.fs-matrix button[data-pos="${p}"]`).getAnimations().length === 0;
        const before = await page.evaluate(ring, cell);
        await page.click((p) => document.querySelector(`table.fs-matrix button[data-pos="${p}"]`), cell);
        await page.waitFor('the ring settled', settled, cell);
        const tapped = await page.evaluate(ring, cell);
        assert.notEqual(tapped, before, 'the tapped cell shows the selection ring before the app runs');
        // The key points tab, tapped: shown at once by the boot script; every frame shows it
        // from now until three frames after the app runs.
        await page.click(() => document.querySelector('#fs-tab-points'));
        assert.equal(await page.evaluate(shown, '#fs-panel-points'), true);
        await page.evaluate(watchViewByFrame, null, 'points');
        release();
        await page.waitFor('the live app', live);
        await page.waitFor('frames sampled until the app ran', () => document.querySelector('.fs').viewByFrame.done === true);
        const frames = await page.evaluate(() => [...document.querySelector('.fs').viewByFrame]);
        assert.deepEqual(frames.filter((f) => f !== 'points'), [], `the key points tab, frame by frame: ${frames.join(' ')}`);
        // Back on the chart: the cell tapped before the app is the one open.
        await page.click(() => document.querySelector('#fs-tab-chart'));
        await page.waitFor('the tapped cell open', ([p, target]) => document.querySelector('.fs-side .fs-detail')?.getAttribute('data-target') === target
          && document.querySelector(`table.fs-matrix button[data-pos="${p}"]`).getAttribute('aria-pressed') === 'true', [cell, `${CELLS[3].layer}/${CELLS[3].tool}`]);
        assert.equal(await page.evaluate(() => document.querySelectorAll('[data-tapped]').length), 0);
        assert.equal(await page.evaluate(ring, cell), tapped, 'the same ring, now pressed');
        await noErrors(page);
        await page.close();
      } finally {
        release();
        await slow.close();
      }
    });

    test('a wasm that is not wasm (embed.html, index.html, full-stack.html): the tapped cell says it is loading, then the chart alone stays, the ring gone, with a notice', async () => {
      // The wasm held back while the reader taps, then answered with bytes that do not compile.
      let release, held;
      const broken = await serve(undefined, { '/widget_bg.wasm': { body: 'not wasm at all', type: 'application/wasm' } }, {
        inject: COLLECTOR,
        rewrite: (text) => text.replace(/<link rel="preload" href="\.\/widget_bg\.wasm"[^>]*>/, '')
          .replace(/const FULL_STACK_WASM = "[^"]*"/, 'const FULL_STACK_WASM = "bm90IHdhc20="'),
        hold: (p) => (p === '/widget_bg.wasm' ? held : null),
      });
      try {
        // embed.html (its module's promise rejects), index.html (Trunk's loader) and the
        // single file, its wasm inside it not wasm (no tap there: it fails at once).
        for (const url of ['/embed.html?view=chart', '/index.html', '/full-stack.html']) {
          held = new Promise((r) => { release = r; });
          const page = await open(`${broken.origin}${url}`);
          if (!url.startsWith('/full-stack')) {
            const cell = pos(CELLS[3].layer, CELLS[3].tool);
            await page.click((p) => document.querySelector(`table.fs-matrix button[data-pos="${p}"]`), cell);
            assert.equal(await page.evaluate((p) => document.querySelector(`table.fs-matrix button[data-pos="${p}"]`).hasAttribute('data-tapped'), cell), true, `${url}: the tap shows at once`);
            // Not answered after 2 s: the tapped cell says it is loading.
            const badge = await page.waitFor('the tapped cell saying it is loading', (p) => {
              const s = getComputedStyle(document.querySelector(`table.fs-matrix button[data-pos="${p}"]`), '::before');
              return s.visibility === 'visible' && s.content;
            }, cell);
            assert.equal(badge, '"Loading\u2026"', url);
          }
          release();
          const notice = await page.waitFor('the notice', () => document.querySelector('.fs > [role="alert"]')?.innerText);
          assert.match(notice, /The interactive chart and quiz did not load\. Reload the page/, url);
          const after = await page.evaluate(() => ({
            notices: document.querySelectorAll('.fs-stalled').length,
            underHeader: document.querySelector('.fs-stalled').previousElementSibling.matches('.fs-header'),
            tapped: document.querySelectorAll('[data-tapped]').length,
            live: !!document.querySelector('.fs[data-live]'),
            table: document.querySelector('table.fs-matrix').getClientRects().length > 0,
            // The controls only the app answers are hidden (where the engine has :has()).
            controlsShown: ['.fs-theme', '.fs-tabs', '.fs-controls', '.fs-chart-intro'].filter((s) => document.querySelector(s).getClientRects().length > 0),
            // The chart alone, as without JavaScript.
            panelsShown: [...document.querySelectorAll('.fs-panel')].filter((p) => p.getClientRects().length > 0).map((p) => p.id),
            // Under the notice, the link to every cell's evidence.
            fallback: document.querySelector('.fs > .fs-stalled + .fs-fallback a')?.getClientRects().length > 0,
            has: CSS.supports('selector(:has(*))'),
          }));
          assert.deepEqual(after, { notices: 1, underHeader: true, tapped: 0, live: false, table: true, controlsShown: [], panelsShown: ['fs-panel-chart'], fallback: true, has: true }, url);
          assert.ok((await page.errors()).length > 0, `${url}: the failure is in the console`);
          await page.close();
        }
      } finally {
        release?.();
        await broken.close();
      }
    });

    test('index.html and embed.html under their policies (dist/csp.txt): the boot script shows the address\'s view, the app runs, nothing is blocked', async () => {
      // Each page's policy, and the hash of the error collector put into it (which also
      // records CSP violations).
      const policies = readCsp(fs.readFileSync(path.join(DIST, CSP_FILE), 'utf8'));
      const collector = inlineHashes(COLLECTOR).scripts[0];
      const strict = await serve(undefined, {}, {
        inject: COLLECTOR,
        headers: (p) => (policies[p] ? { 'content-security-policy': policies[p].replace("script-src 'self'", `script-src 'self' ${collector}`) } : {}),
      });
      try {
        for (const url of ['/#quiz', '/embed.html?view=quiz']) {
          const page = await open(`${strict.origin}${url}`);
          await page.waitFor('the live app', live);
          assert.equal(await page.evaluate(shown, '#fs-panel-quiz'), true, url);
          await page.click(() => document.querySelector('#fs-tab-chart'));
          await page.click(() => document.querySelector('.fs-matrix button[data-pos="3-2"]'));
          await page.waitFor('the details', () => document.querySelector('.fs-side .fs-detail h3'));
          await noErrors(page);
          await page.close();
        }
      } finally {
        await strict.close();
      }
    });

    test('clicking a cell opens its details and puts it in the link; clicking again closes', async () => {
      const page = await open('/');
      await page.waitFor('the live app', live);
      const button = (p) => document.querySelector(`.fs-matrix button[data-pos="${p}"]`);
      const p = pos('foundation-models', 'state-funds');
      assert.equal(await page.evaluate((p) => document.querySelector(`.fs-matrix button[data-pos="${p}"]`).getAttribute('aria-pressed'), p), 'false');
      await page.click(button, p);
      // The whole panel: a newly opened one paints its first entries, then the rest.
      const h3 = await page.waitFor('the details', () => document.querySelector('.fs-side .fs-detail:not([aria-busy]) h3')?.innerText);
      assert.equal(h3, 'Foundation models × State funds');
      // The fragment follows after the next paint.
      await hashOnceIs(page, '#chart/foundation-models/state-funds');
      const state = await page.evaluate((p) => ({
        pressed: document.querySelector(`.fs-matrix button[data-pos="${p}"]`).getAttribute('aria-pressed'),
        hash: location.hash,
        text: document.querySelector('.fs-side .fs-detail').innerText,
        status: document.querySelector('#fs-panel-chart .fs-visually-hidden[role="status"]').innerText,
      }), p);
      assert.equal(state.pressed, 'true');
      assert.equal(state.hash, '#chart/foundation-models/state-funds');
      const cell = CELLS.find((c) => c.layer === 'foundation-models' && c.tool === 'state-funds');
      for (const title of cell.titles) assert.ok(state.text.includes(title), title);
      assert.match(state.text, /Kyle Chan, transcript lines \d+–\d+/);
      assert.match(state.status, /Details: Foundation models, State funds/);
      await page.click(button, p);
      await page.waitFor('the details to close', () => !document.querySelector('.fs-side .fs-detail'));
      assert.equal(await hashOnceIs(page, '#chart'), '#chart');
      await noErrors(page);
      await page.close();
    });

    test('keyboard: Tab into the grid, arrows move, Enter opens, Escape closes and returns focus', async () => {
      const page = await open('/');
      await page.waitFor('the live app', live);
      await page.evaluate(() => document.querySelector('.fs-highlight select').focus());
      await page.press('Tab');
      assert.equal(await page.evaluate(activePos), '1-1', 'Tab enters the grid at the first cell');
      await page.press('ArrowRight');
      assert.equal(await page.evaluate(activePos), '1-2');
      await page.press('ArrowDown');
      assert.equal(await page.evaluate(activePos), '2-2');
      await page.press('ArrowLeft');
      await page.press('ArrowLeft');
      assert.equal(await page.evaluate(activePos), '2-0', 'onto the layer header');
      assert.deepEqual(await page.evaluate(focusRingCut), [], 'the ring on the left edge shows in full');
      await page.press('End');
      assert.equal(await page.evaluate(activePos), `2-${TOOLS.length}`);
      assert.deepEqual(await page.evaluate(focusRingCut), [], 'the ring on the right edge shows in full');
      await page.press('Home');
      await page.press('ArrowRight');
      assert.equal(await page.evaluate(activePos), '2-1');
      // The focus ring is visible.
      assert.deepEqual(await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, s.outlineWidth];
      }), ['solid', '3px']);
      await page.press('Enter');
      const h3 = await page.waitFor('the details', () => document.querySelector('.fs-side .fs-detail h3')?.innerText);
      assert.equal(await hashOnceIs(page, `#chart/${LAYERS[1]}/${TOOLS[0]}`), `#chart/${LAYERS[1]}/${TOOLS[0]}`);
      assert.match(h3, / × /);
      assert.equal(await page.evaluate(activePos), '2-1', 'focus stays on the cell');
      await page.press('Escape');
      await page.waitFor('Escape to close', () => !document.querySelector('.fs-side .fs-detail'));
      assert.equal(await page.evaluate(activePos), '2-1', 'focus is back on the cell');
      // Space selects too.
      await page.press('ArrowDown');
      await page.press('Space');
      await page.waitFor('the details', () => document.querySelector('.fs-side .fs-detail'));
      assert.equal(await hashOnceIs(page, `#chart/${LAYERS[2]}/${TOOLS[0]}`), `#chart/${LAYERS[2]}/${TOOLS[0]}`);
      await noErrors(page);
      await page.close();
    });

    test('quiz: Check without a choice hints; an answer gets marked feedback and the live region speaks', async () => {
      const page = await open('/#quiz');
      await page.waitFor('the live app', live);
      await page.waitFor('question 1', () => document.querySelector('.fs-q-number')?.innerText === 'Question 1 of 10');
      const question = () => ({
        prompt: document.querySelector('.fs-q-prompt').innerText.trim(),
        options: [...document.querySelectorAll('.fs-option-text')].map((o) => o.innerText),
      });
      const liveText = () => document.querySelector('.fs-live').innerText;
      const checkButton = () => [...document.querySelectorAll('.fs button')].find((b) => b.textContent.trim() === 'Check');
      const option = (i) => document.querySelectorAll('.fs-option')[i];

      const q1 = await page.evaluate(question);
      const answer = ANSWERS.get(q1.prompt);
      assert.ok(answer, `prompt in content/quiz.toml: ${q1.prompt}`);
      const wrong = q1.options.findIndex((t) => t !== answer);
      await page.click(checkButton);
      await page.waitFor('the hint', () => document.querySelector('.fs-live').innerText === 'Choose an answer first.');
      assert.match(await page.evaluate(() => document.querySelector('.fs-hint').innerText), /Choose an answer first/);
      await page.click(option, wrong);
      assert.equal(await page.evaluate(() => document.querySelector('.fs-hint')), null, 'the hint goes once an answer is chosen');
      await page.click(checkButton);
      await page.waitFor('the feedback', () => document.querySelector('.fs-feedback'));
      const fb = await page.evaluate(() => {
        const f = document.querySelector('.fs-feedback');
        return {
          text: f.innerText,
          result: f.getAttribute('data-result'),
          caption: f.querySelector('figcaption').innerText,
          cite: f.querySelector('figcaption a.fs-cite')?.getAttribute('href'),
          quote: f.querySelector('blockquote').innerText,
          wrongMark: document.querySelector('.fs-option[data-state="wrong"]').innerText,
          rightMark: document.querySelector('.fs-option[data-state="answer"]').innerText,
          progress: document.querySelector('.fs-progress-text').innerText,
          checked: document.querySelector('.fs-option input:checked') !== null,
        };
      });
      assert.match(fb.text, /Not quite/);
      assert.ok(fb.text.includes('You chose: ' + q1.options[wrong]), fb.text);
      assert.ok(fb.text.includes('The answer: ' + answer), fb.text);
      assert.equal(fb.result, 'wrong');
      // The citation is a link that opens the corrected transcript at the quoted lines.
      assert.match(fb.caption, /(Kyle Chan|Gregory Allen), in the episode \(transcript lines? \d+(–\d+)?/);
      assert.match(fb.cite ?? '', /^transcript\.html#L\d+(-\d+)?$/);
      assert.ok(fb.quote.length > 20);
      assert.match(fb.wrongMark, /✗ Your answer: wrong/);
      assert.match(fb.rightMark, /✓ Right answer/);
      assert.equal(fb.progress, '1 of 10 answered · Score so far: 0');
      assert.equal(fb.checked, true, 'the radio button took the click');
      // Next question: the live region empties, then announces the next result.
      await page.click(() => [...document.querySelectorAll('.fs button')].find((b) => b.textContent.trim() === 'Next question'));
      await page.waitFor('question 2', () => document.querySelector('.fs-q-number')?.innerText === 'Question 2 of 10');
      await page.waitFor('the live region to clear', () => document.querySelector('.fs-live').innerText === '');
      const q2 = await page.evaluate(question);
      await page.click(option, q2.options.indexOf(ANSWERS.get(q2.prompt)));
      await page.click(checkButton);
      await page.waitFor('the live region', () => document.querySelector('.fs-live').innerText === 'Correct.');
      assert.equal(await page.evaluate(liveText), 'Correct.');
      assert.equal(await page.evaluate(() => document.querySelector('.fs-progress-text').innerText), '2 of 10 answered · Score so far: 1');
      await noErrors(page);
      await page.close();
    });

    test('embed.html?view=quiz&theme=dark: the quiz, in dark', async () => {
      const page = await open('/embed.html?view=quiz&theme=dark');
      await page.waitFor('the live app', live);
      const s = await page.evaluate(() => ({
        tab: document.querySelector('#fs-tab-quiz').getAttribute('aria-selected'),
        theme: document.querySelector('.fs').getAttribute('data-theme'),
        bg: getComputedStyle(document.querySelector('.fs')).backgroundColor,
        question: document.querySelector('.fs-q-number')?.innerText,
      }));
      assert.equal(s.tab, 'true');
      assert.equal(await page.evaluate(shown, '#fs-panel-quiz'), true);
      assert.equal(await page.evaluate(shown, '#fs-panel-chart'), false);
      assert.equal(s.theme, 'dark');
      assert.equal(s.bg, 'rgb(21, 23, 26)');
      assert.equal(s.question, 'Question 1 of 10');
      await noErrors(page);
      await page.close();
    });

    test('embed.html posts its height (Datawrapper format) to the host, again on a size change', async () => {
      const page = await open('/t/listener.html');
      await page.waitFor('the live app in the frame', () => document.querySelector('#frame').contentDocument?.querySelector('.fs[data-live]'));
      const heights = () => {
        const content = Math.ceil(document.querySelector('#frame').contentDocument.body.getBoundingClientRect().height);
        const dw = window.__messages.filter((m) => m.data && typeof m.data === 'object' && m.data['datawrapper-height']);
        return { content, last: dw.length ? dw[dw.length - 1].data['datawrapper-height']['full-stack'] : 0, origins: window.__messages.map((m) => m.origin) };
      };
      await page.waitFor('a height message', () => {
        const content = Math.ceil(document.querySelector('#frame').contentDocument.body.getBoundingClientRect().height);
        const dw = window.__messages.filter((m) => m.data && typeof m.data === 'object' && m.data['datawrapper-height']);
        return dw.length > 0 && dw[dw.length - 1].data['datawrapper-height']['full-stack'] === content;
      });
      const first = await page.evaluate(heights);
      assert.ok(first.last > 300, `a plausible height (${first.last})`);
      assert.ok(first.origins.every((o) => o === server.origin));
      // The host sized the frame to fit: the embed doesn't scroll inside.
      await page.waitFor('the frame to fit', () => {
        const d = document.querySelector('#frame').contentWindow;
        return d.document.documentElement.scrollHeight <= d.innerHeight;
      });
      // Another tab (a reader's click inside the frame) gives a new height.
      await page.inFrame('#frame', (frame) => frame.click(() => document.querySelector('#fs-tab-timeline')));
      await page.waitFor('a new height', (old) => {
        const content = Math.ceil(document.querySelector('#frame').contentDocument.body.getBoundingClientRect().height);
        const dw = window.__messages.filter((m) => m.data && typeof m.data === 'object' && m.data['datawrapper-height']);
        const last = dw[dw.length - 1].data['datawrapper-height']['full-stack'];
        return last !== old && last === content;
      }, first.last);
      await noErrors(page);
      await page.close();
    });

    test('the hostile blog: both elements work in their shadow roots, and the page keeps its own styles', async () => {
      const bare = await open('/demo/bare.html', { width: 1000 });
      const before = await bare.evaluate(hostStyles);
      await bare.close();

      const page = await open('/demo/hostile-blog.html', { width: 1000 });
      const ready = (id) => document.getElementById(id).shadowRoot?.querySelector('.fs[data-live]');
      await page.waitFor('the first element', ready, 'first');
      // The second loads as the reader scrolls to it. (In about one WebKit run in twenty
      // the page's height changed after the scroll and left the element 2,400 px below
      // the viewport, where it does not start: the reader scrolls to it again.)
      await page.waitFor('the second element', (id) => {
        const el = document.getElementById(id);
        const live = el.shadowRoot?.querySelector('.fs[data-live]');
        if (!live) el.scrollIntoView();
        return live;
      }, 'second');
      // The iframe is lazy too: it loads as the reader scrolls down to it.
      await page.evaluate(() => document.getElementById('frame').scrollIntoView());
      await page.waitFor('the iframe', () => document.querySelector('#frame').contentDocument?.querySelector('.fs[data-live]'));
      assert.deepEqual(await page.evaluate(hostStyles), before);

      const tab = (id) => document.getElementById(id).shadowRoot.querySelector('[role="tab"][aria-selected="true"]').id;
      assert.equal(await page.evaluate(tab, 'first'), 'fs-tab-chart');
      assert.equal(await page.evaluate(tab, 'second'), 'fs-tab-quiz');
      assert.equal(await page.evaluate(() => document.getElementById('second').shadowRoot.querySelector('.fs').getAttribute('data-theme')), 'dark');

      // First element (the chart, narrow column: the accordion): its configured cell is
      // open; a click on another cell opens that one, inside this element only.
      const detail = (id) => document.getElementById(id).shadowRoot.querySelector('.fs-detail h3')?.innerText;
      assert.equal(await page.waitFor('the configured cell', detail, 'first'), 'Foundation models × State funds');
      const inFirst = (sel) => document.getElementById('first').shadowRoot.querySelector(sel);
      await page.click((i) => document.getElementById('first').shadowRoot
        .querySelectorAll('.fs-accordion details.fs-acc-layer:not(.fs-acc-tools-all)')[i].querySelector('summary'), LAYERS.indexOf('data-centers'));
      await page.click(inFirst, `.fs-accordion button[data-pos="${pos('data-centers', 'compute')}"]`);
      await page.waitFor('the clicked cell', () => document.getElementById('first').shadowRoot.querySelector('.fs-detail h3')?.innerText === 'Data centers × Compute');
      assert.equal(await page.evaluate(() => location.hash), '', "the element leaves the host page's URL alone");

      // Second element (the quiz): a click on an option, then Check.
      const inSecond = (sel, i = 0) => document.getElementById('second').shadowRoot.querySelectorAll(sel)[i];
      await page.click(inSecond, '.fs-option', 0);
      await page.click(() => [...document.getElementById('second').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Check'));
      await page.waitFor('the feedback', () => document.getElementById('second').shadowRoot.querySelector('.fs-feedback'));
      assert.match(await page.evaluate(() => document.getElementById('second').shadowRoot.querySelector('.fs-progress-text').innerText), /^1 of 10 answered/);
      assert.equal(await page.evaluate(() => document.getElementById('first').shadowRoot.querySelector('.fs-feedback')), null);
      assert.equal(await page.evaluate(detail, 'first'), 'Data centers × Compute', 'the first element did not move');
      await noErrors(page);
      await page.close();
    });

    test('full-stack.html from file:// works with zero network requests, its downloads saved from inside it', async () => {
      const url = pathToFileURL(path.join(offlineDir, 'full-stack.html')).href;
      const served = server.requests.length;
      const page = await open(url);
      await page.waitFor('the live app', live);
      await page.click((p) => document.querySelector(`.fs-matrix button[data-pos="${p}"]`), pos('data-centers', 'compute'));
      assert.equal(await page.waitFor('the details', () => document.querySelector('.fs-side .fs-detail h3')?.innerText), 'Data centers × Compute');
      assert.equal(await hashOnceIs(page, '#chart/data-centers/compute'), '#chart/data-centers/compute', 'deep links work from disk too');
      // The downloads come from inside the file (no file is beside it): each click saves a
      // blob the page made. Saving is the browser's own, outside WebDriver, so the anchor's
      // click is recorded here and the blob read back.
      await page.evaluate(() => {
        window.fsSaved = [];
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
          if (this.href.startsWith('blob:')) window.fsSaved.push(fetch(this.href).then((r) => r.arrayBuffer()).then((b) => {
            const v = new DataView(b);
            return { name: this.download, bytes: b.byteLength, png: v.getUint32(0) === 0x89504e47 ? [v.getUint32(16), v.getUint32(20)] : null };
          }));
          else click.call(this);
        };
      });
      for (const format of ['csv', 'svg', 'png']) await page.click((f) => document.querySelector(`a[data-export="${f}"]`), format);
      await page.waitFor('three files saved', () => window.fsSaved.length === 3);
      const saved = await page.evaluate(() => Promise.all(window.fsSaved));
      const hostedPng = fs.readFileSync(path.join(DIST, 'chart-all.png'));
      assert.deepEqual(saved, [
        { name: 'full-stack-china-ai-policy.csv', bytes: fs.statSync(path.join(DIST, 'full-stack.csv')).size, png: null },
        { name: 'full-stack-china-ai-policy.svg', bytes: fs.statSync(path.join(DIST, 'chart-all.svg')).size, png: null },
        { name: 'full-stack-china-ai-policy.png', bytes: saved[2]?.bytes, png: [hostedPng.readUInt32BE(16), hostedPng.readUInt32BE(20)] },
      ]);
      assert.ok(saved[2].bytes > 10000, `a drawn PNG, not an empty one: ${saved[2].bytes} bytes`);
      assert.equal(await page.evaluate(() => location.pathname.endsWith('/full-stack.html') && !!document.querySelector('.fs[data-live]')), true, 'still on the page');
      // Only the document itself: no fetch of wasm, glue, styles, fonts or anything else
      // (Firefox also logs the data: URLs the page decodes, and the blob: URLs of the
      // downloads; they never leave the browser).
      assert.deepEqual((await page.requests()).filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:')), []);
      await noErrors(page);
      assert.equal(server.requests.length, served, 'nothing reached the test server either');
      // The request log is not blind in a file:// page: a probe the test adds after the
      // checks (a network request, the kind that must not happen) shows up in it.
      const probe = `${server.origin}/probe-${engine.name}.png`;
      await page.evaluate((src) => new Promise((r) => { const i = new Image(); i.onload = i.onerror = () => r(); i.src = src; }), probe);
      assert.ok(server.requests.includes(`/probe-${engine.name}.png`), 'the probe reached the server');
      assert.ok((await page.requests()).includes(probe), 'the probe is in the request log');
      await page.close();
    });

    test('375 px: no horizontal scroll; the accordion opens a cell in place', async () => {
      const page = await open('about:blank', { width: 375, height: 800 });
      for (const frag of ['#chart/semiconductors/domestic-alternatives', '#chart/*/compute', '#timeline/baai', '#quiz', '']) {
        await page.goto('about:blank'); // a full load each time, not a fragment change
        await page.goto(server.origin + '/' + frag);
        await page.waitFor('the live app', live);
        const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
        assert.equal(iw, 375);
        assert.ok(sw <= iw, `${frag}: the page is ${sw}px wide`);
        await noErrors(page);
      }
      assert.equal(await page.evaluate(shown, '.fs-matrix'), false, 'no table on a phone');
      const layer = LAYERS.indexOf('foundation-models');
      await page.click((i) => document.querySelectorAll('.fs-accordion details.fs-acc-layer:not(.fs-acc-tools-all)')[i].querySelector('summary'), layer);
      await page.click((p) => document.querySelector(`.fs-accordion button[data-pos="${p}"]`), pos('foundation-models', 'compute'));
      const h3 = await page.waitFor('the details in place',
        (i) => document.querySelectorAll('.fs-accordion details.fs-acc-layer:not(.fs-acc-tools-all)')[i].querySelector('.fs-detail h3')?.innerText, layer);
      assert.equal(h3, 'Foundation models × Compute');
      const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      assert.ok(sw <= iw, `with a cell open the page is ${sw}px wide`);
      await noErrors(page);
      await page.close();
    });

    test('a link to a late event or key point brings it to the top of the screen, and it stays there as what is near it renders', async () => {
      // The page's end may stop it lower. Both views render their parts only near the
      // screen, with estimated heights until then (WebKit has no scroll anchoring).
      const top = (sel) => Math.round(document.querySelector(sel).getBoundingClientRect().top);
      const page = await open('about:blank', { width: 375, height: 800 });
      for (const [frag, sel] of [[`#timeline/${EVENTS.at(-3)}`, '.fs-event[aria-current="true"]'], [`#points/${SECTIONS.at(-2)}/1`, '.fs-point[aria-current="true"]']]) {
        await page.goto('about:blank');
        await page.goto(server.origin + '/' + frag);
        await page.waitFor('the live app', live);
        await page.waitFor(`${frag}: at the top`, atTopOfScreen, sel);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        assert.equal(await page.evaluate(atTopOfScreen, sel), 'at the top', `${frag}: stays at the top (at ${await page.evaluate(top, sel)} px)`);
      }
      await noErrors(page);
      await page.close();
    });

    test('opened wide, then narrowed: the accordion, left unhydrated, goes live with the selection open', async () => {
      const page = await open('/#chart/foundation-models/compute', { width: 1280 });
      await page.waitFor('the live app', live);
      await page.setViewport(375, 800);
      // The server's accordion has nothing pressed: a pressed button is the live one.
      const want = pos('foundation-models', 'compute');
      const pressed = await page.waitFor('the selection in the accordion',
        () => document.querySelector('.fs-accordion button[aria-pressed="true"]')?.getAttribute('data-pos'));
      assert.equal(pressed, want);
      const layer = LAYERS.indexOf('foundation-models');
      const other = pos('foundation-models', 'state-funds');
      await page.click((p) => document.querySelector(`.fs-accordion button[data-pos="${p}"]`), other);
      const h3 = await page.waitFor('the other cell\'s details in place',
        (i) => document.querySelectorAll('.fs-accordion details.fs-acc-layer:not(.fs-acc-tools-all)')[i].querySelector('.fs-detail h3')?.innerText, layer);
      assert.equal(h3, 'Foundation models × State funds');
      await noErrors(page);
      await page.close();
    });

    test('layer and tool headers are never broken inside a word (no hyphenation)', async () => {
      const page = await open('/', { width: 1280 });
      await page.waitFor('the live app', live);
      // Both the style (Firefox and Safari hyphenate with `hyphens: auto`; WebKitGTK has no
      // dictionaries, so there only the style can tell) and the rendering, at several widths.
      const found = {
        hyphensAuto: await page.evaluate(() => [...document.querySelectorAll('.fs-matrix .fs-head, .fs-acc-name')]
          .filter((h) => getComputedStyle(h).hyphens === 'auto').length),
      };
      for (const [width, layout] of [[1280, '.fs-matrix'], [1100, '.fs-matrix'], [1024, '.fs-matrix'], [900, '.fs-matrix'],
        [375, '.fs-accordion'], [320, '.fs-accordion']]) {
        await page.setViewport(width, 800);
        assert.equal(await page.evaluate(shown, layout), true, `${layout} at ${width}px`);
        const split = await page.evaluate(splitHeaderWords, null);
        if (split.length) found[`${width}px`] = split;
      }
      assert.deepEqual(found, { hyphensAuto: 0 });
      await page.close();
    });
  });
}
