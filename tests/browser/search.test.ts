/**
 * The search page in Chromium, against the real site: a search for a word, every filter group,
 * filters combined, the counts beside options, the address (reload, back and forward), the live
 * region, chosen filters, the keyboard alone, the header's search box, a phone, axe, and the pages
 * that browse the same content without JavaScript. (axe on the pages that browse without JavaScript,
 * /themes/ and a theme page, is in tests/browser/templates.test.ts, with one page of every template.)
 *
 * Every number and every set of results expected here is worked out from the content model
 * (`loadContent`), never typed in: when the content changes, the expectations change with it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, ViewportSize } from 'playwright-core';
import { loadContent } from '../../src/content/load.ts';
import type { Concern, Establishment, Plan, Site } from '../../src/content/model.ts';
import { themeCounts } from '../../src/content/queries.ts';
import { NOT_STATED } from '../../src/components/wording.ts';
import { siteUrl as urlOf } from '../support/built-sites.ts';
import { ROOT } from '../support/build-site.ts';
import { address, axeViolations, browserForFile, DESKTOP, focused, isSeen, PHONE, tabTo, visit } from './helpers.ts';

const siteUrl = urlOf('site');

/** Most tests load the search page into the tab; tests of what a first visit fetches open their own page. */
const chromium = browserForFile();

// ---------------------------------------------------------------------------------------------------
// What the content says: every record the search can find, with its filter values
// ---------------------------------------------------------------------------------------------------

const loaded = loadContent(path.join(ROOT, 'content'));
if (!loaded.ok) throw new Error(`The content does not load:\n${loaded.problems.map((p) => `${p.file}: ${p.message}`).join('\n')}`);
const site: Site = loaded.site;

const FILTER_NAMES = ['type', 'establishment', 'category', 'theme', 'area', 'status', 'owner', 'target_year', 'plan_year'] as const;
type FilterName = (typeof FILTER_NAMES)[number];
type Selections = Partial<Record<FilterName, string[]>>;

/** The label each group shows, for the "Remove filter Category: Priority" buttons. */
const GROUP_LABELS: Record<FilterName, string> = {
  type: 'Type',
  establishment: 'Establishment',
  category: 'Category',
  theme: 'Theme',
  area: 'Healthy prison area',
  status: 'Status',
  owner: 'Responsible owner',
  target_year: 'Target year',
  plan_year: 'Inspection year',
};

/** Something the search can find: a concern (at its anchor), a plan or an establishment. */
interface Entry {
  url: string;
  type: 'Concern' | 'Plan' | 'Establishment';
  establishment: Establishment;
  plan?: Plan;
  concern?: Concern;
  /** The words it can be found by. */
  text: string;
  filters: Record<FilterName, string[]>;
}

const none = (): Record<FilterName, string[]> =>
  Object.fromEntries(FILTER_NAMES.map((name) => [name, [] as string[]])) as Record<FilterName, string[]>;

/** A concern's category as its filter value: the tag's "Priority concern" is the filter's "Priority". */
const categoryOf = (concern: Concern) => concern.categoryLabel.replace(/ concern$/, '');

const ENTRIES: Entry[] = [
  ...site.establishments.map(
    (establishment): Entry => ({
      url: `/establishments/${establishment.id}/`,
      type: 'Establishment',
      establishment,
      text: [establishment.name, establishment.type, establishment.group, establishment.operator].filter(Boolean).join('\n'),
      filters: { ...none(), type: ['Establishment'], establishment: [establishment.name] },
    }),
  ),
  ...site.plans.map(
    (plan): Entry => ({
      url: `/plans/${plan.id}/`,
      type: 'Plan',
      establishment: plan.establishment,
      plan,
      text: [plan.establishment.name, plan.title, plan.inspection.asWritten, plan.introduction].join('\n'),
      filters: { ...none(), type: ['Plan'], establishment: [plan.establishment.name], plan_year: [String(plan.year)] },
    }),
  ),
  ...site.plans.flatMap((plan) =>
    plan.concerns.map(
      (concern): Entry => ({
        url: `/plans/${plan.id}/#${concern.anchor}`,
        type: 'Concern',
        establishment: plan.establishment,
        plan,
        concern,
        text: [concern.text, ...concern.actions.flatMap((a) => [a.text, a.owner ?? '', a.target ?? ''])].join('\n'),
        filters: {
          type: ['Concern'],
          establishment: [plan.establishment.name],
          category: [categoryOf(concern)],
          theme: concern.themes.map((t) => t.label),
          area: concern.themes.map((t) => t.areaLabel),
          // An action past its target date also puts the concern under "Target date passed".
          status: [...concern.actions.map((a) => a.statusLabel), ...concern.actions.filter((a) => a.targetPassed).map(() => 'Target date passed')],
          owner: concern.actions.map((a) => a.owner ?? NOT_STATED),
          target_year: concern.actions.flatMap((a) => (a.targetMonth ? [a.targetMonth.slice(0, 4)] : [])),
          plan_year: [String(plan.year)],
        },
      }),
    ),
  ),
];

