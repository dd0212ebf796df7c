#!/usr/bin/env node
// Puts the figures of the latest `make bench` into bench/results.md without touching the
// rest of it (the targets, the levers weighed, the notes are written by hand): the text
// between the two marker lines below is replaced by the given part files, in order.
// Usage: node bench/splice.mjs bench/results.md target/bench/run.md target/bench/lighthouse.md
import fs from 'node:fs';

export const START = '<!-- make bench: start (generated below this line; edit above or below the markers) -->';
export const END = '<!-- make bench: end -->';

/** `doc` with the text between the markers replaced by `block`; throws without the markers. */
export function splice(doc, block) {
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`the results file lacks the markers:\n${START}\n${END}`);
  return doc.slice(0, a + START.length) + '\n' + block.trim() + '\n' + doc.slice(b);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, ...parts] = process.argv.slice(2);
  if (!out || parts.length === 0) throw new Error('usage: node bench/splice.mjs <results.md> <part.md>...');
  const block = parts.map((p) => fs.readFileSync(p, 'utf8').trim()).join('\n\n');
  fs.writeFileSync(out, splice(fs.readFileSync(out, 'utf8'), block));
  console.log(`bench: ${out} updated between its markers`);
}
