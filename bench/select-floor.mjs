// How much of select → paint is the browser's own: the chart's selection measured two ways, on
// fresh pages, alternating. "widget": the app handles the clicks (bench/run.mjs's method,
// selectLatencies). "DOM only": the clicks are taken from the app and the same result is shown
// with plain DOM calls, no wasm and no diff (takeSelectionsFromApp in bench/select.mjs): the
// buttons' state, and the panel markup the app rendered for that cell. What remains is style,
// layout and paint of the new panel and the wait for the frame; a selection cannot paint sooner
// than that, whatever the framework does. Both ways select each cell once, unthrottled, first.
// Usage: node bench/select-floor.mjs [dist, target/bench/dist-10x] [CPU slowdown, 4] [rounds, 2]
import path from 'node:path';
import { openChart, selectLatencies, domOnlyLatencies, median } from './select.mjs';

const dir = path.resolve(process.argv[2] || 'target/bench/dist-10x');
const rate = Number(process.argv[3] || 4);
const rounds = Number(process.argv[4] || 2);
const n = 15;

/** One page: select → paint of n clicks the app handles, after the same warm-up as the
 *  DOM's (domOnlyLatencies): the same cells once, unthrottled, then nothing selected. */
async function widgetLatencies() {
  const { page, cdp, close } = await openChart(dir, { rate: 1 });
  await selectLatencies(page, n, { pause: 0 });
  await page.locator('table.fs-matrix button.fs-cell[aria-pressed="true"]').click();
  await page.locator('.fs-side .fs-detail').waitFor({ state: 'detached' });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const lat = await selectLatencies(page, n);
  await close();
  return lat;
}

const runs = { widget: [], dom: [] };
for (let r = 0; r < rounds; r++) {
  runs.widget.push(...(await widgetLatencies()));
  runs.dom.push(...(await domOnlyLatencies(dir, n, { rate })));
}
console.log(`${path.relative(process.cwd(), dir) || dir}, CPU ${rate}x, ${rounds} pages of ${n} clicks each way, alternating; medians:`);
console.log(`  widget   ${median(runs.widget).toFixed(1)} ms  (min ${Math.min(...runs.widget).toFixed(1)})`);
console.log(`  DOM only ${median(runs.dom).toFixed(1)} ms  (min ${Math.min(...runs.dom).toFixed(1)})`);
