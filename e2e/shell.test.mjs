// The application shell on the built page (dist/index.html).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, appReady, axe, foreign, ink, twoFrames, landsAtTop } from './harness.mjs';
import { read, SECTIONS } from './content.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the page renders the shell with no console errors and no foreign requests', async () => {
  const { page, errors, requests, context } = await open(browser, server.origin + '/');
  await appReady(page);
  assert.match(await page.locator('.fs-header h2').innerText(), /Full Stack/);
  assert.match(await page.locator('.fs-sources').innerText(), /reconstruction after RAND/);
  assert.equal(await page.locator('[role="tab"]').count(), 4);
  assert.equal(await page.locator('#fs-panel-chart').isVisible(), true);
  assert.equal(await page.locator('#fs-panel-quiz').isVisible(), false);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign(requests, server.origin), []);
  await context.close();
});

test('tabs switch views by mouse and by keyboard', async () => {
  const { page, context } = await open(browser, server.origin + '/');
  await appReady(page);
  await page.locator('#fs-tab-quiz').click();
  assert.equal(await page.locator('#fs-tab-quiz').getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('#fs-panel-quiz').isVisible(), true);
  assert.equal(await page.locator('#fs-panel-chart').isVisible(), false);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('#fs-tab-timeline').getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'fs-tab-timeline');
  await page.keyboard.press('Home');
  assert.equal(await page.locator('#fs-tab-chart').getAttribute('aria-selected'), 'true');
  await context.close();
});

