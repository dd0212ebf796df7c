#!/usr/bin/env node
// The size budget in bench/budget.json: what its figures mean, measured from a build.
// `node e2e/budget.mjs` compares dist/ with the budget; `--write` (or `make budget`)
// resets every figure to the current build plus GROWTH. e2e/size.test.mjs enforces it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { report, sizes } from '../scripts/size.mjs';
import { ELEMENT_LOADS } from '../scripts/dist.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUDGET_FILE = path.join(ROOT, 'bench/budget.json');

/** How much a size may grow past the build its figure was set from. */
export const GROWTH = 0.01;

/** The figure (KiB) for a measured size (KiB): GROWTH above it, rounded up to 0.01 KiB. */
export const limitFor = (kib) => Math.ceil(kib * (1 + GROWTH) * 100 - 1e-9) / 100;

/** A figure is stale when the size fell more than GROWTH below what the figure was set
 *  for: it would then let that much growth through unnoticed. */
export const isStale = (limit, kib) => limit > limitFor(kib * (1 + GROWTH));

/** Brotli sizes (KiB) of everything the budget names, in `dist`. A missing file is null. */
export function measure(dist, budget) {
  const r = report(dist);
  const kib = (n) => n / 1024;
  const file = (f) => (r.files[f] ? kib(r.files[f].brotli) : null);
  const element = ELEMENT_LOADS.every((f) => fs.existsSync(path.join(dist, f)))
    ? kib(ELEMENT_LOADS.reduce((t, f) => t + sizes(fs.readFileSync(path.join(dist, f))).brotli, 0))
    : null;
  return {
    pages: Object.fromEntries(Object.keys(budget.pages).map((p) => [p, r.pages[p] ? kib(r.pages[p].brotli) : null])),
    element,
    files: Object.fromEntries(Object.keys(budget.files).map((f) => [f, file(f)])),
    assets: Object.fromEntries(Object.keys(budget.pages).map((p) => [p, r.pages[p]?.assets ?? []])),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const budget = JSON.parse(fs.readFileSync(BUDGET_FILE, 'utf8'));
  const m = measure(path.join(ROOT, 'dist'), budget);
  const rows = [
    ...Object.keys(budget.pages).map((k) => [k + ' (page)', budget.pages[k], m.pages[k], (v) => { budget.pages[k] = v; }]),
    ['<full-stack-explainer>', budget.element, m.element, (v) => { budget.element = v; }],
    ...Object.keys(budget.files).map((k) => [k, budget.files[k], m.files[k], (v) => { budget.files[k] = v; }]),
  ];
  console.log('what'.padEnd(28) + 'KiB now'.padStart(10) + 'budget'.padStart(10) + 'reset to'.padStart(10));
  for (const [name, limit, now, set] of rows) {
    if (now == null) throw new Error(`dist/ lacks ${name}: run make dist first`);
    const state = now > limit ? '  over' : isStale(limit, now) ? '  stale' : '';
    console.log(name.padEnd(28) + now.toFixed(2).padStart(10) + String(limit).padStart(10) + String(limitFor(now)).padStart(10) + state);
    set(limitFor(now));
  }
  if (process.argv.includes('--write')) {
    fs.writeFileSync(BUDGET_FILE, JSON.stringify(budget, null, 2) + '\n');
    console.log(`wrote ${path.relative(ROOT, BUDGET_FILE)}`);
  }
}
