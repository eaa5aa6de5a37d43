/**
 * The Content Security Policy (src/lib/csp.ts, written into every page by src/layouts/Page.astro), in
 * Chromium (the built HTML of every page is checked in tests/build/csp-html.test.ts):
 *
 * - on one page of each template of the hostile fixture site: no `securitypolicyviolation` event and
 *   no CSP console error, and no request to any origin but the site's own (the real site's pages are
 *   checked the same way in tests/browser/templates.test.ts, with axe on the same load);
 * - on the search page, a term search and a filter, with Pagefind's worker and (Worker taken
 *   away) with its WebAssembly compiled in the page itself, which needs 'wasm-unsafe-eval';
 * - and that the policy is really enforced, so these tests can fail: an injected inline script,
 *   inline style and third-party image are all blocked and reported, and without
 *   'wasm-unsafe-eval' the search in the page is blocked too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Worker } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';
import { launchBrowser } from '../support/browser.ts';
import { builtSite, siteUrl as urlOf } from '../support/built-sites.ts';
import { onePerTemplate } from '../support/templates.ts';
import { address, cspViolations, NOT_FOUND_PAGE, recordCspViolations, UNKNOWN_PATH, type CspViolation } from './helpers.ts';

const siteUrl = urlOf('site');

const SITES = [{ name: 'the hostile fixture site', url: urlOf('hostile'), pages: onePerTemplate(builtSite('hostile').dir) }];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------------------
// In Chromium
// ---------------------------------------------------------------------------------------------------

declare global {
  interface Window {
    __injected?: boolean;
  }
}

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Every request the page and its workers made or tried to make, as full URLs. */
  requests: string[];
  /** Requests that failed, with why ("https://x/y net::ERR_BLOCKED_BY_CSP"). */
  failed: string[];
  /** Console messages about the Content Security Policy. */
  cspConsole: string[];
  /** The violations the page's listener recorded, read now. */
  violations(): Promise<CspViolation[]>;
  close(): Promise<void>;
}

/** Console messages Chromium writes when its policy blocks something. */
const CSP_MESSAGE = /Content Security Policy|Refused to (?:load|execute|apply|connect|compile|create|frame)/i;

/** A page in a fresh context that records violations, CSP console messages and every request. */
async function recorder(options: { initScript?: () => void } = {}): Promise<Opened> {
  const context = await browser.newContext();
  await context.addInitScript(recordCspViolations);
  if (options.initScript) await context.addInitScript(options.initScript);
  const requests: string[] = [];
  const cspConsole: string[] = [];
  const failed: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (CSP_MESSAGE.test(message.text())) cspConsole.push(`${message.type()}: ${message.text()}`);
  });
  page.on('worker', (worker) => {
    // Requests a dedicated worker makes are reported with the page's; its console is its own.
    worker.on('console', (message) => {
      if (CSP_MESSAGE.test(message.text())) cspConsole.push(`worker ${message.type()}: ${message.text()}`);
    });
  });
  return {
    context,
    page,
    requests,
    failed,
    cspConsole,
    violations: () => cspViolations(page),
    close: () => context.close(),
  };
}

/** Opens `url` in a fresh recording context. */
async function open(url: string, options: { initScript?: () => void } = {}): Promise<Opened> {
  const opened = await recorder(options);
  await opened.page.goto(url, { waitUntil: 'load' });
  return opened;
}

/** The requests that went anywhere but `origin` (data: and blob: URLs stay in the page: none are expected either). */
function elsewhere(requests: string[], origin: string): string[] {
  return requests.filter((url) => new URL(url).origin !== origin);
}

/** Every resource a page and its workers fetched, from the browser's own resource timing. */
async function fetchedResources(page: Page): Promise<string[]> {
  const names = () => performance.getEntriesByType('resource').map((entry) => entry.name);
  const inWorkers = await Promise.all(page.workers().map((worker: Worker) => worker.evaluate(names).catch(() => [] as string[])));
  return [...(await page.evaluate(names)), ...inWorkers.flat()];
}

describe.each(SITES)('one page of each template of $name, in Chromium', ({ url: base, pages }) => {
  const origin = new URL(base).origin;
  // One page for the whole site, going from page to page: each load starts a fresh record.
  let opened: Opened;
  beforeAll(async () => {
    opened = await recorder();
  });
  afterAll(async () => {
    await opened?.close();
  });

  it.each(pages)('%s: no violation, no request to another site', async (page) => {
    opened.requests.length = 0;
    opened.failed.length = 0;
    opened.cspConsole.length = 0;
    await opened.page.goto(address(base, page === NOT_FOUND_PAGE ? UNKNOWN_PATH : page), { waitUntil: 'load' });
    // The search page goes on loading Pagefind after the load event: wait for that too.
    if (page === '/search/') await opened.page.waitForLoadState('networkidle');
    expect.soft(await opened.violations(), 'securitypolicyviolation events').toEqual([]);
    expect.soft(opened.cspConsole, 'CSP console messages').toEqual([]);
    expect.soft(elsewhere(opened.requests, origin), 'requests to another origin').toEqual([]);
    expect.soft(opened.requests.length, 'requests seen').toBeGreaterThan(0);
    // The inline script ran: the policy allows it by its hash.
    expect.soft(await opened.page.locator('body').getAttribute('class')).toMatch(/\bjs-enabled\b/);
  });
});

