/**
 * Search that finds what readers mean (issue 14), on the real content: nonsense finds nothing and
 * says so, the two forms of a word find the same concerns, the establishment page searches its
 * own prison, and the search page does not move as its results arrive (issue 11: layout shift 0).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteUrl as builtSiteUrl } from '../support/built-sites.ts';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/content/load.ts';
import { ROOT } from '../support/build-site.ts';
import { address, browserForFile, DESKTOP, PHONE, visit } from './helpers.ts';

const siteUrl = builtSiteUrl('site');
const loaded = loadContent(path.join(ROOT, 'content'));
if (!loaded.ok) throw new Error('The content does not load.');
const site = loaded.site;

/** The searches load into the tab; the layout-shift tests watch a first visit of their own. */
const chromium = browserForFile();

/** Waits for the page's count, and gives it with the links of the results shown. */
async function results(page: Page): Promise<{ status: string; links: string[] }> {
  await page.waitForFunction(() => /^\d+ results?\b/.test(document.querySelector('#search-status')?.textContent ?? ''));
  return page.evaluate(() => ({
    status: document.querySelector('#search-status')?.textContent ?? '',
    links: [...document.querySelectorAll('#search-results a.app-search-result__link')].map((a) => a.getAttribute('href') ?? '').sort(),
  }));
}

async function search(query: string): Promise<{ status: string; links: string[]; help: string; problems: string[] }> {
  const opened = await chromium.tab.visit(address(siteUrl, `/search/?${new URLSearchParams({ q: query })}`));
  const shown = await results(opened.page);
  const help = (await opened.page.locator('#search-none').isVisible()) ? await opened.page.locator('#search-none').innerText() : '';
  return { ...shown, help, problems: opened.problems };
}

describe('words the content does not have', () => {
  it.each(['aaaaaaaa', 'zzzz', '<img src=x onerror=alert(1)>'])('“%s” finds nothing, and the page says how to search better', async (query) => {
    const shown = await search(query);
    expect(shown.status).toBe(`0 results for ‘${query}’`);
    expect(shown.links).toEqual([]);
    expect(shown.help).toContain('There are no matching results.');
    for (const advice of ['removing filters', 'double-checking your spelling', 'using fewer words']) expect(shown.help).toContain(advice);
    expect(shown.problems).toEqual([]);
  });

  it('links to the theme pages from the “no results” help', async () => {
    const opened = await chromium.tab.visit(address(siteUrl, '/search/?q=zzzz'));
    await results(opened.page);
    const links = await opened.page.locator('#search-none a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    const used = site.themes.filter((t) => site.plans.some((p) => p.concerns.some((c) => c.themes.some((ct) => ct.id === t.id))));
    expect(links).toEqual(used.map((t) => [t.label, `/themes/${t.id}/`]));
  });
});

describe('the two forms of a term find the same concerns', () => {
  it.each([
    ['healthcare', 'health care'],
    ['POM', 'prison offender manager'],
    ['keywork', 'key work'],
    ['CSU', 'Care and Separation Unit'],
  ])('“%s” and “%s”', async (one, other) => {
    const [a, b] = [await search(one), await search(other)];
    expect(a.links.length).toBeGreaterThan(0);
    expect(b.links).toEqual(a.links);
  });
});

describe('search from the establishment page', () => {
  it('lands on results filtered to that prison', async () => {
    const establishment = site.establishments.find((e) => e.plans.length > 0)!;
    const opened = await chromium.tab.visit(address(siteUrl, `/establishments/${establishment.id}/`));
    const { page } = opened;
    await page.getByLabel(`Search the action plans for ${establishment.name}`).fill('reading');
    await Promise.all([page.waitForURL(/\/search\//), page.getByRole('search').last().getByRole('button', { name: 'Search' }).click()]);
    const shown = await results(page);
    expect(new URL(page.url()).searchParams.getAll('establishment')).toEqual([establishment.name]);
    expect(await page.locator(`#search-filters input[name="establishment"][value="${establishment.name}"]`).isChecked()).toBe(true);
    expect(await page.locator('#search-chosen-list').innerText()).toContain(`Establishment: ${establishment.name}`);
    expect(shown.links.length).toBeGreaterThan(0);
    expect(shown.links.every((link) => establishment.plans.some((p) => link.startsWith(`/plans/${p.id}/`)) || link === `/establishments/${establishment.id}/`)).toBe(true);
    expect(opened.problems).toEqual([]);
  });
});

describe('a result whose match is in an owner', () => {
  it('says which responsible owners matched', async () => {
    // Concern 10 of the Chelmsford plan: two of its owners have HMPPS Estates in them, one does not.
    const opened = await chromium.tab.visit(address(siteUrl, '/search/?q=HMPPS+Estates'));
    await results(opened.page);
    const owners = opened.page.locator('#search-results .app-search-result__owners').first();
    expect(await owners.innerText()).toBe('Matches the responsible owners: GFSL, HMPPS Estates, MoJ Property Services.; HMPPS Estates');
  });

  it('says nothing of owners when the match is not in one', async () => {
    const opened = await chromium.tab.visit(address(siteUrl, '/search/?q=kitchen'));
    await results(opened.page);
    expect(await opened.page.locator('#search-results .app-search-result__owners').count()).toBe(0);
  });
});

describe('layout shift (issue 11: nothing moves as results and counts arrive)', () => {
  /** Opens /search/?q=self-harm, waits for results and counts, and gives every layout shift's elements. */
  async function shifts(viewport: typeof PHONE): Promise<{ value: number; inFilters: boolean[] }[]> {
    const opened = await visit(chromium.browser, address(siteUrl, '/search/?q=self-harm'), {
      viewport,
      beforeLoad: (page) =>
        page.addInitScript(() => {
          const w = window as unknown as { shifts: { value: number; inFilters: boolean[] }[] };
          w.shifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] })[]) {
              if (entry.hadRecentInput) continue;
              w.shifts.push({
                value: entry.value,
                inFilters: entry.sources.map((source) => !!(source.node instanceof Element && source.node.closest('#search-filters'))),
              });
            }
          }).observe({ type: 'layout-shift', buffered: true });
        }),
    });
    try {
      await results(opened.page);
      // The counts come after the results, when the filters are on the screen: wait for them to be drawn.
      await opened.page.waitForFunction(
        () => !document.querySelector('#search-filters')?.hasAttribute('aria-busy') || getComputedStyle(document.querySelector('#search-filters')!).display === 'none',
      );
      await opened.page.waitForTimeout(500);
      expect(opened.problems).toEqual([]);
      return await opened.page.evaluate(() => (window as unknown as { shifts: { value: number; inFilters: boolean[] }[] }).shifts);
    } finally {
      await opened.close();
    }
  }

  it('is 0 on /search/?q=self-harm on a phone, as Lighthouse measures it', async () => {
    expect(await shifts(PHONE)).toEqual([]);
  });

  it('on a desktop, moves nothing but the filter options the counts hide (those that would give no results)', async () => {
    for (const shift of await shifts(DESKTOP)) expect(shift.inFilters.every(Boolean), JSON.stringify(shift)).toBe(true);
  });
});
