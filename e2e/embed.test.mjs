// Embedding: the custom element (dist/full-stack.js) and the iframe embed
// (dist/embed.html) on host pages we don't control.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady, axe } from './harness.mjs';
import { hostPage, listenerPage, elementReady, selectedTab, count, until, answerOneQuizQuestion, completeQuiz } from './embed-helpers.mjs';

const CELL = 'foundation-models/state-funds';
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/** Pages only the tests serve (extraRoutes of the harness). */
const ROUTES = {
  '/favicon.ico': { body: '', type: 'image/x-icon' },
  '/t/two.html': hostPage(`
    <full-stack-explainer id="a" view="chart" theme="light"></full-stack-explainer>
    <full-stack-explainer id="b" view="quiz" theme="dark"></full-stack-explainer>
    <iframe id="frame" src="/embed.html?view=timeline" title="Full Stack explainer" style="width:100%;height:500px;border:0"></iframe>
    <button id="host-button" type="button" onclick="window.__clicks = (window.__clicks || 0) + 1">Host</button>`),
  '/t/noid.html': hostPage(`
    <full-stack-explainer view="quiz"></full-stack-explainer>
    <full-stack-explainer view="quiz"></full-stack-explainer>`),
  '/t/lazy.html': hostPage(`
    <p>Top of a long article.</p>
    <div id="spacer" style="height: 4000px"></div>
    <full-stack-explainer id="far" view="chart" theme="dark"><a href="/">Fallback link</a></full-stack-explainer>`),
  '/t/below.html': hostPage(`
    <p>An article whose first screen is text.</p>
    <div style="height: 1100px"></div>
    <full-stack-explainer id="below" cell="${CELL}"></full-stack-explainer>
    <div style="height: 3000px"></div>`),
  '/t/listener.html': listenerPage(),
  '/t/sandboxed.html': {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandboxed</title><link rel="icon" href="data:,"></head><body>
      <iframe id="frame" sandbox="allow-scripts" src="/embed.html?view=quiz" title="Full Stack explainer" style="width:600px;height:300px;border:0"></iframe>
      <script>
        window.__heights = [];
        window.addEventListener('message', (e) => {
          const d = e.data;
          if (e.source === document.getElementById('frame').contentWindow && d && d['datawrapper-height']) {
            window.__heights.push([e.origin, d['datawrapper-height']['full-stack']]);
          }
        });
      </script></body></html>`,
  },
  '/t/frame.html': {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framed</title><link rel="icon" href="data:,"></head><body>
      <iframe id="frame" src="/embed.html?cell=${CELL}" title="Full Stack explainer" style="width:100%;height:900px;border:0"></iframe></body></html>`,
  },
  '/t/csp.html': {
    // No data: favicon here: the CSP would rightly block it.
    ...hostPage(`<full-stack-explainer id="c" view="quiz"><a href="/">Fallback link</a></full-stack-explainer>`, { head: '' }),
    headers: { 'content-security-policy': STRICT_CSP },
  },
  '/t/csp-no-wasm.html': {
    ...hostPage(`<full-stack-explainer id="c"><a id="fallback" href="/">Open the explainer</a></full-stack-explainer>`, { head: '' }),
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self'" },
  },
};

