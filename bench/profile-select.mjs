// A sampling CPU profile of 10 cell clicks (CPU slowed N times): self time by function, and
// with INCL=<regex> inclusive time of the matching functions. Function names need a wasm that
// keeps its name section (the shipped one is stripped by wasm-opt). One way, for 10x content:
//   FULL_STACK_CONTENT_SCALE=10 cargo build --release --target wasm32-unknown-unknown --bin widget
//   wasm-bindgen --target web --out-dir /tmp/prof-bg --out-name widget \
//     target/wasm32-unknown-unknown/release/widget.wasm
//   cp -r target/bench/dist-10x /tmp/prof-dist && cp /tmp/prof-bg/widget{.js,_bg.wasm} /tmp/prof-dist/
//   sed -i -E 's/ integrity="[^"]*"//g' /tmp/prof-dist/*.html
// Usage: node bench/profile-select.mjs [dist, /tmp/prof-dist] [CPU slowdown, 4]
import path from 'node:path';
import { openChart, selectLatencies } from './select.mjs';
const dir = path.resolve(process.argv[2] || '/tmp/prof-dist');
const { page, cdp, close } = await openChart(dir, { rate: Number(process.argv[3] || 4), width: Number(process.env.W || 1280), settle: 500 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const lat = await selectLatencies(page, 10, { stride: 37, panel: false });
const { profile } = await cdp.send('Profiler.stop');
console.log('latencies (ms):', lat.map((x) => x.toFixed(1)).join(', '));
const self = {};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = {};
for (let i = 0; i < profile.samples.length; i++) dt[profile.samples[i]] = (dt[profile.samples[i]] || 0) + (profile.timeDeltas[i] || 0);
let total = 0;
for (const n of profile.nodes) {
  const t = (dt[n.id] || 0) / 1000;
  const name = n.callFrame.functionName || '(anon)';
  if (['(idle)', '(program)', '(garbage collector)'].includes(name) && !process.env.ALL) continue;
  self[name] = (self[name] || 0) + t; total += t;
}
console.log('busy (ms, per click):', (total / 10).toFixed(1));
for (const [k, v] of Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 40))) console.log((v / 10).toFixed(2).padStart(7), k.slice(0, 150));
if (process.env.INCL) {
  // Inclusive time per function (a function counted once per stack, however deep it recurses).
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const incl = {};
  for (const n of profile.nodes) {
    const t = (dt[n.id] || 0) / 1000;
    if (!t) continue;
    const seen = new Set();
    for (let id = n.id; id; id = parent.get(id)) {
      const name = byId.get(id).callFrame.functionName || '(anon)';
      if (seen.has(name)) continue;
      seen.add(name);
      incl[name] = (incl[name] || 0) + t;
    }
  }
  const re = new RegExp(process.env.INCL);
  for (const [k, v] of Object.entries(incl).filter(([k]) => re.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log('incl', (v / 10).toFixed(2).padStart(7), k.slice(0, 140));
}
await close();
