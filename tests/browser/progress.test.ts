/**
 * What a reader sees of progress, on the fictional estate of tests/fixtures/progress-content: the
 * summary, statuses, revised targets, update histories, HMIP reviews and repeated concerns on plan
 * and establishment pages, and the sortable progress tables (by establishment at /progress/, by theme
 * at /progress/themes/) whose counts link to the search.
 *
 * The derived facts (which targets have passed as at 30 June 2025) are worked out by hand in the
 * comments below, so the test checks the site's rules rather than repeating them; the counts are
 * compared with the content model as well.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadContent } from '../../src/content/load.ts';
import { resultCountText } from '../../src/client/search-state.ts';
import type { Action, Site } from '../../src/content/model.ts';
import { launchBrowser } from '../support/browser.ts';
import { siteUrl } from '../support/built-sites.ts';
import { ROOT } from '../support/build-site.ts';
import { actionCells, address, axeViolations, DESKTOP, openTab, PHONE, visit, type Tab, type Visit } from './helpers.ts';

const progressUrl = siteUrl('progress');
const at = (p: string) => address(progressUrl, p);

function loadSite(): Site {
  const result = loadContent(path.join(ROOT, 'tests/fixtures/progress-content'), {});
  if (!result.ok) throw new Error('the progress fixture does not validate');
  return result.site;
}
const site = loadSite();

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const textOf = async (page: Page, selector: string) => normalise(await page.locator(selector).innerText());

/** The summary list under a heading, as { key: value }. */
async function summaryRows(page: Page, scope: string): Promise<Record<string, string>> {
  return Object.fromEntries(
    await page.locator(`${scope} .govuk-summary-list__row`).evaluateAll((rows) =>
      rows.map((row) => [
        (row.querySelector('dt') as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        (row.querySelector('dd') as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      ]),
    ),
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the "as at" date', () => {
  it('is the latest date in the content: 30 June 2025', () => {
    expect(site.asAt).toEqual({ date: '2025-06-30', source: 'content' });
  });
});

describe('a plan page with progress (HMP Northgate, 2024)', () => {
  let visited: Visit;
  let page: Page;
  beforeAll(async () => {
    visited = await visit(browser, at('/plans/northgate-2024/'));
    page = visited.page;
  });
  afterAll(async () => {
    await visited?.close();
  });

  it('loads without errors', () => {
    expect(visited.problems).toEqual([]);
  });

  it('summarises progress as at the date, labelled editorial', async () => {
    expect(await textOf(page, '#progress')).toBe('Progress (editorial)');
    const section = page.locator('section:has(> #progress)');
    expect(normalise(await section.innerText())).toContain('Progress is shown as at 30 June 2025');
    // 4 actions: 1.1 in progress (revised target March 2025: passed), 1.2 completed, 2.1 not started
    // (April 2026: not passed), 2.2 no update (no target).
    expect(await summaryRows(page, 'section:has(> #progress)')).toEqual({
      Completed: '1 of 4 actions (25%)',
      'In progress': '1 of 4 actions (25%)',
      'No update published': '1 of 4 actions (25%)',
      'Target date passed': '1 of 4 actions (25%)',
      'Not started': '1 of 4 actions (25%)',
    });
    const plan = site.plans.find((p) => p.id === 'northgate-2024')!;
    expect(plan.progress).toMatchObject({ total: 4, completed: 1, inProgress: 1, noUpdate: 1, notStarted: 1, targetPassed: 1 });
  });

  it('shows a revised target beside the original, with the date and reason', async () => {
    const cells = await actionCells(page, 'concern-1-action-1');
    expect(cells['Target date']).toBe(
      'March 2025 (revised) The plan’s original target: “September 2024”. Revised on 10 September 2024 to “March 2025”. Reason given: The glazing contractor could not start until January.',
    );
  });

  it('shows each action’s status, whether its target has passed, when it was last updated and how many updates it has', async () => {
    expect((await actionCells(page, 'concern-1-action-1'))['Status (editorial)']).toBe('In progress Target date passed Last updated 1 May 2025 Progress updates (2)');
    expect((await actionCells(page, 'concern-1-action-2'))['Status (editorial)']).toBe('Completed Last updated 30 July 2024 Progress updates (1)');
    expect((await actionCells(page, 'concern-2-action-1'))['Status (editorial)']).toBe('Not started Last updated 10 January 2025 Progress updates (1)');
    expect((await actionCells(page, 'concern-2-action-2'))['Status (editorial)']).toBe('No update published');
  });

  it('keeps the history of updates in a closed details component, newest first', async () => {
    const details = page.locator('#concern-1-action-1 details.govuk-details');
    expect(await details.count()).toBe(1);
    expect(await details.getAttribute('open')).toBeNull();
    expect(await details.locator('.govuk-details__text').isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.locator('.govuk-details__text').isVisible()).toBe(true);
    expect(normalise(await details.locator('summary').innerText())).toBe('Progress updates (2)');
    const items = await details.locator('li.app-update').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(items).toEqual([
      '1 May 2025: In progress A and B wings are finished; C wing is next.',
      '1 November 2024: In progress Half of the windows on A wing have been replaced. Source of the 1 November 2024 update',
    ]);
    expect(await details.locator('a:text("Source of the 1 November 2024 update")').getAttribute('href')).toBe('https://example.org/northgate/update-1');
    // An action without updates has no history to show.
    expect(await page.locator('#concern-2-action-2 details').count()).toBe(0);
  });

  it('shows HMIP’s independent review of progress on the concern, with its link', async () => {
    const concern = page.locator('#concern-1');
    expect(normalise(await concern.innerText())).toContain('HM Inspectorate of Prisons’ independent review of progress 15 April 2025 Insufficient progress (review published 15 April 2025)');
    expect(await concern.locator('a:text("review published 15 April 2025")').getAttribute('href')).toBe('https://example.org/hmip/northgate-review');
  });

  it('links the repeated concern to the one it repeats, and that section exists', async () => {
    const link = page.locator('#concern-1 .app-concern__meta a:text("concern 2 of the 2021 action plan")');
    expect(normalise(await page.locator('#concern-1 .app-concern__meta').first().innerText())).toBe(
      'Raised before (editorial): this concern repeats concern 2 of the 2021 action plan.',
    );
    const href = await link.getAttribute('href');
    expect(href).toBe('/plans/northgate-2021/#concern-2');
    const earlier = await visit(browser, at(href!));
    try {
      expect(await earlier.page.locator('#concern-2').count()).toBe(1);
    } finally {
      await earlier.close();
    }
  });

  it('lists the updates to this page, newest first, and says when it was last updated', async () => {
    expect(await textOf(page, '.app-change-log')).toBe(
      'Updates to this page 30 June 2025 Added progress updates and HMIP\'s review of progress. 20 June 2024 First published.',
    );
    expect((await summaryRows(page, 'h2:text-is("Key dates and source") + dl'))['Page last updated']).toBe('30 June 2025 (see all updates)');
  });

  it('offers the plan’s own CSV and JSON downloads', async () => {
    for (const [text, file] of [
      ['Every action of this plan as a spreadsheet (CSV)', '/data/plans/northgate-2024.csv'],
      ['This plan in full, with its progress (JSON)', '/data/plans/northgate-2024.json'],
    ]) {
      const link = page.locator(`a:text-is("${text}")`);
      expect(await link.getAttribute('href')).toBe(file);
      const response = await page.request.get(at(file!));
      expect(response.status(), file).toBe(200);
    }
  });
});

describe('the earlier plan (HMP Northgate, 2021)', () => {
  it('says the concern was raised again, linking to the later one', async () => {
    const { page, close, problems } = await visit(browser, at('/plans/northgate-2021/'));
    try {
      expect(problems).toEqual([]);
      const meta = page.locator('#concern-2 .app-concern__meta').first();
      expect(normalise(await meta.innerText())).toBe('Raised again at the 2024 inspection (editorial): concern 1 of the 2024 action plan.');
      expect(await meta.locator('a').getAttribute('href')).toBe('/plans/northgate-2024/#concern-1');
      // Recommendation 2 (December 2021, no update) has passed its target; recommendation 1 is completed.
      expect((await actionCells(page, 'concern-2-action-1'))['Status (editorial)']).toBe('No update published Target date passed');
      expect((await actionCells(page, 'concern-1-action-1'))['Status (editorial)']).toBe('Completed Last updated 1 October 2021 Progress updates (1)');
    } finally {
      await close();
    }
  });
});

describe('an establishment page (HMP Northgate)', () => {
  it('shows progress across its plans and the concerns raised again', async () => {
    const { page, close, problems } = await visit(browser, at('/establishments/northgate/'));
    try {
      expect(problems).toEqual([]);
      // 2021: completed + passed no-update; 2024: as above.
      expect(await summaryRows(page, 'section:has(> #progress)')).toEqual({
        Completed: '2 of 6 actions (33%)',
        'In progress': '1 of 6 actions (16%)',
        'No update published': '2 of 6 actions (33%)',
        'Target date passed': '2 of 6 actions (33%)',
        'Not started': '1 of 6 actions (16%)',
      });
      const repeated = page.locator('h2:has-text("Concerns raised again") + ul');
      expect(normalise(await repeated.innerText())).toBe('Concern 1 of the 2024 plan was raised before, as concern 2 of the 2021 plan.');
      expect(await repeated.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        '/plans/northgate-2024/#concern-1',
        '/plans/northgate-2021/#concern-2',
      ]);
      // Each plan in the list has its progress in a line.
      expect(normalise(await page.locator('.govuk-list').first().innerText())).toContain(
        'Progress (editorial) 1 completed, 1 in progress, 1 no update published, 1 not started; 1 past the target date',
      );
    } finally {
      await close();
    }
  });
});

/** The progress table with this caption, as rows of cell texts (first line of each cell). */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  return page.locator(`table:has(caption:text-is("${caption}")) tbody tr`).evaluateAll((rows) =>
    rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).innerText.split('\n')[0]!.trim())),
  );
}

