/**
 * The open data downloads as a data user gets them: /data/actions.csv is RFC 4180 CSV that any
 * spreadsheet reads back into exactly the actions the plan lists, and /data/action-plans.json is
 * plain JSON. Each plan's own files have the same columns and shape, for one plan.
 *
 * The CSV is checked against the content files read independently here (gray-matter and the `yaml`
 * package), not through the loader that made it: the real Chelmsford plan (no progress yet) and
 * tests/fixtures/downloads-content, a fictional estate with updates, revised targets, reviews,
 * a repeated concern and change logs, judged as at a set date that leaves some of them out.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { parseCsv } from '../support/csv.ts';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import type { Site } from '../../src/content/model.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { csvField, toCsv } from '../../src/data/csv.ts';
import { ACTIONS_CSV_COLUMNS, actionsCsv, plansJson } from '../../src/data/downloads.ts';
import { CSV_COLUMN_NOTES, documentedJsonPaths } from '../../src/data/documentation.ts';
import { MONTHS } from '../../src/lib/dates.ts';


describe('the test CSV reader itself', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\r\nlines"\r\n,x\r\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\r\nlines'],
      ['', 'x'],
    ]);
  });

  it('rejects CSV that is not RFC 4180', () => {
    expect(() => parseCsv('a,b\n')).toThrow();
    expect(() => parseCsv('a,b')).toThrow();
    expect(() => parseCsv('a,"b\r\n')).toThrow();
    expect(() => parseCsv('a,b"c\r\n')).toThrow();
  });
});

describe('csvField and toCsv (RFC 4180)', () => {
  it.each<[string | number | null | undefined, string]>([
    ['Governor', 'Governor'],
    ['GFSL, HMPPS Estates, MoJ Property Services.', '"GFSL, HMPPS Estates, MoJ Property Services."'],
    ["'Bus to Bed' meetings", "'Bus to Bed' meetings"],
    ['the "Safer Prisons" meeting', '"the ""Safer Prisons"" meeting"'],
    ['"', '""""'],
    ['line one\nline two', '"line one\nline two"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['  spaces kept  ', '  spaces kept  '],
    [15, '15'],
    [0, '0'],
    [null, ''],
    [undefined, ''],
    ['', ''],
  ])('writes %j as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('ends every record, the last included, with CRLF', () => {
    const csv = toCsv(['a', 'b'], [
      [1, 'x'],
      [2, 'y'],
    ]);
    expect(csv).toBe('a,b\r\n1,x\r\n2,y\r\n');
  });

  it('round-trips awkward values through a CSV reader', () => {
    const rows = [
      ['a, b', 'say "hi"', 'two\nlines', ''],
      ['- a list\n- of items', '"quoted"', ',', 'plain'],
    ];
    const csv = toCsv(['one', 'two', 'three', 'four'], rows);
    expect(parseCsv(csv)).toEqual([['one', 'two', 'three', 'four'], ...rows]);
  });

  it('writes null and undefined as empty fields, keeping the column count', () => {
    expect(parseCsv(toCsv(['a', 'b', 'c'], [[null, undefined, 'z']]))).toEqual([
      ['a', 'b', 'c'],
      ['', '', 'z'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// The downloads made from the real content.
// ---------------------------------------------------------------------------------------------------

function realSite(): Site {
  const result = loadContent(path.resolve('content'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.site;
}

interface RawAction {
  text: string;
  owner: string | null;
  target: string | null;
  targetMonth?: string;
  status?: string;
}
interface RawConcern {
  number: number;
  category: string;
  text: string;
  themes: string[];
  actions: RawAction[];
}
interface RawPlan {
  id: string;
  establishment: string;
  inspection: { periods: { start: string; end: string }[] };
  reportPublished: { date: string };
  planSubmitted: { date: string };
  concerns: RawConcern[];
}

/** The plan file read directly: gray-matter splits the frontmatter, the `yaml` package reads it. */
function readPlanFile(): RawPlan {
  const text = fs.readFileSync(path.resolve('content/plans/chelmsford/chelmsford-2024.md'), 'utf8');
  return matter(text, { engines: { yaml: (s: string) => YAML.parse(s) as object } }).data as RawPlan;
}

function readEstablishmentFile(id: string): { id: string; name: string } {
  return YAML.parse(fs.readFileSync(path.resolve(`content/establishments/${id}.yaml`), 'utf8'));
}