// The key points render a section only as it nears the screen (content-visibility), so the
// sections above a deep-linked point have estimated heights: the point must still land on screen.
test('a link to a point late in the episode opens the key points there, the point on screen; sections far off screen are not rendered, and nothing is cut off', async () => {
  const points = read('keypoints.toml').split('[[point]]').slice(1)
    .map((b) => ({ section: b.match(/^section = "([^"]+)"/m)[1], text: JSON.parse(b.match(/^text = (".*")$/m)[1]) }));
  const section = SECTIONS.at(-2);
  const inSection = points.filter((p) => p.section === section);
  for (const width of [375, 1280]) {
    const { page, context, errors } = await open(browser, `${server.origin}/#points/${section}/${inSection.length}`, { width, height: 800 });
    await appReady(page);
    const point = page.locator('#fs-panel-points .fs-point[aria-current="true"]');
    await point.waitFor();
    assert.equal(await point.locator('.fs-point-text').innerText(), inSection.at(-1).text);
    await landsAtTop(page, point, `${width} px: the point`);
    // The first section, far above, is left unrendered until the reader scrolls to it.
    assert.equal(await page.locator('#fs-panel-points .fs-points-section').first()
      .evaluate((el) => el.querySelector('.fs-point').checkVisibility({ contentVisibilityAuto: true })), false, 'the first section is skipped');
    // The section's paint containment cuts nothing off: the marked point's number, near the
    // section's left edge, has as much ink as with every section rendered in full.
    const numberInk = async () => {
      const b = await point.boundingBox();
      return ink(page, { x: 0, y: Math.round(b.y), width: Math.floor(b.x) - 6, height: 28 });
    };
    const contained = await numberInk();
    await page.addStyleTag({ content: '.fs-points-section { content-visibility: visible !important; }' });
    await twoFrames(page);
    const full = await numberInk();
    assert.ok(full > 10 && contained >= 0.9 * full, `${width} px: the marked point's number is whole (${contained} of ${full} dark pixels)`);
    // Nor does the screen's edge: the two columns of pixels at the left edge are blank there.
    const b = await point.boundingBox();
    assert.equal(await ink(page, { x: 0, y: Math.round(b.y), width: 2, height: 28 }), 0, `${width} px: the number clears the screen's left edge`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('on a phone the four tab labels stay whole, each on one line, and fit without scrolling', async () => {
  for (const width of [320, 375]) {
    const { page, context } = await open(browser, server.origin + '/', { width });
    await appReady(page);
    const tabs = await page.locator('[role="tab"]').evaluateAll((els) => els.map((el) => {
      // The label's line boxes: one per line it wraps onto.
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return { label: el.textContent.trim(), lines: tops.size, height: el.getBoundingClientRect().height };
    }));
    assert.equal(tabs.length, 4);
    for (const t of tabs) {
      assert.equal(t.lines, 1, `${width} px: the tab "${t.label}" wraps onto ${t.lines} lines`);
      // Styled (an unstyled button would fit too): the tab is a 40 px touch target.
      assert.ok(t.height >= 40, `${width} px: the tab "${t.label}" is ${t.height} px high`);
    }
    const strip = await page.locator('.fs-tabs').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert.ok(strip.scroll <= strip.client, `${width} px: the tab strip scrolls (${strip.scroll} > ${strip.client})`);
    await context.close();
  }
});

test('the theme follows the query and the theme switch', async () => {
  const { page, context } = await open(browser, server.origin + '/?theme=dark', { colorScheme: 'light' });
  await appReady(page);
  const bg = () => page.locator('.fs').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await page.locator('.fs').getAttribute('data-theme'), 'dark');
  const dark = await bg();
  await page.locator('.fs-theme select').selectOption('light');
  assert.equal(await page.locator('.fs').getAttribute('data-theme'), 'light');
  assert.notEqual(await bg(), dark, 'switching theme changes the colours');
  assert.equal(await bg(), 'rgb(255, 255, 255)');
  await context.close();
});

test('a bad config value shows a notice and falls back, without markup injection', async () => {
  const evil = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const { page, context, errors } = await open(browser, `${server.origin}/?view=${evil}`);
  await appReady(page);
  assert.match(await page.locator('.fs-notice').innerText(), /Unknown view/);
  assert.equal(await page.locator('.fs img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#fs-tab-chart').getAttribute('aria-selected'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a panic shows a readable error box and logs to the console', async () => {
  const { page, context, errors } = await open(browser, server.origin + '/');
  await appReady(page);
  await page.evaluate(() => { try { window.wasmBindings.debugPanic(); } catch (_) { /* the trap */ } });
  const box = page.locator('.fs-error[role="alert"]');
  await box.waitFor();
  assert.match(await box.innerText(), /Something went wrong/);
  assert.ok(errors.some((e) => /deliberate test panic/.test(e)), 'the panic is logged: ' + errors.join(' | '));
  assert.equal(await page.locator('[role="tablist"]').count(), 0, 'the dead app is gone, not left half-working');
  await context.close();
});

test('the widget keeps its text size on phones (text-size-adjust, and the -webkit- form for iOS Safari)', async () => {
  // Chromium computes text-size-adjust; Firefox and WebKit desktop builds drop it, so the
  // prefixed form (the one iOS Safari reads) is checked in the stylesheet's text.
  const { page, context } = await open(browser, server.origin + '/');
  await appReady(page);
  assert.equal(await page.locator('.fs').evaluate((el) => getComputedStyle(el).textSizeAdjust), '100%');
  const css = await (await fetch(server.origin + '/style.css')).text();
  // The root's rule, minified as shipped or not.
  const root = css.match(/(?:^|\})\s*\.fs\s*\{([^}]*)\}/)[1];
  assert.match(root, /-webkit-text-size-adjust:\s*100%/);
  assert.match(root, /(^|[^-])text-size-adjust:\s*100%/m);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`zero axe-core violations (WCAG 2.2 AA), ${colorScheme}`, async () => {
    const { page, context } = await open(browser, server.origin + '/', { colorScheme });
    await appReady(page);
    for (const tab of ['chart', 'quiz', 'timeline']) {
      await page.locator(`#fs-tab-${tab}`).click();
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${tab}: ` + JSON.stringify(violations, null, 1));
    }
    await context.close();
  });
}
