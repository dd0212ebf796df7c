// The host page is told what the reader does (README, "Events for the host page"): the
// custom element dispatches bubbling, composed CustomEvents; embed.html posts the same
// to its parent only with ?events=1, and otherwise nothing but its height. Checked as a
// host page receives them; the expected ids and scores come from content/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady } from './harness.mjs';
import { hostPage, elementReady, until } from './embed-helpers.mjs';
import { LAYERS, TOOLS, byPrompt, atPos } from './content.mjs';

const TYPES = ['full-stack:select', 'full-stack:view', 'full-stack:quiz-finished', 'full-stack:ready'];
const CELL = 'foundation-models/state-funds';

/** A page that records every event it hears on the document, and every message. */
const RECORDER = `<script>
  window.__events = [];
  window.__messages = [];
  for (const type of ${JSON.stringify(TYPES)}) {
    document.addEventListener(type, (e) => {
      // What the widget shows as the host hears it: its root (inside the shadow root).
      const fs = e.composedPath()[0];
      window.__events.push({
        type, detail: e.detail, target: e.target.id || e.target.tagName, bubbles: e.bubbles, composed: e.composed,
        shown: { live: fs.hasAttribute?.('data-live'), open: fs.querySelector?.('.fs-side .fs-detail')?.getAttribute('data-target') ?? null },
      });
    });
  }
  window.addEventListener('message', (e) => window.__messages.push(e.data));
</script>`;

const ROUTES = {
  '/t/element.html': hostPage(`${RECORDER}<full-stack-explainer id="a" cell="${CELL}"></full-stack-explainer>`),
  '/t/frame-events.html': hostPage(`${RECORDER}<iframe id="f" src="/embed.html?events=1&cell=${CELL}" title="Full Stack" style="width:1200px;height:900px;border:0"></iframe>`),
  '/t/frame-quiet.html': hostPage(`${RECORDER}<iframe id="f" src="/embed.html?cell=${CELL}" title="Full Stack" style="width:1200px;height:900px;border:0"></iframe>`),
};

let server, browser;
before(async () => {
  server = await serve(undefined, ROUTES);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const select = (pos) => ({ type: 'full-stack:select', detail: atPos(pos) });
const cleared = { type: 'full-stack:select', detail: { layer: null, tool: null } };

/** Chooses the chart buttons at these positions, in `root` (a locator or frame). */
async function choose(root, positions) {
  for (const pos of positions) await root.locator(`.fs-matrix button[data-pos="${pos}"]`).click();
}

/** Answers the quiz in `root` from question 1 to the score, with each question's first
 *  option, and returns how many of those were right (by content/quiz.toml). */
async function takeQuiz(root) {
  let right = 0;
  for (let n = 1; ; n++) {
    await root.locator('.fs-q-number', { hasText: new RegExp(`^Question ${n} of `) }).waitFor();
    const q = byPrompt(await root.locator('.fs-q-prompt').innerText());
    const option = root.locator('.fs-option').first();
    if ((await option.innerText()).includes(q.answer)) right++;
    await option.click();
    await root.getByRole('button', { name: 'Check' }).click();
    await root.locator('.fs-feedback').waitFor();
    const score = root.getByRole('button', { name: /^(See your score|See how this round went)$/ });
    if (await score.count()) {
      await score.click();
      break;
    }
    await root.getByRole('button', { name: 'Next question' }).click();
  }
  await root.locator('section.fs-summary').waitFor();
  return right;
}

test('<full-stack-explainer> dispatches ready, then select, view and quiz-finished, bubbling and composed, with ids and numbers only', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/t/element.html');
  await elementReady(page, '#a');
  await frames(page);
  // Ready once, when the app shows its configured cell; nothing for that setting itself.
  const [ready, ...rest] = await page.evaluate(() => window.__events);
  assert.deepEqual(rest, [], 'nothing for the settings it starts with (a cell)');
  assert.deepEqual(
    { type: ready?.type, detail: ready?.detail, target: ready?.target, shown: ready?.shown },
    { type: 'full-stack:ready', detail: { view: 'chart' }, target: 'a', shown: { live: true, open: CELL } },
  );
  await page.evaluate(() => window.__events.shift());
  const el = page.locator('#a');
  // A cell (the configured one is open: a new one), the same again (cleared), a layer, a tool.
  await choose(el, ['2-3', '2-3', '3-0', '0-4']);
  await el.locator('#fs-tab-quiz').click();
  const right = await takeQuiz(el);
  await until(page, 'the quiz-finished event', () => page.evaluate(() => window.__events.some((e) => e.type === 'full-stack:quiz-finished')));
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.map(({ type, detail }) => ({ type, detail })), [
    select('2-3'),
    cleared,
    select('3-0'),
    select('0-4'),
    { type: 'full-stack:view', detail: { view: 'quiz' } },
    { type: 'full-stack:quiz-finished', detail: { score: right, total: 10, length: 'quick' } },
  ]);
  // Heard on the document, retargeted to the element: they bubble out of its shadow root.
  assert.ok(events.every((e) => e.target === 'a' && e.bubbles && e.composed), JSON.stringify(events));
  assert.equal(select('3-0').detail.layer, LAYERS[2]);
  assert.equal(select('0-4').detail.tool, TOOLS[3]);

  // A retry of the missed questions is not a finished quiz.
  if (right < 10) {
    await el.getByRole('button', { name: /^Retry the ones I missed/ }).click();
    await takeQuiz(el);
    await frames(page);
    const finished = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'full-stack:quiz-finished');
    assert.equal(finished.length, 1, 'only the first round');
  }
  // A tab back to the chart: the view only (the selection was kept).
  await el.locator('#fs-tab-chart').click();
  await until(page, 'the view event', async () => (await page.evaluate(() => window.__events.at(-1).type)) === 'full-stack:view');
  assert.deepEqual((await page.evaluate(() => window.__events.at(-1))).detail, { view: 'chart' });
  assert.deepEqual(errors, []);
  await context.close();
});