let server, browser;
before(async () => { server = await serve(undefined, ROUTES); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Computed styles of the hostile page's own elements (not the widgets). */
async function hostStyles(page) {
  return page.evaluate(() => {
    const props = ['font-size', 'font-family', 'font-weight', 'color', 'background-color', 'display', 'padding-top',
      'margin-top', 'border-top-width', 'border-top-style', 'text-transform', 'letter-spacing', 'line-height',
      'box-sizing', 'text-indent', 'list-style-type', 'outline-style'];
    const out = {};
    for (const sel of ['html', 'body', 'h1', 'h2', '#intro', '#host-table', '#host-table td', '#host-table th',
      '#host-button', 'article', '#frame']) {
      const el = document.querySelector(sel);
      const cs = getComputedStyle(el);
      out[sel] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    }
    out.sheets = document.styleSheets.length;
    out.adopted = document.adoptedStyleSheets.length;
    out.headChildren = document.head.children.length;
    return out;
  });
}

test('the hostile blog: its own styles are unchanged by the widgets', async () => {
  // Before: the same page with the widget's files blocked.
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const bare = await ctx.newPage();
  await bare.route(/full-stack\.js|embed\.html/, (route) => route.abort());
  await bare.goto(server.origin + '/demo/hostile-blog.html');
  const before = await hostStyles(bare);
  await ctx.close();

  const { page, context, errors } = await open(browser, server.origin + '/demo/hostile-blog.html', { width: 1000 });
  await elementReady(page, '#first');
  await elementReady(page, '#second', { scroll: true });
  await appReady(page, page.frameLocator('#frame'));
  assert.deepEqual(await hostStyles(page), before);
  // The element itself is a block (its :host rule), still sized by the host's rules.
  assert.equal(await page.locator('#first').evaluate((el) => getComputedStyle(el).display), 'block');
  // The theme's `*::before { content: "»" }` draws nothing inside the element's box.
  assert.equal(await page.locator('#first').evaluate((el) => getComputedStyle(el, '::before').content), 'none');
  assert.notEqual(await page.locator('#intro').evaluate((el) => getComputedStyle(el, '::before').content), 'none');
  assert.equal(await page.evaluate(() => document.querySelectorAll('style').length), 1, 'no style element added to the host document');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Boxes of key parts of the widget, relative to its `.fs` root, rounded: the header,
 *  the tabs, and the first rendered headings, buttons and table cells of the open panel. */
async function widgetBoxes(root) {
  return root.evaluate((fs) => {
    const base = fs.getBoundingClientRect();
    const box = (el) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return [Math.round(r.x - base.x), Math.round(r.y - base.y), Math.round(r.width), Math.round(r.height),
        cs.fontSize, cs.fontFamily, cs.fontWeight, cs.textTransform, cs.display];
    };
    const rendered = (el) => el.getClientRects().length > 0;
    const out = { root: [Math.round(base.width), Math.round(base.height)] };
    for (const sel of ['.fs-header h2', '.fs-sources', '.fs-theme select', '[role="tablist"]', '#fs-tab-chart', '#fs-tab-timeline']) {
      out[sel] = box(fs.querySelector(sel));
    }
    const panel = fs.querySelector('[role="tabpanel"]:not([hidden])');
    for (const sel of ['h3', 'h4', 'button', 'table', 'th', 'td', 'li']) {
      [...panel.querySelectorAll(sel)].filter(rendered).slice(0, 4).forEach((el, i) => { out[`panel ${sel} ${i}`] = box(el); });
    }
    return out;
  });
}

/** Compares the element on the hostile blog with the standalone page at the same width. */
async function compareWithStandalone(blogCss) {
  const { page, context } = await open(browser, server.origin + '/demo/hostile-blog.html', { width: 1280 });
  if (blogCss) await page.addStyleTag({ content: blogCss });
  await elementReady(page, '#first');
  const embedded = await widgetBoxes(page.locator('#first .fs'));
  await context.close();
  const width = embedded.root[0];

  const standalone = await open(browser, `${server.origin}/?view=chart&theme=light&cell=${CELL}`, { width: 1280 });
  await appReady(standalone.page);
  await standalone.page.addStyleTag({ content: `.page { width: ${width}px !important; max-width: none !important; margin: 0 !important; }` });
  // Narrowed to the blog's column, the page may show its other layout: that one is rendered
  // when first shown, its panel in two frames. Compare once the shown panel is whole.
  await standalone.page.locator('.fs-detail:visible:not([aria-busy])').first().waitFor();
  const own = await widgetBoxes(standalone.page.locator('.fs'));
  await standalone.context.close();

  assert.deepEqual(Object.keys(embedded), Object.keys(own), 'the same parts are rendered');
  assert.ok(Object.keys(own).length > 20, 'enough parts compared');
  for (const [key, value] of Object.entries(own)) {
    const other = embedded[key];
    // Fonts, weights, transforms and display exactly; positions within a pixel.
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] === 'number') {
        assert.ok(Math.abs(value[i] - other[i]) <= 1, `${key}[${i}]: element ${other[i]} vs standalone ${value[i]}`);
      } else {
        assert.equal(other[i], value[i], `${key}[${i}]`);
      }
    }
  }
  return width;
}

test('the hostile blog: the element looks as it does on its own page (narrow column)', async () => {
  const width = await compareWithStandalone(null);
  assert.ok(width > 600 && width < 800, `the blog's column (${width}px)`);
});

