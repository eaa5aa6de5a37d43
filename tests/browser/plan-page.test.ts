/**
 * What a reader sees on the Chelmsford plan page, compared with the content file it is built from
 * (read here on its own with gray-matter and yaml, not through the site's code): on a wide screen, on
 * a phone (where each action's table row reads as a block, each value after its column's name) and
 * in print.
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
import { address, isSeen, PHONE, PLAN_PATH, visit, type Visit } from './helpers.ts';

const siteUrl = urlOf('site');
const CONTENT_FILE = path.resolve(import.meta.dirname, '../../content/plans/chelmsford/chelmsford-2024.md');

const NOT_STATED = 'Not stated in the plan';
const NO_UPDATE = 'No update published';
/** The columns of the source's own table that a plan page shows for each action, and the editorial status. */
const COLUMNS = ['Action', 'Responsible owner', 'Target date', 'Status (editorial)'];
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
  /** The id of its row in the concern's table of actions. */
  id: string;
  /** Each cell's text, by the name of its column ("Action", "Responsible owner", "Target date", "Status (editorial)"). */
  cells: Record<string, string>;
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
  /** The column names of each table of actions in the section: there should be one. */
  tables: string[][];
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
      tables: [...section.querySelectorAll(':scope > table')].map((table) => [...table.querySelectorAll(':scope > thead th')].map(text)),
      actions: [...section.querySelectorAll<HTMLTableRowElement>(':scope > table > tbody > tr')].map((row) => {
        const columns = [...row.closest('table')!.querySelectorAll(':scope > thead th')].map(text);
        return {
          id: row.id,
          cells: Object.fromEntries([...row.cells].map((cell, i) => [columns[i], text(cell)])),
          numberedItems: itemCounts(row, 'ol'),
          bulletItems: itemCounts(row, 'ul'),
        };
      }),
    }));
  });
}

/**
 * Each action row's cells as a sighted reader sees them, by row id: any text the style sheet puts
 * before a cell (CSS generated content, which innerText leaves out) and then the cell's own text.
 */
function seenCells(page: Page): Promise<Record<string, string[]>> {
  return page.locator('section.app-concern > table > tbody > tr').evaluateAll((rows) => {
    const generated = (element: Element) => {
      const { content, display } = getComputedStyle(element, '::before');
      return display === 'none' || !content.startsWith('"') ? '' : (JSON.parse(content) as string);
    };
    const seen = (cell: HTMLElement) => `${generated(cell)} ${cell.innerText}`.replace(/\s+/g, ' ').trim();
    return Object.fromEntries(rows.map((row) => [row.id, [...(row as HTMLTableRowElement).cells].map(seen)]));
  });
}

