// The quiz on the built page (dist/index.html): keyboard-only, feedback and the live
// region, retry-missed, reload-resume, storage that throws (a sandboxed iframe), shared
// results, sharing, links to the chart, and zero axe-core violations at every stage.
//
// The right answers come from content/quiz.toml (read here, independently of the widget),
// so the tests can answer right or wrong on purpose and know the score to expect.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, openHeld, appReady, axe, ROOT, hashOnceIs } from './harness.mjs';

/** The questions of content/quiz.toml: id, prompt, option texts, correct text, cells. */
function loadQuestions() {
  const text = fs.readFileSync(path.join(ROOT, 'content/quiz.toml'), 'utf8');
  const questions = [];
  let q = null;
  let inOption = false;
  // In the question's own table (not its options, quote or sources, which have ids too).
  let inHead = false;
  const str = (line) => JSON.parse(line.slice(line.indexOf('=') + 1).trim());
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '[[question]]') { q = { options: [], cells: [] }; questions.push(q); inOption = false; inHead = true; continue; }
    if (line.startsWith('[')) { inHead = false; inOption = line === '[[question.option]]'; if (inOption && q) q.options.push({}); continue; }
    if (!q) continue;
    if (inHead && line.startsWith('id = ')) q.id = str(line);
    if (inHead && line.startsWith('prompt = ')) q.prompt = str(line);
    if (inHead && line.startsWith('cells = ')) q.cells = JSON.parse(line.slice(line.indexOf('=') + 1));
    if (inOption && line.startsWith('text = ')) q.options.at(-1).text = str(line);
    if (inOption && line === 'correct = true') q.options.at(-1).correct = true;
  }
  for (const x of questions) x.answer = x.options.find((o) => o.correct).text;
  return questions;
}
const QUESTIONS = loadQuestions();
const byPrompt = (prompt) => {
  const q = QUESTIONS.find((x) => x.prompt === prompt.trim());
  assert.ok(q, `prompt not in content/quiz.toml: ${prompt}`);
  return q;
};

