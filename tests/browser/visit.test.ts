/**
 * The page checker every browser test relies on (`visit` in helpers.ts): it must report a request
 * that fails on a page the reader stays on, and must not report the requests the browser itself
 * cuts short when the page reloads or moves on (a search still loading when the reader presses
 * reload). Both are forced here with a held-back or refused request, so neither depends on timing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { siteUrl as urlOf } from '../support/built-sites.ts';
import { address, visit } from './helpers.ts';

const siteUrl = urlOf('site');
const PAGEFIND_META = '**/pagefind/*.pf_meta';
/**
 * How long to wait for what the search does after typing: expect.poll's default of one second is
 * shorter than Pagefind can take to start on a loaded machine.
 */
const POLL = { timeout: 30_000 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the page checker', () => {
  it('does not count a search request cut short by a reload, and the reloaded page has none', async () => {
    let held = 0;
    const opened = await visit(browser, address(siteUrl, '/search/'), {
      // The first request for the search index is held back until the page has gone.
      beforeLoad: (page) =>
        page.route(PAGEFIND_META, async (route: Route) => {
          if (held++ === 0) await new Promise((resolve) => setTimeout(resolve, 3_000));
          await route.continue().catch(() => undefined);
        }),
    });
    const aborted: string[] = [];
    opened.page.on('requestfailed', (request) => aborted.push(request.failure()?.errorText ?? ''));
    try {
      await opened.page.locator('#search-q').fill('health');
      await expect.poll(() => held, POLL).toBeGreaterThan(0);
      await opened.page.reload({ waitUntil: 'load' });
      await opened.page.locator('#search-q').fill('health');
      await expect.poll(() => opened.page.locator('#search-results > li').count(), POLL).toBeGreaterThan(0);
      expect(aborted).toContain('net::ERR_ABORTED');
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  for (const code of ['aborted', 'connectionrefused'] as const) {
    it(`reports a search request that fails (${code}) on a page the reader stays on`, async () => {
      const opened = await visit(browser, address(siteUrl, '/search/'), {
        beforeLoad: (page) => page.route(PAGEFIND_META, (route) => route.abort(code)),
      });
      try {
        await opened.page.locator('#search-q').fill('health');
        await expect.poll(() => opened.problems.some((problem) => /^request failed: .*\.pf_meta/.test(problem)), POLL).toBe(true);
      } finally {
        await opened.close();
      }
    });
  }
});
