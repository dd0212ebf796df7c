// Where the browser's share of a selection goes: the DOM-only select → paint of
// bench/select-floor.mjs (the clicks taken from the app, the app's panel markup put in place
// by plain DOM calls), measured with stylesheets added to the page, one variant per page,
// alternating. A variant that hides a part (the panel, its entries) shows what that part's
// style, layout and paint cost.
// Usage: node bench/select-variants.mjs <dist> '{"name": "css", ...}' [rounds, 2] [CPU slowdown, 4]
//   e.g. node bench/select-variants.mjs target/bench/dist-10x '{"as built": "", "no panel": ".fs-side{display:none!important}"}'
import path from 'node:path';
import { domOnlyLatencies, median } from './select.mjs';

const dir = path.resolve(process.argv[2] || 'target/bench/dist-10x');
const variants = JSON.parse(process.argv[3] || '{"as built": ""}');
const rounds = Number(process.argv[4] || 2);
const rate = Number(process.argv[5] || 4);
const n = 15;

const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let r = 0; r < rounds; r++) {
  for (const [name, css] of Object.entries(variants)) runs[name].push(...(await domOnlyLatencies(dir, n, { rate, css: css || undefined })));
}
console.log(`${path.relative(process.cwd(), dir) || dir}, DOM only, CPU ${rate}x, ${rounds} pages of ${n} clicks per variant, alternating; medians:`);
const width = Math.max(...Object.keys(runs).map((k) => k.length));
for (const [name, v] of Object.entries(runs)) {
  console.log(`  ${name.padEnd(width)}  ${median(v).toFixed(1)} ms  (min ${Math.min(...v).toFixed(1)})`);
}
