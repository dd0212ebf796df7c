// <full-stack-explainer>: the Full Stack explainer as a custom element.
//
//   <script src="https://example.org/full-stack/full-stack.js" defer></script>
//   <full-stack-explainer view="chart" theme="auto" cell="foundation-models/state-funds" quiz="quick">
//     <a href="https://example.org/full-stack/">Open the Full Stack explainer</a>
//   </full-stack-explainer>
//
// The element dispatches the reader's actions as bubbling, composed CustomEvents on
// itself: full-stack:select, full-stack:view and full-stack:quiz-finished, and once
// full-stack:ready when its app runs (README).
//
// Built by scripts/dist.mjs from www/templates/element.js: the widget's CSS is
// inlined below at build time. A classic script (not a module), so it works in a
// plain <script src>; it loads widget.js and widget_bg.wasm from its own folder.
//
// - Open Shadow DOM with a constructable stylesheet: the host's CSS can't reach in,
//   the widget's can't leak out (a <style> in the shadow root only where
//   adoptedStyleSheets is unsupported).
// - Lazy: nothing is fetched until the first element approaches the viewport; the
//   wasm is then fetched and compiled ONCE for the page.
// - Isolated: every element gets its own wasm instance (its own memory and panic
//   hook) from that one compiled module, by importing the glue once per element
//   under a distinct query. A panic shows that element's error box; the page and
//   the other elements keep working.
// - At once: the widget as rendered at build time (the same markup as the pages), with
//   the view and theme its attributes ask for; the wasm hydrates it when it arrives, and
//   what the reader did in between (a cell, a tab, a quiz answer, focus) is recorded
//   (fsIntents, www/intents.js) and applied then: no tap is lost.
// - The light-DOM children (e.g. a link) are the fallback: shown when the widget
//   can't load, hidden while it works.
// - Each element keeps its own quiz progress (stored under its id, or its place on
//   the page), and shared quiz results link to index.html beside this script.
(() => {
  'use strict';
  // The names shared with the wasm and the build (OPTIONS: the element's attributes, in
  // the order mountElement takes them).
  // <contract> generated from src/model/embed.rs by `make contract`: do not edit
  const ELEMENT_NAME = 'full-stack-explainer';
  const ELEMENT_FILE = 'full-stack.js';
  const OPTIONS = ['view', 'theme', 'cell', 'quiz', 'highlight', 'evidence', 'sections'];
  const ROOT_ID = 'full-stack';
  const PRERENDERED_ATTR = 'data-prerendered';
  const VIEWS = ['chart', 'points', 'quiz', 'timeline'];
  const DEFAULT_VIEW = 'chart';
  const THEMES = ['auto', 'light', 'dark'];
  const DEFAULT_THEME = 'auto';
  const THEME_ATTR = 'data-theme';
  const WIDGET_PAGE = 'index.html';
  // </contract>
  if (typeof customElements === 'undefined' || customElements.get(ELEMENT_NAME)) return;

  const CSS = {{CSS}};
  // The widget rendered at build time ("" in a build without prerendering).
  const HTML = {{HTML}};
{{INTENTS}}
  // Start loading when an element is this close to the viewport.
  const ROOT_MARGIN = '600px 0px';

  const me = document.currentScript
    || Array.from(document.querySelectorAll('script[src]')).find((s) => s.src.split(/[?#]/)[0].endsWith('/' + ELEMENT_FILE));
  const BASE = new URL('.', me ? me.src : location.href);
  // The widget's own page, beside this script: shared quiz results link there (the
  // host page does not show them). The wasm checks it before use.
  const PAGE = new URL(WIDGET_PAGE, BASE).href;

  let sheet = null;
  const constructable = typeof ShadowRoot !== 'undefined' && 'adoptedStyleSheets' in ShadowRoot.prototype
    && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype;
  /** Styles a shadow root: one constructable sheet shared by every element. */
  function adoptStyles(shadow) {
    if (constructable) {
      try {
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(CSS);
        }
        shadow.adoptedStyleSheets = [sheet];
        return;
      } catch (_) {
        // Constructable but refused: fall back below.
      }
    }
    // No constructable stylesheets here: a <style> element in the shadow root.
    const style = document.createElement('style');
    style.textContent = CSS;
    shadow.append(style);
  }

  let compiled = null;
  /** The compiled wasm module, fetched and compiled once per page. */
  function compile() {
    if (!compiled) {
      compiled = (async () => {
        const response = await fetch(new URL('widget_bg.wasm', BASE));
        if (!response.ok) throw new Error(`widget_bg.wasm: HTTP ${response.status}`);
        const type = response.headers.get('content-type') || '';
        if (typeof WebAssembly.compileStreaming === 'function' && type.startsWith('application/wasm')) {
          return WebAssembly.compileStreaming(response);
        }
        return WebAssembly.compile(await response.arrayBuffer());
      })();
      // A failed load (offline, blocked) may be retried by the next element.
      compiled.catch(() => { compiled = null; });
    }
    return compiled;
  }

  let instances = 0;
  const idle = [];
  /** A wasm instance for one element: a healthy idle one, or a new one. */
  async function acquire() {
    if (idle.length) return idle.pop();
    const module = await compile();
    const n = ++instances;
    // A distinct URL is a distinct module record, with its own wasm instance.
    const glue = await import(new URL(`widget.js?instance=${n}`, BASE).href);
    await glue.default({ module_or_path: module });
    return { n, glue };
  }

  let observer = null;
  function watch(el) {
    if (typeof IntersectionObserver !== 'function') {
      el._start();
      return;
    }
    if (!observer) {
      observer = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            entry.target._start();
          }
        }
      }, { rootMargin: ROOT_MARGIN });
    }
    observer.observe(el);
  }

  /** The prerendered widget in a fresh root (marked for hydration), with the view and
   *  theme `el`'s attributes ask for, links to the files beside this script, and the
   *  intent recorder; `null` in a build without prerendering. */
  function prerendered(el) {
    if (!HTML) return null;
    const root = document.createElement('div');
    root.id = ROOT_ID;
    root.setAttribute(PRERENDERED_ATTR, '');
    root.innerHTML = HTML;
    const fs = root.querySelector('.fs');
    if (!fs) return null;
    for (const a of root.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href');
      if (!/^(#|[a-z][a-z0-9+.-]*:)/i.test(href)) a.setAttribute('href', new URL(href, BASE).href);
    }
    root.fsShow = fsIntents(fs);
    applyAttributes(el, root);
    return root;
  }

  /** Gives a prerendered root the view and theme `el`'s attributes ask for (the same
   *  allowlists as the wasm's; it applies them itself when it hydrates). */
  function applyAttributes(el, root) {
    const fs = root.querySelector('.fs');
    const [theme, view] = [el.getAttribute('theme'), el.getAttribute('view')];
    const shown = THEMES.includes(theme) ? theme : DEFAULT_THEME;
    fs.setAttribute(THEME_ATTR, shown);
    // The header's theme menu (the widget's first) says so too.
    fs.querySelector('select').value = shown;
    root.fsShow(VIEWS.includes(view) ? view : DEFAULT_VIEW);
  }

  /** A short message with the light-DOM fallback (built from text, never HTML). */
  function message(text, withFallback) {
    const shell = document.createElement('div');
    shell.className = 'fs-shell';
    const box = document.createElement('div');
    box.className = 'fs fs-embed-status';
    const p = document.createElement('p');
    p.textContent = text;
    box.append(p);
    if (withFallback) box.append(document.createElement('slot'));
    shell.append(box);
    return shell;
  }

  class FullStackExplainer extends HTMLElement {
    static get observedAttributes() { return OPTIONS; }

    constructor() {
      super();
      this._shadow = this.attachShadow({ mode: 'open' });
      adoptStyles(this._shadow);
      this._instance = null; // { n, glue } while mounted or mounting
      this._root = null; // the element the wasm app renders into
      this._state = 'idle'; // idle | waiting | loading | mounted | failed
      this._waitingRoot = null; // the prerendered root shown until the wasm hydrates it
    }

    /** Shows the prerendered widget (or, without one, a loading message). */
    _showStatic() {
      this._waitingRoot = prerendered(this);
      this._placeholder(this._waitingRoot || message('Loading the Full Stack explainer\u2026', false));
    }

    connectedCallback() {
      this._leaving = false;
      if (this._state === 'idle') {
        this._showStatic();
        this._state = 'waiting';
        watch(this);
      }
    }

    disconnectedCallback() {
      // A move in the DOM disconnects and reconnects at once: keep the widget then.
      this._leaving = true;
      queueMicrotask(() => { if (this._leaving && !this.isConnected) this._stop(); });
    }

    attributeChangedCallback(_name, oldValue, newValue) {
      if (this._waitingRoot && oldValue !== newValue) applyAttributes(this, this._waitingRoot);
      if (oldValue === newValue || this._state !== 'mounted' || this._remount) return;
      // Several attributes set in a row cause one remount.
      this._remount = true;
      queueMicrotask(() => {
        this._remount = false;
        if (this._state === 'mounted') this._mount();
      });
    }

    /** Test hook: makes this element's wasm instance panic. */
    debugPanic() {
      if (!this._instance) return false;
      try { this._instance.glue.debugPanic(); } catch (_) { /* the trap after the panic */ }
      return true;
    }

    _placeholder(node) {
      for (const child of Array.from(this._shadow.childNodes)) {
        if (child.nodeName !== 'STYLE') child.remove();
      }
      this._shadow.append(node);
    }

    /** Whether this element's app is alive (a panic replaces the root with an error box). */
    _healthy() {
      return this._root !== null && this._root.parentNode === this._shadow;
    }

    async _start() {
      if (this._state !== 'waiting') return;
      this._state = 'loading';
      let instance;
      try {
        instance = await acquire();
      } catch (error) {
        console.error(`<${ELEMENT_NAME}>: could not load the explainer:`, error);
        this._state = 'failed';
        if (this._waitingRoot && this._waitingRoot.parentNode === this._shadow) {
          // The prerendered chart stays readable, with a notice that it will not open
          // (and no tapped ring), and the host's fallback content below it.
          this._waitingRoot.fsShow.fail();
          this._shadow.append(document.createElement('slot'));
        } else {
          this._placeholder(message('The interactive explainer could not load here.', true));
        }
        return;
      }
      if (this._state !== 'loading' || !this.isConnected) {
        idle.push(instance);
        return;
      }
      this._instance = instance;
      this._state = 'mounted';
      this._mount();
    }

    _mount() {
      const { glue, n } = this._instance;
      if (this._root && !this._healthy()) return; // keep the error box of a dead instance
      if (this._root) {
        try { glue.unmountElement(); } catch (_) { /* a dead instance */ }
      }
      // The first mount hydrates the prerendered widget the reader already sees (with
      // what they did meanwhile); a remount (changed attributes) renders afresh.
      let root = this._waitingRoot;
      this._waitingRoot = null;
      if (!root || root.parentNode !== this._shadow) {
        root = document.createElement('div');
        root.id = ROOT_ID;
        this._placeholder(root);
      }
      this._root = root;
      const attr = (name) => (this.hasAttribute(name) ? this.getAttribute(name) : undefined);
      // Its place among the page's elements (document order, from 1; within its shadow
      // root if it sits in one) and its id name its quiz storage, so elements keep their
      // own progress across reloads, whichever of them loads first.
      const scope = this.getRootNode();
      const place = Array.prototype.indexOf.call((scope.querySelectorAll ? scope : document).querySelectorAll(ELEMENT_NAME), this) + 1;
      try {
        glue.mountElement(root, OPTIONS.map(attr), n, place, attr('id'), PAGE);
      } catch (error) {
        // The instance's panic hook has shown the error box; this one is dead.
        console.error(`<${ELEMENT_NAME}> #${n}:`, error);
      }
    }

    _stop() {
      if (observer) observer.unobserve(this);
      const instance = this._instance;
      if (instance && this._healthy()) {
        try {
          instance.glue.unmountElement();
          idle.push(instance); // healthy: another element may reuse it
        } catch (_) { /* dead: dropped */ }
      }
      this._instance = null;
      this._root = null;
      this._state = 'idle';
      this._waitingRoot = null;
      this._placeholder(message('Loading the Full Stack explainer\u2026', false));
    }
  }

  customElements.define(ELEMENT_NAME, FullStackExplainer);
})();
