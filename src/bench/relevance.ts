/**
 * Search quality on the real content: what readers would type, with what each must find, worked
 * out by reading the source (content/plans/chelmsford/chelmsford-2024.md, the published plan), not
 * by running the search. Run in the browser suite (tests/browser/relevance.test.ts) and measured by
 * scripts/bench-search.ts, which reports the share of queries whose expected concern ranks first.
 *
 * A query says the record that must rank first (`first`), the records it must return among others
 * (`includes`), or exactly the records it must return (`exactly`, [] for none: then the page must
 * show the "no results" help).
 */
import type { Page } from 'playwright-core';
import { searchTerm } from '../client/search-state.ts';

const concern = (n: number) => `/plans/chelmsford-2024/#concern-${n}`;

export type QueryKind = 'topic' | 'abbreviation' | 'variant' | 'owner' | 'phrase' | 'stem' | 'misspelling' | 'absent' | 'browse';

export interface RelevanceQuery {
  kind: QueryKind;
  /** What the reader types (none for a filter-only browse). */
  q?: string;
  /** Filters chosen, as the search page's address has them. */
  filters?: Record<string, string[]>;
  first?: string;
  includes?: string[];
  exactly?: string[];
  /** For an owner: the owner each result in `includes` must say it matched. */
  owner?: string;
  /** Where in the source the expectation comes from. */
  why: string;
}