/** Whether `text` has `term` as a word (or phrase) of its own, in any case. */
function says(text: string, term: string): boolean {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** What the content says a search finds: OR within a group, AND across groups and with the term. */
function matching(selections: Selections, term?: string): Entry[] {
  return ENTRIES.filter(
    (entry) =>
      (!term || says(entry.text, term)) &&
      Object.entries(selections).every(
        ([name, values]) => !values?.length || values.some((value) => entry.filters[name as FilterName].includes(value)),
      ),
  );
}

/** Every value of a group that some entry has, sorted. */
function valuesOf(name: FilterName): string[] {
  return [...new Set(ENTRIES.flatMap((entry) => entry.filters[name]))].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }));
}

/** "1 result", "9 results for ‘staff’": what the live region says. */
function countText(count: number, term?: string): string {
  const results = `${count} ${count === 1 ? 'result' : 'results'}`;
  return term ? `${results} for ‘${term}’` : results;
}

const plural = (count: number, word: string) => `${count} ${count === 1 ? word : `${word}s`}`;
const urls = (entries: Entry[]) => entries.map((e) => e.url).sort();
const concernsWith = (themeLabel: string) => matching({ theme: [themeLabel] });

/** The word the issue asks about, and a commoner one that finds concerns of both categories. */
const SELF_HARM = 'self-harm';
const TERM = 'staff';
/** The owner the issue names. */
const OWNER = 'Head of Healthcare';
const PRIORITY = 'Priority';

/** The two themes most concerns have, the second chosen so that together they find more than either. */
const THEMES_BY_USE = valuesOf('theme').sort((a, b) => concernsWith(b).length - concernsWith(a).length);
const THEME_A = THEMES_BY_USE[0]!;
const THEME_B = THEMES_BY_USE.find((t) => t !== THEME_A && concernsWith(t).some((e) => !concernsWith(THEME_A).includes(e)))!;
/** The category a search for TERM has fewest concerns of, so that ticking it narrows. */
const NARROWING_CATEGORY = valuesOf('category')
  .map((value) => ({ value, count: matching({ category: [value] }, TERM).length }))
  .filter(({ count }) => count > 0)
  .sort((a, b) => a.count - b.count)[0]!.value;

/** Each filter group, with the values the issue asks for (and every value of the small groups). */
const FILTER_CASES: [FilterName, string][] = [
  ...valuesOf('category').map((v): [FilterName, string] => ['category', v]),
  ['theme', THEME_A],
  ['theme', THEME_B],
  ...valuesOf('area').map((v): [FilterName, string] => ['area', v]),
  ...valuesOf('establishment').map((v): [FilterName, string] => ['establishment', v]),
  ['owner', OWNER],
  ...valuesOf('status').map((v): [FilterName, string] => ['status', v]),
  ...valuesOf('target_year').map((v): [FilterName, string] => ['target_year', v]),
  ...valuesOf('plan_year').map((v): [FilterName, string] => ['plan_year', v]),
  ...valuesOf('type').map((v): [FilterName, string] => ['type', v]),
];

describe('the content the expectations come from', () => {
  it('has what these tests need: the word, the owner, two themes and a category that narrows', () => {
    expect(matching({}, SELF_HARM).length).toBeGreaterThan(0);
    expect(matching({}, TERM).length).toBeGreaterThan(matching({ category: [NARROWING_CATEGORY] }, TERM).length);
    expect(valuesOf('owner')).toContain(OWNER);
    expect(valuesOf('category')).toContain(PRIORITY);
    expect(THEME_A).toBeDefined();
    expect(THEME_B).toBeDefined();
  });
});

// ---------------------------------------------------------------------------------------------------
// The search page, as shown
// ---------------------------------------------------------------------------------------------------

/** The address of the search page with a query ("?q=staff&category=Priority", or ""). */
const searchPage = (query = '') => address(siteUrl, `/search/${query}`);

/** The query for a term and filters, the filters one parameter per value. */
function queryOf(selections: Selections, term?: string): string {
  const params = new URLSearchParams();
  if (term) params.append('q', term);
  for (const name of FILTER_NAMES) for (const value of selections[name] ?? []) params.append(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The checkbox of one filter option. */
const box = (page: Page, name: FilterName, value: string) =>
  page.locator(`#search-filters input[type="checkbox"][name="${name}"][value=${JSON.stringify(value)}]`);

/**
 * Waits until the counts beside the options are written and final. The page is built with the
 * counts for nothing chosen; after the first search on a page they are blank, and the filters
 * marked busy, until Pagefind has loaded every filter's index to count them.
 */
async function searchReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('#search-filters')?.hasAttribute('aria-busy') &&
      [...document.querySelectorAll('.app-search-filter__count')].some((count) => count.textContent !== ''),
  );
}

async function statusText(page: Page): Promise<string> {
  return (await page.locator('#search-status').textContent()) ?? '';
}

/**
 * Waits (as long as it takes, up to Playwright's limit) for the page to show `expected`: the live
 * region's words, and a first page of results all among them. It does not fail by itself: the
 * assertions after it say what is wrong when the page never gets there.
 */
async function settle(page: Page, expected: Entry[], term?: string): Promise<void> {
  await page
    .waitForFunction(
      ({ text, wanted, first }) => {
        const links = [...document.querySelectorAll('#search-results a.app-search-result__link')].map((a) => a.getAttribute('href'));
        return (
          document.querySelector('#search-status')?.textContent === text &&
          links.length === first &&
          links.every((link) => wanted.includes(link ?? ''))
        );
      },
      { text: countText(expected.length, term), wanted: urls(expected), first: Math.min(10, expected.length) },
    )
    .catch(() => {});
}

