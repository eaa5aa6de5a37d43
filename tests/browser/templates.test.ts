/**
 * One page of each template of the real site (tests/support/templates.ts), opened in Chromium with its
 * scripts running, on a desktop screen and on a phone. Each page is loaded once a screen and checked for
 * everything a reader would meet there:
 *
 * - it loads cleanly: the status it should have, no console error, failed request or request to
 *   another site, no Content Security Policy violation, and its inline script ran (allowed by hash);
 * - axe-core's WCAG 2.2 AA rules find nothing;
 * - on the desktop, the page template's landmarks, one h1, a title and the language, and every link on
 *   it to the site goes somewhere that exists, as the browser builds the page;
 * - and the plan page (the longest, with the most official text) fits a phone without scrolling sideways.
 *
 * Every page's file is read for the same landmarks and a title of its own in tests/build/pages.test.ts,
 * for links in tests/build/links.test.ts, through html-validate, and for the policy in
 * tests/build/csp-html.test.ts; the hostile site's pages and the search page under the policy are in
 * tests/browser/csp.test.ts, and the progress pages have axe of their own (tests/browser/progress.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtSite, siteUrl as urlOf } from '../support/built-sites.ts';
import { onePerTemplate } from '../support/templates.ts';
import { address, axeViolations, browserForFile, cspViolations, DESKTOP, memoize, NOT_FOUND_PAGE, openTab, PHONE, PLAN_PATH, UNKNOWN_PATH, type Tab } from './helpers.ts';

const siteUrl = urlOf('site');
const pages = onePerTemplate(builtSite('site').dir);

const chromium = browserForFile();

/** The status of each address on the site, requested once for the whole file. */
const statusOf = memoize(async (url) => {
  const response = await fetch(url, { redirect: 'manual' });
  await response.arrayBuffer();
  return response.status;
});

function idsOf(page: Page): Promise<string[]> {
  return page.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id));
}

/** The ids of every element of another page, as the browser builds it, loaded once for the whole file. */
let other: Tab | undefined;
const idsOn = memoize(async (url) => {
  other ??= await openTab(chromium.browser);
  const { page } = await other.visit(url);
  return new Set(await idsOf(page));
});
afterAll(async () => {
  await other?.close();
});

/** Every link on the page to this site that does not lead to a page, or to a part of one, that exists. */
async function brokenLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('a[href], link[href]').evaluateAll((elements) =>
    elements.map((element) => (element as HTMLAnchorElement | HTMLLinkElement).href),
  );
  const here = new URL(page.url());
  here.hash = '';
  const ownIds = new Set(await idsOf(page));
  const broken: string[] = [];

  for (const href of new Set(hrefs)) {
    const url = new URL(href);
    if (url.origin !== new URL(siteUrl).origin) continue;
    const fragment = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    const samePage = url.href === here.href;
    if (!samePage) {
      const status = await statusOf(url.href);
      if (status !== 200) {
        broken.push(`${href}: HTTP ${status}`);
        continue;
      }
    }
    if (fragment && !(samePage ? ownIds : await idsOn(url.href)).has(fragment)) {
      broken.push(`${href}: no element has the id "${fragment}"`);
    }
  }
  return broken;
}

describe('one page of each template of the real site', () => {
  it('has the pages the site is built around to check: a plan page, a theme page, the search page and the 404 page', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', PLAN_PATH, NOT_FOUND_PAGE, '/search/']));
    expect(pages.some((p) => /^\/themes\/[^/]+\/$/.test(p)), 'a theme page').toBe(true);
  });

  describe.each([
    ['desktop (1280 px wide)', DESKTOP],
    ['phone (390×844)', PHONE],
  ] as const)('on a %s', (_, viewport) => {
    it.each(pages)('%s loads cleanly and axe finds no violation', async (path) => {
      // The 404 page as a reader meets it: at an address the site does not have.
      const notFound = path === NOT_FOUND_PAGE;
      const { page, response, problems } = await chromium.tab.visit(address(siteUrl, notFound ? UNKNOWN_PATH : path), {
        viewport,
        ...(notFound ? { documentStatus: 404 } : {}),
      });
      // The search page goes on loading Pagefind after the load event: wait for that too.
      if (path === '/search/') await page.waitForLoadState('networkidle');

      expect.soft(response?.status(), 'HTTP status').toBe(notFound ? 404 : 200);
      expect.soft(problems, 'console errors, page errors, failed requests and requests to another site').toEqual([]);
      expect.soft(await cspViolations(page), 'Content Security Policy violations').toEqual([]);
      // The inline script ran: the policy allows it by its hash.
      expect.soft(await page.locator('body').getAttribute('class')).toMatch(/\bjs-enabled\b/);
      expect.soft(await axeViolations(page), 'axe (WCAG 2.2 AA)').toEqual([]);
      if (viewport !== DESKTOP) return;

      if (notFound) expect.soft(await page.locator('h1').innerText()).toBe('Page not found');
      expect.soft(await page.locator('h1').count(), 'number of h1 headings').toBe(1);
      expect.soft((await page.title()).trim(), 'title').not.toBe('');
      expect.soft(await page.locator('html').getAttribute('lang')).toBe('en');
      expect.soft(await page.locator('main#main-content').count(), 'main#main-content').toBe(1);
      expect.soft(await brokenLinks(page), 'links to the site that go nowhere').toEqual([]);
    });
  });
});

describe('the plan page on a phone', () => {
  it('does not scroll sideways at 390 px wide', async () => {
    const { page } = await chromium.tab.visit(address(siteUrl, PLAN_PATH), { viewport: PHONE });
    const { scrollWidth, innerWidth, overflowing } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      // Where it does, the elements that stick out say why.
      overflowing: [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 10)
        .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`),
    }));
    expect(scrollWidth, `wider than the screen: ${overflowing.join(', ')}`).toBeLessThanOrEqual(innerWidth);
  });
});
