// Authors focus the widget on their story (README, the options table): `highlight`
// frames a layer or a tool, `evidence` sets the chart's filter, `sections` keeps the quiz
// to some parts of the episode. As attributes and as query parameters, on the prerendered
// pages (applied right after hydration) and in the element. What to expect is read from
// content/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady } from './harness.mjs';
import { hostPage, elementReady, until } from './embed-helpers.mjs';
import { LAYERS, TOOLS, QUESTIONS, byPrompt } from './content.mjs';

const CHIPS = ['stack', 'chips-software'];
const IN_CHIPS = QUESTIONS.filter((q) => CHIPS.includes(q.section));

const ROUTES = {
  // The post about chips of the README.
  '/t/chips.html': hostPage(`
    <full-stack-explainer id="chart" highlight="semiconductors" evidence="episode-report"></full-stack-explainer>
    <full-stack-explainer id="quiz" view="quiz" sections="${CHIPS.join(',')}" style="display:block;margin-top:40px"></full-stack-explainer>`),
};

let server, browser;
before(async () => {
  server = await serve(undefined, ROUTES);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** What the chart in `root` shows: the framed row and column headers (by id), how many
 *  cells are framed, the filter's checked value, and the tiers of the shaded cells. */
async function chart(root) {
  const rows = await root.locator('.fs-matrix th[scope="row"][data-hl] button').evaluateAll((bs) => bs.map((b) => b.dataset.pos));
  const cols = await root.locator('.fs-matrix th[scope="col"][data-hl] button').evaluateAll((bs) => bs.map((b) => b.dataset.pos));
  return {
    layers: rows.map((p) => LAYERS[Number(p.split('-')[0]) - 1]),
    tools: cols.map((p) => TOOLS[Number(p.split('-')[1]) - 1]),
    framedCells: await root.locator('.fs-matrix td[data-hl]').count(),
    filter: await root.locator('input[name="fs-tier-filter"]:checked').getAttribute('value'),
    menu: await root.locator('.fs-highlight select').inputValue(),
    tiers: [...new Set(await root.locator('.fs-matrix td[data-tier]').evaluateAll((tds) => tds.map((td) => td.dataset.tier)))].sort(),
  };
}

test('?highlight=<layer>&evidence=episode-report on the prerendered page: the row framed, the filter set after hydration', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/?highlight=semiconductors&evidence=episode-report');
  await appReady(page);
  await until(page, 'the highlight', async () => (await page.locator('.fs-matrix td[data-hl]').count()) > 0);
  const c = await chart(page);
  assert.deepEqual(c.layers, ['semiconductors']);
  assert.deepEqual(c.tools, []);
  assert.equal(c.framedCells, TOOLS.length, 'the whole row');
  assert.equal(c.menu, 'layer:semiconductors');
  assert.equal(c.filter, 'report', 'down to the episode and the report');
  assert.deepEqual(c.tiers, ['episode', 'report'], 'no outside or inferred shading');
  assert.equal(await page.locator('.fs-notice').count(), 0);
  // The reader can still widen the filter.
  await page.locator('input[name="fs-tier-filter"][value="reconstruction"]').check();
  assert.ok((await chart(page)).tiers.includes('outside'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed.html?highlight=<tool>&evidence=episode frames the column and shows only the episode', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/embed.html?highlight=domestic-alternatives&evidence=episode');
  await appReady(page);
  await until(page, 'the highlight', async () => (await page.locator('.fs-matrix td[data-hl]').count()) > 0);
  const c = await chart(page);
  assert.deepEqual(c.tools, ['domestic-alternatives']);
  assert.equal(c.framedCells, LAYERS.length, 'the whole column');
  assert.equal(c.filter, 'episode');
  assert.deepEqual(c.tiers, ['episode']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the post about chips: a chart framed on semiconductors, and a quiz on chips and software platforms only', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/t/chips.html', { height: 1400 });
  await elementReady(page, '#chart');
  const c = await chart(page.locator('#chart'));
  assert.deepEqual([c.layers, c.filter, c.tiers], [['semiconductors'], 'report', ['episode', 'report']]);

  await page.locator('#quiz').scrollIntoViewIfNeeded();
  await elementReady(page, '#quiz');
  const quiz = page.locator('#quiz');
  // The length switch offers every question of those sections, and says which they are.
  await quiz.locator('.fs-length', { hasText: `All ${IN_CHIPS.length} questions` }).waitFor();
  assert.match(await quiz.locator('.fs-scope').innerText(), /^This quiz is on: .+; .+\.$/);
  const asked = [];
  for (let n = 1; ; n++) {
    await quiz.locator('.fs-q-number', { hasText: new RegExp(`^Question ${n} of 10$`) }).waitFor();
    asked.push(byPrompt(await quiz.locator('.fs-q-prompt').innerText()));
    await quiz.locator('.fs-option').first().click();
    await quiz.getByRole('button', { name: 'Check' }).click();
    await quiz.locator('.fs-feedback').waitFor();
    if (n === 10) break;
    await quiz.getByRole('button', { name: 'Next question' }).click();
  }
  assert.ok(asked.every((q) => CHIPS.includes(q.section)), asked.map((q) => q.section).join(', '));
  assert.deepEqual([...new Set(asked.map((q) => q.section))].sort(), [...CHIPS].sort(), 'each section asked');
  assert.equal(new Set(asked.map((q) => q.id)).size, 10, 'ten different questions');
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed.html?view=quiz&quiz=full&sections=<one>: every question of that section, and only those', async () => {
  const section = 'guest';
  const expected = QUESTIONS.filter((q) => q.section === section);
  const { page, context, errors } = await open(browser, server.origin + `/embed.html?view=quiz&quiz=full&sections=${section}`);
  await appReady(page);
  await page.locator('.fs-q-number', { hasText: `Question 1 of ${expected.length}` }).waitFor();
  assert.equal(byPrompt(await page.locator('.fs-q-prompt').innerText()).section, section);
  // "Start over" keeps to the section too: finish the round, start a new one.
  for (let n = 1; n <= expected.length; n++) {
    await page.locator('.fs-option').first().click();
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('.fs-feedback').waitFor();
    const next = page.getByRole('button', { name: n === expected.length ? 'See your score' : 'Next question' });
    await next.click();
  }
  await page.locator('.fs-summary').waitFor();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.locator('.fs-q-number', { hasText: `Question 1 of ${expected.length}` }).waitFor();
  assert.equal(byPrompt(await page.locator('.fs-q-prompt').innerText()).section, section);
  assert.deepEqual(errors, []);
  await context.close();
});