/** Every result's link, pressing "Show more results" until it goes. */
async function allResultLinks(page: Page): Promise<string[]> {
  const more = page.locator('#search-more');
  const items = page.locator('#search-results > li.app-search-result');
  for (let presses = 0; await more.isVisible(); presses++) {
    if (presses > 100) throw new Error('"Show more results" never went away');
    const before = await items.count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li.app-search-result').length > n, before);
  }
  return page.locator('#search-results a.app-search-result__link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** Asserts that the page shows exactly `expected`: the count in the live region, and every result. */
async function expectResults(page: Page, expected: Entry[], term?: string): Promise<void> {
  await settle(page, expected, term);
  expect(await statusText(page), `the live region at ${page.url()}`).toBe(countText(expected.length, term));
  const links = await allResultLinks(page);
  expect(new Set(links).size, `a result shown twice: ${links.join(' ')}`).toBe(links.length);
  expect([...links].sort(), `the results at ${page.url()}`).toEqual(urls(expected));
  expect(await page.locator('#search-more').isVisible()).toBe(false);
  expect(await page.locator('#search-none').isVisible()).toBe(expected.length === 0);
}

/** The address's query as a term and filters. */
function stateOf(page: Page): { q: string | null; filters: Selections } {
  const params = new URL(page.url()).searchParams;
  const filters: Selections = {};
  for (const name of FILTER_NAMES) if (params.getAll(name).length) filters[name] = params.getAll(name);
  return { q: params.get('q'), filters };
}

/** Which boxes are ticked, by group. */
async function ticked(page: Page): Promise<Selections> {
  const boxes = await page
    .locator('#search-filters input[type="checkbox"]:checked')
    .evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]));
  const selections: Selections = {};
  for (const [name, value] of boxes) (selections[name as FilterName] ??= []).push(value!);
  return selections;
}

interface ShownOption {
  /** The number beside it, as written: " (6)". */
  count: string;
  hidden: boolean;
  checked: boolean;
}

/** Every option of every group: its count, and whether it (or its group) is hidden. */
async function shownOptions(page: Page): Promise<Record<string, { hidden: boolean; options: Record<string, ShownOption> }>> {
  await searchReady(page);
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('#search-filters [data-filter]')].map((group) => [
        group.dataset.filter!,
        {
          hidden: group.hidden,
          options: Object.fromEntries(
            [...group.querySelectorAll<HTMLElement>('.govuk-checkboxes__item')].map((item) => {
              const input = item.querySelector('input')!;
              const count = item.querySelector('.app-search-filter__count')?.textContent ?? '';
              return [input.value, { count, hidden: item.hidden, checked: input.checked }];
            }),
          ),
        },
      ]),
    ),
  );
}

/** What each option's count should be in a state: the results of choosing it (alone in its group). */
function expectedCount(selections: Selections, name: FilterName, value: string, term?: string): number {
  return matching({ ...selections, [name]: [value] }, term).length;
}

/**
 * Loads the search page at `query` into the tab, waits for the script, runs `test`, and checks
 * nothing went wrong on the way (console errors, failed requests).
 */