test('the hostile blog: the element looks as it does on its own page (wide column, the full table)', async () => {
  const width = await compareWithStandalone('body { max-width: 1200px !important; }');
  assert.ok(width >= 1100, `a wide column (${width}px)`);
});

test('two elements and an iframe on one page work independently; the wasm is fetched and compiled once', async () => {
  const start = server.requests.length;
  const { page, context, errors } = await open(browser, server.origin + '/t/two.html');
  const a = page.locator('#a');
  const b = page.locator('#b');
  const frame = page.frameLocator('#frame');
  await elementReady(page, '#a');
  await elementReady(page, '#b');
  await appReady(page, frame);
  assert.equal(await selectedTab(a), 'fs-tab-chart');
  assert.equal(await selectedTab(b), 'fs-tab-quiz');
  assert.equal(await selectedTab(frame), 'fs-tab-timeline');

  await a.locator('#fs-tab-timeline').click();
  assert.equal(await selectedTab(a), 'fs-tab-timeline');
  assert.equal(await selectedTab(b), 'fs-tab-quiz', 'the other element did not move');
  assert.equal(await selectedTab(frame), 'fs-tab-timeline');

  await b.locator('.fs-theme select').selectOption('light');
  assert.equal(await b.locator('.fs').getAttribute('data-theme'), 'light');
  assert.equal(await a.locator('.fs').getAttribute('data-theme'), 'light');
  await a.locator('.fs-theme select').selectOption('dark');
  assert.equal(await a.locator('.fs').getAttribute('data-theme'), 'dark');
  assert.equal(await b.locator('.fs').getAttribute('data-theme'), 'light', 'themes are per element');

  // Keyboard inside a shadow root: arrow keys move between that element's tabs only.
  await b.locator('#fs-tab-quiz').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await selectedTab(b), 'fs-tab-timeline');
  assert.equal(await selectedTab(a), 'fs-tab-timeline');

  // The quiz works inside a shadow root (labels, radios, buttons), in that element only.
  await b.locator('#fs-tab-quiz').click();
  assert.match(await answerOneQuizQuestion(b), /^1 of 10 answered/);
  assert.equal(await a.locator('.fs-feedback').count(), 0);

  assert.equal(new URL(page.url()).hash, '', "the elements leave the host page's URL alone");
  // Elements: one wasm download for both, one glue module each. The iframe is its own page.
  const requests = server.requests.slice(start);
  const glue = requests.filter((r) => /^\/widget\.js\?instance=/.test(r));
  assert.deepEqual(glue.sort(), ['/widget.js?instance=1', '/widget.js?instance=2']);
  assert.equal(count(requests, /^\/widget_bg\.wasm$/), 2, 'one for both elements, one for the iframe page');
  assert.deepEqual(errors, []);
  await context.close();
});

/** The keys of the page's localStorage that hold quiz progress. */
const quizKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('full-stack-quiz')).sort());