export const RELEVANCE_SET: RelevanceQuery[] = [
  // Topics: the concern whose own words are about it comes first.
  { kind: 'topic', q: 'self-harm', first: concern(1), exactly: [concern(1)], why: 'concern 1: "The level of reported self-harm was very high"; no other concern says self-harm' },
  { kind: 'topic', q: 'mental health', first: concern(4), includes: [concern(1), concern(2), concern(4)], why: 'concern 4: "Mental health provision was disjointed"; concerns 1 and 2 also say it' },
  { kind: 'topic', q: 'talking therapies', first: concern(4), exactly: [concern(4)], why: 'concern 4: "talking therapies were not being delivered"' },
  { kind: 'topic', q: 'curriculum', first: concern(5), exactly: [concern(5)], why: 'concern 5: "the content and design of the curriculum"' },
  { kind: 'topic', q: 'reading strategy', first: concern(12), why: 'concern 12: "a cross-prison reading strategy"' },
  { kind: 'topic', q: 'remand', first: concern(6), exactly: [concern(6)], why: 'concern 6: "support for remanded prisoners"' },
  { kind: 'topic', q: 'resettlement', first: concern(6), exactly: [concern(6), '/establishments/chelmsford/'], why: 'concern 6: "resettlement needs were neither reliably identified"; the establishment is a "local and resettlement prison"' },
  { kind: 'topic', q: 'use of force', first: concern(7), why: 'concern 7: "Scrutiny of use of force was insufficient"' },
  { kind: 'topic', q: 'body-worn video cameras', first: concern(7), includes: [concern(7), concern(8)], why: 'concern 7: "body-worn video cameras were not activated soon enough"; concern 8 activates BWVCs' },
  { kind: 'topic', q: 'segregation', first: concern(8), includes: [concern(7), concern(8)], why: 'concern 8: "The segregation unit was a substandard environment"; concern 7 has SMARG' },
  { kind: 'topic', q: 'heating', first: concern(10), exactly: [concern(10)], why: 'concern 10: "two wings did not have working heating"' },
  { kind: 'topic', q: 'kitchen', first: concern(10), exactly: [concern(10)], why: 'concern 10: "the kitchen had a large number of equipment breakdowns"' },
  { kind: 'topic', q: 'social care', first: concern(11), includes: [concern(3), concern(11)], why: 'concern 11: "the delivery of social care were weak"; concern 3 has Social Care providers' },
  { kind: 'topic', q: 'time out of cell', first: concern(14), why: 'concern 14: "enough time out of their cells"' },
  { kind: 'topic', q: 'unemployed', first: concern(14), exactly: [concern(14)], why: 'concern 14: "particularly those who were unemployed"' },
  { kind: 'topic', q: 'public protection', first: concern(15), includes: [concern(2), concern(15)], why: 'concern 15: "weaknesses in public protection arrangements"; concern 2 reviews Public Protection resources' },
  { kind: 'topic', q: 'telephone monitoring', first: concern(15), why: 'concern 15: "telephone monitoring was not adequately resourced"' },
  { kind: 'topic', q: 'protected characteristics', first: concern(3), why: 'concern 3: "Prisoners with protected characteristics"' },
  { kind: 'topic', q: 'disabilities', includes: [concern(3), concern(11)], why: 'concerns 3 and 11: care needs of prisoners with disabilities' },
  { kind: 'topic', q: 'early days', first: concern(2), exactly: [concern(2)], why: 'concern 2: "support for prisoners in their early days"' },
  { kind: 'topic', q: 'reading', filters: { establishment: ['HMP Chelmsford'] }, first: concern(12), includes: [concern(5), concern(12)], why: 'concern 12 is about reading; from the establishment page, filtered to HMP Chelmsford' },
  // Abbreviations and their expansions: either form finds both.
  { kind: 'abbreviation', q: 'POM', exactly: [concern(1), concern(15)], why: 'concern 1: "Prison Offender Managers (POMs)"; concern 15: POMs in public protection' },
  { kind: 'abbreviation', q: 'prison offender manager', exactly: [concern(1), concern(15)], why: 'the same as POM' },
  { kind: 'abbreviation', q: 'ECU', first: concern(1), exactly: [concern(1)], why: 'concern 1: "the Enhance Care Unit (ECU)"' },
  { kind: 'abbreviation', q: 'enhanced care unit', exactly: [concern(1)], why: 'the same as ECU, as a reader would spell it' },
  { kind: 'abbreviation', q: 'CSU', first: concern(8), exactly: [concern(8), concern(10)], why: 'concern 8: "the Care and Separation Unit (CSU)"; concern 10: heating "on the CSU"' },
  { kind: 'abbreviation', q: 'care and separation unit', exactly: [concern(8), concern(10)], why: 'the same as CSU' },
  { kind: 'abbreviation', q: 'SMARG', first: concern(7), exactly: [concern(7)], why: 'concern 7: "segregation monitoring, and review group (SMARG)"' },
  { kind: 'abbreviation', q: 'OMU', exactly: [concern(15)], why: 'concern 15: "the Offender Management Unit (OMU)"' },
  { kind: 'abbreviation', q: 'offender management unit', exactly: [concern(15)], why: 'the same as OMU' },
  { kind: 'abbreviation', q: 'ESW', exactly: [concern(5), concern(12), concern(13)], why: 'concerns 5, 12 and 13: "Education, Skills & Work"' },
  { kind: 'abbreviation', q: 'FNIC', first: concern(2), exactly: [concern(1), concern(2)], why: 'concern 2: FNIC Managers, priorities and process; concern 1 once' },
  { kind: 'abbreviation', q: 'memorandum of understanding', first: concern(11), exactly: [concern(11)], why: 'concern 11: "the Memorandum of Understanding (MOU)"' },
  // Joined and split spellings.
  { kind: 'variant', q: 'healthcare', exactly: [concern(1), concern(3), concern(4), concern(7)], why: 'concerns 1, 3 and 7 say healthcare or Health Care; concern 4 is owned by the Head of Healthcare' },
  { kind: 'variant', q: 'health care', exactly: [concern(1), concern(3), concern(4), concern(7)], why: 'the same as healthcare' },
  { kind: 'variant', q: 'key work', first: concern(9), exactly: [concern(1), concern(9)], why: 'concern 9: "The quality of key work was poor"; concern 1: keyworker officers' },
  { kind: 'variant', q: 'keywork', first: concern(9), exactly: [concern(1), concern(9)], why: 'the same as key work' },
  // Owners.
  { kind: 'owner', q: 'Head of Healthcare', first: concern(4), includes: [concern(1), concern(4)], owner: 'Head of Healthcare', why: 'concern 4: all three actions are the Head of Healthcare\'s; concern 1: one' },
  { kind: 'owner', q: 'HMPPS Estates', first: concern(10), exactly: [concern(10)], owner: 'HMPPS Estates', why: 'concern 10: windows and flooring owned by HMPPS Estates' },
  { kind: 'owner', q: 'GFSL', first: concern(10), exactly: [concern(10)], why: 'concern 10: owner "Gov Facility Services Ltd (GFSL)"' },
  // A phrase in quotes.
  { kind: 'phrase', q: '"use of force"', first: concern(7), exactly: [concern(7)], why: 'only concern 7 says "use of force"' },
  { kind: 'phrase', q: '"social care"', first: concern(11), exactly: [concern(3), concern(11)], why: 'concerns 11 and 3 say "social care"' },
  // A stem or a prefix a reader would accept.
  { kind: 'stem', q: 'harming', first: concern(1), exactly: [concern(1)], why: 'concern 1: self-harm (harming, harm)' },
  { kind: 'stem', q: 'educat', exactly: [concern(5), concern(12), concern(13)], why: 'concerns 5, 12 and 13: education' },
  // Misspellings and words the plan does not contain: nothing, and the "no results" help.
  { kind: 'misspelling', q: 'segregaton', exactly: [], why: 'a misspelling of segregation: no record has it' },
  { kind: 'misspelling', q: 'helthcare', exactly: [], why: 'a misspelling of healthcare: no record has it' },
  { kind: 'absent', q: 'aaaaaaaa', exactly: [], why: 'not a word' },
  { kind: 'absent', q: 'zzzz', exactly: [], why: 'not a word' },
  { kind: 'absent', q: '<img src=x onerror=alert(1)>', exactly: [], why: 'HTML, not words the plan has' },
  { kind: 'absent', q: 'drones', exactly: [], why: 'the plan never mentions drones' },
  { kind: 'absent', q: 'chaplaincy', exactly: [], why: 'the plan never mentions the chaplaincy' },
  { kind: 'absent', q: 'healthcare drones', exactly: [], why: 'every word must occur: the plan never mentions drones' },
  // Browsing by filters alone.
  { kind: 'browse', filters: { category: ['Priority'] }, exactly: [1, 2, 3, 4, 5, 6].map(concern), why: 'concerns 1 to 6 are the priority concerns' },
  { kind: 'browse', filters: { theme: ['Use of force'] }, exactly: [concern(7)], why: 'only concern 7 has the use of force theme' },
];

