#!/usr/bin/env node
// Where the bytes of widget_bg.wasm go: runs `twiggy top` on a build that keeps its
// function names (see `make wasm-parts`) and sums the items into groups. The names
// subsections are left out (the shipped wasm has none).
//
// Usage: node bench/wasm-parts.mjs <named.wasm> [--top 25] [--markdown]
import { execFileSync } from 'node:child_process';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/wasm-parts.mjs <named.wasm> [--top 25] [--markdown]');
const topN = Number(process.argv[process.argv.indexOf('--top') + 1]) || 25;
const markdown = process.argv.includes('--markdown');

const csv = execFileSync('twiggy', ['top', '-n', '100000', '--format', 'csv', file], { maxBuffer: 256 << 20 }).toString();
const rows = [];
for (const line of csv.split('\n').slice(1)) {
  if (!line.trim()) continue;
  // Name,ShallowSize,ShallowSizePercent (the name may be quoted and contain commas).
  const m = line.match(/^(?:"((?:[^"]|"")*)"|([^,]*)),(\d+),/);
  if (!m) continue;
  const name = (m[1] ?? m[2]).replace(/""/g, '"');
  rows.push({ name, size: Number(m[3]) });
}

/** The group an item belongs to, by its (demangled) name; first match wins. */
const GROUPS = [
  ['names (not shipped)', /subsection$/],
  ['data: strings and baked content', /^data segment/],
  ['formatting (core::fmt, float and integer printing)', /core(\[\w+\])?::fmt|<f64 as|<f32 as|float|flt2dec|dragon|grisu|alloc(\[\w+\])?::fmt|::fmt::|Display>::fmt|Debug>::fmt|format/],
  ['serde / decoding (data.json)', /serde|Deserialize|Visitor|platform::data::decode/],
  ['Yew hydration', /hydrat/i],
  ['views: components (Yew view bodies, inlined)', /CompStateInner<COMP>.*::view/],
  ['views: helpers (src/view)', /full_stack::view::/],
  ['Yew runtime (diff, DOM, scheduler, hooks, listeners)', /^<?yew|yew::|implicit_clone/],
  ['model and state (src/model, src/state)', /full_stack::(model|state)::/],
  ['platform and host (src/platform, src/host)', /full_stack::(platform|host)::|widget::main/],
  ['wasm-bindgen, js-sys, web-sys, gloo (bindings, shims)', /wasm_bindgen|js_sys|web_sys|gloo|externref|shim|__wbg|__wbindgen|closure/i],
  ['allocator, std, core (collections, sort, panics)', /dlmalloc|alloc|core|std|hashbrown|__rust|memcpy|memset|memmove|panic/],
];

const groups = new Map(GROUPS.map(([g]) => [g, 0]));
groups.set('other', 0);
let total = 0;
for (const r of rows) {
  const g = (GROUPS.find(([, re]) => re.test(r.name)) || ['other'])[0];
  groups.set(g, groups.get(g) + r.size);
  if (g !== 'names (not shipped)') total += r.size;
}
const top = rows.filter((r) => !/subsection$/.test(r.name)).sort((a, b) => b.size - a.size).slice(0, topN);
const pct = (n) => ((100 * n) / total).toFixed(1);
const short = (s) => s.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
if (markdown) {
  console.log(`| group | bytes (wasm, uncompressed) | share |\n|---|---|---|`);
  for (const [g, n] of groups) if (g !== 'names (not shipped)' && n) console.log(`| ${g} | ${n} | ${pct(n)}% |`);
  console.log(`| **total** (without names) | ${total} | 100% |`);
  console.log(`\n| # | item | bytes | share |\n|---|---|---|---|`);
  top.forEach((r, i) => console.log(`| ${i + 1} | \`${short(r.name).replace(/\|/g, '\\|').slice(0, 140)}\` | ${r.size} | ${pct(r.size)}% |`));
} else {
  for (const [g, n] of groups) console.log(`${String(n).padStart(8)}  ${g === 'names (not shipped)' ? '     ' : (pct(n) + '%').padStart(5)}  ${g}`);
  console.log(`${String(total).padStart(8)}  total without names`);
  console.log();
  top.forEach((r) => console.log(`${String(r.size).padStart(8)}  ${pct(r.size).padStart(4)}%  ${short(r.name).slice(0, 150)}`));
}
