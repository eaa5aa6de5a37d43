/**
 * Small helpers shared by the browser tests: where a page is, opening it in a fresh context while
 * recording everything that went wrong on the way, and reading an element the way a reader sees it.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page, Response, ViewportSize } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

export const DESKTOP: ViewportSize = { width: 1280, height: 800 };
export const PHONE: ViewportSize = { width: 390, height: 844 };

/** The plan page of the real site, and of the hostile fixture site. */
export const PLAN_PATH = '/plans/chelmsford-2024/';
export const HOSTILE_PLAN_PATH = '/plans/hostile-2024/';

/** The 404 page, and an address the site does not have, where a reader meets it. */
export const NOT_FOUND_PAGE = '/404.html';
export const UNKNOWN_PATH = '/no-such-page/';

/** The full address of a site path ("/plans/x/") on a served site ("http://127.0.0.1:1234/"). */
export function address(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), siteUrl).href;
}

export interface Visit {
  context: BrowserContext;
  page: Page;
  /** The response to the page itself. */
  response: Response | null;
  /** Console errors, uncaught exceptions, failed requests and HTTP errors, in the order they happened. */
  problems: string[];
  close(): Promise<void>;
}

export interface VisitOptions {
  viewport?: ViewportSize;
  /**
   * The status the page itself is expected to have, where it is not 200 (a 404 page). Chromium logs
   * a console error for a document with an error status: that one is expected, not a problem.
   */
  documentStatus?: number;
  /** Called with the page before it loads, to listen for what happens while it does; awaited when it returns a promise. */
  beforeLoad?: (page: Page) => unknown;
}

/** What one visit records: the address and status it expects, and what went wrong on the way. */
interface Recording {
  url: string;
  documentStatus?: number;
  problems: string[];
}

/**
 * Listens to `page` for the rest of its life, writing every console error, page error, failed
 * request, HTTP error response and request to another origin into the visit under way (`current()`).
 */
function recordProblems(page: Page, current: () => Recording): void {
  const expectedError = (u: string, status: number) => u === current().url && status === current().documentStatus;
  const problem = (text: string) => current().problems.push(text);

  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    const documentStatus = /status of (\d{3})/.exec(message.text())?.[1];
    if (documentStatus && expectedError(where, Number(documentStatus))) return;
    problem(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problem(`page error: ${error.message}`));
  // While the page reloads or moves on, the browser cuts short the old document's requests still on
  // their way (net::ERR_ABORTED, reported just before the new document arrives): that is how
  // navigation works, not a fault. Same-page address changes (pushState) are not navigations here.
  let loaded = false;
  let leaving = false;
  page.on('domcontentloaded', () => {
    loaded = true;
    leaving = false;
  });
  page.on('request', (request) => {
    if (loaded && request.isNavigationRequest() && request.frame() === page.mainFrame()) leaving = true;
    // Every page keeps to its own site: no font, script, image or beacon from anywhere else
    // (the Content Security Policy forbids them too; tests/browser/csp.test.ts shows it is enforced).
    const { protocol, origin } = new URL(request.url());
    if (/^https?:$/.test(protocol) && origin !== new URL(current().url).origin) problem(`request to another site: ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    const errorText = request.failure()?.errorText;
    if (leaving && errorText === 'net::ERR_ABORTED') return;
    problem(`request failed: ${request.url()} (${errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !expectedError(r.url(), r.status())) problem(`HTTP ${r.status()}: ${r.url()}`);
  });
}

/**
 * Opens `url` in a new context (a reader arriving fresh: no history, no cache) and waits for it to
 * load, recording every console error, page error, failed request and HTTP error on the way.
 */
export async function visit(browser: Browser, url: string, options: VisitOptions = {}): Promise<Visit> {
  const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP });
  await context.addInitScript(recordCspViolations);
  const page = await context.newPage();
  const record: Recording = { url, documentStatus: options.documentStatus, problems: [] };
  recordProblems(page, () => record);
  await options.beforeLoad?.(page);
  const response = await page.goto(url, { waitUntil: 'load' });
  return { context, page, response, problems: record.problems, close: () => context.close() };
}

/** A Content Security Policy violation, as the page's own listener recorded it (see recordCspViolations). */
export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
  where: string;
}

declare global {
  interface Window {
    __cspViolations?: CspViolation[];
  }
}

/** Runs in every page before any of its own scripts (an init script): keeps every CSP violation it reports. */
export function recordCspViolations() {
  window.__cspViolations = [];
  window.addEventListener(
    'securitypolicyviolation',
    (event) => {
      window.__cspViolations!.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        where: `${event.sourceFile}:${event.lineNumber}`,
      });
    },
    true,
  );
}