const COLUMNS = [
  'establishment',
  'establishment_id',
  'plan_id',
  'inspection_start',
  'inspection_end',
  'report_published',
  'plan_submitted',
  'concern_number',
  'concern_category',
  'concern',
  'themes',
  'action_number',
  'action',
  'owner',
  'target_date',
  'target_month',
  'status',
];

/** The progress columns, after the original 17. */
const PROGRESS_COLUMNS = [
  'status_label',
  'status_date',
  'status_note',
  'status_source',
  'update_count',
  'current_target',
  'current_target_month',
  'target_revisions',
  'target_revised_date',
  'target_revised_reason',
  'target_passed',
  'irp_judgement',
  'irp_judgement_label',
  'irp_date',
  'irp_url',
  'repeats',
  'repeated_by',
  'as_at',
];
const ALL_COLUMNS = [...COLUMNS, ...PROGRESS_COLUMNS];

describe('actions.csv from the real content', () => {
  const site = realSite();
  const csv = actionsCsv(site);
  const [header, ...rows] = parseCsv(csv);
  const file = readPlanFile();
  const establishment = readEstablishmentFile(file.establishment);
  const fileActions = file.concerns.flatMap((concern) => concern.actions.map((action, i) => ({ concern, action, number: i + 1 })));
  const records = rows.map((row) => Object.fromEntries(ALL_COLUMNS.map((c, i) => [c, row[i]])) as Record<string, string>);

  it('keeps its first 17 columns, in order, and adds the progress columns after them', () => {
    expect(header).toEqual(ALL_COLUMNS);
    expect(ACTIONS_CSV_COLUMNS).toEqual(ALL_COLUMNS);
  });

  it('has a row for every action in the file, and no other (66)', () => {
    expect(fileActions).toHaveLength(66);
    expect(rows).toHaveLength(fileActions.length);
  });

  it('gives every row every field', () => {
    for (const row of rows) expect(row).toHaveLength(ALL_COLUMNS.length);
  });

  it('keeps line breaks inside quoted fields (the bullet list in concern 1)', () => {
    const withList = records.filter((r) => r.action!.includes('\n- '));
    expect(withList.length).toBeGreaterThan(0);
    expect(csv).toMatch(/\r\n$/);
  });

  it('matches the file action for action: concern, text, owner, target and themes', () => {
    records.forEach((record, i) => {
      const { concern, action, number } = fileActions[i]!;
      expect({
        concern_number: record.concern_number,
        concern_category: record.concern_category,
        concern: record.concern,
        themes: record.themes,
        action_number: record.action_number,
        action: record.action,
        owner: record.owner,
        target_date: record.target_date,
      }).toEqual({
        concern_number: String(concern.number),
        concern_category: concern.category,
        concern: concern.text.trim(),
        themes: concern.themes.join(';'),
        action_number: String(number),
        action: action.text.trim(),
        owner: action.owner ?? '',
        target_date: action.target ?? '',
      });
    });
  });

  it('repeats the plan and establishment on every row', () => {
    const periods = file.inspection.periods;
    for (const record of records) {
      expect(record).toMatchObject({
        establishment: establishment.name,
        establishment_id: establishment.id,
        plan_id: file.id,
        inspection_start: periods[0]!.start,
        inspection_end: periods[periods.length - 1]!.end,
        report_published: file.reportPublished.date,
        plan_submitted: file.planSubmitted.date,
      });
    }
  });

  it('gives a target month only where the target names that month and year', () => {
    records.forEach((record, i) => {
      const { action } = fileActions[i]!;
      if (record.target_month === '') {
        // Nothing to read: "Completed", or no target at all.
        expect(action.target ?? '').not.toMatch(/\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/);
        return;
      }
      const [year, month] = record.target_month!.split('-');
      expect(record.target_month).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(record.target_date).toContain(year);
      expect(record.target_date!.toLowerCase()).toContain(MONTHS[Number(month) - 1]!.slice(0, 3).toLowerCase());
    });
    expect(records.filter((r) => r.target_date === 'Completed').every((r) => r.target_month === '')).toBe(true);
  });

  it('says "no-update" / "No update published" for every action, since the file records no update', () => {
    for (const { action } of fileActions) expect(action).not.toHaveProperty('updates');
    for (const record of records) {
      expect(record).toMatchObject({ status: 'no-update', status_label: 'No update published', status_date: '', status_note: '', status_source: '', update_count: '0' });
    }
  });

  it('gives the original target as the current one, nothing revised, and the "as at" date on every row', () => {
    expect(site.asAt.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const record of records) {
      expect(record).toMatchObject({
        current_target: record.target_date,
        current_target_month: record.target_month,
        target_revisions: '0',
        target_revised_date: '',
        target_revised_reason: '',
        irp_judgement: '',
        irp_date: '',
        repeats: '',
        repeated_by: '',
        as_at: site.asAt.date,
      });
    }
  });

  it('marks "target passed" exactly where the target month ended before the "as at" month (no action is settled)', () => {
    const asAtMonth = site.asAt.date.slice(0, 7);
    for (const record of records) {
      expect(record.target_passed).toBe(record.target_month !== '' && record.target_month! < asAtMonth ? 'true' : 'false');
    }
    expect(records.some((r) => r.target_passed === 'true')).toBe(true);
    expect(records.some((r) => r.target_passed === 'false')).toBe(true);
  });
});

