// Provenance, claim by claim, in the browser: under every evidence filter, every cell's
// panel and every row and column summary shows only claims with a source the filter
// admits, and each shown claim's source numbers point at sources listed beside it with an
// admitted tier. The DOM contract (src/view/provenance.rs): a claim is `.fs-claim` with
// `data-tier` and `data-refs` ("1 3"); a source is `li.fs-source` with `data-tier` and
// `data-source` ("3"). Tiers, strongest first: episode, report, outside, reconstruction.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady } from './harness.mjs';
import { LAYERS, TOOLS, TIERS } from './content.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// The filter's radio value and the weakest tier it admits (README, "The chart").
const FILTERS = [
  ['reconstruction', 'Everything, including our inferences'],
  ['outside', 'Sourced facts only (no inferences)'],
  ['report', 'The episode and the report'],
  ['episode', 'Only what was said in the episode'],
];

/** In the page: every problem with the claims and sources of the open panel `panel`, for a
 *  filter admitting tiers up to `weakest`; and how many claims it shows. */
function inspect(panel, { weakest, tiers }) {
  const admits = (t) => tiers.indexOf(t) >= 0 && tiers.indexOf(t) <= tiers.indexOf(weakest);
  const problems = [];
  const claims = [...panel.querySelectorAll('.fs-claim')];
  for (const c of claims) {
    const what = c.textContent.trim().slice(0, 60);
    if (!admits(c.dataset.tier)) problems.push(`"${what}" is ${c.dataset.tier}`);
    const refs = (c.dataset.refs || '').split(' ').filter(Boolean);
    if (!refs.length) problems.push(`"${what}" shows no source`);
    // The sources a claim points at are listed beside it (in a row or column summary, under
    // that cell's line; in a cell's panel, in the panel), each with an admitted tier.
    const scope = c.closest('.fs-line-summary') || panel;
    for (const n of refs) {
      const listed = [...scope.querySelectorAll(`li.fs-source[data-source="${n}"]`)];
      if (!listed.length) problems.push(`"${what}": source ${n} is not listed`);
      for (const s of listed) if (!admits(s.dataset.tier)) problems.push(`"${what}": source ${n} is ${s.dataset.tier}`);
    }
    if (refs.length && !refs.some((n) => [...scope.querySelectorAll(`li.fs-source[data-source="${n}"]`)]
      .some((s) => tiers.indexOf(s.dataset.tier) <= tiers.indexOf(c.dataset.tier)))) {
      problems.push(`"${what}": no listed source is as strong as its tier ${c.dataset.tier}`);
    }
  }
  for (const s of panel.querySelectorAll('li.fs-source')) {
    if (!admits(s.dataset.tier)) problems.push(`source ${s.dataset.source} is ${s.dataset.tier}`);
  }
  return { problems, claims: claims.length };
}

test('under every filter, every claim in every cell and every row and column summary has a source of an allowed tier', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/', { width: 1280, height: 900 });
  await appReady(page);
  const targets = [
    ...LAYERS.flatMap((l, r) => TOOLS.map((t, c) => ({ name: `${l}/${t}`, pos: `${r + 1}-${c + 1}` }))),
    ...LAYERS.map((l, r) => ({ name: l, pos: `${r + 1}-0` })),
    ...TOOLS.map((t, c) => ({ name: `*/${t}`, pos: `0-${c + 1}` })),
  ];
  const shown = {};
  for (const [weakest, label] of FILTERS) {
    await page.getByLabel(label).check();
    let claims = 0;
    for (const { name, pos } of targets) {
      const button = page.locator(`.fs-matrix button[data-pos="${pos}"]`);
      // Open the panel (a second click on the same target would close it).
      if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      const panel = page.locator(`.fs-side .fs-detail[data-target="${name}"][data-filter="${weakest}"]:not([aria-busy])`);
      await panel.waitFor();
      const { problems, claims: n } = await panel.evaluate(inspect, { weakest, tiers: TIERS });
      assert.deepEqual(problems, [], `${name} under "${label}"`);
      claims += n;
    }
    shown[weakest] = claims;
  }
  // The walk saw claims at every level, and the narrower the filter, the fewer.
  const counts = FILTERS.map(([w]) => shown[w]);
  assert.ok(counts.every((n) => n > 0), JSON.stringify(shown));
  assert.ok(counts.every((n, i) => i === 0 || n <= counts[i - 1]) && counts[3] < counts[0], JSON.stringify(shown));
  assert.deepEqual(errors, []);
  await context.close();
});
