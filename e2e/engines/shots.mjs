// Screenshots of the widget in Firefox and WebKit at 375 and 1280 px, for a person to
// look at (not a test): the chart with a cell open, and the quiz after Check.
//   node e2e/engines/shots.mjs <folder>     (after make dist)
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../harness.mjs';
import { COLLECTOR } from './collector.mjs';

const out = path.resolve(process.argv[2] || 'target/shots');
fs.mkdirSync(out, { recursive: true });
const server = await serve(undefined, {}, { inject: COLLECTOR });
// The running app with its on-demand data settled, as appReady waits for in Chromium: until
// then the quiz, key points and timeline show the server's markup, which the app replaces.
const live = () => document.querySelector('.fs[data-live]:not([data-data="pending"])');

for (const name of ['firefox', 'webkit']) {
  const engine = await (await import(`./${name}.mjs`)).launch();
  try {
    for (const width of [375, 1280]) {
      // The chart, with a cell opened by a click (in the accordion on a phone).
      let page = await engine.newPage({ width, height: 900 });
      await page.goto(server.origin + '/');
      await page.waitFor('the live app', live);
      if (width < 760) {
        await page.click(() => document.querySelectorAll('.fs-accordion details.fs-acc-layer:not(.fs-acc-tools-all)')[3].querySelector('summary'));
        await page.click(() => document.querySelector('.fs-accordion button[data-pos="4-1"]'));
      } else {
        await page.click(() => document.querySelector('.fs-matrix button[data-pos="4-1"]'));
      }
      await page.waitFor('the details', () => document.querySelector('.fs-detail h3'));
      await page.screenshot(path.join(out, `${name}-${width}-chart.png`));
      if (width < 760) {
        // Close up: the opened layer with the cell's details.
        await page.screenshotOf(path.join(out, `${name}-${width}-chart-detail.png`),
          () => document.querySelector('.fs-detail').closest('details'));
      }
      const errors = await page.errors();
      await page.close();

      // The quiz, an answer checked.
      page = await engine.newPage({ width, height: 900 });
      await page.goto(server.origin + '/#quiz');
      await page.waitFor('the live app', live);
      await page.click(() => document.querySelectorAll('.fs-option')[1]);
      await page.click(() => [...document.querySelectorAll('.fs button')].find((b) => b.textContent.trim() === 'Check'));
      await page.waitFor('the feedback', () => document.querySelector('.fs-feedback'));
      await page.screenshot(path.join(out, `${name}-${width}-quiz.png`));
      if (width < 760) {
        await page.screenshotOf(path.join(out, `${name}-${width}-quiz-question.png`), () => document.querySelector('#fs-panel-quiz'));
      }
      errors.push(...(await page.errors()));
      await page.close();
      console.log(`${name} ${engine.version} ${width}px: saved; errors: ${JSON.stringify(errors)}`);
    }
  } finally {
    await engine.close();
  }
}
await server.close();
