/**
 * What a reader sees on the Chelmsford plan page, compared with the content file it is built from
 * (read here on its own with gray-matter and yaml, not through the site's code), on screen and in
 * print.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseTargetMonth } from '../../src/lib/dates.ts';
import { launchBrowser } from '../support/browser.ts';
import { siteUrl as urlOf } from '../support/built-sites.ts';
import { address, PLAN_PATH, visit, type Visit } from './helpers.ts';

const siteUrl = urlOf('site');
const CONTENT_FILE = path.resolve(import.meta.dirname, '../../content/plans/chelmsford/chelmsford-2024.md');

const NOT_STATED = 'Not stated in the plan';
const NO_UPDATE = 'No update published';
const GROUP_HEADINGS = { priority: 'Priority concerns', key: 'Key concerns' } as const;

// ---------------------------------------------------------------------------------------------------
// The content file, as written
// ---------------------------------------------------------------------------------------------------

interface ContentAction {
  text: string;
  owner: string | null;
  target: string | null;
  updates?: unknown[];
}

interface ContentConcern {
  number: number;
  category: keyof typeof GROUP_HEADINGS;
  text: string;
  themes: string[];
  actions: ContentAction[];
}

function readContent(): { concerns: ContentConcern[]; changes: { date: string }[] } {
  const source = fs.readFileSync(CONTENT_FILE, 'utf8');
  return matter(source, { engines: { yaml: (text) => YAML.parse(text) as object } }).data as { concerns: ContentConcern[]; changes: { date: string }[] };
}

const { concerns, changes } = readContent();
const concern = (number: number) => concerns.find((c) => c.number === number)!;
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
/** How many items a Markdown list in an action's text has: numbered ("1. ") or bulleted ("- "). */
const listItems = (markdown: string, kind: 'numbered' | 'bullet') =>
  (markdown.match(kind === 'numbered' ? /^\d+\.\s/gm : /^[-*+]\s/gm) ?? []).length;

// ---------------------------------------------------------------------------------------------------
// The page, as shown
// ---------------------------------------------------------------------------------------------------

interface ShownAction {
  id: string;
  /** Each summary row's value, by its key ("Responsible owner", "Target date", "Status (editorial)"). */
  rows: Record<string, string>;
  numberedItems: number[];
  bulletItems: number[];
}

interface ShownConcern {
  id: string;
  heading: string;
  /** The last h2 before the concern: the group it is shown under. */
  groupHeading: string | undefined;
  text: string;
  themeLinks: number;
  actions: ShownAction[];
}