/** The search page, run as a reader runs it: a term, then a filter. */
async function searchTermThenFilter(page: Page): Promise<{ termStatus: string; filterStatus: string; results: number }> {
  const status = page.locator('#search-status');
  await page.locator('#search-q').fill('staff');
  await page.locator('#search-q').press('Enter');
  await page.waitForFunction(() => /results? for ‘staff’/.test(document.querySelector('#search-status')?.textContent ?? ''));
  const termStatus = (await status.textContent()) ?? '';

  const toggle = page.locator('#search-filters-toggle');
  if (await toggle.isVisible()) await toggle.click();
  const priority = page.locator('#search-filters input[type="checkbox"][name="category"][value="Priority"]');
  await priority.check();
  await page.waitForFunction((before) => document.querySelector('#search-status')?.textContent !== before, termStatus);
  const filterStatus = (await status.textContent()) ?? '';
  const results = await page.locator('#search-results > li').count();
  return { termStatus, filterStatus, results };
}

describe('the search page under the policy', () => {
  const origin = new URL(siteUrl).origin;

  it('searches for a term and filters, with Pagefind in its worker, with no violation and nothing from another site', async () => {
    const opened = await open(address(siteUrl, '/search/'));
    try {
      const { termStatus, filterStatus, results } = await searchTermThenFilter(opened.page);
      expect(termStatus).toMatch(/^\d+ results? for ‘staff’$/);
      expect(filterStatus).toMatch(/^\d+ results? for ‘staff’$/);
      expect(filterStatus).not.toBe(termStatus);
      expect(results).toBeGreaterThan(0);
      await opened.page.waitForLoadState('networkidle');

      const fetched = [...opened.requests, ...(await fetchedResources(opened.page))];
      // Pagefind really ran: its script, its worker, its WebAssembly and its index were all fetched.
      for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-worker.js', '.pagefind']) {
        expect(fetched.some((u) => u.includes(file)), `a request for ${file} in:\n${fetched.join('\n')}`).toBe(true);
      }
      expect(fetched.some((u) => /\/pagefind\/wasm\.[^/]+\.pagefind$/.test(u)), 'the WebAssembly file').toBe(true);
      expect(await opened.violations(), 'securitypolicyviolation events').toEqual([]);
      expect(opened.cspConsole, 'CSP console messages').toEqual([]);
      expect(elsewhere(fetched, origin), 'requests to another origin').toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('searches for a term and filters with Pagefind\'s WebAssembly in the page itself (no Worker), with no violation', async () => {
    const opened = await open(address(siteUrl, '/search/'), { initScript: removeWorker });
    try {
      const { termStatus, filterStatus, results } = await searchTermThenFilter(opened.page);
      expect(termStatus).toMatch(/^\d+ results? for ‘staff’$/);
      expect(filterStatus).toMatch(/^\d+ results? for ‘staff’$/);
      expect(results).toBeGreaterThan(0);
      expect(opened.page.workers(), 'workers').toEqual([]);
      expect(opened.requests.some((u) => /\/pagefind\/wasm\.[^/]+\.pagefind$/.test(u)), 'the page fetched the WebAssembly').toBe(true);
      expect(await opened.violations(), 'securitypolicyviolation events').toEqual([]);
      expect(opened.cspConsole, 'CSP console messages').toEqual([]);
      expect(elsewhere(opened.requests, origin), 'requests to another origin').toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

/** Takes Worker away before the page's scripts run, so Pagefind falls back to the main thread. */
function removeWorker() {
  Object.defineProperty(window, 'Worker', { value: undefined, configurable: true, writable: true });
}

describe('the policy is enforced (so the tests above can fail)', () => {
  it('blocks an injected inline script, inline style and third-party image, and reports each', async () => {
    const opened = await open(address(siteUrl, '/'));
    try {
      await opened.page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true;';
        document.body.append(script);
        document.body.setAttribute('style', 'outline: 5px solid red');
        const image = document.createElement('img');
        image.src = 'https://example.com/tracker.png';
        document.body.append(image);
      });
      await opened.page.waitForFunction(() => (window.__cspViolations ?? []).length >= 3);
      expect(await opened.page.evaluate(() => window.__injected), 'the injected script ran').toBeUndefined();
      const directives = (await opened.violations()).map((v) => v.directive).sort();
      expect(directives).toEqual(['img-src', 'script-src-elem', 'style-src-attr']);
      expect(opened.cspConsole.length, 'CSP console messages').toBeGreaterThanOrEqual(3);
      // The image was tried, and blocked by the policy before it reached the network.
      expect(opened.failed.filter((f) => f.startsWith('https://example.com/'))).toEqual([expect.stringMatching(/^https:\/\/example\.com\/tracker\.png .*CSP/i)]);
    } finally {
      await opened.close();
    }
  });

  it('without \'wasm-unsafe-eval\', Pagefind\'s WebAssembly in the page is blocked and reported', async () => {
    const withoutWasm = CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", '');
    expect(withoutWasm).not.toBe(CONTENT_SECURITY_POLICY);
    const context = await browser.newContext();
    try {
      await context.addInitScript(recordCspViolations);
      await context.addInitScript(removeWorker);
      // The search page as served, with the policy's one source taken out.
      let replaced = false;
      await context.route(address(siteUrl, '/search/'), async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/(http-equiv="Content-Security-Policy" content=")[^"]+"/, `$1${withoutWasm}"`);
        replaced = html.includes(withoutWasm);
        await route.fulfill({ response, body: html });
      });
      const page = await context.newPage();
      await page.goto(address(siteUrl, '/search/'));
      expect(replaced, 'the served page had its policy changed').toBe(true);
      await page.waitForFunction(() => (window.__cspViolations ?? []).some((v) => v.blocked === 'wasm-eval'), undefined, { timeout: 20_000 });
      const violations = await page.evaluate(() => window.__cspViolations ?? []);
      expect(violations.map((v) => `${v.directive} ${v.blocked}`)).toContain('script-src wasm-eval');
    } finally {
      await context.close();
    }
  });
});