/** What the search page showed for a query. */
export interface RelevanceOutcome {
  query: RelevanceQuery;
  /** The number of results the page says. */
  count: number;
  /** The first page of results' links, in order. */
  urls: string[];
  /** The owners each result says it matched, by link. */
  owners: Record<string, string>;
  noResultsHelp: boolean;
  /** What is wrong, one line each ([] when the page showed what it must). */
  problems: string[];
}

/** The search page's address for a query, on a site served at `siteUrl`. */
export function relevanceUrl(siteUrl: string, query: RelevanceQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.append('q', query.q);
  for (const [name, values] of Object.entries(query.filters ?? {})) for (const value of values) params.append(name, value);
  return new URL(`search/?${params}`, siteUrl).href;
}

/** "POM" or "category=Priority": how a query is named in messages and reports. */
export function queryName(query: RelevanceQuery): string {
  const filters = Object.entries(query.filters ?? {}).map(([name, values]) => `${name}=${values.join('|')}`);
  return [query.q && `"${query.q}"`, ...filters].filter(Boolean).join(' ');
}

/** What is wrong with what the page showed, against what the query must find. */
export function judge(query: RelevanceQuery, shown: Omit<RelevanceOutcome, 'query' | 'problems'>): string[] {
  const problems: string[] = [];
  const { count, urls } = shown;
  if (query.first && urls[0] !== query.first) problems.push(`ranked ${urls[0] ?? 'nothing'} first, not ${query.first}`);
  for (const url of query.includes ?? []) if (!urls.includes(url)) problems.push(`did not return ${url}`);
  if (query.exactly) {
    const expected = [...query.exactly].sort();
    const got = [...urls].sort();
    if (count !== expected.length || got.join(' ') !== expected.join(' ')) problems.push(`returned ${count} (${got.join(', ') || 'none'}), not exactly ${expected.join(', ') || 'none'}`);
    if (expected.length === 0 && !shown.noResultsHelp) problems.push('did not show the "no results" help');
  }
  if (query.owner) {
    for (const url of query.includes ?? query.exactly ?? []) {
      if (!(shown.owners[url] ?? '').includes(query.owner)) problems.push(`${url} did not say it matched the owner ${query.owner}`);
    }
  }
  return problems;
}

