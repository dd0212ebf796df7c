// `make bench` puts its figures into bench/results.md without losing what is written there
// by hand (the targets, the levers weighed, the notes): bench/splice.mjs replaces only the
// text between the two markers, and the results file carries them, once each, so a long
// benchmark run cannot fail at its last step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';
import { splice, START, END } from '../bench/splice.mjs';

const RESULTS = fs.readFileSync(path.join(ROOT, 'bench/results.md'), 'utf8');
const count = (s, sub) => s.split(sub).length - 1;

test('bench/results.md carries the markers make bench writes between, once each and in order', () => {
  assert.equal(count(RESULTS, START), 1, 'the start marker');
  assert.equal(count(RESULTS, END), 1, 'the end marker');
  assert.ok(RESULTS.indexOf(START) < RESULTS.indexOf(END));
});

test('a new run replaces the figures between the markers and keeps every hand-written line', () => {
  const figures = '## Benchmark, a later day\n\n| page | FCP (ms) |\n|---|---|\n| embed.html | 123 |';
  const out = splice(RESULTS, figures);
  const [before, after] = [RESULTS.slice(0, RESULTS.indexOf(START)), RESULTS.slice(RESULTS.indexOf(END))];
  assert.ok(out.startsWith(before), 'the text above the markers is kept');
  assert.ok(out.endsWith(after), 'the text below the markers is kept');
  assert.ok(out.includes(figures));
  // Run again: the earlier run's figures are gone, not appended to.
  const again = splice(out, 'the next run');
  assert.ok(!again.includes(figures) && again.includes('the next run'));
  assert.ok(again.startsWith(before) && again.endsWith(after));
});

test('a results file without the markers is refused, not overwritten', () => {
  assert.throws(() => splice('# hand-written only\n', 'figures'), /lacks the markers/);
});