test('two elements on the demo page keep their own quiz progress across a reload', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/demo/hostile-blog.html', { width: 1000 });
  const first = page.locator('#first');
  const second = page.locator('#second');
  await elementReady(page, '#first');
  await elementReady(page, '#second', { scroll: true });
  // The quiz element: question 1 answered. The chart element: its quiz, two answered.
  assert.match(await answerOneQuizQuestion(second), /^1 of 10 answered/);
  await first.locator('#fs-tab-quiz').click();
  assert.equal(await first.locator('.fs-progress-text').innerText(), '0 of 10 answered · Score so far: 0', 'not the other element\'s progress');
  await answerOneQuizQuestion(first);
  await first.getByRole('button', { name: 'Next question' }).click();
  assert.match(await answerOneQuizQuestion(first), /^2 of 10 answered/);
  assert.deepEqual(await quizKeys(page), ['full-stack-quiz-v1:id-first', 'full-stack-quiz-v1:id-second'], 'one key per element, by id');

  await page.reload();
  await elementReady(page, '#first');
  await elementReady(page, '#second', { scroll: true });
  await second.locator('.fs-feedback').waitFor();
  assert.equal(await second.locator('.fs-q-number').innerText(), 'Question 1 of 10');
  assert.match(await second.locator('.fs-progress-text').innerText(), /^1 of 10 answered/);
  await first.locator('#fs-tab-quiz').click();
  await first.locator('.fs-feedback').waitFor();
  assert.equal(await first.locator('.fs-q-number').innerText(), 'Question 2 of 10');
  assert.match(await first.locator('.fs-progress-text').innerText(), /^2 of 10 answered/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('elements without an id keep their progress by their place on the page', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/t/noid.html');
  const [one, two] = [page.locator('full-stack-explainer').nth(0), page.locator('full-stack-explainer').nth(1)];
  await appReady(page, one);
  await appReady(page, two);
  assert.match(await answerOneQuizQuestion(two), /^1 of 10 answered/);
  assert.deepEqual(await quizKeys(page), ['full-stack-quiz-v1:el-2']);
  await page.reload();
  await appReady(page, one);
  await appReady(page, two);
  await two.locator('.fs-feedback').waitFor();
  assert.match(await two.locator('.fs-progress-text').innerText(), /^1 of 10 answered/);
  assert.equal(await one.locator('.fs-progress-text').innerText(), '0 of 10 answered · Score so far: 0');
  assert.equal(await one.locator('.fs-intro').count(), 1, 'the first is still at the start');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a result shared from an element links to index.html beside full-stack.js, not to the host page', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/demo/hostile-blog.html', { width: 1000 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await elementReady(page, '#second', { scroll: true });
  const second = page.locator('#second');
  const heading = await completeQuiz(second);
  const [, score] = heading.match(/^Your score: (\d+ of 10)$/);
  await second.getByRole('button', { name: 'Share result' }).click();
  await until(page, 'copied', async () => /Copied/.test(await second.locator('.fs-share-status').innerText()));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const link = copied.split(' ').at(-1);
  // The demo page is /demo/hostile-blog.html and loads ../full-stack.js.
  assert.equal(link, `${server.origin}/index.html#quiz/result/${score.replace(' of ', '-')}`);
  const theirs = await browser.newContext();
  const other = await theirs.newPage();
  await other.goto(link);
  await appReady(other);
  assert.equal(await other.locator('.fs-shared-score').innerText(), `Someone scored ${score} on this quiz`);
  await theirs.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed.html renders every key point and event at once: the host sizes the frame to them', async () => {
  // Rendered only near the screen, each would change the frame's height again as it rendered
  // (and Firefox reported a ResizeObserver loop in the hostile blog's timeline frame).
  for (const [view, part] of [['points', '.fs-points-section .fs-point'], ['timeline', '.fs-event-body .fs-event-date']]) {
    const { page, context, errors } = await open(browser, `${server.origin}/embed.html?view=${view}`, { width: 800, height: 600 });
    await appReady(page);
    const last = page.locator(`#fs-panel-${view} ${part}`).last();
    await last.waitFor({ state: 'attached' });
    assert.equal(await last.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true })), true, `${view}: the last one, far below, is rendered`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a result shared from embed.html links to the index.html beside it', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/t/sandboxed.html');
  const frame = page.frameLocator('#frame');
  await appReady(page, frame);
  const heading = await completeQuiz(frame);
  const [, s, t] = heading.match(/^Your score: (\d+) of (\d+)$/);
  // Sandboxed: the clipboard is refused and the text is offered to copy by hand.
  await frame.getByRole('button', { name: 'Share result' }).click();
  const field = frame.locator('.fs-share-field textarea');
  await field.waitFor();
  const link = (await field.inputValue()).split(' ').at(-1);
  assert.equal(link, `${server.origin}/index.html#quiz/result/${s}-${t}`, 'not embed.html?view=quiz');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a panic in one element shows its error box; the other element, the iframe and the page keep working', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/t/two.html');
  await elementReady(page, '#a');
  await elementReady(page, '#b');
  await appReady(page, page.frameLocator('#frame'));
  assert.equal(await page.evaluate(() => document.getElementById('a').debugPanic()), true);
  const box = page.locator('#a .fs-error[role="alert"]');
  await box.waitFor();
  assert.match(await box.innerText(), /Something went wrong/);
  assert.equal(await page.locator('#a [role="tablist"]').count(), 0);
  assert.ok(errors.some((e) => /deliberate test panic/.test(e)), 'the panic is logged');

  // The other element still responds.
  const b = page.locator('#b');
  await b.locator('#fs-tab-chart').click();
  assert.equal(await selectedTab(b), 'fs-tab-chart');
  assert.equal(await b.locator('.fs-error').count(), 0);
  // The iframe still responds.
  const frame = page.frameLocator('#frame');
  await frame.locator('#fs-tab-quiz').click();
  assert.equal(await selectedTab(frame), 'fs-tab-quiz');
  // The host page's own script still runs.
  await page.locator('#host-button').click();
  assert.equal(await page.evaluate(() => window.__clicks), 1);
  // A dead element ignores attribute changes instead of failing again.
  await page.evaluate(() => document.getElementById('a').setAttribute('view', 'quiz'));
  await page.evaluate(() => new Promise((r) => setTimeout(r)));
  assert.equal(await page.locator('#a .fs-error').count(), 1);
  await context.close();
});