function readConcerns(page: Page): Promise<ShownConcern[]> {
  return page.locator('section.app-concern').evaluateAll((sections) => {
    const h2s = [...document.querySelectorAll('h2')];
    const precedes = (a: Node, b: Node) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    const text = (element: Element | null) => (element as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? '';
    const itemCounts = (scope: Element, list: 'ol' | 'ul') =>
      [...scope.querySelectorAll(`.app-official-text ${list}`)].map((l) => l.querySelectorAll(':scope > li').length);

    return sections.map((section) => ({
      id: section.id,
      heading: text(section.querySelector('h3')),
      groupHeading: text(h2s.filter((h2) => precedes(h2, section)).at(-1) ?? null) || undefined,
      text: text(section),
      themeLinks: section.querySelectorAll('.app-concern__meta a').length,
      actions: [...section.querySelectorAll('.app-action')].map((action) => ({
        id: action.id,
        rows: Object.fromEntries(
          [...action.querySelectorAll('.govuk-summary-list__row')].map((row) => [
            text(row.querySelector('dt')),
            text(row.querySelector('dd')),
          ]),
        ),
        numberedItems: itemCounts(action, 'ol'),
        bulletItems: itemCounts(action, 'ul'),
      })),
    }));
  });
}

let browser: Browser;
let screen: Visit;
let shown: ShownConcern[];
const shownConcern = (number: number) => shown.find((c) => c.id === `concern-${number}`)!;
const shownAction = (number: number, action: number) =>
  shownConcern(number).actions.find((a) => a.id === `concern-${number}-action-${action}`)!;

beforeAll(async () => {
  browser = await launchBrowser();
  screen = await visit(browser, address(siteUrl, PLAN_PATH));
  shown = await readConcerns(screen.page);
});
afterAll(async () => {
  await screen?.close();
  await browser?.close();
});

describe('the Chelmsford plan page', () => {
  it('shows every concern of the content file as a section, concern-1 onwards, in order', () => {
    expect(concerns.length).toBeGreaterThan(0);
    expect(shown.map((c) => c.id)).toEqual(concerns.map((c) => `concern-${c.number}`));
    for (const c of concerns) expect(shownConcern(c.number).heading).toContain(`Concern ${c.number}`);
  });

  it('puts each concern under its group heading: "Priority concerns", then "Key concerns"', () => {
    const firstOf = (category: ContentConcern['category']) => concerns.find((c) => c.category === category)!.number;
    expect(shownConcern(firstOf('priority')).groupHeading).toBe(GROUP_HEADINGS.priority);
    expect(shownConcern(firstOf('key')).groupHeading).toBe(GROUP_HEADINGS.key);
    expect(shown.map((c) => `${c.id}: ${c.groupHeading}`)).toEqual(
      concerns.map((c) => `concern-${c.number}: ${GROUP_HEADINGS[c.category]}`),
    );
  });

  it('shows each action with the owner and target date as written, or "Not stated in the plan"', () => {
    const asShown = (value: string | null) => (value === null ? NOT_STATED : normalise(value));
    for (const c of concerns) {
      expect(shownConcern(c.number).actions.map((a) => a.id)).toEqual(
        c.actions.map((_, i) => `concern-${c.number}-action-${i + 1}`),
      );
      c.actions.forEach((action, i) => {
        const { rows } = shownAction(c.number, i + 1);
        expect(rows['Responsible owner'], `owner of action ${c.number}.${i + 1}`).toBe(asShown(action.owner));
        expect(rows['Target date'], `target of action ${c.number}.${i + 1}`).toBe(asShown(action.target));
      });
    }
  });

  it('shows "Not stated in the plan" for the owner the source leaves out (concern 10, action 4)', () => {
    expect(concern(10).actions[3]?.owner).toBeNull();
    expect(shownAction(10, 4).rows['Responsible owner']).toBe(NOT_STATED);
  });

  it('renders the lists in actions as lists: numbered in action 4.1, bulleted in action 1.9', () => {
    const numbered = listItems(concern(4).actions[0]!.text, 'numbered');
    const bullets = listItems(concern(1).actions[8]!.text, 'bullet');
    expect([numbered, bullets]).toEqual([3, 4]);
    expect(shownAction(4, 1).numberedItems).toEqual([numbered]);
    expect(shownAction(1, 9).bulletItems).toEqual([bullets]);
  });

  it('labels the editorial parts: themes on every concern, a status on every action', () => {
    for (const c of concerns) {
      const section = shownConcern(c.number);
      expect(section.text, `concern ${c.number}`).toContain('Themes (editorial)');
      expect(section.themeLinks, `themes of concern ${c.number}`).toBe(c.themes.length);
    }
    const actions = concerns.flatMap((c) => c.actions);
    // No update has been published for any action, so every one shows "No update published", and
    // those whose target month ended before the content's latest date (its change log's) have passed it.
    expect(actions.filter((a) => a.updates !== undefined)).toEqual([]);
    const asAtMonth = changes.at(-1)!.date.slice(0, 7);
    const statuses = shown.flatMap((c) => c.actions.map((a) => a.rows['Status (editorial)']));
    const passed = actions.map((a) => {
      const month = parseTargetMonth(a.target);
      return month !== null && month < asAtMonth;
    });
    expect(passed.filter(Boolean).length).toBeGreaterThan(0);
    expect(statuses).toEqual(passed.map((p) => (p ? `${NO_UPDATE} Target date passed` : NO_UPDATE)));
  });

  it('shows the key dates: inspection, report published and plan submitted', async () => {
    const summary = screen.page.locator('h2:text-is("Key dates and source") + dl.govuk-summary-list');
    const text = normalise(await summary.innerText());
    for (const date of ['22 January to 8 February 2024', '8 May 2024', '11 June 2024']) expect(text).toContain(date);
  });
});

describe('the Chelmsford plan page, printed', () => {
  let print: Visit;
  beforeAll(async () => {
    print = await visit(browser, address(siteUrl, PLAN_PATH));
    await print.page.emulateMedia({ media: 'print' });
  });
  afterAll(async () => {
    await print?.close();
  });

  it.each([
    ['skip link', '.govuk-skip-link'],
    ['service navigation', '.govuk-service-navigation'],
    ['phase banner', '.govuk-phase-banner'],
    ['breadcrumbs', '.govuk-breadcrumbs'],
    ['footer', '.govuk-footer'],
  ])('leaves out the %s, which the screen shows', async (_, selector) => {
    expect(await print.page.locator(selector).count()).toBe(1);
    expect(await screen.page.locator(selector).isVisible()).toBe(true);
    expect(await print.page.locator(selector).isVisible()).toBe(false);
  });

  it('still shows every concern', async () => {
    const sections = print.page.locator('section.app-concern');
    expect(await sections.count()).toBe(concerns.length);
    const visible = await sections.evaluateAll((all) => all.map((s) => (s as HTMLElement).checkVisibility()));
    expect(visible).toEqual(concerns.map(() => true));
  });
});
