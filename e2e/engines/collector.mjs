// An error collector put first in every page the cross-browser tests load (WebKit's
// driver exposes no console log; Firefox gets it too, so both engines report alike).
// It records uncaught errors, failed resource loads, unhandled rejections,
// console.error calls and CSP violations in `window.__xbErrors`.
export const COLLECTOR = `<script>(() => {
  const errors = (window.__xbErrors = []);
  const text = (x) => (x instanceof Error) ? x.name + ': ' + x.message : String(x);
  addEventListener('error', (e) => {
    const t = e.target;
    if (t && t !== window && (t.src || t.href)) errors.push('failed to load: ' + (t.src || t.href));
    else errors.push('error: ' + (e.message || text(e.error)));
  }, true);
  addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + text(e.reason)));
  addEventListener('securitypolicyviolation', (e) => errors.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));
  const original = console.error;
  console.error = function (...args) { errors.push('console.error: ' + args.map(text).join(' ')); return original.apply(this, args); };
})();</script>`;

/** In the page: the collected errors of this window and of every same-origin frame in it. */
export function collectedErrors() {
  const out = [];
  const walk = (w, where) => {
    try {
      for (const e of w.__xbErrors || []) out.push(where + e);
      for (let i = 0; i < w.frames.length; i++) walk(w.frames[i], where + `frame ${i}: `);
    } catch { /* a cross-origin or sandboxed frame: not ours to read */ }
  };
  walk(window, '');
  return out;
}

/** Key names the tests use, as in Playwright and Puppeteer. */
export const KEYS = ['Tab', 'Enter', 'Escape', 'Space', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

/** The page-side half of `waitFor`: runs `src` (a function's source) with `args` each
 *  animation frame for up to `frames` frames; returns its first truthy value (true for
 *  an element) or null. */
export function pollScript(src, args, frames = 20) {
  return `new Promise((resolve) => {
    const f = (${src});
    const args = ${JSON.stringify(args)};
    let n = 0;
    const tick = () => {
      let v = null;
      try { v = f(...args); } catch (e) { v = null; }
      // A found element (of any frame's document) counts as true: elements don't travel back.
      if (v || ++n >= ${frames}) { resolve(v && typeof v === 'object' && 'nodeType' in v ? true : (v || null)); return; }
      // The next frame, or 50 ms if frames are not being produced (a hidden page).
      let done = false;
      const next = () => { if (!done) { done = true; tick(); } };
      requestAnimationFrame(next);
      setTimeout(next, 50);
    };
    tick();
  })`;
}