test('attributes: a change remounts with the new settings; bad values show a notice and a console warning', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/t/two.html');
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const a = page.locator('#a');
  await elementReady(page, '#a');
  await page.evaluate(() => {
    const el = document.getElementById('a');
    el.setAttribute('view', 'timeline');
    el.setAttribute('theme', 'dark');
  });
  await until(page, 'the timeline', async () => (await a.locator('#fs-tab-timeline[aria-selected="true"]').count()) === 1);
  assert.equal(await a.locator('.fs').getAttribute('data-theme'), 'dark');

  await page.evaluate(() => document.getElementById('a').setAttribute('view', '<b>bold</b>'));
  const notice = a.locator('.fs-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /Unknown view “<b>bold<\/b>”: showing the chart\./);
  assert.equal(await a.locator('.fs b').count(), 0, 'the value is shown as text, not markup');
  assert.equal(await selectedTab(a), 'fs-tab-chart');
  await until(page, 'the warning', () => warnings.some((w) => /full-stack-explainer.*Unknown view/.test(w)));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an element taken out of the page frees its instance for the next one, and works when put back', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/t/two.html');
  await elementReady(page, '#a');
  await elementReady(page, '#b');
  const glueRequests = () => count(server.requests, /^\/widget\.js\?instance=/);
  const before = glueRequests();
  // Removed: its app is torn down.
  await page.evaluate(() => { window.__a = document.getElementById('a'); window.__a.remove(); });
  await until(page, 'teardown', async () => (await page.evaluate(() => window.__a.shadowRoot.querySelector('[role="tablist"]'))) === null);
  // A new element reuses the freed instance: no new glue module.
  await page.evaluate(() => {
    const el = document.createElement('full-stack-explainer');
    el.id = 'c';
    el.setAttribute('view', 'timeline');
    document.body.prepend(el);
  });
  await elementReady(page, '#c');
  assert.equal(await selectedTab(page.locator('#c')), 'fs-tab-timeline');
  assert.equal(glueRequests(), before, 'the freed instance was reused');
  // The old element put back gets an instance again and works.
  await page.evaluate(() => document.body.append(window.__a));
  await page.locator('#a').scrollIntoViewIfNeeded(); // lazy: it loads when near the viewport
  await elementReady(page, '#a');
  await page.locator('#a #fs-tab-quiz').click();
  assert.equal(await selectedTab(page.locator('#a')), 'fs-tab-quiz');
  // Moving an element keeps its app (and what the reader did in it).
  await page.evaluate(() => document.body.prepend(document.getElementById('a')));
  assert.equal(await selectedTab(page.locator('#a')), 'fs-tab-quiz');
  assert.deepEqual(errors, []);
  await context.close();
});

