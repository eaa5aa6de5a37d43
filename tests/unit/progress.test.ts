/**
 * Progress rules: what status, target and "target date passed" a reader sees for an action, as at
 * an explicit date, and the counts a summary shows. Then the same rules through the whole model,
 * from content files, where the "as at" date comes from the content or from the setting, and the
 * other plan facts the model works out once (dates, names, paths).
 */
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/load.ts';
import type { Site } from '../../src/content/model.ts';
import { asAtSentence, MEASURES, progressLine } from '../../src/components/wording.ts';
import { asAtDate, countProgress, currentStatus, currentTarget, targetPassed } from '../../src/content/progress.ts';
import { plansJson } from '../../src/data/downloads.ts';
import { latestDate } from '../../src/lib/dates.ts';
import { barStep, percentOf } from '../../src/lib/format.ts';
import { compareValues, nextDirection, sortBy } from '../../src/lib/sort.ts';
import { FIXTURE_PLAN, FIXTURE_THEMES } from '../support/fixture-plan.ts';

describe('currentStatus', () => {
  const updates = [
    { date: '2024-09-01', status: 'in-progress' as const },
    { date: '2025-01-15', status: 'completed' as const },
  ];

  it('is "no-update" before the first update', () => {
    expect(currentStatus([], '2030-01-01')).toBe('no-update');
    expect(currentStatus(updates, '2024-08-31')).toBe('no-update');
  });

  it('is the latest update on or before the "as at" date', () => {
    expect(currentStatus(updates, '2024-09-01')).toBe('in-progress');
    expect(currentStatus(updates, '2025-01-14')).toBe('in-progress');
    expect(currentStatus(updates, '2025-01-15')).toBe('completed');
  });

  it('goes by date, not by the order the updates are written in', () => {
    expect(currentStatus([...updates].reverse(), '2026-01-01')).toBe('completed');
  });

  it('takes the last of two updates on the same day', () => {
    expect(currentStatus([{ date: '2025-01-15', status: 'in-progress' }, { date: '2025-01-15', status: 'not-completed' }], '2025-02-01')).toBe('not-completed');
  });
});

describe('currentTarget', () => {
  const original = { asWritten: 'July 2024', month: '2024-07' };

  it('is the original target when nothing has been revised', () => {
    expect(currentTarget(original, [], '2025-01-01')).toEqual(original);
  });

  it('is the latest revision made by the "as at" date, with its month read from the words', () => {
    const revisions = [
      { date: '2024-07-20', target: 'December 2024' },
      { date: '2024-12-10', target: 'End of March 2025' },
    ];
    expect(currentTarget(original, revisions, '2024-07-19')).toEqual(original);
    expect(currentTarget(original, revisions, '2024-08-01')).toEqual({ asWritten: 'December 2024', month: '2024-12' });
    expect(currentTarget(original, revisions, '2025-01-01')).toEqual({ asWritten: 'End of March 2025', month: '2025-03' });
  });

  it('uses a month given with the revision where the words name none', () => {
    expect(currentTarget(original, [{ date: '2024-07-20', target: 'After the refurbishment', targetMonth: '2025-06' }], '2024-08-01')).toEqual({
      asWritten: 'After the refurbishment',
      month: '2025-06',
    });
  });
});

describe('targetPassed', () => {
  it('passes on the first day of the month after the target month, not before', () => {
    expect(targetPassed('2024-07', 'no-update', '2024-07-01')).toBe(false);
    expect(targetPassed('2024-07', 'no-update', '2024-07-31')).toBe(false);
    expect(targetPassed('2024-07', 'no-update', '2024-08-01')).toBe(true);
  });

  it('handles the end of February and of the year', () => {
    expect(targetPassed('2024-02', 'in-progress', '2024-02-29')).toBe(false);
    expect(targetPassed('2024-02', 'in-progress', '2024-03-01')).toBe(true);
    expect(targetPassed('2024-12', 'not-started', '2024-12-31')).toBe(false);
    expect(targetPassed('2024-12', 'not-started', '2025-01-01')).toBe(true);
  });

  it('never passes for a completed action or one no longer applicable', () => {
    expect(targetPassed('2024-07', 'completed', '2026-01-01')).toBe(false);
    expect(targetPassed('2024-07', 'no-longer-applicable', '2026-01-01')).toBe(false);
    expect(targetPassed('2024-07', 'not-completed', '2026-01-01')).toBe(true);
  });

  it('never passes for a target that names no month', () => {
    expect(targetPassed(null, 'no-update', '2026-01-01')).toBe(false);
  });
});

