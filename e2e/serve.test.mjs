// `make serve` must not destroy what an author is about to upload: tried as an author
// would (make dist, then make serve to look, then upload dist/). It serves a debug build
// with live reload from target/serve; dist/ stays byte for byte what make dist wrote. And
// a dist/ that holds such a debug build is refused by the dist step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { DIST, ROOT } from './harness.mjs';
import { devArtefacts } from '../scripts/dist.mjs';

const SERVE_DIR = path.join(ROOT, 'target/serve');
/** The first debug build of the wasm can take minutes on a 2-core machine. */
const BUILD_LIMIT_MS = 12 * 60 * 1000;

/** Every file under `dir` with its size and SHA-256, sorted by path. */
function listing(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const bytes = fs.readFileSync(file);
        out.push(`${path.relative(dir, file)} ${bytes.length} ${crypto.createHash('sha256').update(bytes).digest('hex')}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

test('make serve after make dist: a live-reloading debug page from target/serve, and dist/ unchanged', { timeout: BUILD_LIMIT_MS + 60_000 }, async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'run make dist first');
  assert.deepEqual(devArtefacts(DIST), [], 'dist/ is a release build to begin with');
  const before = listing(DIST);
  assert.ok(before.length > 20, `dist/ holds the release files (${before.length})`);

  const port = await freePort();
  // Its own process group, so the test can stop make, trunk and cargo together.
  const make = spawn('make', ['--no-print-directory', 'serve', `SERVE_PORT=${port}`], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  make.stdout.on('data', (d) => { output += d; });
  make.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => make.once('exit', resolve));
  let page = '';
  try {
    const started = Date.now();
    let done = false;
    exited.then(() => { done = true; });
    // Poll the server until it serves the page (trunk answers once its first build is done).
    while (!done && Date.now() - started < BUILD_LIMIT_MS) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/`);
        if (r.ok) {
          page = await r.text();
          if (/full-stack/.test(page)) break;
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    assert.match(page, /data-full-stack="page"/, `make serve served the page on port ${port}:\n${output.slice(-3000)}`);
    // What it serves is a development build: Trunk's live reload is in it.
    assert.match(page, /\.well-known\/trunk\/ws/, 'the live-reload script is in the served page');
    assert.match(output, /target\/serve/, 'make serve says where it builds');
  } finally {
    try { process.kill(-make.pid, 'SIGINT'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-make.pid, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
    await exited;
    clearTimeout(timer);
  }

  // dist/ is byte for byte what make dist wrote: same files, same sizes, same hashes.
  assert.deepEqual(listing(DIST), before, 'dist/ changed while make serve ran');
  // The debug build went to target/serve, and the dist step would refuse it.
  const found = devArtefacts(SERVE_DIR);
  assert.ok(found.some((f) => f.file === 'index.html'), JSON.stringify(found));
  assert.ok(found.some((f) => f.file.endsWith('.wasm')), `the debug wasm is recognised: ${JSON.stringify(found)}`);
});

test('the dist step refuses a folder holding a development build', async () => {
  const dev = path.join(SERVE_DIR, 'index.html');
  assert.ok(fs.existsSync(dev), 'the test above left target/serve');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'full-stack-devdist-'));
  try {
    // What make dist found before: a release dist/ into which make serve built its page.
    fs.cpSync(DIST, dir, { recursive: true });
    fs.copyFileSync(dev, path.join(dir, 'index.html'));
    const r = spawnSync(process.execPath, ['scripts/dist.mjs', dir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.notEqual(r.status, 0, 'node scripts/dist.mjs must fail');
    assert.match(r.stderr, /development artefacts/);
    assert.match(r.stderr, /index\.html: Trunk's live-reload/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
