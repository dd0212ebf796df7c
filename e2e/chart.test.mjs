// The chart, its detail panel, filters, keyboard, deep links, downloads, narrow
// layout, print, timeline links and accessibility, on the built page (dist/).
// Expected facts are read from content/*.toml here, independently of the Rust code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, appReady, axe, ROOT, focusRingClippedBy, focusRingShows, hashOnceIs, ink, twoFrames, landsAtTop } from './harness.mjs';
import { read, ids, LAYERS, TOOLS, TIERS, EVENTS } from './content.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// ---- Facts from the content files -------------------------------------------
const toolShort = Object.fromEntries(read('tools.toml').split('[[tool]]').slice(1)
  .map((b) => [b.match(/^id = "([^"]+)"/m)[1], b.match(/^short = "([^"]+)"/m)[1]]));
// Tiers, strongest first. A cell's tier is its strongest source's (every source supports
// some claim; the build checks that).
const strongest = (block) => TIERS.find((t) => new RegExp(`^tier = "${t}"`, 'm').test(block));
const CELLS = read('chart.toml').split(/^\[\[cell\]\]$/m).slice(1).map((b) => ({
  layer: b.match(/^layer = "([^"]+)"/m)[1],
  tool: b.match(/^tool = "([^"]+)"/m)[1],
  tier: strongest(b),
  entries: b.split(/^\[\[cell\.entry\]\]$/m).slice(1).map((e) => ({
    title: JSON.parse(e.match(/^title = (".*")$/m)[1]),
    // The title's own Chinese form (a name claim's comes with that claim).
    zh: ((h) => (h.match(/^zh = (".*")$/m) ? JSON.parse(h.match(/^zh = (".*")$/m)[1]) : ''))(e.split(/^\[\[cell\.entry\.(?:claim|source)\]\]$/m)[0]),
    names: [...e.matchAll(/^name = (".*")\nzh = (".*")$/gm)].map((m) => [JSON.parse(m[1]), JSON.parse(m[2])]),
    urls: [...e.matchAll(/^url = "([^"]+)"/gm)].map((m) => m[1]),
    speakers: [...e.matchAll(/^speaker = "([^"]+)"/gm)].map((m) => m[1]),
  })),
}));
const pos = (layer, tool) => `${LAYERS.indexOf(layer) + 1}-${TOOLS.indexOf(tool) + 1}`;
const cellButton = (page, layer, tool) => page.locator(`.fs-matrix button[data-pos="${pos(layer, tool)}"]`);
const active = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-pos') ?? document.activeElement?.tagName);
const hash = (page) => page.evaluate(() => location.hash);
// The panel once whole: a newly opened one paints its first entries, then the rest (aria-busy until then).
const panel = (page) => page.locator('.fs-side .fs-detail:not([aria-busy])');

/** Asserts, without waiting, that the live app shows what the deep link `frag` asks for:
 *  its view, and the cell, summary or event it names (the detail panel is beside the table
 *  on wide screens, in the accordion on narrow ones). Call it right after appReady: the
 *  prerendered page shows the view (the boot script) but opens nothing. */
async function assertDeepLink(page, frag) {
  const [view, ...rest] = frag.slice(1).split('/');
  assert.equal(await page.locator(`#fs-tab-${view}`).getAttribute('aria-selected'), 'true', `${frag}: the ${view} tab`);
  assert.equal(await page.locator('.fs[data-live]').count(), 1, `${frag}: the live app`);
  if (view === 'chart') {
    const open = await page.locator('#fs-panel-chart .fs-detail:visible').evaluateAll((ds) => ds.map((d) => d.dataset.target));
    assert.deepEqual(open, rest.length ? [rest.join('/')] : [], `${frag}: the open panel`);
  } else if (view === 'timeline' && rest.length) {
    const current = await page.locator('.fs-event[aria-current="true"]').evaluateAll((es) => es.map((e) => e.dataset.event));
    assert.deepEqual(current, [String(EVENTS.indexOf(rest[0]))], `${frag}: the highlighted event`);
  }
}

/** Polls `fn` until it returns a truthy value (renders are asynchronous). */
async function until(fn, what) {
  for (let i = 0; i < 100; i++) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('timed out waiting for ' + what);
}

