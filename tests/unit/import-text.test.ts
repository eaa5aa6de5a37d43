/**
 * The importer on the text layout (tab-separated columns, HTML fragments in cells), beyond the
 * Chelmsford source: the older recommendations format, and a plan full of the spots an importer
 * cannot be sure of. Each such spot must be in the draft as a "# CHECK:" comment and in the list
 * of checks, and the draft must still be written, read back, and validate once themes are added.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/load.ts';
import { importPlan, type ImportResult } from '../../src/import/index.ts';
import { SOURCE_FILE } from '../support/source-plan.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const RETRIEVED = '2025-01-01';
const readMatter = (text: string) => matter(text, { engines: { yaml: (s: string) => YAML.parse(s) as object } });

async function importFixture(name: string): Promise<ImportResult> {
  return importPlan(fs.readFileSync(path.join(FIXTURES, name)), { fileName: name, retrieved: RETRIEVED });
}

const importText = (text: string) => importPlan(Buffer.from(text), { fileName: 'plan.txt', retrieved: RETRIEVED });

/** The checks as [path, message] pairs, for comparing with what is expected. */
const checksOf = (result: ImportResult) => result.checks.map((c) => [c.path.join('.'), c.message] as const);

const HEADER = '1. Rec No\t2. Concerns\t3. Response Action Taken/Planned\t4. Responsible Owner\t5. Target Date';
const COVER = [
  'Action Plan: HMP Exampleton',
  'Action Plan Submitted: 3rd March 2023',
  'A Response to the HMIP Inspection: 28th November – 2nd December 2022',
  'Report Published: 14th February 2023',
  'INTRODUCTION',
  'Introduction.',
].join('\n\n');
/** A plan in the text layout with the given table rows under one "Priority concerns" heading. */
const plan = (...rows: string[]) => `${COVER}\n\n${HEADER}\n\tPriority concerns\t\t\t\n${rows.join('\n')}\n`;