/** Whether `page` shows the search page with words at most, no filter chosen. */
function onSearchWithoutFilters(page: Page): boolean {
  const url = new URL(page.url());
  return url.pathname.endsWith('/search/') && [...url.searchParams.keys()].every((name) => name === 'q');
}

/**
 * Runs each query in `page`, in turn, and judges what it shows. A query of words alone, with the
 * search page open and no filter chosen, is typed into its box as a reader searches again (Pagefind
 * stays loaded: several times faster than a new page); any other is opened at its address.
 */
export async function runRelevance(page: Page, siteUrl: string, queries: RelevanceQuery[] = RELEVANCE_SET): Promise<RelevanceOutcome[]> {
  const outcomes: RelevanceOutcome[] = [];
  for (const query of queries) {
    if (query.q && !query.filters && onSearchWithoutFilters(page)) await page.locator('#search-q').fill(query.q);
    else await page.goto(relevanceUrl(siteUrl, query));
    // The count for these words, not the last query's: the page says the words it searched for.
    const term = searchTerm(query.q ?? '');
    await page.waitForFunction(
      (suffix) => {
        const text = document.querySelector('#search-status')?.textContent ?? '';
        return /^\d+ results?\b/.test(text) && text.endsWith(suffix);
      },
      term === null ? '' : ` for ‘${term}’`,
    );
    // No named functions inside: the bundler's name helper does not exist in the page.
    const shown = await page.evaluate(() => {
      const items = [...document.querySelectorAll('#search-results > li.app-search-result')].map((item) => ({
        url: item.querySelector('a.app-search-result__link')?.getAttribute('href') ?? '',
        owners: item.querySelector('.app-search-result__owner-list')?.textContent ?? '',
      }));
      return {
        count: Number(/^\d+/.exec(document.querySelector('#search-status')?.textContent ?? '')?.[0]),
        urls: items.map((item) => item.url),
        owners: Object.fromEntries(items.map((item) => [item.url, item.owners])),
        noResultsHelp: !(document.querySelector('#search-none') as HTMLElement | null)?.hidden,
      };
    });
    outcomes.push({ query, ...shown, problems: judge(query, shown) });
  }
  return outcomes;
}

export interface RelevanceSummary {
  queries: number;
  /** Queries whose page showed everything it must. */
  passed: number;
  /** Queries that say which record must rank first, and how many ranked it first. */
  withFirst: number;
  rankedFirst: number;
}

export function summarise(outcomes: RelevanceOutcome[]): RelevanceSummary {
  const withFirst = outcomes.filter((o) => o.query.first);
  return {
    queries: outcomes.length,
    passed: outcomes.filter((o) => o.problems.length === 0).length,
    withFirst: withFirst.length,
    rankedFirst: withFirst.filter((o) => o.urls[0] === o.query.first).length,
  };
}
