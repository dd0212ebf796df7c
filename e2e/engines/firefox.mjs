// Firefox ESR driven over WebDriver BiDi by puppeteer-core (no geckodriver, no browser
// download: it starts Debian's /usr/bin/firefox-esr). One browser per test file, one
// fresh browser context (own storage) per page.
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';
import { collectedErrors, pollScript } from './collector.mjs';

export const name = 'firefox';

export async function launch() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    headless: true,
    // A page that never asks for the network must not be helped to it: no telemetry,
    // updates, or captive-portal probes while the tests count requests.
    extraPrefsFirefox: {
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
  return {
    name,
    version: await browser.version(),
    newPage: async ({ width = 1280, height = 900 } = {}) => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      return new FirefoxPage(page, context);
    },
    close: () => browser.close(),
  };
}

/** The API shared with webkit.mjs. Functions passed to evaluate, waitFor and click run
 *  in the page (or frame): they must be self-contained, with JSON arguments. */
class Scope {
  constructor(target) { this.target = target; }
  evaluate(fn, ...args) { return this.target.evaluate(fn, ...args); }

  /** Polls `fn` (in the page) until it returns something truthy; returns that. */
  async waitFor(what, fn, ...args) {
    const end = Date.now() + 15000;
    for (;;) {
      const v = await this.target.evaluate(pollScript(fn.toString(), args));
      if (v) return v;
      if (Date.now() > end) throw new Error(`firefox: timed out waiting for ${what}`);
    }
  }

  /** A real mouse click on the element `fn` returns (scrolled into view first). */
  async click(fn, ...args) {
    const handle = await this.target.evaluateHandle(fn, ...args);
    const el = handle.asElement();
    if (!el) throw new Error('firefox: click: no element from ' + fn.toString());
    await el.click();
    await handle.dispose();
  }

  /** Runs `body` with a scope inside the iframe `selector` (a top-level iframe). */
  async inFrame(selector, body) {
    const handle = await this.target.$(selector);
    const frame = await handle.contentFrame();
    return body(new Scope(frame));
  }
}

class FirefoxPage extends Scope {
  constructor(page, context) {
    super(page);
    this.engine = name;
    this.page = page;
    this.context = context;
    this.network = [];
    this.driverErrors = [];
    page.on('request', (r) => this.network.push(r.url()));
    page.on('pageerror', (e) => this.driverErrors.push('pageerror: ' + String(e)));
    page.on('console', (m) => { if (m.type() === 'error') this.driverErrors.push('console: ' + m.text()); });
  }
  async goto(url) { await this.page.goto(url, { waitUntil: 'load' }); }
  async setViewport(width, height) { await this.page.setViewport({ width, height }); }
  async press(key) { await this.page.keyboard.press(key === 'Space' ? ' ' : key); }
  /** Every request the page made (all frames), as URLs, seen by the browser itself. */
  async requests() { return [...this.network]; }
  /** Errors from the injected collector (page and same-origin frames) and from the browser's log. */
  async errors() { return [...this.driverErrors, ...(await this.page.evaluate(collectedErrors))]; }
  async screenshot(file, { fullPage = true } = {}) { fs.writeFileSync(file, await this.page.screenshot({ fullPage })); }
  /** A PNG of the element `fn` returns (scrolled into view). */
  async screenshotOf(file, fn, ...args) {
    const handle = await this.page.evaluateHandle(fn, ...args);
    fs.writeFileSync(file, await handle.asElement().screenshot());
    await handle.dispose();
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.context.close();
  }
}
