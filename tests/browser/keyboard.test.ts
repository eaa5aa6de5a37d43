/**
 * The plan page with the keyboard alone: the skip link comes first and takes the reader into the
 * main content, and the contents list takes them to a concern.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { siteUrl as urlOf } from '../support/built-sites.ts';
import { address, focused, isSeen, PLAN_PATH, tabTo, visit, type Visit } from './helpers.ts';

const siteUrl = urlOf('site');

/** The concern the contents test goes to: one far enough down that the page has to scroll. */
const CONCERN = 10;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Each test starts from a fresh load of the plan page, with nothing focused yet. */
async function freshPlanPage(): Promise<Visit> {
  return visit(browser, address(siteUrl, PLAN_PATH));
}

describe('the skip link on the plan page', () => {
  it('is the first thing Tab reaches, and shows itself saying "Skip to main content"', async () => {
    const { page, close } = await freshPlanPage();
    try {
      await page.keyboard.press('Tab');
      const onSkipLink = await page.evaluate(() => document.activeElement?.matches('a.govuk-skip-link') ?? false);
      expect(onSkipLink, `focus is on ${await focused(page)}`).toBe(true);
      expect(await isSeen(page, '.govuk-skip-link')).toBe(true);
      expect(await page.locator('.govuk-skip-link').innerText()).toBe('Skip to main content');
    } finally {
      await close();
    }
  });

  it('moves focus to the main content on Enter, and the next Tab stays inside it', async () => {
    const { page, close } = await freshPlanPage();
    try {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const onMain = await page.evaluate(() => document.activeElement === document.querySelector('main#main-content'));
      expect(onMain, `focus is on ${await focused(page)}`).toBe(true);

      await page.keyboard.press('Tab');
      const insideMain = await page.evaluate(() => {
        const main = document.querySelector('main#main-content');
        return !!main && main !== document.activeElement && main.contains(document.activeElement);
      });
      expect(insideMain, `Tab went to ${await focused(page)}`).toBe(true);
    } finally {
      await close();
    }
  });
});

describe('the contents list on the plan page', () => {
  it(`takes a keyboard user to concern ${CONCERN}`, async () => {
    const { page, close } = await freshPlanPage();
    const anchor = `concern-${CONCERN}`;
    try {
      await tabTo(page, `.app-contents-list a[href="#${anchor}"]`);
      await page.keyboard.press('Enter');

      // The concern is the page's target, scrolled to the top half of the window.
      await page.waitForFunction((id) => {
        const top = document.getElementById(id)?.getBoundingClientRect().top ?? Infinity;
        return top > -2 && top < window.innerHeight / 2;
      }, anchor);
      expect(await page.evaluate(() => window.location.hash)).toBe(`#${anchor}`);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(anchor);
      expect(await page.locator(`#${anchor} h3`).innerText()).toContain(`Concern ${CONCERN}`);

      // Tab carries on from the concern, not from the contents list.
      await page.keyboard.press('Tab');
      const inConcern = await page.evaluate((id) => !!document.getElementById(id)?.contains(document.activeElement), anchor);
      expect(inConcern, `Tab went to ${await focused(page)}`).toBe(true);
    } finally {
      await close();
    }
  });
});