describe('countProgress', () => {
  it('counts actions by status, and target passed across statuses', () => {
    const counts = countProgress([
      { status: 'completed', targetPassed: false },
      { status: 'in-progress', targetPassed: true },
      { status: 'no-update', targetPassed: true },
      { status: 'no-update', targetPassed: false },
      { status: 'not-started', targetPassed: false },
      { status: 'not-completed', targetPassed: true },
      { status: 'no-longer-applicable', targetPassed: false },
    ]);
    expect(counts).toEqual({
      total: 7,
      completed: 1,
      inProgress: 1,
      notStarted: 1,
      notCompleted: 1,
      noLongerApplicable: 1,
      noUpdate: 2,
      targetPassed: 3,
    });
  });
});

describe('asAtDate and latestDate', () => {
  it('keeps entries up to the date, oldest first', () => {
    const entries = [{ date: '2025-02-01' }, { date: '2024-01-01' }, { date: '2026-01-01' }];
    expect(asAtDate(entries, '2025-12-31')).toEqual([{ date: '2024-01-01' }, { date: '2025-02-01' }]);
  });

  it('finds the latest date, or none', () => {
    expect(latestDate(['2024-05-08', '2025-01-01', '2024-12-31'])).toBe('2025-01-01');
    expect(latestDate([])).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------
// Through the model, from content files
// ---------------------------------------------------------------------------------------------------

const ESTABLISHMENT = 'id: chelmsford\nname: HMP Chelmsford\n';

/** The fixture plan (targets July 2024, "August 2024 (For bid process)" and "Completed") with progress added to its first action. */
const WITH_PROGRESS = FIXTURE_PLAN.replace(
  '        target: July 2024\n',
  `        target: July 2024
        revisedTargets:
          - date: 2024-07-20
            target: December 2024
            reason: The contractor started late.
        updates:
          - date: 2024-09-30
            status: in-progress
            note: Screening tool chosen.
          - date: 2025-02-10
            status: completed
`,
).replace(
  '    themes: [self-harm, mental-health]\n',
  `    themes: [self-harm, mental-health]
    reviews:
      - date: 2025-03-01
        judgement: reasonable-progress
        url: https://example.org/irp-chelmsford
`,
).replace('---\nAn introduction', 'changes:\n  - date: 2024-08-01\n    note: First published.\n---\nAn introduction');

function siteOf(plans: Record<string, string>, asAt?: string): Site {
  const files: [string, string][] = [
    ['themes.yaml', FIXTURE_THEMES],
    ['establishments/chelmsford.yaml', ESTABLISHMENT],
    ...Object.entries(plans),
  ];
  const result = validateContent(files, 'content', { asAt });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}:${p.line} ${p.path} ${p.message}`).join('\n'));
  return result.site;
}

const P = 'plans/chelmsford/chelmsford-2024.md';

describe('progress in the model', () => {
  it('is judged as at the latest date in the content when no date is set', () => {
    const site = siteOf({ [P]: WITH_PROGRESS });
    expect(site.asAt).toEqual({ date: '2025-03-01', source: 'content' });
    const [first, second] = site.plans[0]!.concerns[0]!.actions;
    expect(first).toMatchObject({ status: 'completed', statusLabel: 'Completed', targetPassed: false });
    expect(first!.currentTarget).toEqual({ asWritten: 'December 2024', month: '2024-12' });
    // The original target is kept as written beside the revision.
    expect(first).toMatchObject({ target: 'July 2024', targetMonth: '2024-07' });
    expect(first!.revisedTargets).toEqual([
      { date: '2024-07-20', target: 'December 2024', targetMonth: '2024-12', reason: 'The contractor started late.' },
    ]);
    expect(first!.updates.map((u) => [u.date, u.statusLabel, u.note])).toEqual([
      ['2024-09-30', 'In progress', 'Screening tool chosen.'],
      ['2025-02-10', 'Completed', undefined],
    ]);
    // "August 2024 (For bid process)", no update: passed by March 2025.
    expect(second).toMatchObject({ status: 'no-update', statusLabel: 'No update published', targetPassed: true });
  });

  it('is judged as at the date set, which hides what was published later', () => {
    const site = siteOf({ [P]: WITH_PROGRESS }, '2024-10-15');
    expect(site.asAt).toEqual({ date: '2024-10-15', source: 'setting' });
    const plan = site.plans[0]!;
    const [first, second] = plan.concerns[0]!.actions;
    expect(first).toMatchObject({ status: 'in-progress', targetPassed: false });
    expect(first!.updates).toHaveLength(1);
    expect(second).toMatchObject({ status: 'no-update', targetPassed: true });
    expect(plan.concerns[0]!.reviews).toEqual([]);
    expect(plan.progress).toMatchObject({ total: 3, inProgress: 1, noUpdate: 2, completed: 0, targetPassed: 1 });
  });

  it('gives the same statuses for the same content and date, whatever day it is built', () => {
    const a = siteOf({ [P]: WITH_PROGRESS });
    const b = siteOf({ [P]: WITH_PROGRESS });
    const statuses = (s: Site) => s.plans.flatMap((p) => p.concerns.flatMap((c) => c.actions.map((x) => [x.status, x.targetPassed])));
    expect(statuses(a)).toEqual(statuses(b));
  });

  it('labels reviews and keeps the change log', () => {
    const plan = siteOf({ [P]: WITH_PROGRESS }).plans[0]!;
    expect(plan.concerns[0]!.reviews).toEqual([
      { date: '2025-03-01', judgement: 'reasonable-progress', label: 'Reasonable progress', url: 'https://example.org/irp-chelmsford' },
    ]);
    expect(plan.changes).toEqual([{ date: '2024-08-01', note: 'First published.' }]);
  });

  it('counts progress for each concern, plan and establishment', () => {
    const site = siteOf({ [P]: WITH_PROGRESS });
    const expected = { total: 3, completed: 1, noUpdate: 2, targetPassed: 1 };
    expect(site.plans[0]!.progress).toMatchObject(expected);
    expect(site.establishments[0]!.progress).toMatchObject(expected);
    expect(site.plans[0]!.concerns.map((c) => c.progress.total)).toEqual([2, 1]);
  });

  it('links a repeated concern to the earlier one, both ways', () => {
    const earlier = FIXTURE_PLAN.replaceAll('2024', '2021');
    const later = FIXTURE_PLAN.replace(
      '    category: key\n',
      '    category: key\n    repeats:\n      plan: chelmsford-2021\n      concern: 2\n',
    );
    const site = siteOf({ [P]: later, 'plans/chelmsford/chelmsford-2021.md': earlier });
    const [newer, older] = site.plans;
    expect(newer!.id).toBe('chelmsford-2024');
    const repeated = newer!.concerns[1]!;
    expect(repeated.repeats?.plan.id).toBe('chelmsford-2021');
    expect(repeated.repeats?.concern.number).toBe(2);
    expect(older!.concerns[1]!.repeatedBy.map((r) => [r.plan.id, r.concern.number])).toEqual([['chelmsford-2024', 2]]);
    expect(older!.concerns[0]!.repeatedBy).toEqual([]);
  });

  it.each(['2025-02-30', '2025-13-01', '30/01/2025'])('refuses an "as at" setting of %s, saying which setting', (asAt) => {
    const result = validateContent(
      [
        ['themes.yaml', FIXTURE_THEMES],
        ['establishments/chelmsford.yaml', ESTABLISHMENT],
        [P, FIXTURE_PLAN],
      ],
      'content',
      { asAt },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'ACTION_PLANS_AS_AT', message: expect.stringContaining('must be a real date written as YYYY-MM-DD') }),
    ]);
  });
});

describe('plan facts on the model, worked out once for pages, search, feed and downloads', () => {
  // The fixture plan, inspected in two periods, with a change log whose second entry is after the "as at" date.
  const TWO_PERIODS = FIXTURE_PLAN.replace(
    '      end: "2024-02-08"\n',
    '      end: "2024-01-26"\n    - start: "2024-02-05"\n      end: "2024-02-08"\n',
  );
  const WITH_CHANGES = TWO_PERIODS.replace('concerns:\n', 'changes:\n  - date: "2024-07-15"\n    note: First published.\n  - date: "2026-01-01"\n    note: Later.\nconcerns:\n');

  it('dates the inspection from the first day of its first period to the last day of its last', () => {
    const plan = siteOf({ [P]: TWO_PERIODS }).plans[0]!;
    expect(plan.inspection.periods).toHaveLength(2);
    expect([plan.inspectionStart, plan.inspectionEnd, plan.year]).toEqual(['2024-01-22', '2024-02-08', 2024]);
  });

  it('names the plan in its three forms', () => {
    const plan = siteOf({ [P]: FIXTURE_PLAN }).plans[0]!;
    expect(plan.name).toBe('action plan after the 2024 inspection');
    expect(plan.displayName).toBe('HMP Chelmsford: action plan after the 2024 inspection');
    expect(plan.shortName).toBe('HMP Chelmsford, 2024 plan');
  });

  it('is published on its first change-log entry by the "as at" date, else on the day HMPPS submitted it', () => {
    expect(siteOf({ [P]: FIXTURE_PLAN }).plans[0]!.published).toBe('2024-06-11');
    expect(siteOf({ [P]: WITH_CHANGES }, '2025-01-01').plans[0]!.published).toBe('2024-07-15');
    expect(siteOf({ [P]: WITH_CHANGES }, '2024-07-01').plans[0]!.published).toBe('2024-06-11');
  });

  it('gives every page and section its path from the site root', () => {
    const site = siteOf({ [P]: FIXTURE_PLAN });
    const plan = site.plans[0]!;
    expect(plan.path).toBe('/plans/chelmsford-2024/');
    expect(plan.dataPaths).toEqual({ csv: '/data/plans/chelmsford-2024.csv', json: '/data/plans/chelmsford-2024.json' });
    expect(plan.concerns[1]!.path).toBe('/plans/chelmsford-2024/#concern-2');
    expect(plan.concerns[0]!.actions[1]!.path).toBe('/plans/chelmsford-2024/#concern-1-action-2');
    expect(plan.establishment.path).toBe('/establishments/chelmsford/');
    expect(site.themes.map((t) => t.path)).toEqual(['/themes/self-harm/', '/themes/mental-health/', '/themes/living-conditions/']);
  });

  it('keeps these site facts out of the JSON download, which holds the plan as published', () => {
    const site = siteOf({ [P]: FIXTURE_PLAN });
    const json = plansJson(site);
    const record = json.plans[0]!;
    for (const key of ['inspectionStart', 'inspectionEnd', 'name', 'displayName', 'shortName', 'published', 'path', 'dataPaths']) expect(record).not.toHaveProperty(key);
    expect(record.establishment).not.toHaveProperty('path');
    for (const theme of json.themes) expect(theme).not.toHaveProperty('path');
  });
});

describe('the words and numbers around progress', () => {
  const counts = countProgress([
    { status: 'completed', targetPassed: false },
    { status: 'in-progress', targetPassed: true },
    { status: 'no-update', targetPassed: true },
  ]);

  it('says the "as at" date and where it comes from', () => {
    expect(asAtSentence({ date: '2025-06-30', source: 'content' })).toBe(
      'Progress is shown as at 30 June 2025, the date of the latest entry in this site’s records.',
    );
    expect(asAtSentence({ date: '2025-03-31', source: 'setting' })).toBe('Progress is shown as at 31 March 2025.');
  });

  it('puts a plan’s progress in one line, leaving out statuses no action has', () => {
    expect(progressLine(counts)).toBe('1 completed, 1 in progress, 1 no update published; 2 past the target date');
    expect(progressLine(countProgress([{ status: 'no-update', targetPassed: false }]))).toBe('1 no update published');
  });

  it('rounds percentages down, so a share is never written as more than was done, and 0% of nothing', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(66);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('draws a bar in 5% steps, empty only for none and full only for all', () => {
    expect(barStep(2, 6)).toBe(35); // 33.3%: the nearest step
    expect(barStep(1, 8)).toBe(15); // 12.5%: halfway rounds up
    expect(barStep(0, 6)).toBe(0);
    expect(barStep(6, 6)).toBe(100);
    expect(barStep(1, 120)).toBe(5); // 0.8% would round to nothing, but one action is something
    expect(barStep(119, 120)).toBe(95); // 99.2% would round to all, but one is left
    expect(barStep(0, 0)).toBe(0);
  });

  it('shows the headline measures in a fixed order, labelled as readers see them', () => {
    expect(MEASURES.map((m) => m.label)).toEqual(['Completed', 'In progress', 'No update published', 'Target date passed']);
  });
});

describe('sorting table rows', () => {
  const rows = [
    { name: 'HMP Wandsworth', count: '10' },
    { name: 'HMP Ashfield', count: '9' },
    { name: 'hmp brixton', count: '100' },
  ];

  it('sorts numbers as numbers and words A to Z, ignoring case', () => {
    expect(sortBy(rows, (r) => r.count, 'ascending').map((r) => r.count)).toEqual(['9', '10', '100']);
    expect(sortBy(rows, (r) => r.count, 'descending').map((r) => r.count)).toEqual(['100', '10', '9']);
    expect(sortBy(rows, (r) => r.name, 'ascending').map((r) => r.name)).toEqual(['HMP Ashfield', 'hmp brixton', 'HMP Wandsworth']);
  });

  it('keeps tied rows in their order', () => {
    const tied = [{ n: 'b', v: '1' }, { n: 'a', v: '1' }, { n: 'c', v: '2' }];
    expect(sortBy(tied, (r) => r.v, 'ascending').map((r) => r.n)).toEqual(['b', 'a', 'c']);
  });

  it('starts a column of numbers largest first and of words A to Z, then flips', () => {
    expect(nextDirection('none', true)).toBe('descending');
    expect(nextDirection(null, false)).toBe('ascending');
    expect(nextDirection('descending', true)).toBe('ascending');
    expect(nextDirection('ascending', true)).toBe('descending');
  });

  it('compares a number with a word as words', () => {
    expect(compareValues('10', 'abc')).toBeLessThan(0);
    expect(compareValues('', '1')).toBeLessThan(0);
  });
});
