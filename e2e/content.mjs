// The content as the tests read it, from content/*.toml, independently of the widget.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

/** The text of a content file. */
export const read = (file) => fs.readFileSync(path.join(ROOT, 'content', file), 'utf8');
/** The ids of a file's `[[table]]` entries, in order (each entry's first `id`, so not the
 *  ids of its sources). */
export const ids = (text, table) => text.split(`[[${table}]]`).slice(1).map((b) => b.match(/^id = "([^"]+)"/m)[1]);

/** Layer ids, top of the stack first; tool ids, left to right; section ids, in order. */
export const LAYERS = ids(read('layers.toml'), 'layer');
export const TOOLS = ids(read('tools.toml'), 'tool');
export const SECTIONS = ids(read('sections.toml'), 'section');
/** Timeline event ids as the widget lists them, by date (the file's order breaks ties:
 *  build/content/validate/timeline.rs). */
export const EVENTS = read('timeline.toml').split(/^\[\[event\]\]$/m).slice(1)
  .map((b, i) => ({ id: b.match(/^id = "([^"]+)"/m)[1], date: b.match(/^date = "([^"]+)"/m)[1], i }))
  .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i))
  .map((e) => e.id);
/** Provenance tiers, strongest first. */
export const TIERS = ['episode', 'report', 'outside', 'reconstruction'];

/** The questions of content/quiz.toml: id, section, prompt, option texts, the right one.
 *  Read from each question's own table (its options, quote and sources have ids too). */
export const QUESTIONS = (() => {
  const questions = [];
  let q = null;
  let inOption = false;
  let inHead = false;
  const str = (line) => JSON.parse(line.slice(line.indexOf('=') + 1).trim());
  for (const raw of read('quiz.toml').split('\n')) {
    const line = raw.trim();
    if (line === '[[question]]') { q = { options: [] }; questions.push(q); inOption = false; inHead = true; continue; }
    if (line.startsWith('[')) { inHead = false; inOption = line === '[[question.option]]'; if (inOption && q) q.options.push({}); continue; }
    if (!q) continue;
    if (inHead && line.startsWith('id = ')) q.id = str(line);
    if (inHead && line.startsWith('section = ')) q.section = str(line);
    if (inHead && line.startsWith('prompt = ')) q.prompt = str(line);
    if (inOption && line.startsWith('text = ')) q.options.at(-1).text = str(line);
    if (inOption && line === 'correct = true') q.options.at(-1).correct = true;
  }
  for (const x of questions) x.answer = x.options.find((o) => o.correct).text;
  return questions;
})();

/** The question with this prompt (as shown). */
export function byPrompt(prompt) {
  const q = QUESTIONS.find((x) => x.prompt === prompt.trim());
  if (!q) throw new Error(`prompt not in content/quiz.toml: ${prompt}`);
  return q;
}

/** The layer and tool ids of the chart button at `data-pos` "r-c" (row 0: the tools'
 *  headers, column 0: the layers'): null for the axis not chosen. */
export function atPos(pos) {
  const [r, c] = pos.split('-').map(Number);
  return { layer: r ? LAYERS[r - 1] : null, tool: c ? TOOLS[c - 1] : null };
}