test('lazy: nothing is fetched until an element nears the viewport', async () => {
  const before = server.requests.length;
  const { page, context, errors } = await open(browser, server.origin + '/t/lazy.html', { height: 800 });
  await page.waitForFunction(() => customElements.get('full-stack-explainer') !== undefined);
  // Wait for an intersection observer of our own to report on the element: the
  // element's observer has reported by then too.
  await page.evaluate(() => new Promise((resolve) => {
    const io = new IntersectionObserver(() => { io.disconnect(); resolve(); }, { rootMargin: '600px 0px' });
    io.observe(document.getElementById('far'));
  }));
  const mine = () => server.requests.slice(before);
  assert.equal(count(mine(), /widget/), 0, 'no wasm or glue before the element is near: ' + mine().join(', '));
  // Until then it shows the widget as rendered at build time (readable, not yet live).
  assert.equal(await page.locator('#far table.fs-matrix').count(), 1, 'the prerendered chart');
  assert.equal(await page.locator('#far .fs[data-live]').count(), 0, 'not live');
  // In the theme its attribute asks for, and its theme menu says so.
  assert.equal(await page.locator('#far .fs').getAttribute('data-theme'), 'dark');
  assert.equal(await page.locator('#far .fs-theme select').inputValue(), 'dark');
  await page.locator('#far').scrollIntoViewIfNeeded();
  await elementReady(page, '#far');
  assert.equal(count(mine(), /^\/widget_bg\.wasm$/), 1);
  assert.equal(await page.locator('#far').getByText('Fallback link').isVisible(), false, 'the fallback hides while the widget works');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an element just below the fold loads without scrolling the page, even with a cell selected', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/t/below.html', { height: 900 });
  await elementReady(page, '#below');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.ok(await page.locator('#below').evaluate((el) => el.getBoundingClientRect().top) > 900, 'it was mounted off screen');
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed.html posts its height in the Datawrapper, Flourish/Embedly and AMP formats on every size change', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/t/listener.html');
  const frame = page.frameLocator('#frame');
  await appReady(page, frame);
  const content = () => page.frame({ url: /embed\.html/ }).evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const lastHeight = async () => {
    const m = await page.evaluate(() => window.__messages);
    const dw = m.filter((x) => x.data && typeof x.data === 'object' && x.data['datawrapper-height']);
    return dw.length ? dw[dw.length - 1].data['datawrapper-height']['full-stack'] : 0;
  };
  await until(page, 'a height message', async () => (await lastHeight()) === (await content()));
  const first = await lastHeight();
  assert.ok(first > 300, `a plausible height (${first})`);

  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.every((m) => m.origin === server.origin));
  const flourish = messages.filter((m) => typeof m.data === 'string').map((m) => JSON.parse(m.data));
  assert.ok(flourish.some((f) => f.sender === 'Flourish' && f.context === 'iframe.resize' && f.method === 'resize'
    && f.height === first && /\/embed\.html\?view=chart/.test(f.src)), JSON.stringify(flourish));
  assert.ok(messages.some((m) => m.data && m.data.sentinel === 'amp' && m.data.type === 'embed-size' && m.data.height === first));

  // The host sized the frame to fit: the embed doesn't scroll inside.
  const embed = page.frame({ url: /embed\.html/ });
  await until(page, 'the frame to fit', () => embed.evaluate(() => document.documentElement.scrollHeight <= innerHeight));

  // A size change (another tab) gives a new height.
  await frame.locator('#fs-tab-timeline').click();
  await until(page, 'a new height', async () => (await lastHeight()) !== first && (await lastHeight()) === (await content()));
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed.html works in an iframe sandboxed without allow-same-origin (opaque origin, storage throws)', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/t/sandboxed.html');
  const frame = page.frameLocator('#frame');
  await appReady(page, frame);
  assert.equal(await selectedTab(frame), 'fs-tab-quiz');
  await frame.locator('#fs-tab-chart').click();
  assert.equal(await selectedTab(frame), 'fs-tab-chart');
  const heights = await until(page, 'a height message', async () => {
    const h = await page.evaluate(() => window.__heights);
    return h.length ? h : null;
  });
  assert.equal(heights[0][0], 'null', 'sent from the opaque origin');
  assert.ok(heights[0][1] > 100);
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed.html posts nothing when not framed and ignores inbound messages', async () => {
  const { page, context, errors } = await browser.newContext({ viewport: { width: 800, height: 900 } })
    .then(async (ctx) => {
      const p = await ctx.newPage();
      const errs = [];
      p.on('pageerror', (e) => errs.push(String(e)));
      p.on('console', (m) => { if (m.type() === 'error') errs.push(m.text()); });
      await p.addInitScript(() => {
        window.__received = [];
        window.addEventListener('message', (e) => window.__received.push(e.data));
      });
      await p.goto(server.origin + '/embed.html?view=chart');
      return { page: p, context: ctx, errors: errs };
    });
  await appReady(page);
  await page.locator('#fs-tab-timeline').click();
  await page.setViewportSize({ width: 500, height: 900 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await page.evaluate(() => window.__received), [], 'no height messages to itself');

  // Now messages a hostile parent might send: nothing changes, nothing breaks.
  const html = await page.locator('#full-stack').innerHTML();
  await page.evaluate(() => {
    const evil = ['<img src=x onerror="window.__pwned=1">', { 'datawrapper-height': { 'full-stack': 1 } },
      JSON.stringify({ sender: 'Flourish', method: 'navigate', url: 'javascript:window.__pwned=1' }),
      { sentinel: 'amp', type: 'embed-size', height: 5 }, { view: 'quiz', theme: 'dark', html: '<b>x</b>' }];
    for (const m of evil) window.postMessage(m, '*');
  });
  await until(page, 'the messages delivered', async () => (await page.evaluate(() => window.__received.length)) === 5);
  assert.equal(await page.locator('#full-stack').innerHTML(), html);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test("under CSP default-src 'self'; script-src 'self' 'wasm-unsafe-eval' the element works", async () => {
  const { page, context, errors } = await browser.newContext({ viewport: { width: 1000, height: 900 } }).then(async (ctx) => {
    const p = await ctx.newPage();
    const errs = [];
    p.on('pageerror', (e) => errs.push(String(e)));
    p.on('console', (m) => { if (m.type() === 'error') errs.push(m.text()); });
    await p.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await p.goto(server.origin + '/t/csp.html');
    return { page: p, context: ctx, errors: errs };
  });
  const c = page.locator('#c');
  await elementReady(page, '#c');
  assert.equal(await selectedTab(c), 'fs-tab-quiz');
  await c.locator('#fs-tab-chart').click();
  assert.equal(await selectedTab(c), 'fs-tab-chart');
  // Styled by its constructable stylesheet, which the CSP doesn't block.
  assert.equal(await c.locator('.fs').evaluate((el) => getComputedStyle(el).fontSize), '16px');
  assert.equal(await c.evaluate((el) => el.shadowRoot.adoptedStyleSheets.length), 1);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without constructable stylesheets the element falls back to a <style> in its shadow root', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    delete ShadowRoot.prototype.adoptedStyleSheets;
    delete Document.prototype.adoptedStyleSheets;
  });
  await page.goto(server.origin + '/t/two.html');
  await elementReady(page, '#a');
  const styled = await page.locator('#a').evaluate((el) => ({
    styles: el.shadowRoot.querySelectorAll('style').length,
    font: getComputedStyle(el.shadowRoot.querySelector('.fs')).fontSize,
  }));
  assert.deepEqual(styled, { styles: 1, font: '16px' });
  assert.equal(await page.evaluate(() => document.querySelectorAll('style').length), 0, 'nothing added to the host document');
  await context.close();
});