describe('the older recommendations format', async () => {
  const result = await importFixture('recommendations.txt');
  const draft = readMatter(result.text);

  it('reads the reference code, the decision, the section headings and the response', () => {
    expect(draft.data.format).toBe('recommendations');
    expect(draft.data.concerns).toEqual([
      {
        number: 1,
        category: 'Main recommendations',
        reference: 'S40',
        text: 'Prisoners should receive internal and external health appointments promptly and within community-equivalent waiting times.',
        response: { decision: 'partly-agreed', text: 'This recommendation is partly agreed because the external hospital sets its own waiting times.' },
        themes: [],
        actions: [
          { text: 'The prison will review the escort rota.', owner: 'Head of Healthcare', target: 'December 2019' },
          { text: 'Healthcare will audit missed appointments.', owner: 'Head of Healthcare', target: 'January 2020' },
        ],
      },
      {
        number: 2,
        category: 'Safety',
        reference: '1.12',
        text: 'Use of force should be properly governed.',
        response: { decision: 'agreed' },
        themes: [],
        actions: [{ text: 'A use of force committee will meet monthly.', owner: 'Head of Safety', target: 'December 2019' }],
      },
      {
        number: 3,
        category: 'Respect',
        reference: '2.5',
        text: 'Prisoners should have access to showers every day.',
        response: { decision: 'not-agreed', text: 'The regime does not allow daily showers on every wing.' },
        themes: [],
        actions: [],
      },
      {
        number: 4,
        category: 'Respect',
        reference: '2.9',
        text: 'Cells should be cleaned.',
        response: { decision: 'agreed' },
        themes: [],
        actions: [
          {
            text: 'A cleaning schedule will be introduced.\n\nCleaning materials will be issued weekly.\n\nWing managers will check the cells.',
            owner: 'Head of Residence',
            target: 'March 2020',
          },
        ],
      },
    ]);
  });

  it('reads covers written without colons', () => {
    expect(draft.data.inspection).toEqual({ asWritten: '23 April – 3 May 2019', periods: [{ start: '2019-04-23', end: '2019-05-03' }] });
    expect(draft.data.planSubmitted).toEqual({ asWritten: '05 November 2019', date: '2019-11-05' });
    expect(draft.data.reportPublished).toEqual({ asWritten: '20 August 2019', date: '2019-08-20' });
  });

  it('flags what it could not place and the responses it had to interpret', () => {
    expect(checksOf(result)).toEqual([
      ['', expect.stringMatching(/^not imported from the cover: "Actions against target dates are likely to be delayed due to COVID-19/)],
      ['', expect.stringMatching(/^not imported from the cover: "a table before the action plan \(first row "Term \| Definition \| Additional comment"\)"/)],
      ['concerns.0.response.text', expect.stringMatching(/3 paragraphs but 2 owners: the first paragraph was taken as the explanation/)],
      ['concerns.3.actions.0', expect.stringMatching(/3 paragraphs but one owner and target date, so it was kept as one action/)],
    ]);
    expect(draft.data.provenance.transcription).toBe('partial');
  });
});

describe('a plan with spots the importer cannot be sure of', async () => {
  const result = await importFixture('unsure.txt');
  const draft = readMatter(result.text);

  it('still writes a draft, and flags each spot where it is', () => {
    expect(checksOf(result)).toEqual([
      ['', 'not imported (line 31, outside the table\'s cells): "Page 3 of 4"'],
      ['concerns.0.actions.0', expect.stringMatching(/"The Governor will meet the Head of" was joined to "Safety every week." as one paragraph; check/)],
      ['concerns.1.actions.0.owner', expect.stringMatching(/1 action but 2 owners \("Governor", "Head of Estates"\), so the cell was kept as written, as one value/)],
      ['concerns.1.actions.0.target', expect.stringMatching(/1 action but 2 targets \("May 2023", "June 2023"\), so the cell was kept as written, as one value/)],
      ['concerns.2.actions', expect.stringMatching(/one block of text with no paragraph markup; it was split at sentence boundaries into 2/)],
      ['concerns.2.actions.0.owner', expect.stringMatching(/whole of a cell with no markup \("Governor Head of Estates"\)/)],
      ['concerns.2.actions.1.owner', expect.stringMatching(/table row \(line 28\): 2 actions but 1 owner; paired in order, this action has none/)],
      ['concerns.3.actions.0', expect.stringMatching(/a list follows this action's text, which does not end with ":"/)],
      ['concerns.3.actions.0.target', expect.stringMatching(/cannot read a month from the target "Ongoing".*add `targetMonth: YYYY-MM`/)],
      ['concerns.4', expect.stringMatching(/this row \(line 32\) has only 2 of the table's 5 columns and starts with a Rec No, so it may be cut short/)],
      ['concerns.4.actions', 'no actions were found for this concern: copy them from the source'],
    ]);
  });

  it('infers the missing years of the cover from each other', () => {
    expect(draft.data.inspection).toEqual({ asWritten: '28th November – 2nd December', periods: [{ start: '2022-11-28', end: '2022-12-02' }] });
    expect(draft.data.planSubmitted).toEqual({ asWritten: '3rd March', date: '2023-03-03' });
    expect(draft.data.id).toBe('exampleton-2022');
  });

  it('keeps the words of each spot as the source has them', () => {
    const concerns = draft.data.concerns as { text: string; actions: { text: string; owner: string | null; target: string | null }[] }[];
    expect(concerns[0]!.actions.map((a) => a.text)).toEqual(['The Governor will meet the Head of Safety every week.', 'Staff will be trained.']);
    expect(concerns[2]!.actions).toEqual([
      { text: 'Windows will be fixed.', owner: 'Governor Head of Estates', target: 'May 2023' },
      { text: 'Showers will be fixed.', owner: null, target: 'June 2023' },
    ]);
    expect(concerns[3]!.actions[0]!.text).toBe('We will do the following.\n\n- First thing.\n- Second thing.');
    expect(concerns[4]!.text).toBe('Concern five is cut');
  });

  it('joins the introduction\'s lines into paragraphs', () => {
    expect(draft.content).toBe('First paragraph of the introduction, wrapped over two lines.\n\nSecond paragraph.\n');
  });

  it('writes every check on its line as a "# CHECK:" comment', () => {
    const lines = result.text.split('\n');
    for (const check of result.checks) expect(lines[check.line - 1]!.trim()).toBe(`# CHECK: ${check.message}`);
  });
});

describe('paragraphs cut by a page break', () => {
  const actionsOf = async (text: string) => {
    const result = await importText(text);
    return { texts: result.plan.concerns[0]!.actions.map((a) => a.text), checks: checksOf(result) };
  };

  it('joins without a flag where both signs agree: no full stop before, lower case after', async () => {
    const { texts, checks } = await actionsOf(plan('1\tA.\t<p>Cells will be</p>\tGovernor\tMay 2024', '\t\t<p>painted.</p>\t\t'));
    expect(texts).toEqual(['Cells will be painted.']);
    expect(checks).toEqual([]);
  });

  it('joins a word broken at its hyphen without a space', async () => {
    const { texts, checks } = await actionsOf(plan('1\tA.\t<p>Better day-to-</p>\tGovernor\tMay 2024', '\t\t<p>day support.</p>\t\t'));
    expect(texts).toEqual(['Better day-to-day support.']);
    expect(checks).toEqual([]);
  });

  it('joins a paragraph that goes on with "(" without a flag', async () => {
    const { texts, checks } = await actionsOf(plan('1\tA.\t<p>The review group</p>\tGovernor\tMay 2024', '\t\t<p>(SMARG) will meet.</p>\t\t'));
    expect(texts).toEqual(['The review group (SMARG) will meet.']);
    expect(checks).toEqual([]);
  });

  it('joins and flags where only the lower case says so', async () => {
    const { texts, checks } = await actionsOf(plan('1\tA.\t<p>Cells will be painted.</p>\tGovernor\tMay 2024', '\t\t<p>then cleaned.</p>\t\t'));
    expect(texts).toEqual(['Cells will be painted. then cleaned.']);
    expect(checks).toEqual([['concerns.0.actions.0', expect.stringMatching(/was joined to "then cleaned." as one paragraph; check/)]]);
  });

  it('keeps two paragraphs apart where neither sign says to join', async () => {
    const { texts, checks } = await actionsOf(plan('1\tA.\t<p>Cells will be painted.</p>\tGovernor\tMay 2024', '\t\t<p>Showers will be fixed.</p>\tGovernor\tJune 2024'));
    expect(texts).toEqual(['Cells will be painted.', 'Showers will be fixed.']);
    expect(checks).toEqual([]);
  });

  it('joins a concern cut by a page break', async () => {
    const result = await importText(plan('1\t<p>Cells were</p>\t<p>Paint.</p>\tGovernor\tMay 2024', '\tdirty.\t\t\t'));
    expect(result.plan.concerns[0]!.text).toBe('Cells were dirty.');
  });

  it('continues a list cut by a page break', async () => {
    const { texts, checks } = await actionsOf(
      plan('1\tA.\t<p>We will:</p> <ul><li>paint cells;</li></ul>\tGovernor\tMay 2024', '\t\t<ul><li>fix showers.</li></ul> <p>Staff will be trained.</p>\tGovernor\tJune 2024'),
    );
    expect(texts).toEqual(['We will:\n\n- paint cells;\n- fix showers.', 'Staff will be trained.']);
    expect(checks).toEqual([]);
  });
});

describe('a text plan cut short', () => {
  it('is imported as far as it goes, with the cut row flagged', async () => {
    const source = fs.readFileSync(SOURCE_FILE, 'utf8');
    const cut = source.slice(0, source.indexOf('(SMARG) meeting will identify') + '(SMARG) meeting will'.length);
    const result = await importPlan(Buffer.from(cut), { fileName: 'cut.txt', retrieved: RETRIEVED });
    expect(result.plan.concerns.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(checksOf(result)).toEqual([
      ['concerns.6', expect.stringMatching(/the last row \(line 67\) has only 3 of the table's 5 columns: the file may be cut short/)],
      ...[0, 1, 2].map((j) => [`concerns.6.actions.${j}.target`, expect.stringMatching(/3 actions but 4 targets \(.*"\(SMARG\) meeting will"\), so the cell was kept as written/)]),
    ]);
  });

  it('flags a short row whose last cell reads like prose, not a target date', async () => {
    const result = await importText(plan('1\tA.\t<p>One.</p>\tGovernor\tMay 2024', '\t<p>Two. And more text was here.</p>', '2\tB.\t<p>Three.</p>\tGovernor\tMay 2024'));
    expect(checksOf(result)[0]).toEqual(['concerns.0', expect.stringMatching(/does not read like a target date: the row may be cut short/)]);
  });
});

describe('owners and targets', () => {
  it('pairs owners and targets given one per row', async () => {
    const result = await importText(plan('1\tA.\t<p>One.</p> <p>Two.</p>\tGovernor\tMay 2024', '\t\t\tHead of Safety\tJune 2024'));
    expect(result.plan.concerns[0]!.actions).toEqual([
      { text: 'One.', owner: 'Governor', target: 'May 2024' },
      { text: 'Two.', owner: 'Head of Safety', target: 'June 2024' },
    ]);
    expect(result.checks).toEqual([]);
  });

  it('splits an owner cell that repeats one name, and a target cell of dates, with no flag where counts match', async () => {
    const result = await importText(plan('1\tA.\t<p>One.</p> <p>Two.</p>\tHead of Healthcare Head of Healthcare\tSeptember 2024 August 2024 (For bid process)'));
    expect(result.plan.concerns[0]!.actions.map((a) => [a.owner, a.target])).toEqual([
      ['Head of Healthcare', 'September 2024'],
      ['Head of Healthcare', 'August 2024 (For bid process)'],
    ]);
    expect(result.checks).toEqual([]);
  });

  it('flags a missing target as it flags a missing owner', async () => {
    const result = await importText(plan('1\tA.\t<p>One.</p> <p>Two.</p>\t<p>Governor</p> <p>Governor</p>\t<p>May 2024</p>'));
    expect(result.plan.concerns[0]!.actions[1]).toEqual({ text: 'Two.', owner: 'Governor', target: null });
    expect(checksOf(result)).toEqual([['concerns.0.actions.1.target', expect.stringMatching(/2 actions but 1 target; paired in order, this action has none/)]]);
  });
});

describe('the cover', () => {
  it('flags a date it cannot read and writes null for the editor to fill in', async () => {
    const result = await importText(plan('1\tA.\t<p>One.</p>\tGovernor\tMay 2024').replace('Report Published: 14th February 2023', 'Report Published: spring 2023'));
    expect(checksOf(result)).toEqual([['reportPublished', expect.stringMatching(/cannot read "spring 2023" as a date: "spring" is not a day, month or year/)]]);
    expect(readMatter(result.text).data.reportPublished).toEqual({ asWritten: 'spring 2023', date: null });
  });

  it('flags a missing cover date and a missing introduction', async () => {
    const text = plan('1\tA.\t<p>One.</p>\tGovernor\tMay 2024').replace('Action Plan Submitted: 3rd March 2023\n\n', '').replace('INTRODUCTION\n\nIntroduction.\n\n', '');
    const result = await importText(text);
    expect(checksOf(result)).toEqual([
      ['', expect.stringMatching(/no INTRODUCTION heading was found/)],
      ['planSubmitted', expect.stringMatching(/the cover gives no date after "Action Plan Submitted"/)],
    ]);
    expect(readMatter(result.text).data.planSubmitted).toEqual({ date: null });
  });

  it('uses the id of the establishment file the title names, and flags one it cannot find', async () => {
    const known = [{ id: 'hmp-exampleton-east', name: 'HMP Exampleton' }];
    const found = await importPlan(Buffer.from(plan('1\tA.\t<p>One.</p>\tGovernor\tMay 2024')), { fileName: 'p.txt', retrieved: RETRIEVED, establishments: known });
    expect(found.plan.establishment).toBe('hmp-exampleton-east');
    expect(found.checks).toEqual([]);
    const missing = await importPlan(Buffer.from(plan('1\tA.\t<p>One.</p>\tGovernor\tMay 2024')), { fileName: 'p.txt', retrieved: RETRIEVED, establishments: [] });
    expect(missing.plan.establishment).toBe('exampleton');
    expect(checksOf(missing)).toEqual([['establishment', expect.stringMatching(/add content\/establishments\/exampleton.yaml/)]]);
  });
});

describe('the written draft', () => {
  it('is complete, with nothing flagged, where every spot was certain', async () => {
    const result = await importText(plan('1\tA concern: "quoted" # not a comment.\t<p>One: two.</p>\tGovernor\tMay 2024'));
    expect(result.checks).toEqual([]);
    const data = readMatter(result.text).data;
    expect(data.provenance.transcription).toBe('complete');
    expect(data.concerns[0].text).toBe('A concern: "quoted" # not a comment.');
  });

  it('reads back as written whatever characters the source holds, and validates as a draft once themes are added', async () => {
    const awkward = ['- starts like a list', '#hash', 'yes', 'null', '"quoted"', "it's: a colon", '100%', '&amp; entity', '*stars*'];
    const rows = awkward.map((t, i) => `${i + 1}\t${t}\t<p>${t}</p>\t${t}\t${t}`);
    const result = await importText(plan(...rows));
    const data = readMatter(result.text).data;
    const decoded = awkward.map((t) => t.replace('&amp;', '&'));
    expect(data.concerns.map((c: { text: string }) => c.text)).toEqual(decoded);
    expect(data.concerns.map((c: { actions: { owner: string }[] }) => c.actions[0]!.owner)).toEqual(decoded);
    const loaded = validateContent([
      ['themes.yaml', 'themes:\n  - id: safety\n    label: Safety\n    description: Keeping prisoners safe.\n    area: safety\n'],
      ['establishments/exampleton.yaml', 'id: exampleton\nname: HMP Exampleton\n'],
      ['plans/exampleton/exampleton-2022.md', result.text.replace(/themes: \[\] # CHECK[^\n]*/g, 'themes: [safety]')],
    ], 'content', { draft: true });
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    // What is left to check is the targets the site cannot read a month from, one on each action.
    expect(loaded.warnings.map((w) => w.line)).toHaveLength(awkward.length);
  });
});

describe('owners and targets are paired within their table row', () => {
  it('never across a concern: a row with fewer owners than actions does not borrow the next row’s', async () => {
    const result = await importText(
      plan('1\tA.\t<p>One.</p> <p>Two.</p>\t<p>Governor</p>\t<p>May 2024</p> <p>June 2024</p>', '\t\t<p>Three.</p>\t<p>Head of Safety</p>\t<p>July 2024</p>'),
    );
    expect(result.plan.concerns[0]!.actions).toEqual([
      { text: 'One.', owner: 'Governor', target: 'May 2024' },
      { text: 'Two.', owner: null, target: 'June 2024' },
      { text: 'Three.', owner: 'Head of Safety', target: 'July 2024' },
    ]);
    expect(checksOf(result)).toEqual([['concerns.0.actions.1.owner', expect.stringMatching(/table row \(line \d+\): 2 actions but 1 owner; paired in order, this action has none/)]]);
  });

  it('keeps a joint owner written over two lines as one owner', async () => {
    const result = await importText(plan('1\tA.\t<p>One.</p>\t<p>GFSL, HMPPS Estates,<br>MoJ Property Services.</p>\t<p>May 2024</p>'));
    expect(result.plan.concerns[0]!.actions).toEqual([{ text: 'One.', owner: 'GFSL, HMPPS Estates, MoJ Property Services.', target: 'May 2024' }]);
    expect(result.checks).toEqual([]);
  });

  it('pairs a two-line owner cell line by line when the row has as many actions', async () => {
    const result = await importText(plan('1\tA.\t<p>One.</p> <p>Two.</p>\t<p>Governor<br>Head of Healthcare</p>\t<p>May 2024</p> <p>June 2024</p>'));
    expect(result.plan.concerns[0]!.actions.map((a) => a.owner)).toEqual(['Governor', 'Head of Healthcare']);
    expect(result.checks).toEqual([]);
  });
});

describe('list items typed as text', () => {
  it('stay in the action whose lead-in ends with ":"', async () => {
    const result = await importText(plan('1\tA.\t<p>The review will:</p> <p>1. meet weekly;</p> <p>2. report monthly.</p> <p>Staff will be trained.</p>\t<p>Governor</p> <p>Governor</p>\t<p>May 2024</p> <p>June 2024</p>'));
    expect(result.plan.concerns[0]!.actions.map((a) => a.text)).toEqual(['The review will:\n\n1. meet weekly;\n2. report monthly.', 'Staff will be trained.']);
    expect(result.checks).toEqual([]);
  });

  it('are flagged on their own action where no lead-in ending with ":" comes before them', async () => {
    const result = await importText(plan('1\tA.\t<p>The review will be held.</p> <p>2. Staff will be trained.</p>\t<p>Governor</p> <p>Governor</p>\t<p>May 2024</p> <p>June 2024</p>'));
    expect(result.plan.concerns[0]!.actions.map((a) => a.text)).toEqual(['The review will be held.', '2. Staff will be trained.']);
    expect(checksOf(result)).toEqual([['concerns.0.actions.1', expect.stringMatching(/starts like a list item \("2\."\) but no lead-in ending with ":" comes before it/)]]);
  });
});