describe('action-plans.json from the real content', () => {
  const json = plansJson(realSite());

  it('is plain JSON: it serialises without cycles and reads back the same', () => {
    const text = JSON.stringify(json);
    expect(JSON.parse(text)).toEqual(json);
  });

  it('holds the plan with its 15 concerns', () => {
    expect(json.plans.map((p) => p.id)).toEqual(['chelmsford-2024']);
    expect(json.plans[0]!.concerns).toHaveLength(15);
    expect(json.plans[0]!.establishment).toMatchObject({ id: 'chelmsford', name: 'HMP Chelmsford' });
    expect(json.plans[0]!.establishment).not.toHaveProperty('plans');
  });

  it('gives every action its owner, target, targetMonth and status, null where the source has none', () => {
    const parsed = JSON.parse(JSON.stringify(json)) as typeof json;
    const actions = parsed.plans.flatMap((p) => p.concerns.flatMap((c) => c.actions));
    expect(actions).toHaveLength(66);
    for (const action of actions) {
      expect(Object.keys(action)).toEqual(expect.arrayContaining(['owner', 'target', 'targetMonth', 'status']));
      expect(action.owner === null || typeof action.owner === 'string').toBe(true);
      expect(action.targetMonth === null || /^\d{4}-\d{2}$/.test(action.targetMonth)).toBe(true);
    }
  });

  it('has no owner for concern 10 action 4, where the source names none', () => {
    const parsed = JSON.parse(JSON.stringify(json)) as typeof json;
    const concern10 = parsed.plans[0]!.concerns.find((c) => c.number === 10)!;
    expect(concern10.actions[3]).toMatchObject({ number: 4, owner: null, target: 'Completed' });
  });

  it('lists themes as ids that exist in the themes list', () => {
    const themeIds = new Set(json.themes.map((t) => t.id));
    for (const concern of json.plans[0]!.concerns) {
      expect(concern.themes.length).toBeGreaterThan(0);
      for (const id of concern.themes) expect(themeIds).toContain(id);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// The downloads with progress: tests/fixtures/downloads-content, as at a set date.
// ---------------------------------------------------------------------------------------------------

const FIXTURE = path.resolve('tests/fixtures/downloads-content');
/** The "as at" date the fixture is judged at: later updates (2025-09-01), revisions (2025-08-01) and changes are left out. */
const AS_AT = '2025-06-30';

/** The fixture's site, as at AS_AT, or (null) as at the latest date in its content. */
function fixtureSite(asAt: string | null = AS_AT): Site {
  const result = loadContent(FIXTURE, { asAt: asAt ?? undefined });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.site;
}

interface RawUpdate {
  date: string;
  status: string;
  note?: string;
  source?: string;
}
interface RawRevision {
  date: string;
  target: string;
  targetMonth?: string;
  reason: string;
  source?: string;
}
interface RawProgressAction extends RawAction {
  updates?: RawUpdate[];
  revisedTargets?: RawRevision[];
}
interface RawProgressConcern extends Omit<RawConcern, 'actions'> {
  actions?: RawProgressAction[];
  reviews?: { date: string; judgement: string; url: string }[];
  repeats?: { plan: string; concern: number };
}
interface RawProgressPlan extends Omit<RawPlan, 'concerns'> {
  concerns: RawProgressConcern[];
  changes?: { date: string; note: string }[];
}

/** Every plan file of the fixture, read directly, by id. */
function readFixturePlans(): Map<string, RawProgressPlan> {
  const plans = new Map<string, RawProgressPlan>();
  for (const file of fs.readdirSync(path.join(FIXTURE, 'plans'), { recursive: true }) as string[]) {
    if (!file.endsWith('.md')) continue;
    const text = fs.readFileSync(path.join(FIXTURE, 'plans', file), 'utf8');
    const data = matter(text, { engines: { yaml: (s: string) => YAML.parse(s) as object } }).data as RawProgressPlan;
    plans.set(data.id, data);
  }
  return plans;
}

const upTo = <T extends { date: string }>(entries: T[] | undefined) => (entries ?? []).filter((e) => e.date <= AS_AT);

/** Worked out by hand from the files, as at 2025-06-30, so the derivation is not checked against itself. */
const TARGET_PASSED: Record<string, boolean[]> = {
  // July 2024 completed; September 2024 revised to March 2025, in progress; no target; "Completed"; December 2024, no update by then.
  'fairfield-2024#concern-1': [false, true, false],
  'fairfield-2024#concern-2': [false, true],
  // End of Sept 2024, not started; no longer applicable.
  'rivermoor-2023#concern-1': [true, false],
  // Completed.
  'fairfield-2021#concern-1': [false],
};

describe('actions.csv with progress (fixture)', () => {
  const site = fixtureSite();
  const raw = readFixturePlans();
  const [header, ...rows] = parseCsv(actionsCsv(site));
  const records = rows.map((row) => Object.fromEntries(header!.map((c, i) => [c, row[i]!])));
  const expected = ['fairfield-2024', 'rivermoor-2023', 'fairfield-2021'].flatMap((planId) =>
    raw.get(planId)!.concerns.flatMap((concern) => (concern.actions ?? []).map((action, i) => ({ planId, concern, action, number: i + 1 }))),
  );

  it('is judged as at the date given', () => {
    expect(site.asAt).toEqual({ date: AS_AT, source: 'setting' });
  });

  it('has a row for every action of every plan, newest inspection first, in the files\' order', () => {
    expect(records.map((r) => `${r.plan_id}#concern-${r.concern_number}/${r.action_number}`)).toEqual(
      expected.map((e) => `${e.planId}#concern-${e.concern.number}/${e.number}`),
    );
    expect(records).toHaveLength(8);
  });

  it('keeps official text word for word: quotes, commas, line breaks, & < >', () => {
    records.forEach((record, i) => {
      const { concern, action } = expected[i]!;
      expect(record.concern).toBe(concern.text.trim());
      expect(record.action).toBe(action.text.trim());
      expect(record.owner).toBe(action.owner ?? '');
      expect(record.target_date).toBe(action.target ?? '');
    });
    expect(records.some((r) => r.concern!.includes('3 < 5 "serious"') && r.concern!.includes('&'))).toBe(true);
  });

  it('gives each action the latest update made by the "as at" date, and how many there were', () => {
    const labels: Record<string, string> = {
      'not-started': 'Not started',
      'in-progress': 'In progress',
      completed: 'Completed',
      'not-completed': 'Not completed',
      'no-longer-applicable': 'No longer applicable',
    };
    records.forEach((record, i) => {
      const updates = upTo(expected[i]!.action.updates);
      const latest = updates.at(-1);
      expect(record).toMatchObject({
        status: latest?.status ?? 'no-update',
        status_label: latest ? labels[latest.status] : 'No update published',
        status_date: latest?.date ?? '',
        status_note: latest?.note?.trim() ?? '',
        status_source: latest?.source ?? '',
        update_count: String(updates.length),
      });
    });
    // The update of 2025-09-01 is after the "as at" date.
    const cleaning = records.find((r) => r.plan_id === 'fairfield-2024' && r.concern_number === '2' && r.action_number === '2')!;
    expect(cleaning).toMatchObject({ status: 'no-update', update_count: '0' });
  });

  it('keeps the original target and gives the latest revision made by the "as at" date with its reason', () => {
    records.forEach((record, i) => {
      const { action } = expected[i]!;
      const revisions = upTo(action.revisedTargets);
      const latest = revisions.at(-1);
      expect(record).toMatchObject({
        target_date: action.target ?? '',
        current_target: latest?.target ?? action.target ?? '',
        target_revisions: String(revisions.length),
        target_revised_date: latest?.date ?? '',
        target_revised_reason: latest?.reason ?? '',
      });
    });
    const training = records.find((r) => r.plan_id === 'fairfield-2024' && r.concern_number === '1' && r.action_number === '2')!;
    expect(training).toMatchObject({ target_date: 'September 2024', target_month: '2024-09', current_target: 'March 2025', current_target_month: '2025-03' });
  });

  it('marks "target passed" as worked out by hand', () => {
    const passed = new Map<string, string[]>();
    for (const r of records) {
      const key = `${r.plan_id}#concern-${r.concern_number}`;
      passed.set(key, [...(passed.get(key) ?? []), r.target_passed!]);
    }
    expect(Object.fromEntries(passed)).toEqual(Object.fromEntries(Object.entries(TARGET_PASSED).map(([k, v]) => [k, v.map(String)])));
  });

  it('gives the concern\'s latest HMIP review, and the concerns it repeats and is repeated by', () => {
    const judgementLabels: Record<string, string> = { 'insufficient-progress': 'Insufficient progress', 'reasonable-progress': 'Reasonable progress' };
    records.forEach((record, i) => {
      const { planId, concern } = expected[i]!;
      const review = upTo(concern.reviews).at(-1);
      const repeatedBy = [...raw.values()].flatMap((p) =>
        p.concerns.filter((c) => c.repeats?.plan === planId && c.repeats.concern === concern.number).map((c) => `${p.id}#concern-${c.number}`),
      );
      expect(record).toMatchObject({
        irp_judgement: review?.judgement ?? '',
        irp_judgement_label: review ? judgementLabels[review.judgement] : '',
        irp_date: review?.date ?? '',
        irp_url: review?.url ?? '',
        repeats: concern.repeats ? `${concern.repeats.plan}#concern-${concern.repeats.concern}` : '',
        repeated_by: repeatedBy.join(';'),
        as_at: AS_AT,
      });
    });
    expect(records.filter((r) => r.repeats === 'fairfield-2021#concern-1')).toHaveLength(3);
    expect(records.filter((r) => r.repeated_by === 'fairfield-2024#concern-1')).toHaveLength(1);
  });

  it('gives one plan\'s CSV the same header and exactly that plan\'s rows', () => {
    const joined: string[][] = [];
    for (const plan of site.plans) {
      const [planHeader, ...planRows] = parseCsv(actionsCsv(site, [plan]));
      expect(planHeader).toEqual(header);
      expect(planRows.map((r) => r[2])).toEqual(planRows.map(() => plan.id));
      joined.push(...planRows);
    }
    expect(joined).toEqual(rows);
  });

  it('documents every column on the /data/ page', () => {
    for (const column of header!) expect(CSV_COLUMN_NOTES[column as keyof typeof CSV_COLUMN_NOTES], column).toMatch(/\S/);
  });

  it('judged as at the latest date in the content, includes the later update', () => {
    const latest = fixtureSite(null);
    expect(latest.asAt).toEqual({ date: '2025-09-01', source: 'content' });
    const [h, ...r] = parseCsv(actionsCsv(latest));
    const cleaning = r.map((row) => Object.fromEntries(h!.map((c, i) => [c, row[i]]))).find((x) => x.plan_id === 'fairfield-2024' && x.concern_number === '2' && x.action_number === '2')!;
    expect(cleaning).toMatchObject({ status: 'completed', current_target: 'October 2025', target_passed: 'false', as_at: '2025-09-01' });
  });
});

/** Every path in a JSON value, as the /data/ page names fields: "plans[].concerns[].actions[].owner". Leaves are values, lists of values, and empty lists or objects. */
function jsonLeafPaths(value: unknown, at = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    const objects = value.filter((v) => v !== null && typeof v === 'object');
    if (objects.length === 0) out.add(at);
    for (const item of objects) jsonLeafPaths(item, `${at}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) out.add(at);
    for (const [key, v] of entries) jsonLeafPaths(v, at ? `${at}.${key}` : key, out);
  } else out.add(at);
  return out;
}

describe('action-plans.json with progress (fixture)', () => {
  const site = fixtureSite();
  const raw = readFixturePlans();
  const json = JSON.parse(JSON.stringify(plansJson(site))) as ReturnType<typeof plansJson>;
  const plan = (id: string) => json.plans.find((p) => p.id === id)!;

  it('is plain JSON, with the "as at" date and the vocabularies of statuses and judgements', () => {
    expect(JSON.parse(JSON.stringify(plansJson(site)))).toEqual(plansJson(site));
    expect(json.asAt).toEqual({ date: AS_AT, source: 'setting' });
    expect(json.statuses.map((s) => s.id)).toEqual(['no-update', 'not-started', 'in-progress', 'completed', 'not-completed', 'no-longer-applicable']);
    expect(json.statuses[0]).toEqual({ id: 'no-update', label: 'No update published' });
    expect(json.judgements.map((j) => j.id)).toEqual(['no-meaningful-progress', 'insufficient-progress', 'reasonable-progress', 'good-progress']);
  });

  it('names repeated concerns by plan id and number, both ways, with no nested plans', () => {
    expect(plan('fairfield-2024').concerns[0]).toMatchObject({ repeats: { plan: 'fairfield-2021', concern: 1 }, repeatedBy: [] });
    expect(plan('fairfield-2021').concerns[0]).toMatchObject({ repeats: null, repeatedBy: [{ plan: 'fairfield-2024', concern: 1 }] });
    expect(plan('fairfield-2024').establishment).toEqual({
      id: 'fairfield',
      name: 'HMP Fairfield',
      type: 'Fictional category C training prison',
      group: 'A fictional group',
      hmipUrl: 'https://example.org/hmip/fairfield',
    });
  });

  it('gives every action its updates, revisions, current target, status and "target passed" as at the date', () => {
    for (const [id, file] of raw) {
      file.concerns.forEach((concern, c) => {
        const actions = plan(id).concerns[c]!.actions;
        expect(actions).toHaveLength((concern.actions ?? []).length);
        (concern.actions ?? []).forEach((action, a) => {
          const updates = upTo(action.updates);
          const revisions = upTo(action.revisedTargets);
          expect(actions[a]).toMatchObject({
            number: a + 1,
            text: action.text.trim(),
            owner: action.owner,
            target: action.target,
            updates: updates.map((u) => ({ date: u.date, status: u.status, note: u.note?.trim() ?? null, source: u.source ?? null })),
            revisedTargets: revisions.map((r) => ({ date: r.date, target: r.target, reason: r.reason, source: r.source ?? null })),
            currentTarget: { asWritten: revisions.at(-1)?.target ?? action.target },
            status: updates.at(-1)?.status ?? 'no-update',
            targetPassed: TARGET_PASSED[`${id}#concern-${concern.number}`]![a],
          });
        });
      });
    }
  });

  it('gives each concern its reviews and counts, and each plan its change log and counts, as at the date', () => {
    expect(plan('fairfield-2024').concerns[0]!.reviews).toEqual([
      { date: '2025-03-10', judgement: 'reasonable-progress', url: 'https://example.org/irp/fairfield-2025?a=1&b=2' },
    ]);
    expect(plan('fairfield-2024').changes.map((c) => c.date)).toEqual(['2024-06-01', '2025-02-01']);
    expect(plan('rivermoor-2023').changes).toEqual([]);
    expect(plan('fairfield-2024').progress).toEqual({
      total: 5,
      completed: 1,
      inProgress: 1,
      notStarted: 0,
      notCompleted: 0,
      noLongerApplicable: 0,
      noUpdate: 3,
      targetPassed: 2,
    });
    expect(plan('fairfield-2024').concerns[1]!.progress).toMatchObject({ total: 2, noUpdate: 2, targetPassed: 1 });
    expect(plan('rivermoor-2023').progress).toMatchObject({ total: 2, notStarted: 1, noLongerApplicable: 1, targetPassed: 1 });
  });

  it('has the same shape for one plan, holding that plan alone', () => {
    for (const p of site.plans) {
      const one = plansJson(site, [p]);
      expect(Object.keys(one)).toEqual(Object.keys(json));
      expect(one.plans).toHaveLength(1);
      expect(JSON.parse(JSON.stringify(one.plans[0]))).toEqual(plan(p.id));
      expect({ ...one, plans: [] }).toEqual({ ...plansJson(site), plans: [] });
    }
  });

  it('documents every field on the /data/ page, and documents no field the file does not have', () => {
    const documented = new Set(documentedJsonPaths());
    const found = jsonLeafPaths(json);
    const undocumented = [...found].filter((p) => !documented.has(p));
    expect(undocumented).toEqual([]);
    // Every documented field is somewhere in the fixture's file, as a value or as a block of fields.
    const prefixes = (p: string) => p.split('.').flatMap((_, i, parts) => {
      const prefix = parts.slice(0, i + 1).join('.');
      return [prefix, prefix.replace(/\[\]$/, '')];
    });
    const everywhere = new Set([...found].flatMap(prefixes));
    expect([...documented].filter((p) => !everywhere.has(p))).toEqual([]);
  });
});