async function onSearchPage(query: string, test: (page: Page) => Promise<void>, viewport: ViewportSize = DESKTOP) {
  const opened = await chromium.tab.visit(searchPage(query), { viewport });
  await searchReady(opened.page);
  await test(opened.page);
  expect(opened.problems).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------
// Searching for a word
// ---------------------------------------------------------------------------------------------------

describe(`a search for “${SELF_HARM}”`, () => {
  const expected = matching({}, SELF_HARM);

  it('finds the concerns whose text or actions say it, each with its establishment, plan, number, category and themes', async () => {
    // The concerns that say it, worked out from the content, in any case (self-harm, Self-Harm).
    const concerns = site.plans.flatMap((plan) =>
      plan.concerns
        .filter((c) => [c.text, ...c.actions.map((a) => a.text)].some((t) => t.toLowerCase().includes(SELF_HARM)))
        .map((concern) => `/plans/${plan.id}/#${concern.anchor}`),
    );
    expect(urls(expected.filter((e) => e.type === 'Concern'))).toEqual(concerns.sort());

    await onSearchPage('', async (page) => {
      await page.locator('#search-q').fill(SELF_HARM);
      await page.locator('#search-submit').click();
      await expectResults(page, expected, SELF_HARM);
      expect(stateOf(page)).toEqual({ q: SELF_HARM, filters: {} });

      const shown = await page.locator('#search-results > li.app-search-result').evaluateAll((items) =>
        items.map((item) => ({
          href: item.querySelector('a.app-search-result__link')?.getAttribute('href') ?? '',
          details: [...item.querySelectorAll('li.app-search-result__detail:not(.app-search-result__detail--category)')].map(
            (li) => li.textContent?.trim() ?? '',
          ),
          category: item.querySelector('.app-search-result__category')?.textContent?.trim(),
          themes: item.querySelector('.app-search-result__theme-list')?.textContent?.trim(),
          marks: [...item.querySelectorAll('p.app-search-result__excerpt mark')].map((mark) => mark.textContent ?? ''),
        })),
      );
      for (const result of shown) {
        const entry = expected.find((e) => e.url === result.href)!;
        if (entry.type !== 'Concern') continue;
        const { establishment, plan, concern } = entry as Required<Entry>;
        expect(result.details[0], result.href).toBe(establishment.name);
        expect(result.details[1], result.href).toContain(establishment.name);
        expect(result.details[1], result.href).toContain(String(plan.year));
        expect(result.details[2], result.href).toBe(`Concern ${concern.number}`);
        expect(result.category, result.href).toBe(concern.categoryLabel);
        expect(result.themes, result.href).toBe(concern.themes.map((t) => t.label).join(', '));
        // The excerpt highlights the word itself.
        expect(result.marks.map((m) => m.toLowerCase()), result.href).toContain(SELF_HARM);
      }
    });
  });

  it('takes the reader from the first result to its concern on the plan page', async () => {
    await onSearchPage(queryOf({}, SELF_HARM), async (page) => {
      await expectResults(page, expected, SELF_HARM);
      const link = page.locator('#search-results a.app-search-result__link').first();
      const href = (await link.getAttribute('href'))!;
      expect(urls(expected.filter((e) => e.type === 'Concern'))).toContain(href);

      await Promise.all([page.waitForURL((url) => url.pathname + url.hash === href), link.click()]);
      await page.waitForLoadState('load');
      const anchor = href.split('#')[1]!;
      const number = Number(anchor.replace('concern-', ''));
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(anchor);
      expect(await page.locator(`#${anchor} h3`).first().innerText()).toContain(`Concern ${number}`);
    });
  });
});

describe('a search with common words', () => {
  it(`“the ${TERM}” finds what “${TERM}” finds, and says the words as typed`, async () => {
    // "the" is in nearly every record: the page leaves it out of the search rather than fetch its index.
    const typed = `the ${TERM}`;
    await onSearchPage('', async (page) => {
      await page.locator('#search-q').fill(typed);
      await page.locator('#search-submit').click();
      await expectResults(page, matching({}, TERM), typed);
      expect(stateOf(page)).toEqual({ q: typed, filters: {} });
    });
  });
});

describe('what the page fetches', () => {
  it('shows the counts it was built with, and fetches no filter index, until something is searched for', async () => {
    const fetched: string[] = [];
    const opened = await visit(chromium.browser, searchPage(), { beforeLoad: (page) => page.on('request', (r) => fetched.push(new URL(r.url()).pathname)) });
    try {
      // Pagefind's WebAssembly and metadata are fetched as the page loads, ready for the first search.
      await opened.page.waitForLoadState('networkidle');
      expect(fetched.some((p) => /^\/pagefind\/wasm\./.test(p)), fetched.join('\n')).toBe(true);
      expect(fetched.some((p) => p.endsWith('.pf_meta')), fetched.join('\n')).toBe(true);
      expect(fetched.filter((p) => p.startsWith('/pagefind/filter/'))).toEqual([]);
      const shown = await shownOptions(opened.page);
      for (const name of FILTER_NAMES) {
        for (const value of valuesOf(name)) expect(shown[name]?.options[value]?.count, `${name}=${value}`).toBe(` (${matching({ [name]: [value] }).length})`);
      }

      // The first search fetches every filter's index for the counts, after its results; later
      // searches need no other.
      const filterIndexes = () => new Set(fetched.filter((p) => p.startsWith('/pagefind/filter/')));
      await box(opened.page, 'category', PRIORITY).check();
      await expectResults(opened.page, matching({ category: [PRIORITY] }));
      await searchReady(opened.page);
      await opened.page.waitForLoadState('networkidle');
      const all = filterIndexes();
      expect(all.size).toBeGreaterThan(1);
      await box(opened.page, 'theme', THEME_A).check();
      await expectResults(opened.page, matching({ category: [PRIORITY], theme: [THEME_A] }));
      await searchReady(opened.page);
      expect(filterIndexes()).toEqual(all);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('on a phone, fetches the filter indexes for the counts only when the reader opens the filters', async () => {
    const selections = { category: [PRIORITY] };
    const fetched: string[] = [];
    const opened = await visit(chromium.browser, searchPage(queryOf(selections, TERM)), {
      viewport: PHONE,
      beforeLoad: (page) => page.on('request', (r) => fetched.push(new URL(r.url()).pathname)),
    });
    const { page } = opened;
    try {
      await expectResults(page, matching(selections, TERM), TERM);
      await page.waitForLoadState('networkidle');
      // Only the index of the filter the search uses.
      const before = fetched.filter((p) => p.startsWith('/pagefind/filter/'));
      expect(before.length).toBeLessThanOrEqual(1);

      await page.locator('#search-filters-toggle').click();
      const shown = await shownOptions(page);
      expect(fetched.filter((p) => p.startsWith('/pagefind/filter/')).length).toBeGreaterThan(before.length);
      for (const name of FILTER_NAMES) {
        for (const value of valuesOf(name)) {
          const count = expectedCount(selections, name, value, TERM);
          expect(shown[name]?.options[value]?.count, `${name}=${value}`).toBe(` (${count})`);
        }
      }
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------------

describe('each filter group, from the address alone', () => {
  it.each(FILTER_CASES)('%s=%s finds exactly the records the content gives that value', async (name, value) => {
    const expected = matching({ [name]: [value] });
    expect(expected.length).toBeGreaterThan(0);
    await onSearchPage(queryOf({ [name]: [value] }), async (page) => {
      await expectResults(page, expected);
      expect(await ticked(page)).toEqual({ [name]: [value] });
      expect(await box(page, name, value).isChecked()).toBe(true);
      const remove = page.getByRole('button', { name: `Remove filter ${GROUP_LABELS[name]}: ${value}`, exact: true });
      expect(await remove.count()).toBe(1);
    });
  });

  it('reads a value in any case: category=priority ticks “Priority” and says so in the address', async () => {
    const expected = matching({ category: [PRIORITY] });
    await onSearchPage(`?category=${PRIORITY.toLowerCase()}`, async (page) => {
      await expectResults(page, expected);
      expect(await ticked(page)).toEqual({ category: [PRIORITY] });
      expect(stateOf(page)).toEqual({ q: null, filters: { category: [PRIORITY] } });
    });
  });
});

describe('filters combined', () => {
  it(`across groups narrow (AND): ${PRIORITY} and ${THEME_A}`, async () => {
    const both = { category: [PRIORITY], theme: [THEME_A] };
    const expected = matching(both);
    expect(expected.length).toBeLessThan(matching({ category: [PRIORITY] }).length);
    expect(expected.length).toBeLessThanOrEqual(matching({ theme: [THEME_A] }).length);
    await onSearchPage(queryOf(both), async (page) => {
      await expectResults(page, expected);
      expect(await ticked(page)).toEqual(both);
    });
  });

  it(`within a group widen (OR): ${THEME_A} or ${THEME_B}`, async () => {
    const either = { theme: [THEME_A, THEME_B].sort((a, b) => a.localeCompare(b, 'en-GB')) };
    const expected = matching(either);
    expect(expected.length).toBeGreaterThan(matching({ theme: [THEME_A] }).length);
    expect(expected.length).toBeGreaterThan(matching({ theme: [THEME_B] }).length);
    await onSearchPage(queryOf(either), async (page) => {
      await expectResults(page, expected);
      expect(await ticked(page)).toEqual(either);
    });
  });

  it.each([
    ['nothing chosen', {}],
    [`${PRIORITY} chosen`, { category: [PRIORITY] }],
    [`${PRIORITY} and two themes chosen`, { category: [PRIORITY], theme: [THEME_A, THEME_B].sort((a, b) => a.localeCompare(b, 'en-GB')) }],
    [`“${TERM}” and ${PRIORITY}`, { category: [PRIORITY] }, TERM],
  ] as [string, Selections, string?][])(
    'shows beside each option how many results choosing it would give, and hides the options that give none (%s)',
    async (_, selections, term) => {
      await onSearchPage(queryOf(selections, term), async (page) => {
        if (term || Object.keys(selections).length) await expectResults(page, matching(selections, term), term);
        const shown = await shownOptions(page);
        const wrong: string[] = [];
        for (const name of FILTER_NAMES) {
          const group = shown[name];
          if (!group) {
            wrong.push(`no group ${name}`);
            continue;
          }
          let anyShown = false;
          for (const [value, option] of Object.entries(group.options)) {
            const count = expectedCount(selections, name, value, term);
            const chosen = selections[name]?.includes(value) ?? false;
            if (option.count !== ` (${count})`) wrong.push(`${name}=${value}: shows "${option.count}", the content gives ${count}`);
            if (option.hidden !== (count === 0 && !chosen)) wrong.push(`${name}=${value}: hidden is ${option.hidden} with ${count}`);
            if (option.checked !== chosen) wrong.push(`${name}=${value}: ticked is ${option.checked}`);
            anyShown ||= !option.hidden;
          }
          if (group.hidden === anyShown) wrong.push(`group ${name}: hidden is ${group.hidden}`);
        }
        expect(wrong).toEqual([]);
      });
    },
  );

  it('gives, when an option is ticked, the number its label showed', async () => {
    const selections = { category: [PRIORITY] };
    await onSearchPage(queryOf(selections), async (page) => {
      await expectResults(page, matching(selections));
      // An owner: another group, so ticking it narrows (AND) to the number beside it.
      await searchReady(page);
      const owner = await page.locator(`.govuk-checkboxes__item:has(> input[name="owner"][value="${OWNER}"]) .app-search-filter__count`).textContent();
      const withOwner = matching({ ...selections, owner: [OWNER] });
      expect(owner).toBe(` (${withOwner.length})`);
      await box(page, 'owner', OWNER).check();
      await expectResults(page, withOwner);
    });
  });
});

describe('filter-only browsing by ticking boxes', () => {
  it('lists what the ticked boxes match, with no word, and follows every tick and untick', async () => {
    await onSearchPage('', async (page) => {
      // Nothing to search for yet: no results, no count, and the prompt.
      expect(await statusText(page)).toBe('');
      expect(await page.locator('#search-results > li').count()).toBe(0);
      expect(await page.locator('#search-prompt').isVisible()).toBe(true);

      const steps: Selections[] = [{ category: [PRIORITY] }, { category: [PRIORITY], theme: [THEME_A] }, { theme: [THEME_A] }];
      await box(page, 'category', PRIORITY).check();
      await expectResults(page, matching(steps[0]!));
      expect(stateOf(page)).toEqual({ q: null, filters: steps[0] });

      await box(page, 'theme', THEME_A).check();
      await expectResults(page, matching(steps[1]!));
      expect(stateOf(page)).toEqual({ q: null, filters: steps[1] });

      await box(page, 'category', PRIORITY).uncheck();
      await expectResults(page, matching(steps[2]!));
      expect(stateOf(page)).toEqual({ q: null, filters: steps[2] });
      expect(await page.locator('#search-prompt').isVisible()).toBe(false);
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// The address, the live region and the chosen filters
// ---------------------------------------------------------------------------------------------------

describe('the address', () => {
  it('holds the word and the filter; reload restores them, and back and forward go through each state', async () => {
    const withTerm = matching({}, TERM);
    const withFilter = matching({ category: [NARROWING_CATEGORY] }, TERM);
    expect(withFilter.length).not.toBe(withTerm.length);

    await onSearchPage('', async (page) => {
      await page.locator('#search-q').fill(TERM);
      await expectResults(page, withTerm, TERM);
      expect(stateOf(page)).toEqual({ q: TERM, filters: {} });

      await box(page, 'category', NARROWING_CATEGORY).check();
      await expectResults(page, withFilter, TERM);
      expect(stateOf(page)).toEqual({ q: TERM, filters: { category: [NARROWING_CATEGORY] } });

      await page.reload({ waitUntil: 'load' });
      await searchReady(page);
      await expectResults(page, withFilter, TERM);
      expect(await page.locator('#search-q').inputValue()).toBe(TERM);
      expect(await ticked(page)).toEqual({ category: [NARROWING_CATEGORY] });

      await page.goBack();
      await expectResults(page, withTerm, TERM);
      expect(stateOf(page)).toEqual({ q: TERM, filters: {} });
      expect(await page.locator('#search-q').inputValue()).toBe(TERM);
      expect(await ticked(page)).toEqual({});

      await page.goBack();
      await page.waitForFunction(() => document.querySelector('#search-status')?.textContent === '');
      expect(stateOf(page)).toEqual({ q: null, filters: {} });
      expect(await page.locator('#search-q').inputValue()).toBe('');
      expect(await page.locator('#search-results > li').count()).toBe(0);

      await page.goForward();
      await expectResults(page, withTerm, TERM);
      expect(await page.locator('#search-q').inputValue()).toBe(TERM);

      await page.goForward();
      await expectResults(page, withFilter, TERM);
      expect(await ticked(page)).toEqual({ category: [NARROWING_CATEGORY] });
      expect(stateOf(page)).toEqual({ q: TERM, filters: { category: [NARROWING_CATEGORY] } });
    });
  });
});

describe('the live region', () => {
  it('is a polite status that is on the page from the start and says each new count', async () => {
    const first = { category: [PRIORITY] };
    const second = { category: [PRIORITY], theme: [THEME_A] };
    expect(matching(second).length).not.toBe(matching(first).length);

    await onSearchPage(queryOf(first), async (page) => {
      const region = page.locator('#search-status');
      expect(await region.getAttribute('role')).toBe('status');
      // role=status is polite by itself; an aria-live, if any, must not change that.
      expect([null, 'polite']).toContain(await region.getAttribute('aria-live'));
      await expectResults(page, matching(first));
      const handle = await region.elementHandle();

      await box(page, 'theme', THEME_A).check();
      await expectResults(page, matching(second));
      // The same element announces: a region put in with its words is often not read out.
      expect(await handle!.evaluate((element) => element.isConnected && element.id === 'search-status')).toBe(true);
      expect(await handle!.textContent()).toBe(countText(matching(second).length));

      await page.locator('#search-q').fill(TERM);
      await expectResults(page, matching(second, TERM), TERM);
    });
  });
});

describe('chosen filters', () => {
  it('each removes its own filter from the results and the address; “Clear filters” removes them all', async () => {
    const priorityOnly = { category: [PRIORITY] };
    // A theme some (not all) of the results for the word and Priority have, so it can be ticked again.
    const theme = valuesOf('theme').find((t) => {
      const n = matching({ ...priorityOnly, theme: [t] }, TERM).length;
      return n > 0 && n < matching(priorityOnly, TERM).length;
    })!;
    expect(theme).toBeDefined();
    const all = { ...priorityOnly, theme: [theme] };
    expect(matching(priorityOnly, TERM).length).not.toBe(matching({}, TERM).length);

    await onSearchPage(queryOf(all, TERM), async (page) => {
      await expectResults(page, matching(all, TERM), TERM);
      const buttons = page.locator('#search-chosen button.app-search-chosen__remove');
      expect(await buttons.evaluateAll((bs) => bs.map((b) => `${(b as HTMLElement).dataset.filter}=${(b as HTMLElement).dataset.value}`))).toEqual([
        `category=${PRIORITY}`,
        `theme=${theme}`,
      ]);

      await page.getByRole('button', { name: `Remove filter ${GROUP_LABELS.theme}: ${theme}`, exact: true }).click();
      await expectResults(page, matching(priorityOnly, TERM), TERM);
      expect(stateOf(page)).toEqual({ q: TERM, filters: priorityOnly });
      expect(await ticked(page)).toEqual(priorityOnly);
      expect(await buttons.count()).toBe(1);
      // Focus stays among the chosen filters.
      expect(await focused(page)).toContain('app-search-chosen__remove');

      await box(page, 'theme', theme).check();
      await expectResults(page, matching(all, TERM), TERM);
      await page.getByRole('button', { name: 'Clear filters', exact: true }).click();
      await expectResults(page, matching({}, TERM), TERM);
      expect(stateOf(page)).toEqual({ q: TERM, filters: {} });
      expect(await ticked(page)).toEqual({});
      expect(await page.locator('#search-chosen').isVisible()).toBe(false);
      expect(await page.locator('#search-q').inputValue()).toBe(TERM);
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// The keyboard, the header search box and a phone
// ---------------------------------------------------------------------------------------------------

describe('with the keyboard alone', () => {
  it('a reader tabs to the box, types, ticks a filter with Space and opens a result with Enter', async () => {
    const withTerm = matching({}, TERM);
    const withFilter = matching({ category: [NARROWING_CATEGORY] }, TERM);
    await onSearchPage('', async (page) => {
      await tabTo(page, '#search-q');
      await page.keyboard.type(TERM);
      await expectResults(page, withTerm, TERM);

      await tabTo(page, `input[name="category"][value="${NARROWING_CATEGORY}"]`);
      await page.keyboard.press('Space');
      await expectResults(page, withFilter, TERM);
      expect(stateOf(page)).toEqual({ q: TERM, filters: { category: [NARROWING_CATEGORY] } });

      await tabTo(page, '#search-results a.app-search-result__link');
      const href = (await page.evaluate(() => document.activeElement?.getAttribute('href')))!;
      expect(urls(withFilter)).toContain(href);
      await Promise.all([page.waitForURL((url) => url.pathname + url.hash === href), page.keyboard.press('Enter')]);
      await page.waitForLoadState('load');
      const anchor = new URL(href, page.url()).hash.slice(1);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(anchor);
    });
  });
});

describe('the search box in the header', () => {
  it('on /about/ takes the reader to the search page with the results', async () => {
    const { page, problems } = await chromium.tab.visit(address(siteUrl, '/about/'));
    await page.locator('form.app-header-search input#header-search-q[name="q"]').fill(SELF_HARM);
    await Promise.all([page.waitForURL((url) => url.pathname === '/search/'), page.keyboard.press('Enter')]);
    expect(stateOf(page)).toEqual({ q: SELF_HARM, filters: {} });
    await searchReady(page);
    await expectResults(page, matching({}, SELF_HARM), SELF_HARM);
    expect(await page.locator('#search-q').inputValue()).toBe(SELF_HARM);
    expect(problems).toEqual([]);
  });
});

describe('the filters on a phone and on a desktop', () => {
  it('fold away behind “Show filters” on a phone, and open to be used', async () => {
    await onSearchPage(
      '',
      async (page) => {
        const toggle = page.locator('button#search-filters-toggle');
        expect(await isSeen(page, '#search-filters-toggle')).toBe(true);
        expect(await toggle.getAttribute('aria-controls')).toBe('search-filters');
        expect(await toggle.getAttribute('aria-expanded')).toBe('false');
        expect((await toggle.innerText()).trim()).toBe('Show filters');
        expect(await box(page, 'category', PRIORITY).isVisible()).toBe(false);

        await toggle.click();
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        expect((await toggle.innerText()).trim()).toBe('Hide filters');
        expect(await box(page, 'category', PRIORITY).isVisible()).toBe(true);
        await box(page, 'category', PRIORITY).check();
        await expectResults(page, matching({ category: [PRIORITY] }));

        await toggle.click();
        expect(await toggle.getAttribute('aria-expanded')).toBe('false');
        expect(await box(page, 'category', PRIORITY).isVisible()).toBe(false);
      },
      PHONE,
    );
  });

  it('are shown from 641 px wide, without the toggle, and folded below', async () => {
    await onSearchPage('', async (page) => {
      expect(await page.locator('#search-filters-toggle').isVisible()).toBe(false);
      expect(await box(page, 'category', PRIORITY).isVisible()).toBe(true);
      // GOV.UK's tablet breakpoint.
      for (const [width, phone] of [[641, false], [640, true]] as const) {
        await page.setViewportSize({ width, height: 800 });
        expect(await page.locator('#search-filters-toggle').isVisible(), `the toggle at ${width} px`).toBe(phone);
        expect(await box(page, 'category', PRIORITY).isVisible(), `the filters at ${width} px`).toBe(!phone);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// axe
// ---------------------------------------------------------------------------------------------------

describe('axe (WCAG 2.2 AA)', () => {
  const bothThemes = { theme: [THEME_A, THEME_B].sort((a, b) => a.localeCompare(b, 'en-GB')) };
  it.each([
    ['the empty search page', {}, undefined, DESKTOP, false],
    ['results for a word', {}, SELF_HARM, DESKTOP, false],
    ['filters chosen', { category: [PRIORITY], ...bothThemes }, undefined, DESKTOP, false],
    ['filters open on a phone', { category: [PRIORITY] }, TERM, PHONE, true],
  ] as [string, Selections, string | undefined, ViewportSize, boolean][])(
    'finds nothing on %s',
    async (_, selections, term, viewport, openFilters) => {
      await onSearchPage(
        queryOf(selections, term),
        async (page) => {
          if (term || Object.keys(selections).length) await expectResults(page, matching(selections, term), term);
          if (openFilters) {
            await page.locator('#search-filters-toggle').click();
            expect(await page.locator('#search-filters-toggle').getAttribute('aria-expanded')).toBe('true');
            expect(await box(page, 'category', PRIORITY).isVisible()).toBe(true);
          }
          expect(await axeViolations(page)).toEqual([]);
        },
        viewport,
      );
    },
  );
});

// ---------------------------------------------------------------------------------------------------
// Without JavaScript
// ---------------------------------------------------------------------------------------------------

describe('without JavaScript', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await chromium.browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  /** Opens a page and checks it is there (200). */
  async function open(pagePath: string): Promise<void> {
    const response = await page.goto(address(siteUrl, pagePath), { waitUntil: 'load' });
    expect(response?.status(), pagePath).toBe(200);
  }

  it.each([
    ['/establishments/', 'browse plans by establishment'],
    ['/themes/', 'browse concerns by theme'],
  ])('the search page says search needs JavaScript, and links to %s, which works', async (target, text) => {
    await open('/search/');
    expect(await isSeen(page, '.app-search-nojs')).toBe(true);
    expect(await page.locator('.app-search-nojs').innerText()).toContain('Search needs JavaScript');
    expect(await page.locator('#search').isVisible()).toBe(false);

    const link = page.locator(`.app-search-nojs a[href="${target}"]`);
    expect((await link.innerText()).trim()).toBe(text);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === target && r.request().resourceType() === 'document'),
      link.click(),
    ]);
    expect(response.status()).toBe(200);
    await page.waitForURL((url) => url.pathname === target);
    expect(await page.locator('h1').count()).toBe(1);
  });

  it('/themes/ lists every theme with its count of concerns, under its healthy prison area', async () => {
    await open('/themes/');
    const shown = await page.locator('main h2').evaluateAll((headings) =>
      headings.map((h2) => {
        const list = h2.nextElementSibling;
        return {
          heading: h2.textContent?.trim(),
          rows: list?.matches('dl')
            ? [...list.querySelectorAll('.govuk-summary-list__row')].map((row) => ({
                label: row.querySelector('dt a')?.textContent?.trim(),
                href: row.querySelector('dt a')?.getAttribute('href'),
                count: row.querySelector('dd strong')?.textContent?.trim(),
              }))
            : [],
        };
      }),
    );
    const counts = themeCounts(site);
    expect(shown).toEqual(
      site.areas.map((area) => ({
        heading: area.label,
        rows: area.themes.map((theme) => ({
          label: theme.label,
          href: `/themes/${theme.id}/`,
          count: `(${plural(counts.get(theme.id)!, 'concern')})`,
        })),
      })),
    );
    // The counts agree with the concerns themselves, and every theme is there once.
    for (const theme of site.themes) expect(counts.get(theme.id), theme.id).toBe(concernsWith(theme.label).length);
    expect(shown.flatMap((area) => area.rows).length).toBe(site.themes.length);
  });

  it('each theme page lists every concern with that theme by establishment, each linking to its anchor', async () => {
    // The anchors each plan page has.
    const anchors = new Map<string, string[]>();
    for (const plan of site.plans) {
      await open(`/plans/${plan.id}/`);
      anchors.set(plan.id, await page.locator('[id^="concern-"]').evaluateAll((elements) => elements.map((e) => e.id)));
    }

    for (const theme of site.themes) {
      await open(`/themes/${theme.id}/`);
      const shown = await page.locator('main h2').evaluateAll((headings) =>
        headings.map((h2) => {
          const list = h2.nextElementSibling;
          return {
            establishment: h2.textContent?.trim(),
            href: h2.querySelector('a')?.getAttribute('href'),
            concerns: list?.matches('ul')
              ? [...list.querySelectorAll(':scope > li')].map((li) => ({
                  category: li.querySelector('.govuk-tag')?.textContent?.trim(),
                  href: li.querySelector('a')?.getAttribute('href'),
                  text: li.querySelector('a')?.textContent?.replace(/\s+/g, ' ').trim(),
                }))
              : [],
          };
        }),
      );
      // Establishments A to Z, each with its plans newest first and their concerns in order.
      const expected = [...site.establishments]
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
        .map((establishment) => ({
          establishment,
          items: [...establishment.plans]
            .sort((a, b) => b.year - a.year)
            .flatMap((plan) =>
              plan.concerns.filter((c) => c.themes.some((t) => t.id === theme.id)).map((concern) => ({ plan, concern })),
            ),
        }))
        .filter((group) => group.items.length > 0);

      expect(
        shown.map((group) => ({ establishment: group.establishment, href: group.href, concerns: group.concerns.map((c) => [c.category, c.href]) })),
        theme.id,
      ).toEqual(
        expected.map(({ establishment, items }) => ({
          establishment: establishment.name,
          href: `/establishments/${establishment.id}/`,
          concerns: items.map(({ plan, concern }) => [concern.categoryLabel, `/plans/${plan.id}/#${concern.anchor}`]),
        })),
      );
      for (const [index, group] of shown.entries()) {
        for (const [i, concern] of group.concerns.entries()) {
          const { plan, concern: expectedConcern } = expected[index]!.items[i]!;
          expect(concern.text, concern.href ?? '').toContain(`${plan.year} plan, concern ${expectedConcern.number}`);
          expect(anchors.get(plan.id), concern.href ?? '').toContain(expectedConcern.anchor);
        }
      }
      expect(shown.reduce((n, group) => n + group.concerns.length, 0), theme.id).toBe(themeCounts(site).get(theme.id));
      if (expected.length === 0) expect(await page.locator('main').innerText()).toContain('No published concern has this theme yet');
    }
  });
});