const SANDBOX = '/sandboxed.html';
let server, browser;
before(async () => {
  server = await serve(undefined, {
    [SANDBOX]: {
      body: '<!doctype html><html lang="en"><title>Sandboxed embed</title><link rel="icon" href="data:,">'
        + '<iframe title="Quiz" sandbox="allow-scripts" src="/index.html#quiz" style="width:100%;height:1200px;border:0"></iframe>',
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Polls `fn` until it returns a truthy value (or fails with `what`). */
async function until(what, fn, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for: ' + what);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const legend = (root) => root.locator('.fs-q-number').innerText();
const prompt = (root) => root.locator('.fs-q-prompt').innerText();
const optionTexts = (root) => root.locator('.fs-option-text').allInnerTexts();
const live = (root) => root.locator('.fs-live').innerText();
const active = (root) => root.evaluate(() => {
  const a = document.activeElement;
  return { tag: a.tagName, cls: a.className, text: a.innerText || '', type: a.type || '' };
});

/** The index (in display order) of the option to pick: the right one or a wrong one. */
async function target(root, right) {
  const q = byPrompt(await prompt(root));
  const texts = await optionTexts(root);
  const i = right ? texts.indexOf(q.answer) : texts.findIndex((t) => t !== q.answer);
  assert.ok(i >= 0, 'the right answer is among the options');
  return { i, q };
}

/** Answers the current question with the mouse and checks it. */
async function answerByClick(root, right) {
  const { i, q } = await target(root, right);
  await root.locator('.fs-option').nth(i).click();
  await root.getByRole('button', { name: 'Check' }).click();
  await root.locator('.fs-feedback').waitFor();
  return q;
}

/** The quiz opens at question 1 of the quick quiz: no start screen. */
async function atQuestionOne(root) {
  await root.locator('.fs-q-fieldset').waitFor();
  assert.equal(await legend(root), 'Question 1 of 10');
}

const ALL = `All ${QUESTIONS.length} questions`;
/** The length toggles' pressed states, as { label: 'true' | 'false' }. */
const lengths = async (root) => Object.fromEntries(await root.locator('.fs-length').evaluateAll(
  (buttons) => buttons.map((b) => [b.textContent, b.getAttribute('aria-pressed')])));

/** Completes a round with the mouse; `pattern[i]` says whether to answer question i right. */
async function completeByClick(root, pattern) {
  const asked = [];
  for (let n = 0; n < pattern.length; n++) {
    asked.push(await answerByClick(root, pattern[n]));
    const last = n === pattern.length - 1;
    await root.getByRole('button', { name: last ? /See (your score|how this round went)/ : 'Next question' }).click();
  }
  await root.locator('.fs-summary').waitFor();
  return asked;
}

async function openQuiz(opts = {}, hash = '#quiz') {
  const o = await open(browser, server.origin + '/' + hash, opts);
  await appReady(o.page);
  return o;
}

test('a whole quick quiz by keyboard only, to the summary', async () => {
  const { page, context, errors } = await openQuiz();
  await atQuestionOne(page);
  // Tab to the length toggles, as a keyboard user would; try the full quiz and come back.
  const on = async (label) => { const a = await active(page); return a.tag === 'BUTTON' && a.text === label; };
  for (let n = 0; n < 40 && !(await on('Quick quiz (10)')); n++) await page.keyboard.press('Tab');
  assert.ok(await on('Quick quiz (10)'), 'the length toggles are reachable by Tab');
  await page.keyboard.press('Tab');
  assert.ok(await on(ALL));
  await page.keyboard.press('Enter');
  await until('the full quiz', async () => (await legend(page)) === `Question 1 of ${QUESTIONS.length}`);
  assert.deepEqual(await lengths(page), { 'Quick quiz (10)': 'false', [ALL]: 'true' });
  assert.equal(await live(page), `${ALL}.`);
  assert.ok(await on(ALL), 'focus stays on the toggle');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await until('back to the quick quiz', async () => (await legend(page)) === 'Question 1 of 10');
  assert.equal(await live(page), 'Quick quiz: 10 questions.');

  const pattern = [true, false, true, true, false, true, true, true, false, true];
  for (let n = 0; n < 10; n++) {
    assert.equal(await legend(page), `Question ${n + 1} of 10`);
    const { i, q } = await target(page, pattern[n]);
    if (n === 0) {
      // From the toggles, Tab goes on into the radio group.
      for (let k = 0; k < 3 && (await active(page)).type !== 'radio'; k++) await page.keyboard.press('Tab');
    } else {
      assert.equal((await active(page)).tag, 'FIELDSET', 'focus is on the new question');
      // Into the radio group, then arrow keys select.
      await page.keyboard.press('Tab');
    }
    assert.equal((await active(page)).type, 'radio');
    if (i === 0) await page.keyboard.press('Space');
    for (let k = 0; k < i; k++) await page.keyboard.press('ArrowDown');
    const checked = await page.locator('.fs-option input:checked').count();
    assert.equal(checked, 1, 'exactly one option selected');
    assert.equal(await page.locator('.fs-option').nth(i).locator('input').isChecked(), true);
    await page.keyboard.press('Tab');
    assert.equal((await active(page)).text, 'Check');
    await page.keyboard.press('Enter');
    await page.locator('.fs-feedback').waitFor();
    // Focus moves to the feedback heading, which says the result in words.
    const fb = await active(page);
    assert.equal(fb.tag, 'H4');
    assert.match(fb.text, pattern[n] ? /Correct/ : /Not quite/);
    assert.equal(await live(page), pattern[n] ? 'Correct.' : `Not quite: the answer is ${q.answer}.`);
    // The choice is locked.
    assert.equal(await page.locator('.fs-option input:disabled').count(), 4);
    // On to the next question (or the score) by Tab and Enter.
    const next = n === 9 ? 'See your score' : 'Next question';
    // (Past the feedback's links: the transcript, the sources, the chart.)
    for (let k = 0; k < 40 && (await active(page)).text !== next; k++) await page.keyboard.press('Tab');
    assert.equal((await active(page)).text, next);
    await page.keyboard.press('Enter');
  }
  await page.locator('.fs-summary').waitFor();
  const h = await active(page);
  assert.equal(h.tag, 'H4', 'focus moves to the summary heading');
  assert.equal(h.text, 'Your score: 7 of 10');
  assert.equal(await page.locator('.fs-review-item').count(), 10);
  assert.equal(await page.locator('.fs-review-item[data-result="wrong"]').count(), 3);
  const missed = page.locator('.fs-review-item[data-result="wrong"]').first();
  assert.match(await missed.innerText(), /Missed/);
  assert.match(await missed.innerText(), /Your answer/);
  assert.match(await missed.innerText(), /Right answer/);
  assert.match(await missed.innerText(), /Why/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the quiz opens at question 1 of the same quiz for every reader; a length switch is kept; both go once an answer is checked', async () => {
  const first = await openQuiz();
  const { page } = first;
  await atQuestionOne(page);
  const asked = { prompt: await prompt(page), options: await optionTexts(page) };
  assert.match(await page.locator('.fs-intro').innerText(), /How much do you remember from the episode\?/);
  assert.deepEqual(await lengths(page), { 'Quick quiz (10)': 'true', [ALL]: 'false' });
  assert.equal((await active(page)).tag, 'BODY', 'opening the page does not pull focus into the quiz');
  assert.equal(await page.evaluate(() => localStorage.getItem('full-stack-quiz-v1')), null, 'nothing stored before the reader acts');
  // Another reader (a fresh browser profile) gets the same question, options in the same order.
  const second = await openQuiz();
  await atQuestionOne(second.page);
  assert.deepEqual({ prompt: await prompt(second.page), options: await optionTexts(second.page) }, asked);
  await second.context.close();

  // Switching to the full quiz survives a reload.
  await page.getByRole('button', { name: ALL }).click();
  await until('the full quiz', async () => (await legend(page)) === `Question 1 of ${QUESTIONS.length}`);
  assert.match(await page.evaluate(() => localStorage.getItem('full-stack-quiz-v1')), /^1\|f\|/);
  await page.reload();
  await appReady(page);
  await until('the full quiz again', async () => (await legend(page).catch(() => '')) === `Question 1 of ${QUESTIONS.length}`);
  assert.deepEqual(await lengths(page), { 'Quick quiz (10)': 'false', [ALL]: 'true' });
  // Back to ten; once an answer is checked the explanation and the switch make way.
  await page.getByRole('button', { name: 'Quick quiz (10)' }).click();
  await until('the quick quiz', async () => (await legend(page)) === 'Question 1 of 10');
  assert.equal(await prompt(page), asked.prompt);
  await answerByClick(page, true);
  assert.equal(await page.locator('.fs-intro, .fs-length').count(), 0);
  assert.deepEqual(first.errors, []);
  await first.context.close();
});

test('the built pages hold question 1 as HTML; the live app shows the same question, then applies stored progress or another length', async () => {
  // In the files themselves (issue 7): the quiz's first question, prerendered.
  for (const file of ['index.html', 'embed.html', 'full-stack.html']) {
    const html = fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8');
    assert.match(html, /<legend class="fs-q-legend"><span class="fs-q-number">Question 1 of 10<\/span>/, file);
    assert.equal((html.match(/type="radio" name="fs-quiz/g) || []).length, 4, `${file}: four options`);
  }
  // Before the wasm arrives, ?view=quiz shows question 1 (the wasm held, never released).
  const { page: before, context: bare } = await openHeld(browser, server.origin + '/embed.html?view=quiz');
  assert.equal(await before.locator('#fs-panel-quiz .fs-q-number').isVisible(), true);
  assert.equal(await legend(before), 'Question 1 of 10');
  const served = { prompt: await prompt(before), options: await optionTexts(before) };
  await bare.close();

  // The live app takes over with the same question: read it from the server-rendered
  // page while the wasm is held back, then compare once the app runs. (Text, not node
  // identity: the quiz panel may be re-rendered once its data arrives.)
  const { page, context, errors, release } = await openHeld(browser, server.origin + '/index.html#quiz');
  assert.equal(await page.locator('.fs[data-live]').count(), 0, 'the app has not run yet');
  const shown = { legend: await legend(page), prompt: await prompt(page), options: await optionTexts(page) };
  assert.deepEqual(shown, { legend: 'Question 1 of 10', ...served }, 'index.html serves the same question 1 as embed.html');
  release();
  await appReady(page);
  await page.locator('.fs-q-fieldset').waitFor();
  assert.deepEqual({ legend: await legend(page), prompt: await prompt(page), options: await optionTexts(page) }, shown,
    'the live quiz shows the question the page was served with, options in the same order');
  const { i } = await target(page, true);
  await page.locator('.fs-option').nth(i).click();
  await page.getByRole('button', { name: 'Check' }).click();
  await page.locator('.fs-feedback').waitFor();
  assert.equal(await live(page), 'Correct.');
  // Stored progress replaces the prerendered question 1 right after hydration.
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.reload();
  await until('resumed', async () => (await legend(page).catch(() => '')) === 'Question 2 of 10');
  assert.equal(await page.locator('.fs-progress-text').innerText(), '1 of 10 answered · Score so far: 1');
  assert.equal(await page.locator('.fs-intro').count(), 0);
  // Another length than the prerendered one hydrates too (nothing stored this time).
  await page.evaluate(() => localStorage.clear());
  await page.goto(server.origin + '/embed.html?view=quiz&quiz=full');
  await until('the full quiz', async () => (await legend(page).catch(() => '')) === `Question 1 of ${QUESTIONS.length}`);
  assert.deepEqual(await lengths(page), { 'Quick quiz (10)': 'false', [ALL]: 'true' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('feedback explains the chosen and the right option, with the quote, speaker and lines', async () => {
  const { page, context } = await openQuiz();
  await atQuestionOne(page);
  const { i, q } = await target(page, false);
  const chosen = (await optionTexts(page))[i];
  // Check with nothing chosen is refused with a hint, not an error.
  await page.getByRole('button', { name: 'Check' }).click();
  await until('the hint', async () => (await live(page)) === 'Choose an answer first.');
  assert.match(await page.locator('.fs-hint').innerText(), /Choose an answer first/);
  assert.equal(await page.locator('.fs-feedback').count(), 0);
  await page.locator('.fs-option').nth(i).click();
  assert.equal(await page.locator('.fs-hint').count(), 0, 'the hint goes once an answer is chosen');
  await page.getByRole('button', { name: 'Check' }).click();
  const fb = page.locator('.fs-feedback');
  await fb.waitFor();
  const text = await fb.innerText();
  assert.match(text, /Not quite/);
  assert.ok(text.includes('You chose: ' + chosen), text);
  assert.ok(text.includes('The answer: ' + q.answer), text);
  assert.match(await fb.locator('figcaption').innerText(), /(Kyle Chan|Gregory Allen), in the episode \(transcript lines? \d+(–\d+)?/);
  // The lines are a link that opens the transcript there, highlighted.
  assert.match(await fb.locator('figcaption a.fs-cite').getAttribute('href'), /^transcript\.html#L\d+(-\d+)?$/);
  assert.ok((await fb.locator('figure blockquote').innerText()).length > 20);
  // Marked in words and by icon on the options, not only by colour.
  assert.match(await page.locator('.fs-option[data-state="wrong"]').innerText(), /✗ Your answer: wrong/);
  assert.match(await page.locator('.fs-option[data-state="answer"]').innerText(), /✓ Right answer/);
  assert.equal(await fb.getAttribute('data-result'), 'wrong');
  // Progress as text and a bar.
  assert.equal(await page.locator('.fs-progress-text').innerText(), '1 of 10 answered · Score so far: 0');
  assert.equal(await page.locator('progress.fs-bar').getAttribute('value'), '1');
  // The live region empties when moving on, so the next result is announced afresh.
  await page.getByRole('button', { name: 'Next question' }).click();
  await until('live region cleared', async () => (await live(page)) === '');
  await answerByClick(page, true);
  assert.equal(await live(page), 'Correct.');
  assert.equal(await page.locator('.fs-progress-text').innerText(), '2 of 10 answered · Score so far: 1');
  await context.close();
});

test('retry the ones I missed asks only those, then reports both rounds', async () => {
  const { page, context } = await openQuiz();
  await atQuestionOne(page);
  const pattern = [true, true, false, true, true, false, true, true, true, false];
  const asked = await completeByClick(page, pattern);
  const missed = asked.filter((_, n) => !pattern[n]).map((q) => q.prompt);
  await page.getByRole('button', { name: 'Retry the ones I missed (3)' }).click();
  await page.locator('.fs-q-fieldset').waitFor();
  assert.equal(await active(page).then((a) => a.tag), 'FIELDSET');
  assert.match(await page.locator('.fs-retry-note').innerText(), /Retrying the 3 you missed/);
  const retried = [];
  for (let n = 0; n < 3; n++) {
    assert.equal(await legend(page), `Question ${n + 1} of 3`);
    retried.push(await prompt(page));
    await answerByClick(page, true);
    await page.getByRole('button', { name: n === 2 ? 'See how this round went' : 'Next question' }).click();
  }
  assert.deepEqual(retried, missed, 'exactly the missed questions, in order');
  await page.locator('.fs-summary').waitFor();
  assert.equal(await page.locator('.fs-summary-h').innerText(), 'This round: 3 of 3');
  assert.match(await page.locator('.fs-summary').innerText(), /First try: 7 of 10/);
  assert.equal(await page.getByRole('button', { name: /Retry the ones I missed/ }).count(), 0, 'nothing left to retry');
  // Start over: a fresh quick quiz, with the lengths offered again.
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.locator('.fs-q-fieldset').waitFor();
  assert.equal(await legend(page), 'Question 1 of 10');
  assert.equal(await page.locator('.fs-progress-text').innerText(), '0 of 10 answered · Score so far: 0');
  assert.deepEqual(await lengths(page), { 'Quick quiz (10)': 'true', [ALL]: 'false' });
  await context.close();
});

test('a reload resumes where the reader was: same questions, same order, same choice', async () => {
  const { page, context, errors } = await openQuiz();
  await atQuestionOne(page);
  for (const right of [true, false, true]) {
    await answerByClick(page, right);
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  const before = { prompt: await prompt(page), options: await optionTexts(page) };
  await page.locator('.fs-option').nth(2).click();
  const stored = await page.evaluate(() => localStorage.getItem('full-stack-quiz-v1'));
  assert.match(stored, /^1\|q\|/, 'saved under the versioned key');
  await page.reload();
  await appReady(page);
  await page.locator('.fs-q-fieldset').waitFor();
  assert.equal(await legend(page), 'Question 4 of 10');
  assert.equal(await prompt(page), before.prompt);
  assert.deepEqual(await optionTexts(page), before.options, 'options in the same order');
  assert.equal(await page.locator('.fs-option').nth(2).locator('input').isChecked(), true, 'the choice survives');
  assert.equal(await page.locator('.fs-progress-text').innerText(), '3 of 10 answered · Score so far: 2');
  // After Check, a reload shows the same feedback (without stealing focus).
  await page.getByRole('button', { name: 'Check' }).click();
  await page.locator('.fs-feedback').waitFor();
  const verdict = await page.locator('.fs-feedback-h').innerText();
  await page.reload();
  await appReady(page);
  await page.locator('.fs-feedback').waitFor();
  assert.equal(await page.locator('.fs-feedback-h').innerText(), verdict);
  assert.notEqual((await active(page)).tag, 'H4', 'a reload does not pull focus into the widget');
  // Previous question: look back at an answer, locked.
  await page.getByRole('button', { name: 'Previous question' }).click();
  assert.equal(await legend(page), 'Question 3 of 10');
  assert.equal(await page.locator('.fs-option input:disabled').count(), 4);
  assert.deepEqual(errors, []);
  await context.close();
});

test('corrupt or foreign stored data is discarded quietly', async () => {
  for (const blob of ['<img src=x onerror="window.__pwned=1">', '1|q|zz|a|0|0|-|nope=1!', '0|q|1|a|0|0|-|q-first-author=1!', '']) {
    const { page, context, errors } = await openQuiz();
    await page.evaluate((b) => localStorage.setItem('full-stack-quiz-v1', b), blob);
    await page.reload();
    await appReady(page);
    // A fresh quiz at question 1, with nothing answered.
    await atQuestionOne(page);
    assert.equal(await page.locator('.fs-intro').count(), 1);
    assert.equal(await page.locator('.fs-progress-text').innerText(), '0 of 10 answered · Score so far: 0');
    assert.equal(await page.locator('.fs-notice, .fs-error').count(), 0, 'no error shown');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    if (blob) assert.equal(await page.evaluate(() => localStorage.getItem('full-stack-quiz-v1')), null, 'bad data is removed');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('inside an iframe sandboxed without allow-same-origin, the quiz works from memory', async () => {
  const { page, context, errors } = await open(browser, server.origin + SANDBOX);
  const frame = await until('the frame', async () => page.frames().find((f) => f.url().includes('/index.html')));
  await appReady(frame);
  // The premise: storage really throws in this frame.
  assert.equal(await frame.evaluate(() => { try { return typeof localStorage.length; } catch (e) { return e.name; } }), 'SecurityError');
  await atQuestionOne(frame);
  // The stylesheets load too (fetched with CORS, so their integrity check passes).
  assert.equal(await frame.locator('.fs-option').first().evaluate((e) => getComputedStyle(e).borderRadius), '6px');
  await answerByClick(frame, true);
  assert.equal(await live(frame), 'Correct.');
  await frame.getByRole('button', { name: 'Next question' }).click();
  await answerByClick(frame, false);
  await frame.getByRole('button', { name: 'Next question' }).click();
  const third = await prompt(frame);
  // Leave the quiz (a practice question unmounts it) and come back: progress is kept in memory.
  await frame.evaluate((id) => { location.hash = '#quiz/q/' + id; }, QUESTIONS[0].id);
  await until('practice question', async () => (await frame.locator('.fs-q-number').innerText().catch(() => '')) === 'Practice question');
  await frame.getByRole('button', { name: 'Take the whole quiz' }).click();
  await until('back in the quiz', async () => (await frame.locator('.fs-q-number').innerText().catch(() => '')) === 'Question 3 of 10');
  assert.equal(await prompt(frame), third);
  assert.equal(await frame.locator('.fs-progress-text').innerText(), '2 of 10 answered · Score so far: 1');
  // Sharing: the clipboard is refused here, so the text is offered to copy by hand.
  for (let n = 2; n < 10; n++) {
    await answerByClick(frame, true);
    await frame.getByRole('button', { name: n === 9 ? 'See your score' : 'Next question' }).click();
  }
  await frame.locator('.fs-summary').waitFor();
  await frame.getByRole('button', { name: 'Share result' }).click();
  const field = frame.locator('.fs-share-field textarea');
  await field.waitFor();
  assert.match(await frame.locator('.fs-share-status').innerText(), /Select the text below/);
  assert.match(await field.inputValue(), /I scored 9 of 10 .*#quiz\/result\/9-10$/);
  assert.equal(await field.evaluate((t) => t.readOnly), true);
  assert.equal(await frame.locator('.fs-notice, .fs-error').count(), 0, 'no error shown');
  assert.deepEqual(errors, []);
  await context.close();
});

test('share result copies a short text with a link that carries the score', async () => {
  const { page, context } = await openQuiz();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await atQuestionOne(page);
  await completeByClick(page, [true, true, true, false, true, true, false, true, true, true]);
  await page.getByRole('button', { name: 'Share result' }).click();
  await until('copied', async () => /Copied/.test(await page.locator('.fs-share-status').innerText()));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^I scored 8 of 10 on the Full Stack quiz/);
  const link = copied.split(' ').at(-1);
  assert.equal(link, `${server.origin}/#quiz/result/8-10`);
  // Opening the link shows the score as a friendly summary with a way in.
  // Someone else (another browser profile) opens it.
  const theirs = await browser.newContext();
  const other = await theirs.newPage();
  await other.goto(link);
  await appReady(other);
  assert.equal(await other.locator('.fs-shared-score').innerText(), 'Someone scored 8 of 10 on this quiz');
  await other.getByRole('button', { name: 'Take the quiz yourself' }).click();
  await atQuestionOne(other);
  assert.equal(await hashOnceIs(other, '#quiz'), '#quiz');
  await theirs.close();
  await context.close();
});

test('without a clipboard API, sharing falls back to a selected read-only field', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.origin + '/#quiz');
  await appReady(page);
  await atQuestionOne(page);
  await completeByClick(page, Array(10).fill(false));
  await page.getByRole('button', { name: 'Share result' }).click();
  const field = page.locator('.fs-share-field textarea');
  await field.waitFor();
  assert.match(await field.inputValue(), /I scored 0 of 10 .*#quiz\/result\/0-10$/);
  const selected = await until('text selected', () => field.evaluate((t) => document.activeElement === t && t.selectionEnd - t.selectionStart === t.value.length));
  assert.ok(selected);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared-result link cannot inject anything', async () => {
  for (const hash of ['#quiz/result/%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E-10', '#quiz/result/11-10', '#quiz/result/7-10%3Cb%3E']) {
    const { page, context, errors } = await openQuiz({}, hash);
    assert.equal(await page.locator('.fs img, .fs b').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('.fs-shared').count(), 0, 'no result claimed');
    assert.match(await page.locator('.fs-notice').innerText(), /doesn’t match anything/);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a practice question from a chart link, and "See it on the chart" back', async () => {
  const q = QUESTIONS.find((x) => x.cells.length === 1);
  const { page, context } = await openQuiz({}, '#quiz/q/' + q.id);
  await page.locator('.fs-q-fieldset').waitFor();
  assert.equal(await legend(page), 'Practice question');
  assert.equal(await prompt(page), q.prompt);
  assert.equal(await page.locator('.fs-progress').count(), 0);
  await answerByClick(page, true);
  const link = page.getByRole('link', { name: /See it on the chart/ });
  assert.equal(await link.getAttribute('href'), '#chart/' + q.cells[0]);
  await link.click();
  await until('chart selected', async () => (await page.locator('#fs-tab-chart').getAttribute('aria-selected')) === 'true');
  assert.equal(await hashOnceIs(page, '#chart/' + q.cells[0]), '#chart/' + q.cells[0]);
  assert.notEqual(await page.evaluate(() => document.activeElement.tagName), 'BODY', 'focus is not lost');
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  for (const width of [375, 1280]) {
    test(`zero axe-core violations at every quiz stage (${colorScheme}, ${width}px)`, async () => {
      const { page, context } = await openQuiz({ colorScheme, width });
      const check = async (stage) => {
        const v = await axe(page);
        assert.deepEqual(v, [], `${stage}: ` + JSON.stringify(v, null, 1));
      };
      await atQuestionOne(page);
      await check('question 1 with the lengths');
      await page.locator('.fs-option').first().click();
      await check('question');
      await page.getByRole('button', { name: 'Check' }).click();
      await page.locator('.fs-feedback').waitFor();
      await check('feedback');
      await page.getByRole('button', { name: 'Next question' }).click();
      await answerByClick(page, false);
      await page.getByRole('button', { name: 'Next question' }).click();
      await page.getByRole('button', { name: 'Check' }).click();
      await check('question with the hint');
      await answerByClick(page, true);
      await page.getByRole('button', { name: 'Next question' }).click();
      await completeByClick(page, Array(7).fill(true));
      await page.getByRole('button', { name: 'Share result' }).click();
      await page.locator('.fs-share-field textarea').waitFor();
      await check('summary');
      // The retry round: a question, its feedback, and the round's summary.
      await page.getByRole('button', { name: /^Retry the ones I missed \(\d+\)$/ }).click();
      await page.locator('.fs-retry-note').waitFor();
      await check('retry round, question');
      const retries = Number((await legend(page)).match(/ of (\d+)$/)[1]);
      await answerByClick(page, true);
      await check('retry round, feedback');
      await page.getByRole('button', { name: retries === 1 ? 'See how this round went' : 'Next question' }).click();
      if (retries > 1) await completeByClick(page, Array(retries - 1).fill(true));
      await page.locator('.fs-summary').waitFor();
      assert.match(await page.locator('.fs-summary').innerText(), /First try:/);
      await check('retry round, summary');
      // Start over: a fresh quick quiz with the lengths offered again; then the full quiz.
      await page.getByRole('button', { name: 'Start over' }).click();
      await until('started over', async () => (await legend(page).catch(() => '')) === 'Question 1 of 10');
      await page.locator('.fs-length').first().waitFor();
      await check('start over');
      await page.getByRole('button', { name: ALL }).click();
      await until('the full quiz', async () => (await legend(page)) === `Question 1 of ${QUESTIONS.length}`);
      await check('full-length quiz, question 1');
      await answerByClick(page, false);
      await check('full-length quiz, feedback');
      // A practice question from a chart link, before and after Check.
      const practice = QUESTIONS.find((x) => x.cells.length > 0);
      await page.evaluate((id) => { location.hash = '#quiz/q/' + id; }, practice.id);
      await until('practice question', async () => (await legend(page).catch(() => '')) === 'Practice question');
      await check('practice question');
      await answerByClick(page, true);
      await check('practice question, feedback');
      await page.goto(server.origin + '/#quiz/result/7-10');
      await page.reload();
      await appReady(page);
      await page.locator('.fs-shared').waitFor();
      await check('shared result');
      await context.close();
    });
  }
}
