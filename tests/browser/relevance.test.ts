/**
 * Search quality on the real content: each query of the relevance set (src/bench/relevance.ts),
 * typed into the search page, must rank first, return or leave out what reading the Chelmsford
 * plan says it must. The set's expectations come from the source, never from running the search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteUrl as builtSiteUrl } from '../support/built-sites.ts';
import type { Browser, Page } from 'playwright-core';
import { judge, queryName, RELEVANCE_SET, runRelevance, summarise, type RelevanceOutcome } from '../../src/bench/relevance.ts';
import { launchBrowser } from '../support/browser.ts';

const siteUrl = builtSiteUrl('site');

let browser: Browser;
let page: Page;
const outcomes: RelevanceOutcome[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('the relevance set', () => {
  it('has at least 30 queries, of every kind the issue asks for', () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(RELEVANCE_SET.map((q) => q.kind));
    for (const kind of ['topic', 'abbreviation', 'variant', 'owner', 'phrase', 'misspelling', 'absent', 'browse'] as const) expect(kinds).toContain(kind);
    expect(RELEVANCE_SET.filter((q) => q.q?.startsWith('"'))).not.toEqual([]);
  });

  it('judges a wrong page as wrong: the check can fail', () => {
    const query = RELEVANCE_SET.find((q) => q.first && q.exactly?.length === 1)!;
    expect(judge(query, { count: 0, urls: [], owners: {}, noResultsHelp: true })).not.toEqual([]);
    expect(judge({ kind: 'absent', q: 'zzzz', exactly: [], why: '' }, { count: 3, urls: ['/a/', '/b/', '/c/'], owners: {}, noResultsHelp: false })).toHaveLength(2);
  });
});

describe('what readers type, on the real content', () => {
  it.each(RELEVANCE_SET.map((query) => [queryName(query), query] as const))('%s', async (_name, query) => {
    const [outcome] = await runRelevance(page, siteUrl, [query]);
    outcomes.push(outcome!);
    expect(outcome!.problems, `${queryName(query)}: ${query.why}`).toEqual([]);
  });

  it('ranks first, for every query that says what must, the concern it names', () => {
    const summary = summarise(outcomes);
    expect(summary.queries).toBe(RELEVANCE_SET.length);
    expect(summary.rankedFirst).toBe(summary.withFirst);
  });
});
