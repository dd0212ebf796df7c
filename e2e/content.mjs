// Facts the e2e tests read from content/*.toml themselves, independently of the Rust code:
// the chart's axes, in order, and a reader for the other files.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

/** The text of a content file. */
export const read = (f) => fs.readFileSync(path.join(ROOT, 'content', f), 'utf8');
/** The ids of a file's `[[table]]` entries, in order (each entry's first `id`). */
export const ids = (text, table) => text.split(`[[${table}]]`).slice(1).map((b) => b.match(/^id = "([^"]+)"/m)[1]);
/** The layers, top of the stack first, and the tools, left to right. */
export const LAYERS = ids(read('layers.toml'), 'layer');
export const TOOLS = ids(read('tools.toml'), 'tool');
/** Provenance tiers, strongest first. */
export const TIERS = ['episode', 'report', 'outside', 'reconstruction'];
