// Median select→paint (bench/run.mjs's method) on a dist, CPU slowed N times, 15 clicks: to
// compare a change paired, on one build, one run after the other.
// Usage: node bench/select-median.mjs [dist, target/bench/dist-10x] [CPU slowdown, 4]
// Env: CSS adds a stylesheet; BUTTONS picks what is clicked (a selector; the matrix's cells by
// default), e.g. BUTTONS='table.fs-matrix thead button.fs-head' for the tools' headers.
import path from 'node:path';
import { openChart, selectLatencies } from './select.mjs';
const dir = path.resolve(process.argv[2] || 'target/bench/dist-10x');
const { page, close } = await openChart(dir, { rate: Number(process.argv[3] || 4) });
const lat = await selectLatencies(page, 15, process.env.BUTTONS ? { buttons: process.env.BUTTONS } : {});
const s = [...lat].sort((a, b) => a - b);
console.log(`median ${s[7].toFixed(1)} ms  (min ${s[0].toFixed(1)}, max ${s[14].toFixed(1)})  all: ${lat.map((x) => x.toFixed(0)).join(' ')}`);
await close();