/** The messages from the frame that are not height messages (in any of its formats). */
async function eventMessages(page) {
  const all = await page.evaluate(() => window.__messages);
  const height = (m) => typeof m === 'string' || (m && (m['datawrapper-height'] || m.sentinel === 'amp'));
  return { all, events: all.filter((m) => !height(m)) };
}

test('embed.html?events=1 posts the same events to its parent as {"full-stack": {type, detail}}', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/t/frame-events.html');
  const frame = page.frameLocator('#f');
  await appReady(page, frame);
  await frames(page);
  const ready = { type: 'full-stack:ready', detail: { view: 'chart' } };
  assert.deepEqual((await eventMessages(page)).events, [{ 'full-stack': ready }], 'ready, and nothing for the settings it starts with');
  await choose(frame, ['5-6', '5-6', '0-1']);
  await frame.locator('#fs-tab-timeline').click();
  const expected = [ready, select('5-6'), cleared, select('0-1'), { type: 'full-stack:view', detail: { view: 'timeline' } }];
  await until(page, 'five event messages', async () => (await eventMessages(page)).events.length >= expected.length);
  const { all, events } = await eventMessages(page);
  assert.deepEqual(events, expected.map((e) => ({ 'full-stack': e })));
  assert.ok(all.some((m) => m && m['datawrapper-height']), 'the height messages still come');
  assert.deepEqual(await page.evaluate(() => window.__events), [], 'the host page hears messages, not DOM events, from a frame');
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed.html without events=1 sends nothing but its height', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/t/frame-quiet.html');
  const frame = page.frameLocator('#f');
  await appReady(page, frame);
  await choose(frame, ['5-6', '5-6', '0-1']);
  await frame.locator('#fs-tab-timeline').click();
  // The tab switch changes the height: once that message is in, every action has happened.
  await until(page, 'a height message after the switch', async () => {
    const f = page.frame({ url: /embed\.html/ });
    const h = await f.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    return (await page.evaluate(() => window.__messages)).some((m) => m && m['datawrapper-height']?.['full-stack'] === h);
  });
  await frames(page);
  const { all, events } = await eventMessages(page);
  assert.ok(all.length >= 3, `height messages arrived: ${all.length}`);
  assert.deepEqual(events, []);
  assert.deepEqual(errors, []);
  await context.close();
});
