/**
 * The open data downloads as a data user gets them: /data/actions.csv is RFC 4180 CSV that any
 * spreadsheet reads back into exactly the actions the plan lists, and /data/action-plans.json is
 * plain JSON.
 *
 * The CSV is checked against the content file read independently here (gray-matter and the `yaml`
 * package), not through the loader that made it.
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
import { actionsCsv, plansJson } from '../../src/data/downloads.ts';
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

describe('actions.csv from the real content', () => {
  const csv = actionsCsv(realSite());
  const [header, ...rows] = parseCsv(csv);
  const file = readPlanFile();
  const establishment = readEstablishmentFile(file.establishment);
  const fileActions = file.concerns.flatMap((concern) => concern.actions.map((action, i) => ({ concern, action, number: i + 1 })));
  const records = rows.map((row) => Object.fromEntries(COLUMNS.map((c, i) => [c, row[i]])) as Record<string, string>);

  it('has exactly the 17 documented columns, in order', () => {
    expect(header).toEqual(COLUMNS);
  });

  it('has a row for every action in the file, and no other (66)', () => {
    expect(fileActions).toHaveLength(66);
    expect(rows).toHaveLength(fileActions.length);
  });

  it('gives every row all 17 fields', () => {
    for (const row of rows) expect(row).toHaveLength(COLUMNS.length);
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

  it('shows the editorial status the file gives, "no-update" where it gives none', () => {
    records.forEach((record, i) => {
      expect(record.status).toBe(fileActions[i]!.action.status ?? 'no-update');
    });
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