test("without 'wasm-unsafe-eval' the element keeps the prerendered chart, says its cells will not open, and shows the host's fallback link", async () => {
  const { page, context } = await open(browser, server.origin + '/t/csp-no-wasm.html');
  const c = page.locator('#c');
  await c.getByRole('alert').filter({ hasText: 'The interactive chart and quiz did not load' }).waitFor();
  assert.equal(await c.locator('table.fs-matrix').isVisible(), true, 'the chart, readable');
  assert.equal(await c.locator('.fs[data-live]').count(), 0);
  assert.equal(await page.locator('#fallback').isVisible(), true);
  await context.close();
});

test('zero axe-core violations on a page with two elements and an iframe', async () => {
  const { page, context } = await open(browser, server.origin + '/t/two.html');
  await elementReady(page, '#a');
  await elementReady(page, '#b');
  await appReady(page, page.frameLocator('#frame'));
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
  await context.close();
});

// axe sees only the document it runs in (above, the host page): audit embed.html's own
// document, inside its iframe and loaded on its own.
for (const width of [375, 1280]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`zero axe-core violations in embed.html itself, framed and on its own (${width}px, ${colorScheme})`, async () => {
      const { page, context, errors } = await open(browser, server.origin + '/t/frame.html', { width, colorScheme });
      const frame = page.frameLocator('#frame');
      await appReady(page, frame);
      const doc = page.frames().find((f) => f.url().includes('/embed.html'));
      const check = async (stage, target = doc) => {
        const v = await axe(target);
        assert.deepEqual(v, [], `${stage}: ` + JSON.stringify(v, null, 1));
      };
      // The configured cell is open (beside the table, or in place in the accordion).
      assert.equal(await frame.locator(`.fs-detail[data-target="${CELL}"]:visible`).count(), 1);
      await check('framed, chart with a cell open');
      for (const tab of ['quiz', 'timeline']) {
        await frame.locator(`#fs-tab-${tab}`).click();
        assert.equal(await frame.locator(`#fs-panel-${tab}`).isVisible(), true);
        await check(`framed, ${tab}`);
      }
      await page.goto(server.origin + '/embed.html');
      await appReady(page);
      await check('embed.html on its own, chart', page);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
