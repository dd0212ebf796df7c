// Helpers for the embedding tests (custom element, iframe embed, single file).
import { appReady } from './harness.mjs';

/** A host page around `body`, loading full-stack.js from the server's root. */
export function hostPage(body, { head = '<link rel="icon" href="data:,">' } = {}) {
  return {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>
${head}<script src="/full-stack.js" defer></script></head>
<body>${body}</body></html>`,
  };
}

/** A page that frames `embed.html?view=chart&theme=light` in `#frame` and does what a
 *  host does with its messages: keeps each from the frame in `window.__messages`
 *  ({ origin, data }) and sets the frame's height from the Datawrapper-format one. */
export function listenerPage() {
  return {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Listener</title><link rel="icon" href="data:,"></head><body>
      <iframe id="frame" src="/embed.html?view=chart&theme=light" title="Full Stack explainer" style="width:720px;height:300px;border:0"></iframe>
      <script>
        window.__messages = [];
        window.addEventListener('message', (e) => {
          const frame = document.getElementById('frame');
          if (e.source !== frame.contentWindow) return;
          window.__messages.push({ origin: e.origin, data: e.data });
          const d = e.data;
          if (d && typeof d === 'object' && d['datawrapper-height']) {
            frame.style.height = d['datawrapper-height']['full-stack'] + 'px';
          }
        });
      </script></body></html>`,
  };
}

/** Waits until the custom element `selector` has a live app in its shadow root. It
 *  starts when it comes near the viewport and shows the prerendered widget until then, so
 *  an element below another one is a screen or more down: `scroll` goes to it first, as
 *  a reader would. */
export async function elementReady(page, selector, { scroll = false } = {}) {
  if (scroll) await page.locator(selector).scrollIntoViewIfNeeded();
  await appReady(page, page.locator(selector));
}

/** The selected tab's id inside `scope` (a locator). */
export async function selectedTab(scope) {
  return scope.locator('[role="tab"][aria-selected="true"]').getAttribute('id');
}

/** Counts requests whose path (with query) matches `re`. */
export function count(requests, re) {
  return requests.filter((r) => re.test(r)).length;
}

/** Polls `fn` (async, returns truthy when done) without fixed sleeps standing in for
 *  a condition: each turn waits for the page's next animation frame. */
/** In the page (pass it to an evaluate): records, every frame from now until three frames
 *  after the app runs, whether the widget `fs` (or the page's first `.fs`) shows `view`: its
 *  tab selected and its panel on screen. The frames are in `fs.viewByFrame`, marked `done`
 *  at the end. */
export function watchViewByFrame(fs, view) {
  fs = fs || document.querySelector('.fs');
  const seen = fs.viewByFrame = [];
  let live = 0;
  const frame = () => {
    const tab = fs.querySelector(`#fs-tab-${view}`);
    const panel = fs.querySelector(`#fs-panel-${view}`);
    seen.push(tab.getAttribute('aria-selected') === 'true' && panel.getClientRects().length > 0 ? view : `NOT ${view.toUpperCase()}`);
    if (fs.hasAttribute('data-live')) live++;
    if (live < 3) requestAnimationFrame(frame);
    else seen.done = true;
  };
  requestAnimationFrame(frame);
}

export async function until(page, what, fn, turns = 400) {
  for (let i = 0; i < turns; i++) {
    const v = await fn();
    if (v) return v;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Answers the question the quiz in `root` (a page, frame or element locator) shows
 *  (question 1 of a fresh quiz: it opens there) with its first option, checks it, and
 *  returns the progress line. */
export async function answerOneQuizQuestion(root) {
  await root.locator('.fs-q-fieldset').waitFor();
  await root.locator('.fs-option').first().click();
  await root.getByRole('button', { name: 'Check' }).click();
  await root.locator('.fs-feedback').waitFor();
  return root.locator('.fs-progress-text').innerText();
}

/** Completes the quiz in `root` from where it is, always picking the first option, and
 *  returns the summary's heading ("Your score: n of 10"). */
export async function completeQuiz(root) {
  for (let n = 1; ; n++) {
    await root.locator('.fs-q-number', { hasText: new RegExp(`^Question ${n} of `) }).waitFor();
    await answerOneQuizQuestion(root);
    const score = root.getByRole('button', { name: 'See your score' });
    if (await score.count()) {
      await score.click();
      break;
    }
    await root.getByRole('button', { name: 'Next question' }).click();
  }
  await root.locator('.fs-summary').waitFor();
  return root.locator('.fs-summary-h').innerText();
}

/** A context of `browser` that is offline and logs every request any of its pages and
 *  frames makes, and every page error and console error. */
export async function offlineContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.setOffline(true);
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('page', (p) => {
    p.on('pageerror', (e) => errors.push(String(e)));
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  });
  return { context, requests, errors };
}
