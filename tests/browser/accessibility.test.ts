/**
 * axe-core's WCAG 2.2 AA rules on every page of the real site, on a desktop screen and on a phone,
 * and the plan page (the longest, with the most official text) fitting a phone without scrolling
 * sideways.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { sitePages } from '../support/serve.ts';
import { address, DESKTOP, PHONE, PLAN_PATH, visit } from './helpers.ts';

const siteUrl = inject('siteUrl');
const pages = sitePages(inject('siteDir'));

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** One line per violation, with the elements that fail it, so a failure says what to fix and where. */
function describeViolations(violations: Result[]): string[] {
  return violations.map((violation) => {
    const nodes = violation.nodes.map((node) => `\n    at ${node.target.join(' ')}`).join('');
    return `${violation.id} (${violation.impact}): ${violation.help} – ${violation.helpUrl}${nodes}`;
  });
}

describe.each([
  ['desktop (1280 px wide)', DESKTOP],
  ['phone (390×844)', PHONE],
] as const)('axe on a %s', (_, viewport) => {
  it.each(pages)('%s has no violations', async (path) => {
    const { page, close } = await visit(browser, address(siteUrl, path), { viewport });
    try {
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(describeViolations(results.violations)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the plan page on a phone', () => {
  it('does not scroll sideways at 390 px wide', async () => {
    const { page, close } = await visit(browser, address(siteUrl, PLAN_PATH), { viewport: PHONE });
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