/** What Chromium gives a screen reader for each element `selector` matches: its role and accessible name. */
async function heard(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    const nodes = await Promise.all(nodeIds.map((nodeId) => cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })));
    return nodes.map(({ nodes: [node] }) => `${String(node?.role?.value)}: ${normalise(String(node?.name?.value ?? ''))}`);
  } finally {
    await cdp.detach();
  }
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
        const { cells } = shownAction(c.number, i + 1);
        expect(cells['Responsible owner'], `owner of action ${c.number}.${i + 1}`).toBe(asShown(action.owner));
        expect(cells['Target date'], `target of action ${c.number}.${i + 1}`).toBe(asShown(action.target));
      });
    }
  });

  it('shows each concern’s actions as one table with the source’s columns and the editorial status', () => {
    for (const c of concerns) expect(shownConcern(c.number).tables, `concern ${c.number}`).toEqual([COLUMNS]);
  });

  it('shows each action’s number, then its official text as written, under "Action"', () => {
    for (const c of concerns) {
      c.actions.forEach((_, i) => expect(shownAction(c.number, i + 1).cells.Action).toMatch(new RegExp(`^${c.number}\\.${i + 1} \\S`)));
    }
    expect(shownAction(1, 2).cells.Action).toBe(`1.2 ${normalise(concern(1).actions[1]!.text)}`);
  });

  it('labels each value by its column alone on a wide screen, for sighted readers and screen readers alike', async () => {
    expect(await isSeen(screen.page, '#concern-1 > table > thead')).toBe(true);
    expect((await seenCells(screen.page))['concern-1-action-2']).toEqual([
      `1.2 ${normalise(concern(1).actions[1]!.text)}`,
      'Governor',
      'July 2024',
      `${NO_UPDATE} Target date passed`,
    ]);
    expect(await heard(screen.page, '#concern-1 > table > thead th')).toEqual(COLUMNS.map((name) => `columnheader: ${name}`));
    expect((await heard(screen.page, '#concern-1-action-2 > td')).slice(1)).toEqual([
      'cell: Governor',
      'cell: July 2024',
      `cell: ${NO_UPDATE} Target date passed`,
    ]);
  });

  it('shows "Not stated in the plan" for the owner the source leaves out (concern 10, action 4)', () => {
    expect(concern(10).actions[3]?.owner).toBeNull();
    expect(shownAction(10, 4).cells['Responsible owner']).toBe(NOT_STATED);
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
    const statuses = shown.flatMap((c) => c.actions.map((a) => a.cells['Status (editorial)']));
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

describe('the Chelmsford plan page on a phone', () => {
  let phone: Visit;
  let seen: Record<string, string[]>;
  beforeAll(async () => {
    phone = await visit(browser, address(siteUrl, PLAN_PATH), { viewport: PHONE });
    seen = await seenCells(phone.page);
  });
  afterAll(async () => {
    await phone?.close();
  });

  it('shows each value after its column’s name, as the header row is not shown', async () => {
    expect(await isSeen(phone.page, '#concern-1 > table > thead')).toBe(false);
    const asShown = (value: string | null) => (value === null ? NOT_STATED : normalise(value));
    for (const c of concerns) {
      c.actions.forEach((action, i) => {
        const [number, owner, target, status] = seen[`concern-${c.number}-action-${i + 1}`]!;
        expect(number).toMatch(new RegExp(`^Action ${c.number}\\.${i + 1} \\S`));
        expect(owner).toBe(`Responsible owner ${asShown(action.owner)}`);
        expect(target).toBe(`Target date ${asShown(action.target)}`);
        expect(status).toMatch(new RegExp(`^Status \\(editorial\\) ${NO_UPDATE}`));
      });
    }
    expect(seen['concern-10-action-4']![1]).toBe(`Responsible owner ${NOT_STATED}`);
  });

  it('gives a screen reader each column’s name with its value', async () => {
    expect(await heard(phone.page, '#concern-1-action-2 > td')).toEqual([
      `cell: Action 1.2 ${normalise(concern(1).actions[1]!.text)}`,
      'cell: Responsible owner Governor',
      'cell: Target date July 2024',
      `cell: Status (editorial) ${NO_UPDATE} Target date passed`,
    ]);
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

  it('prints the actions as a table, like the source’s: the header row, then each action’s cells side by side, unlabelled', async () => {
    expect(await isSeen(print.page, '#concern-1 > table > thead')).toBe(true);
    expect((await seenCells(print.page))['concern-1-action-2']!.slice(1)).toEqual(['Governor', 'July 2024', `${NO_UPDATE} Target date passed`]);
    const boxes = await print.page.locator('#concern-1-action-2 > td').evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect()));
    expect(boxes.map((box) => box.top)).toEqual(boxes.map(() => boxes[0]!.top));
    expect(boxes.map((box) => box.left)).toEqual(boxes.map((box) => box.left).sort((x, y) => x - y));
  });

  it('still shows every concern', async () => {
    const sections = print.page.locator('section.app-concern');
    expect(await sections.count()).toBe(concerns.length);
    const visible = await sections.evaluateAll((all) => all.map((s) => (s as HTMLElement).checkVisibility()));
    expect(visible).toEqual(concerns.map(() => true));
  });
});