/** A small RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes). */
function parseCsv(text) {
  const rows = []; let row = []; let field = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r') { /* CRLF */ }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  assert.equal(field + row.join(''), '', 'the file ends with a line break');
  return rows;
}

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

// ---- Mouse -------------------------------------------------------------------
test('clicking a cell opens its details and puts it in the link; clicking again closes', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/');
  await appReady(page);
  const b = cellButton(page, 'foundation-models', 'state-funds');
  const cell = CELLS.find((c) => c.layer === 'foundation-models' && c.tool === 'state-funds');
  // Its name, as a screen reader reads it: where it is and what it holds, in words.
  const n = cell.entries.length;
  const name = `Foundation models, ${toolShort['state-funds']}: ${n} ${n === 1 ? 'entry' : 'entries'}, strongest source: `;
  assert.equal(await page.getByRole('button', { name: new RegExp(`^${name}`) }).getAttribute('data-pos'), pos('foundation-models', 'state-funds'));
  assert.equal(await b.getAttribute('aria-pressed'), 'false');
  await b.click();
  await panel(page).waitFor();
  assert.equal(await panel(page).locator('h3').innerText(), 'Foundation models × State funds');
  assert.equal(await b.getAttribute('aria-pressed'), 'true');
  assert.equal(await hashOnceIs(page, '#chart/foundation-models/state-funds'), '#chart/foundation-models/state-funds');
  const text = await panel(page).innerText();
  for (const e of cell.entries) assert.ok(text.includes(e.title), e.title);
  assert.match(text, /Kyle Chan, transcript lines \d+–\d+/);
  assert.match(await page.locator('#fs-panel-chart .fs-visually-hidden[role="status"]').innerText(), /Details: Foundation models, State funds/);
  await b.click();
  await until(async () => (await panel(page).count()) === 0, 'panel closed');
  assert.equal(await hashOnceIs(page, '#chart'), '#chart');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a layer header opens the row summary and a tool header the column summary', async () => {
  const { page, context } = await open(browser, server.origin + '/');
  await appReady(page);
  await page.locator('.fs-matrix th[scope="row"] button', { hasText: 'Data centers' }).click();
  await until(async () => (await panel(page).locator('h3').innerText().catch(() => '')) === 'Data centers: the whole layer', 'row summary');
  assert.equal(await hashOnceIs(page, '#chart/data-centers'), '#chart/data-centers');
  const evidenced = CELLS.filter((c) => c.layer === 'data-centers');
  assert.match(await panel(page).innerText(), new RegExp(`Evidence found for ${evidenced.length} of ${TOOLS.length} policy tools`));
  // The row is highlighted: its cells are framed.
  assert.equal(await page.locator('.fs-matrix td[data-hl]').count(), TOOLS.length);
  // A cell button in the summary opens that cell.
  await panel(page).locator('.fs-line-btn').first().click();
  await until(async () => (await hash(page)).startsWith('#chart/data-centers/'), 'cell from summary');
  await page.locator('.fs-matrix thead button', { hasText: toolShort['open-source'] }).click();
  await until(async () => (await hash(page)) === '#chart/*/open-source', 'column summary');
  assert.match(await panel(page).locator('h3').innerText(), /^Open source: across the stack$/);
  await context.close();
});