/** The violations of the Content Security Policy the page has reported since it loaded. */
export function cspViolations(page: Page): Promise<CspViolation[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

/** A page kept open for many visits, one after another (see openTab). */
export interface Tab {
  /** Loads `url` into the tab, at `viewport` (desktop by default); the visit's close() leaves the tab open for the next. */
  visit(url: string, options?: Omit<VisitOptions, 'beforeLoad'>): Promise<Visit>;
  close(): Promise<void>;
}

/**
 * One page that goes from address to address, as a reader clicking through the site does. Opening a
 * page costs Chromium a renderer process (0.4 s on a quiet 2-core machine, seconds on a busy one);
 * loading an address into an open page costs only the load. Tests that read what a page shows when
 * it has loaded share a tab; tests about history, the requests of a first visit or a reader's fresh
 * session use visit().
 */
export async function openTab(browser: Browser): Promise<Tab> {
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.addInitScript(recordCspViolations);
  const page = await context.newPage();
  let record: Recording = { url: 'about:blank', problems: [] };
  recordProblems(page, () => record);
  return {
    async visit(url, options = {}) {
      // A test may have resized the page since (to cross a breakpoint): set it whenever it differs.
      const wanted = options.viewport ?? DESKTOP;
      const now = page.viewportSize();
      if (wanted.width !== now?.width || wanted.height !== now?.height) await page.setViewportSize(wanted);
      // Leave the last page first, so nothing it was still doing is counted against this one.
      await page.goto('about:blank');
      record = { url, documentStatus: options.documentStatus, problems: [] };
      const response = await page.goto(url, { waitUntil: 'load' });
      return { context, page, response, problems: record.problems, close: async () => {} };
    },
    close: () => context.close(),
  };
}

/** Each promise made once per key: requests and page loads shared by every test of a file. */
export function memoize<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, load(key));
    return cache.get(key)!;
  };
}

/**
 * Whether a sighted reader can see the element: a box bigger than the 1×1 pixel that GOV.UK's
 * visually-hidden classes leave, and not clipped away. (Playwright's isVisible counts that pixel.)
 */
export async function isSeen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const clipped = style.clipPath.startsWith('inset(50%') || style.clip === 'rect(0px, 0px, 0px, 0px)';
    return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && !clipped;
  });
}

/**
 * An action's row in a plan page's table of actions as a reader sees it: each cell's text under the
 * name of its column in the table's header row, white space collapsed. `anchor` is the action's
 * anchor, the row's id ("concern-1-action-2").
 */
export async function actionCells(page: Page, anchor: string): Promise<Record<string, string>> {
  return page.locator(`tr#${anchor}`).evaluate((row: HTMLTableRowElement) => {
    const text = (cell: HTMLElement) => cell.innerText.replace(/\s+/g, ' ').trim();
    const columns = [...row.closest('table')!.tHead!.rows[0]!.cells].map(text);
    return Object.fromEntries([...row.cells].map((cell, i) => [columns[i], text(cell)]));
  });
}

/** The element that has focus, described for test messages: tag, id, classes and href. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return 'nothing';
    const id = element.id ? `#${element.id}` : '';
    const classes = [...element.classList].map((c) => `.${c}`).join('');
    const href = element.getAttribute('href');
    return `${element.tagName.toLowerCase()}${id}${classes}${href ? `[href="${href}"]` : ''}`;
  });
}

/** Presses Tab until the focused element matches `selector`, as a keyboard user would; returns the presses. */
export async function tabTo(page: Page, selector: string, maxPresses = 100): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
  }
  throw new Error(`${maxPresses} presses of Tab never reached ${selector}; the last was on ${await focused(page)}`);
}

/** The axe-core tags of WCAG 2.2 AA (A and AA of 2.0, 2.1 and 2.2). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's WCAG 2.2 AA violations on the page as it is now, one line each with the elements that
 * fail, so that a failure says what to fix and where ([] when there are none).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((violation) => {
    const nodes = violation.nodes.map((node) => `\n    at ${node.target.join(' ')}`).join('');
    return `${violation.id} (${violation.impact}): ${violation.help} – ${violation.helpUrl}${nodes}`;
  });
}

/** Chromium and a tab in it, for the tests of one file. */
export interface FileBrowser {
  browser: Browser;
  tab: Tab;
}

/** Opens Chromium and a tab before the file's tests, and closes them after: read both inside a test. */
export function browserForFile(): FileBrowser {
  const opened = {} as FileBrowser;
  beforeAll(async () => {
    opened.browser = await launchBrowser();
    opened.tab = await openTab(opened.browser);
  });
  afterAll(async () => {
    await opened.tab?.close();
    await opened.browser?.close();
  });
  return opened;
}