/** The `index`th count cell (0: actions, 1: completed…) of an establishment's row. */
const countCell = (page: Page, establishment: string, index: number) =>
  page.locator('table:has(caption:text-is("Progress by establishment")) tbody tr').filter({ hasText: establishment }).locator('td').nth(index);

/** The sub-navigation between the progress views, as [link text, address, whether it is the current page]. */
const progressViews = (page: Page) =>
  page.locator('nav[aria-label="Progress views"] a').evaluateAll((links) =>
    links.map((a) => [(a as HTMLElement).innerText.trim(), new URL((a as HTMLAnchorElement).href).pathname, a.getAttribute('aria-current') === 'page']),
  );

describe('/progress/ and /progress/themes/', () => {
  let visited: Visit;
  let page: Page;
  let themes: Visit;
  beforeAll(async () => {
    visited = await visit(browser, at('/progress/'));
    page = visited.page;
    themes = await visit(browser, at('/progress/themes/'));
  });
  afterAll(async () => {
    await visited?.close();
    await themes?.close();
  });

  it('loads without errors and says the date the counts are at', async () => {
    for (const view of [visited, themes]) {
      expect(view.problems).toEqual([]);
      expect(normalise(await view.page.locator('main').innerText())).toContain('Progress is shown as at 30 June 2025');
    }
  });

  it('shows one table a view, with the other view a link away that marks the current one', async () => {
    const { page, close } = await visit(browser, at('/progress/'));
    try {
      expect(await page.title()).toMatch(/^Progress by establishment – /);
      expect(await page.locator('table caption').allInnerTexts()).toEqual(['Progress by establishment']);
      expect(await progressViews(page)).toEqual([
        ['By establishment', '/progress/', true],
        ['By theme', '/progress/themes/', false],
      ]);
      await page.locator('nav[aria-label="Progress views"] a:text-is("By theme")').click();
      await page.waitForURL(/\/progress\/themes\/$/);
      expect(await page.title()).toMatch(/^Progress by theme – /);
      expect(await page.locator('table caption').allInnerTexts()).toEqual(['Progress by theme']);
      expect(await progressViews(page)).toEqual([
        ['By establishment', '/progress/', false],
        ['By theme', '/progress/themes/', true],
      ]);
      // The service navigation still shows the reader is in the progress section.
      expect(normalise(await page.locator('.govuk-service-navigation__item--active').innerText())).toBe('Progress');
    } finally {
      await close();
    }
  });

  it('counts each establishment’s actions by status, A to Z, matching the content', async () => {
    // Eastfield: 1.1 not completed (December 2023: passed), 1.2 no longer applicable (never passes).
    expect(await tableRows(page, 'Progress by establishment')).toEqual([
      ['HMP Eastfield', '2', '0', '0', '0', '1'],
      ['HMP Northgate', '6', '2', '1', '2', '2'],
    ]);
    for (const e of site.establishments) {
      const { total, completed, inProgress, noUpdate, targetPassed } = e.progress;
      expect((await tableRows(page, 'Progress by establishment')).find((r) => r[0] === e.name)).toEqual(
        [e.name, ...[total, completed, inProgress, noUpdate, targetPassed].map(String)],
      );
    }
  });

  it('counts each theme’s actions, A to Z, saying a concern’s actions count under each of its themes', async () => {
    expect(normalise(await themes.page.locator('main').innerText())).toContain(
      'An action counts under every theme of its concern, so the theme rows add up to more than the total.',
    );
    expect(await tableRows(themes.page, 'Progress by theme')).toEqual([
      ['Education, skills and work', '2', '0', '0', '1', '0'],
      ['Living conditions', '3', '1', '1', '1', '2'],
      ['Self-harm and suicide prevention', '3', '1', '0', '0', '1'],
    ]);
  });

  it('links each count to the matching search, and a zero to nothing', async () => {
    const cell = countCell(page, 'HMP Northgate', 1);
    const link = cell.locator('a');
    expect(await link.getAttribute('href')).toBe('/search/?establishment=HMP+Northgate&status=Completed');
    // A reader sees the count; a screen reader says what it counts and where the link goes.
    expect(normalise(await link.innerText())).toBe('2');
    expect(await cell.getByRole('link', { name: '2 of 6 actions completed: search the concerns for HMP Northgate', exact: true }).count()).toBe(1);
    const zero = countCell(page, 'HMP Eastfield', 1);
    expect(await zero.locator('a').count()).toBe(0);
  });

  it('writes each count’s share of the row under it, with a bar drawn to the nearest 5% that adds no words', async () => {
    const cell = countCell(page, 'HMP Northgate', 1);
    // 2 of Northgate's 6 actions are completed: 33%, drawn as 35% of the bar.
    expect(normalise(await cell.innerText())).toBe('2 33%');
    // The fill is the bar's left border: 35% of its 60px is 21px.
    const bar = await cell.evaluate((td) => {
      const after = getComputedStyle(td, '::after');
      return { content: after.content, width: after.width, height: after.height, fill: after.borderLeftWidth };
    });
    expect(bar).toEqual({ content: '""', width: '60px', height: '8px', fill: '21px' });
    // Eastfield has no completed action: 0%, and an empty bar.
    const zero = countCell(page, 'HMP Eastfield', 1);
    expect(normalise(await zero.innerText())).toBe('0 0%');
    expect(await zero.evaluate((td) => getComputedStyle(td, '::after').borderLeftWidth)).toBe('0px');
    // Every count of both tables has its bar: 2 establishments and 3 themes, 4 measures each.
    const bars = async (p: Page) => p.locator('.app-progress-table td').evaluateAll((tds) => tds.filter((td) => getComputedStyle(td, '::after').width === '60px').length);
    expect((await bars(page)) + (await bars(themes.page))).toBe((2 + 3) * 4);
  });

  it('sorts by a column when its header button is chosen, saying the order', async () => {
    const page = themes.page;
    const table = page.locator('table:has(caption:text-is("Progress by theme"))');
    const button = table.locator('th button:text-is("Target date passed")');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await table.locator('th:has(button:text-is("Target date passed"))').getAttribute('aria-sort')).toBe('descending');
    expect(await table.locator('th:has(button:text-is("Theme"))').getAttribute('aria-sort')).toBe('none');
    expect((await tableRows(page, 'Progress by theme')).map((r) => r[0])).toEqual([
      'Living conditions',
      'Self-harm and suicide prevention',
      'Education, skills and work',
    ]);
    expect(normalise(await page.locator('table:has(caption:text-is("Progress by theme")) + [role="status"]').innerText())).toBe(
      'Progress by theme sorted by Target date passed: descending.',
    );
    await button.click();
    expect(await table.locator('th:has(button:text-is("Target date passed"))').getAttribute('aria-sort')).toBe('ascending');
    expect((await tableRows(page, 'Progress by theme')).map((r) => r[0])[0]).toBe('Education, skills and work');
  });

  it('has the tables in A to Z order without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const noJs = await context.newPage();
      await noJs.goto(at('/progress/'));
      expect((await tableRows(noJs, 'Progress by establishment')).map((r) => r[0])).toEqual(['HMP Eastfield', 'HMP Northgate']);
      expect(await noJs.locator('th button').count()).toBe(0);
      await noJs.goto(at('/progress/themes/'));
      expect((await tableRows(noJs, 'Progress by theme')).map((r) => r[0])).toEqual([
        'Education, skills and work',
        'Living conditions',
        'Self-harm and suicide prevention',
      ]);
      expect(await noJs.locator('th button').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['Completed', (a: Action) => a.status === 'completed'],
    ['Target date passed', (a: Action) => a.targetPassed],
  ] as const)('follows the "%s" count to a search that finds those concerns', async (status, matches) => {
    const cell = countCell(page, 'HMP Northgate', status === 'Completed' ? 1 : 4);
    const href = (await cell.locator('a').getAttribute('href'))!;
    const { page: search, close } = await visit(browser, at(href));
    try {
      const expected = site.plans
        .filter((p) => p.establishment.id === 'northgate')
        .flatMap((p) => p.concerns.filter((c) => c.actions.some(matches)).map((c) => `/plans/${p.id}/#${c.anchor}`));
      expect(expected.length).toBe(2);
      await search.waitForFunction(() => /\d/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 20_000 });
      expect(normalise(await search.locator('#search-status').innerText())).toBe(resultCountText(expected.length, ''));
      const links = await search.locator('#search-results a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
      expect(links.sort()).toEqual(expected.sort());
    } finally {
      await close();
    }
  });
});

describe('accessibility of the progress pages', () => {
  const pages = ['/progress/', '/progress/themes/', '/plans/northgate-2024/', '/plans/northgate-2021/', '/establishments/northgate/', '/plans/eastfield-2023/'];
  let tab: Tab;
  beforeAll(async () => {
    tab = await openTab(browser);
  });
  afterAll(async () => {
    await tab?.close();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    it.each(pages)(`%s has no axe violations at ${viewport.width} px, with the histories open`, async (p) => {
      const { page, problems } = await tab.visit(at(p), { viewport });
      await page.locator('details summary').evaluateAll((summaries) => summaries.forEach((s) => (s as HTMLElement).click()));
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
});