test("a large cell's panel paints its head and first entries at once, then the rest, busy until whole", async () => {
  const { page, context, errors } = await open(browser, server.origin + '/');
  await appReady(page);
  const big = [...CELLS].sort((a, b) => b.entries.length - a.entries.length)[0];
  assert.ok(big.entries.length > 2, 'a cell with more entries than the first paint shows');
  // Every state of the side panel from the click on, as the DOM changes.
  await page.evaluate(() => {
    window.__panels = [];
    const side = document.querySelector('.fs-side');
    const snap = () => {
      const d = side.querySelector('.fs-detail');
      if (d) window.__panels.push({ busy: d.getAttribute('aria-busy'), title: d.querySelector('h3')?.textContent, entries: d.querySelectorAll('li.fs-entry').length });
    };
    new MutationObserver(snap).observe(side, { subtree: true, childList: true, attributes: true });
  });
  const b = cellButton(page, big.layer, big.tool);
  await b.click();
  await panel(page).waitFor();
  const states = await page.evaluate(() => window.__panels);
  const title = states.at(-1).title;
  const first = states.find((p) => p.title === title);
  assert.deepEqual([first.busy, first.entries <= 2], ['true', true], `the first paint: ${JSON.stringify(first)}`);
  assert.deepEqual(states.at(-1), { busy: null, title, entries: big.entries.length }, 'then the whole panel, not busy');
  for (const e of big.entries) assert.ok((await panel(page).innerText()).includes(e.title), e.title);
  assert.equal(await b.getAttribute('aria-pressed'), 'true');
  assert.equal(await hashOnceIs(page, `#chart/${big.layer}/${big.tool}`), `#chart/${big.layer}/${big.tool}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a row or column summary paints its first cells at once, then the rest, busy until whole', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/');
  await appReady(page);
  // The layer and the tool with the most cells of evidence, and those cells.
  const most = (key) => {
    const by = new Map();
    for (const c of CELLS) by.set(c[key], [...(by.get(c[key]) || []), c]);
    return [...by].sort((a, b) => b[1].length - a[1].length)[0];
  };
  const [layer, inRow] = most('layer');
  const [tool, inColumn] = most('tool');
  await page.evaluate(() => {
    window.__panels = [];
    const side = document.querySelector('.fs-side');
    new MutationObserver(() => {
      const d = side.querySelector('.fs-detail');
      if (d) window.__panels.push({ busy: d.getAttribute('aria-busy'), title: d.querySelector('h3')?.textContent, lines: d.querySelectorAll('.fs-line-list > li').length });
    }).observe(side, { subtree: true, childList: true, attributes: true });
  });
  for (const [key, cells] of [[`${LAYERS.indexOf(layer) + 1}-0`, inRow], [`0-${TOOLS.indexOf(tool) + 1}`, inColumn]]) {
    assert.ok(cells.length > 4, `${key}: more cells than the first paint shows`);
    await page.evaluate(() => { window.__panels = []; });
    await page.locator(`.fs-matrix button.fs-head[data-pos="${key}"]`).click();
    await until(async () => (await page.evaluate(() => window.__panels.at(-1)?.busy)) === null && (await panel(page).count()) === 1, `${key}: the whole summary`);
    const states = await page.evaluate(() => window.__panels);
    const title = states.at(-1).title;
    const first = states.find((p) => p.title === title);
    assert.deepEqual([first.busy, first.lines <= 4], ['true', true], `${key}, the first paint: ${JSON.stringify(first)}`);
    assert.deepEqual(states.at(-1), { busy: null, title, lines: cells.length }, `${key}: then every cell with evidence, not busy`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- Keyboard ----------------------------------------------------------------
test('keyboard: one tab stop, arrows move, Enter and Space select, Escape closes and returns focus', async () => {
  const { page, context } = await open(browser, server.origin + '/');
  await appReady(page);
  await page.locator('.fs-highlight select').focus();
  await page.keyboard.press('Tab');
  assert.equal(await active(page), '1-1', 'Tab enters the grid at the first cell');
  await page.keyboard.press('Tab');
  assert.doesNotMatch(String(await active(page)), /^\d+-\d+$/, 'a second Tab leaves the grid');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await active(page), '1-1');
  await page.keyboard.press('ArrowRight');
  assert.equal(await active(page), '1-2');
  await page.keyboard.press('ArrowDown');
  assert.equal(await active(page), '2-2');
  await until(async () => (await page.locator('.fs-matrix [tabindex="0"]').getAttribute('data-pos')) === '2-2', 'roving tab stop');
  assert.equal(await page.locator('.fs-matrix [tabindex="0"]').count(), 1);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await active(page), '2-0', 'onto the layer header');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await active(page), '2-0', 'stops at the edge');
  // On the table's edges the focus ring shows in full: nothing around the table clips it.
  assert.deepEqual(await focusRingClippedBy(page), [], 'the ring on the left edge');
  await page.keyboard.press('End');
  assert.equal(await active(page), `2-${TOOLS.length}`);
  assert.deepEqual(await focusRingClippedBy(page), [], 'the ring on the right edge');
  await page.keyboard.press('Control+End');
  assert.equal(await active(page), `${LAYERS.length}-${TOOLS.length}`);
  assert.deepEqual(await focusRingClippedBy(page), [], 'the ring in the bottom corner');
  await page.keyboard.press('Control+Home');
  assert.equal(await active(page), '1-1');
  await page.keyboard.press('ArrowUp');
  assert.equal(await active(page), '0-1', 'onto the tool header');
  assert.deepEqual(await focusRingClippedBy(page), [], 'the ring on the top edge');
  await page.keyboard.press('ArrowDown');

  // The focus ring is visible, on all four sides: no neighbouring cell paints over it.
  const ring = await page.evaluate(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; });
  assert.deepEqual(ring, ['solid', '3px']);
  for (const [side, share] of Object.entries(await focusRingShows(page))) {
    assert.ok(share >= 0.9, `the ring on the ${side} of cell ${await active(page)} shows (${share.toFixed(2)} of its pixels)`);
  }

  await page.keyboard.press('Enter');
  await panel(page).waitFor();
  assert.equal(await hashOnceIs(page, `#chart/${LAYERS[0]}/${TOOLS[0]}`), `#chart/${LAYERS[0]}/${TOOLS[0]}`);
  assert.equal(await active(page), '1-1', 'focus stays on the cell');
  await page.keyboard.press('Escape');
  await until(async () => (await panel(page).count()) === 0, 'Escape closes');
  assert.equal(await active(page), '1-1', 'focus is back on the cell');
  assert.equal(await hashOnceIs(page, '#chart'), '#chart');

  // Space selects; Tab goes into the panel; Escape from inside returns to the cell.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await panel(page).waitFor();
  assert.equal(await hashOnceIs(page, `#chart/${LAYERS[1]}/${TOOLS[0]}`), `#chart/${LAYERS[1]}/${TOOLS[0]}`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.fs-detail') !== null), true, 'Tab moves into the panel');
  await page.keyboard.press('Escape');
  await until(async () => (await panel(page).count()) === 0, 'Escape from the panel closes it');
  assert.equal(await active(page), '2-1');
  await context.close();
});

test('Escape in the highlight menu leaves the details open', async () => {
  const { page, context } = await open(browser, server.origin + '/#chart/data-centers/compute');
  await appReady(page);
  await panel(page).waitFor();
  await page.locator('.fs-highlight select').focus();
  await page.keyboard.press('Escape');
  // The panel is still there after the key has been handled (a frame later).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await panel(page).count(), 1);
  await context.close();
});

// ---- Deep links --------------------------------------------------------------
test('good deep links open a cell, a row, a column or an event', async () => {
  for (const frag of ['#chart/*/state-labs', '#chart/research', '#timeline/baai', '#quiz', '#timeline', '#chart']) {
    const { page, context, errors } = await open(browser, server.origin + '/' + frag);
    await appReady(page);
    await assertDeepLink(page, frag);
    assert.deepEqual(errors, [], frag);
    await context.close();
  }
  const { page, context, errors } = await open(browser, server.origin + '/#chart/data-centers/compute');
  await appReady(page);
  await assertDeepLink(page, '#chart/data-centers/compute');
  assert.equal(await panel(page).locator('h3').innerText(), 'Data centers × Compute');
  assert.equal(await cellButton(page, 'data-centers', 'compute').getAttribute('aria-pressed'), 'true');
  assert.equal(await cellButton(page, 'data-centers', 'compute').getAttribute('tabindex'), '0');
  // A fragment changed while the page is open moves the chart too.
  await page.evaluate(() => { location.hash = '#chart/*/state-labs'; });
  await until(async () => (await panel(page).locator('h3').innerText().catch(() => '')) === 'State labs: across the stack', 'hashchange');
  await page.evaluate(() => { location.hash = '#chart/research'; });
  await until(async () => (await panel(page).locator('h3').innerText().catch(() => '')) === 'Research and development: the whole layer', 'row');
  await page.evaluate(() => { location.hash = '#timeline/baai'; });
  await until(async () => (await page.locator('#fs-tab-timeline').getAttribute('aria-selected')) === 'true', 'timeline');
  assert.match(await page.locator('.fs-event[aria-current="true"]').innerText(), /BAAI|Beijing Academy/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad deep links show the chart with a short notice, never an error page', async () => {
  for (const frag of ['#chart/nope/state-funds', '#chart/semiconductors/nope', '#chart/semiconductors/state-funds/extra',
    '#chart/*/', '#nothing-here', '#chart/%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E/x', '#' + 'x'.repeat(3000)]) {
    const { page, context, errors } = await open(browser, server.origin + '/' + frag);
    await appReady(page);
    assert.equal(await page.locator('#fs-tab-chart').getAttribute('aria-selected'), 'true', frag);
    assert.equal(await page.locator('.fs-matrix').isVisible(), true, frag);
    const notice = await page.locator('.fs-notice').innerText();
    assert.match(notice, /doesn’t match anything here, so the chart is shown/, frag);
    assert.ok(notice.length < 200, 'the notice is short');
    assert.equal(await page.locator('.fs-error').count(), 0);
    assert.equal(await panel(page).count(), 0, 'nothing selected');
    assert.equal(await page.locator('.fs img').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(errors, [], frag);
    // The chart still works.
    await cellButton(page, 'semiconductors', 'state-funds').click();
    await panel(page).waitFor();
    await context.close();
  }
});

// ---- Filter and highlight ----------------------------------------------------
test('the provenance filter hides weaker evidence and the highlight frames a tool', async () => {
  const { page, context } = await open(browser, server.origin + '/');
  await appReady(page);
  await page.getByLabel('Only what was said in the episode').check();
  const notEpisode = CELLS.filter((c) => c.tier !== 'episode').length;
  await until(async () => (await page.locator('.fs-matrix td[data-state="filtered"]').count()) === notEpisode, 'filtered cells');
  assert.equal(await page.locator('.fs-matrix td[data-state="none"]').count(), LAYERS.length * TOOLS.length - CELLS.length,
    'the filter never turns "hidden" into "no evidence found"');
  assert.match(await page.locator('.fs-legend').innerText(), /hidden by the filter/);
  const inferred = CELLS.find((c) => c.tier === 'reconstruction');
  await cellButton(page, inferred.layer, inferred.tool).click();
  await panel(page).waitFor();
  assert.match(await panel(page).innerText(), /hidden by the filter “Only what was said in the episode”/);
  await panel(page).getByRole('button', { name: 'Show everything' }).click();
  await until(async () => (await page.locator('.fs-matrix td[data-state="filtered"]').count()) === 0, 'filter cleared');
  assert.equal(await page.getByLabel('Everything, including our inferences').isChecked(), true);

  await page.locator('.fs-highlight select').selectOption('tool:compute');
  await until(async () => (await page.locator('.fs-matrix td[data-hl]').count()) === LAYERS.length, 'column highlighted');
  const col = TOOLS.indexOf('compute') + 1;
  assert.equal(await page.locator(`.fs-matrix td[data-hl] button[data-pos$="-${col}"]`).count(), LAYERS.length);
  await page.locator('.fs-highlight select').selectOption('layer:servers');
  await until(async () => (await page.locator('.fs-matrix td[data-hl]').count()) === TOOLS.length, 'row highlighted');
  await context.close();
});

// ---- Downloads ---------------------------------------------------------------
test('"Download data (CSV)" gives one row per claim, with its tier and its sources', async () => {
  const { page, context } = await open(browser, server.origin + '/');
  await appReady(page);
  const { name, bytes } = await download(page, '[data-export="csv"]');
  assert.match(name, /\.csv$/);
  const text = bytes.toString('utf8');
  assert.ok(text.startsWith('\ufeff'), 'a byte-order mark for spreadsheet apps');
  const rows = parseCsv(text.slice(1));
  const head = rows[0];
  assert.deepEqual(head.slice(0, 4), ['layer_id', 'layer', 'tool_id', 'tool']);
  const col = (n) => { const i = head.indexOf(n); assert.ok(i >= 0, n); return i; };
  const claims = (block) => (block.match(/^(title|text|figure|name) = /gm) || []).length;
  const chart = read('chart.toml');
  assert.equal(rows.length - 1, claims(chart), 'one row per claim (summary sentences, titles, sentences, figures, names)');
  assert.ok(rows.every((r) => r.length === head.length), 'every row has every column');
  for (const c of CELLS) {
    const mine = rows.filter((r) => r[col('layer_id')] === c.layer && r[col('tool_id')] === c.tool);
    const titles = mine.filter((r) => r[col('claim_kind')] === 'title');
    assert.deepEqual(titles.map((r) => r[col('claim')]), c.entries.map((e) => e.title), `${c.layer}/${c.tool}`);
    for (const [k, e] of c.entries.entries()) {
      const r = titles[k];
      assert.equal(r[col('cell_tier')], c.tier);
      assert.equal(r[col('claim_chinese')], e.zh);
      // Every URL and speaker of the entry's sources appears on some row of the entry.
      const rowsOfEntry = mine.filter((x) => x[col('entry')] === e.title);
      const urls = new Set(rowsOfEntry.flatMap((x) => (x[col('urls')] ? x[col('urls')].split('; ') : [])));
      for (const u of e.urls) assert.ok(urls.has(u), `${e.title}: ${u}`);
      for (const [name, zh] of e.names) {
        assert.ok(rowsOfEntry.some((x) => x[col('claim_kind')] === 'name' && x[col('claim')] === name && x[col('claim_chinese')] === zh), `${name} ${zh}`);
      }
      for (const s of e.speakers) {
        assert.ok(rowsOfEntry.some((x) => x[col('sources')].includes(`${s}, transcript line`)), `${e.title}: ${s}`);
      }
    }
    for (const r of mine) {
      // A claim's tier is the strongest of the tiers of the sources listed on its row.
      const tiers = r[col('source_tiers')].split('; ');
      assert.equal(r[col('claim_tier')], TIERS.find((t) => tiers.includes(t)), `${r[col('claim')]}`);
    }
  }
  // A field with commas and quotes survived the round trip.
  assert.ok(rows.some((r) => r[col('claim')].includes(',') && r[col('sources')].includes('"')));
  await context.close();
});

test('"Download image" gives an SVG and a PNG of the matrix, following the filter', async () => {
  const { page, context, requests } = await open(browser, server.origin + '/');
  await appReady(page);
  const svg = await download(page, '[data-export="svg"]');
  assert.match(svg.name, /\.svg$/);
  const s = svg.bytes.toString('utf8');
  assert.ok(s.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1200"'));
  for (const l of ['Physical', 'Semiconductors', 'Foundation models']) assert.ok(s.includes(l), l);
  assert.equal((s.match(/http/g) || []).length, 1, 'no external references');
  const png = await download(page, '[data-export="png"]');
  assert.match(png.name, /\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  assert.equal(png.bytes.readUInt32BE(16), 2400, 'drawn at twice the SVG width');
  assert.ok(png.bytes.length > 20000, 'not blank');
  // Under a filter, the image is the filtered matrix (a file make dist wrote for it).
  await page.getByLabel('Only what was said in the episode').check();
  const filtered = await download(page, '[data-export="svg"]');
  assert.match(filtered.bytes.toString('utf8'), /Showing: Only what was said in the episode\./);
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  await context.close();
});

// ---- Narrow screens, print, motion -------------------------------------------
test('no horizontal page scroll from 320 to 1280 px', async () => {
  for (const width of [320, 375, 600, 768, 1024, 1280]) {
    for (const frag of ['#chart/semiconductors/domestic-alternatives', '#chart/*/compute', '#timeline/baai', '#quiz']) {
      const { page, context } = await open(browser, server.origin + '/' + frag, { width, height: 800 });
      await appReady(page);
      await assertDeepLink(page, frag);
      const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(sw <= iw, `${width}px ${frag}: page is ${sw}px wide`);
      await context.close();
    }
  }
});

test('narrow screens get an accordion per layer with the same cells, selectable in place', async () => {
  const { page, context } = await open(browser, server.origin + '/', { width: 375, height: 800 });
  await appReady(page);
  assert.equal(await page.locator('.fs-matrix').isVisible(), false, 'no table on a phone');
  const layers = page.locator('.fs-accordion details.fs-acc-layer:not(.fs-acc-tools-all)');
  assert.equal(await layers.count(), LAYERS.length);
  const names = await layers.locator('.fs-acc-name').allInnerTexts();
  assert.equal(names[0], 'Physical applications');
  assert.equal(names[names.length - 1], 'Semiconductors');
  const fm = layers.nth(LAYERS.indexOf('foundation-models'));
  await fm.locator('summary').click();
  const b = fm.locator(`button[data-pos="${pos('foundation-models', 'compute')}"]`);
  assert.match(await b.innerText(), /Compute/);
  await b.click();
  const inline = fm.locator('.fs-detail');
  await inline.waitFor();
  assert.equal(await inline.locator('h3').innerText(), 'Foundation models × Compute');
  assert.equal(await hashOnceIs(page, '#chart/foundation-models/compute'), '#chart/foundation-models/compute');
  // The panel sits right under the button that opened it.
  const [bb, pb] = [await b.boundingBox(), await inline.boundingBox()];
  assert.ok(pb.y >= bb.y + bb.height - 1 && pb.y - (bb.y + bb.height) < 40, 'panel under its button');
  await inline.getByRole('button', { name: /Close/ }).focus();
  await page.keyboard.press('Escape');
  await until(async () => (await page.locator('.fs-detail:visible').count()) === 0, 'closed');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.fs-accordion') !== null), true, 'focus back in the accordion');
  assert.equal(await active(page), pos('foundation-models', 'compute'));
  // Each disclosure clips what overflows it (paint containment): focus rings show whole, on
  // the button and on the disclosure's summary.
  for (const what of ['the button', 'the summary']) {
    if (what === 'the summary') {
      await fm.locator('summary').focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
    }
    assert.deepEqual(await focusRingClippedBy(page), [], `${what}: no ancestor cuts its ring`);
    for (const [side, share] of Object.entries(await focusRingShows(page))) assert.ok(share > 0.9, `${what}: its ring shows on the ${side} (${share.toFixed(2)})`);
  }
  // Empty cells say so here too.
  assert.match(await fm.locator('li[data-state="none"] button').first().innerText(), /\?/);
  await context.close();
});

test('print shows the full matrix, even from a phone-sized window', async () => {
  const { page, context } = await open(browser, server.origin + '/', { width: 375, height: 800 });
  await appReady(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.fs-matrix').isVisible(), true);
  assert.equal(await page.locator('.fs-accordion').isVisible(), false);
  assert.equal(await page.locator('.fs-controls').isVisible(), false);
  assert.equal(await page.locator('.fs-matrix button.fs-cell').count(), LAYERS.length * TOOLS.length);
  await context.close();
});

test('reduced motion turns transitions off', async () => {
  const { page, context } = await open(browser, server.origin + '/');
  await appReady(page);
  const duration = () => page.locator('.fs-matrix .fs-cell').first().evaluate((e) => getComputedStyle(e).transitionDuration);
  assert.equal(await duration(), '0.12s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.ok(['0s', '1e-05s'].includes(await duration()), await duration());
  await context.close();
});

// ---- Links between views -----------------------------------------------------
test('timeline events link to their cells, and cells to the quiz and the timeline', async () => {
  const { page, context } = await open(browser, server.origin + '/#timeline');
  await appReady(page);
  const baai = page.locator('.fs-event', { hasText: 'BAAI' }).first();
  // An event's sources are drawn as the chart panel's are (a stray rule for the timeline's
  // list items once gave them another border and padding).
  const look = (source) => source.evaluate((el) => { const s = getComputedStyle(el); return [s.borderLeftWidth, s.padding]; });
  await baai.locator('.fs-event-sources summary').click();
  const inTimeline = await look(baai.locator('.fs-source').first());
  await baai.locator('a[href="#chart/research/state-labs"]').click();
  await until(async () => (await hash(page)) === '#chart/research/state-labs', 'to the chart');
  assert.equal(await page.locator('#fs-tab-chart').getAttribute('aria-selected'), 'true');
  await panel(page).waitFor();
  assert.deepEqual(inTimeline, await look(panel(page).locator('.fs-source').first()), 'a source in the timeline looks as in the chart panel');
  await until(async () => (await active(page)) === pos('research', 'state-labs'), 'focus on the cell');
  await panel(page).locator('.fs-related a[href^="#timeline/"]').first().click();
  await until(async () => (await hash(page)).startsWith('#timeline/'), 'to the timeline');
  await until(async () => page.evaluate(() => document.activeElement.classList.contains('fs-event')), 'focus on the event');
  assert.equal(await page.locator('.fs-event[aria-current="true"]').count(), 1);
  await page.goto(server.origin + '/#chart/research/state-labs');
  await appReady(page);
  const quiz = panel(page).locator('.fs-related a[href^="#quiz/q/"]').first();
  const href = await quiz.getAttribute('href');
  await quiz.click();
  await until(async () => (await hash(page)) === href, 'to the quiz question');
  assert.equal(await page.locator('#fs-tab-quiz').getAttribute('aria-selected'), 'true');
  await context.close();
});

// The timeline renders an event's text only as it nears the screen (content-visibility), so
// the events above a deep-linked one have estimated heights: it must still land on screen.
test('a link to a late event opens the timeline there, the event on screen; events far off screen are not rendered, nothing is cut off, and print shows them all', async () => {
  const id = EVENTS.at(-3);
  for (const width of [375, 1280]) {
    const { page, context, errors } = await open(browser, `${server.origin}/#timeline/${id}`, { width, height: 800 });
    await appReady(page);
    await assertDeepLink(page, `#timeline/${id}`);
    const event = page.locator('.fs-event[aria-current="true"]');
    await landsAtTop(page, event, `${width} px: the event`);
    const rendered = (el) => el.evaluate((e) => e.querySelector('.fs-event-date').checkVisibility({ contentVisibilityAuto: true }));
    assert.equal(await rendered(page.locator('.fs-event').first()), false, `${width} px: the first event is skipped`);
    assert.equal(await rendered(event), true);
    // The containment cuts nothing off: the event's dot, drawn left of its text, has as much
    // ink as with every event rendered in full; the focus ring of the next event's sources
    // toggle (in a contained box: the highlighted event's is rendered in full) shows whole.
    const dotInk = async () => {
      const b = await event.boundingBox();
      return ink(page, { x: Math.round(b.x) - 14, y: Math.round(b.y), width: 30, height: 24 }, 600);
    };
    const summary = event.locator('xpath=following-sibling::li[1]').locator('.fs-event-sources summary');
    await summary.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await focusRingShows(page);
    for (const [side, share] of Object.entries(ring)) assert.ok(share > 0.9, `${width} px: the ring on the ${side} of the sources toggle shows (${share.toFixed(2)})`);
    const contained = await dotInk();
    await page.addStyleTag({ content: '.fs-event-body { content-visibility: visible !important; }' });
    await twoFrames(page);
    const full = await dotInk();
    assert.ok(full > 50 && contained >= 0.95 * full, `${width} px: the event's dot is whole (${contained} of ${full} pixels)`);
    // Printed, every event is there (the page, not the screen, decides what is relevant).
    await page.reload();
    await appReady(page);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await rendered(page.locator('.fs-event').first()), true, `${width} px: printed, the first event is rendered`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// ---- Accessibility -----------------------------------------------------------
for (const width of [375, 1280]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`zero axe-core violations, ${width}px ${colorScheme}`, async () => {
      for (const frag of ['#chart', '#chart/semiconductors/domestic-alternatives', '#chart/physical-apps/local-support',
        '#chart/data/state-funds', '#chart/foundation-models', '#chart/*/compute', '#timeline/baai']) {
        const { page, context } = await open(browser, server.origin + '/' + frag, { width, height: 900, colorScheme });
        await appReady(page);
        await assertDeepLink(page, frag);
        if (width < 760 && frag === '#chart') {
          await page.locator('.fs-acc-layer summary').first().click();
        }
        if (frag === '#chart') {
          await page.getByLabel('Only what was said in the episode').check();
          await page.locator('.fs-highlight select').selectOption('tool:compute');
        }
        const violations = await axe(page);
        assert.deepEqual(violations, [], `${frag}: ` + JSON.stringify(violations, null, 1));
        await context.close();
      }
    });
  }
}
