/**
 * axe-core's WCAG 2.2 AA rules on one page of each template of the real site
 * (tests/support/templates.ts), on a desktop screen and on a phone, and the plan page (the longest,
 * with the most official text) fitting a phone without scrolling sideways. Every page's markup is
 * validated by html-validate (tests/build/html-validate.test.ts); the progress pages have axe of
 * their own (tests/browser/progress.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { builtSite, siteUrl } from '../support/built-sites.ts';
import { onePerTemplate } from '../support/templates.ts';
import { address, axeViolations, DESKTOP, PHONE, PLAN_PATH, visit } from './helpers.ts';

const url = siteUrl('site');
const pages = onePerTemplate(builtSite('site').dir);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('one page of each template of the real site', () => {
  it('has a plan page, a theme page and the 404 page to check', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/404.html', '/search/']));
    expect(pages.some((p) => /^\/plans\/[^/]+\/$/.test(p)), 'a plan page').toBe(true);
    expect(pages.some((p) => /^\/themes\/[^/]+\/$/.test(p)), 'a theme page').toBe(true);
  });

  describe.each([
    ['desktop (1280 px wide)', DESKTOP],
    ['phone (390×844)', PHONE],
  ] as const)('axe on a %s', (_, viewport) => {
    it.each(pages)('%s has no violations', async (path) => {
      const { page, close } = await visit(browser, address(url, path), { viewport });
      try {
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await close();
      }
    });
  });
});

describe('the plan page on a phone', () => {
  it('does not scroll sideways at 390 px wide', async () => {
    const { page, close } = await visit(browser, address(url, PLAN_PATH), { viewport: PHONE });
    try {
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
    } finally {
      await close();
    }
  });
});
