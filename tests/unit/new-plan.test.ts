/**
 * `npm run new-plan` (src/scaffold/new-plan.ts), on temporary copies of the real content folder:
 * the skeleton it writes is valid at once, for a new or an existing establishment and in either
 * format; it asks for what is missing in a terminal and names it on one line otherwise; and it
 * never overwrites a file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaModeline } from '../../src/content/json-schema.ts';
import { loadContent } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { certainInspectionPeriods as parseInspectionDates } from '../../src/import/dates.ts';
import { newPlanCommand, scaffoldPlan, ScaffoldError, type CommandIO } from '../../src/scaffold/new-plan.ts';
import { runScript } from '../support/run-script.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REAL_CONTENT = path.join(ROOT, 'content');
const TODAY = '2024-07-01';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'action-plans-new-plan-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let copies = 0;
/** A fresh copy of the real content folder. */
function contentCopy(): string {
  const dir = path.join(work, `content-${++copies}`);
  fs.cpSync(REAL_CONTENT, dir, { recursive: true });
  return dir;
}

/** Every file below `dir` with its text, to prove what changed and what did not. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
}

interface Run {
  code: number;
  out: string[];
  err: string[];
  prompts: string;
}

/** Runs the command in this process; `answers` are typed in turn when it asks (as in a terminal). */
async function run(args: string[], options: { answers?: string[] } = {}): Promise<Run> {
  const input = new PassThrough();
  const output = new PassThrough();
  let prompts = '';
  output.on('data', (chunk: Buffer) => (prompts += chunk.toString()));
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = {
    input,
    output,
    interactive: options.answers !== undefined,
    log: (line) => out.push(line),
    error: (line) => err.push(line),
    today: TODAY,
  };
  // Each answer is typed once the command has asked for it.
  const answers = [...(options.answers ?? [])];
  output.on('data', (chunk: Buffer) => {
    if (/: $/.test(chunk.toString()) && answers.length) input.write(`${answers.shift()}\n`);
  });
  if (options.answers !== undefined && !options.answers.length) input.end();
  const code = await newPlanCommand(args, io);
  input.end();
  return { code, out, err, prompts };
}

/** Valid as a draft (`validate --draft`): the skeleton's placeholders and "# CHECK:" comments are unfinished work by design, which plain validate and the build refuse. */
function expectValid(dir: string) {
  expect(loadContent(dir, {}).ok).toBe(false);
  const result = loadContent(dir, { draft: true });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.site;
}

describe('reading inspection dates as plans write them', () => {
  it.each([
    ['22nd January – 8th February 2024', [['2024-01-22', '2024-02-08']]],
    ['24-25th February; 2-6th March 2020', [['2020-02-24', '2020-02-25'], ['2020-03-02', '2020-03-06']]],
    ['30th December 2019 – 10th January 2020', [['2019-12-30', '2020-01-10']]],
    ['30 December – 10 January 2020', [['2019-12-30', '2020-01-10']]],
    ['3 – 14 June 2019', [['2019-06-03', '2019-06-14']]],
    ['8 May 2024', [['2024-05-08', '2024-05-08']]],
    ['22 January to 8 February 2024', [['2024-01-22', '2024-02-08']]],
    ['1st-3rd Sept 2021', [['2021-09-01', '2021-09-03']]],
    ['30-31st December; 2-6th January 2020', [['2019-12-30', '2019-12-31'], ['2020-01-02', '2020-01-06']]],
    ['28th February – 1st March, 2024', [['2024-02-28', '2024-03-01']]],
  ])('"%s"', (text, expected) => {
    expect(parseInspectionDates(text)).toEqual(expected.map(([start, end]) => ({ start, end })));
  });

  it.each([
    ['no year', '22nd January – 8th February'],
    ['no month', '22 – 28 2024'],
    ['an impossible day', '30th February 2024'],
    ['an end before the start', '8th February – 22nd January 2024'],
    ['periods out of order', '2-6th March; 24-25th February 2020'],
    ['a span of months', '22nd January – 8th June 2024'],
    ['words it does not know', 'Spring 2024'],
    ['nothing', ''],
  ])('gives up, rather than guess, on %s', (_why, text) => {
    expect(parseInspectionDates(text)).toBeUndefined();
  });
});

describe('a new plan, written with flags', () => {
  it.each([
    ['a new establishment', 'concerns'],
    ['a new establishment', 'recommendations'],
    ['an existing establishment', 'concerns'],
    ['an existing establishment', 'recommendations'],
  ] as const)('for %s, in the %s format, is valid as soon as it is written', async (which, format) => {
    const dir = contentCopy();
    const before = snapshot(dir);
    const isNew = which === 'a new establishment';
    const establishment = isNew ? 'wandsworth' : 'chelmsford';
    const args = [
      '--content', dir,
      '--establishment', establishment,
      ...(isNew ? ['--name', 'HMP Wandsworth'] : []),
      '--inspection', '24-25th February; 2-6th March 2020',
      '--format', format,
    ];

    const result = await run(args);

    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const planRel = `plans/${establishment}/${establishment}-2020.md`;
    const added = Object.keys(snapshot(dir)).filter((f) => !(f in before));
    expect(added.sort()).toEqual(isNew ? [`establishments/${establishment}.yaml`, planRel] : [planRel]);
    // Nothing that was there before has changed.
    for (const [file, text] of Object.entries(before)) expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(text);

    const site = expectValid(dir);
    const plan = site.plans.find((p) => p.id === `${establishment}-2020`)!;
    expect(plan.format).toBe(format);
    expect(plan.establishment.name).toBe(isNew ? 'HMP Wandsworth' : 'HMP Chelmsford');
    expect(plan.title).toBe(isNew ? 'Action Plan: HMP Wandsworth' : 'Action Plan: HMP Chelmsford');
    expect(plan.inspection.periods).toEqual([
      { start: '2020-02-24', end: '2020-02-25' },
      { start: '2020-03-02', end: '2020-03-06' },
    ]);
    expect(plan.inspection.asWritten).toBe('24-25th February; 2-6th March 2020');
    expect(plan.provenance.transcription).toBe('partial');
    expect(plan.provenance.retrieved).toBe(TODAY);
    expect(plan.concerns).toHaveLength(1);

    const text = fs.readFileSync(path.join(dir, planRel), 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual(['---', schemaModeline('plan', `content/${planRel}`)]);
    expect(text).toContain(format === 'concerns' ? 'Concern text, word for word from the plan.' : 'Recommendation text, word for word from the plan.');
    expect(text).toMatch(/# CHECK: the themes this (concern|recommendation) is about/);
    expect(text.match(/# CHECK:/g)!.length).toBeGreaterThanOrEqual(6);
    if (isNew) {
      const establishmentText = fs.readFileSync(path.join(dir, `establishments/${establishment}.yaml`), 'utf8');
      expect(establishmentText.split('\n')[0]).toBe(schemaModeline('establishment', `content/establishments/${establishment}.yaml`));
    }
    expect(result.out.join('\n')).toMatch(/Created .*\.md/);
    expect(result.out.join('\n')).toMatch(/lines marked "# CHECK:"/);
  });

  it('takes --start and --end instead of the written dates, and flags the written form to check', async () => {
    const dir = contentCopy();
    const result = await run(['--content', dir, '--establishment', 'chelmsford', '--start', '2025-03-03', '--end', '2025-03-14', '--format', 'concerns']);
    expect(result.code).toBe(0);
    const plan = expectValid(dir).plans.find((p) => p.id === 'chelmsford-2025')!;
    expect(plan.inspection.asWritten).toBe('3 to 14 March 2025');
    expect(fs.readFileSync(path.join(dir, 'plans/chelmsford/chelmsford-2025.md'), 'utf8')).toContain('# CHECK: write the dates exactly as the plan does.');
  });

  it('takes --start and --end with --inspection where the written dates cannot be read', async () => {
    const dir = contentCopy();
    const args = ['--content', dir, '--establishment', 'chelmsford', '--inspection', 'Week of 3rd March 2025', '--format', 'concerns'];
    const refused = await run(args);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([expect.stringMatching(/cannot read the inspection dates "Week of 3rd March 2025": add --start and --end/)]);
    const result = await run([...args, '--start', '2025-03-03', '--end', '2025-03-07']);
    expect(result.code).toBe(0);
    expect(expectValid(dir).plans.find((p) => p.id === 'chelmsford-2025')!.inspection.asWritten).toBe('Week of 3rd March 2025');
  });

  it('uses --id for the plan\'s id and file name', async () => {
    const dir = contentCopy();
    const result = await run(['--content', dir, '--establishment', 'chelmsford', '--inspection', '8 May 2024', '--format', 'concerns', '--id', 'chelmsford-2024-follow-up']);
    expect(result.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'plans/chelmsford/chelmsford-2024-follow-up.md'))).toBe(true);
    expectValid(dir);
  });
});

describe('never overwriting', () => {
  it('refuses to write a plan whose file already exists, and changes nothing', async () => {
    const dir = contentCopy();
    const before = snapshot(dir);
    // The real Chelmsford plan is chelmsford-2024.md: the default id for a 2024 inspection.
    const result = await run(['--content', dir, '--establishment', 'chelmsford', '--inspection', '22nd January – 8th February 2024', '--format', 'concerns']);
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/plans\/chelmsford\/chelmsford-2024\.md already exists, so nothing was written: choose another id with --id/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a plan id already used in another establishment\'s folder', async () => {
    const dir = contentCopy();
    const before = snapshot(dir);
    const result = await run(['--content', dir, '--establishment', 'wandsworth', '--name', 'HMP Wandsworth', '--inspection', '8 May 2024', '--format', 'concerns', '--id', 'chelmsford-2024']);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/chelmsford-2024\.md already exists/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes the same plan a second time only under another id', async () => {
    const dir = contentCopy();
    const args = ['--content', dir, '--establishment', 'wandsworth', '--name', 'HMP Wandsworth', '--inspection', '8 May 2024', '--format', 'concerns'];
    expect((await run(args)).code).toBe(0);
    const after = snapshot(dir);
    const again = await run(args);
    expect(again.code).toBe(1);
    expect(snapshot(dir)).toEqual(after);
    expect((await run([...args, '--id', 'wandsworth-2024-2'])).code).toBe(0);
    expectValid(dir);
  });
});

describe('mistakes in what is asked for', () => {
  it.each([
    ['an establishment id that is not an id', ['--establishment', 'HMP Chelmsford', '--inspection', '8 May 2024', '--format', 'concerns'], /the establishment id "HMP Chelmsford" must be made of lower-case letters/],
    ['an unknown format', ['--establishment', 'chelmsford', '--inspection', '8 May 2024', '--format', 'concern'], /the format "concern" must be "concerns" \(2022 onwards\) or "recommendations"/],
    ['a new establishment without its name', ['--establishment', 'wandsworth', '--inspection', '8 May 2024', '--format', 'concerns'], /missing --name \(the establishment is new\)/],
    ['an impossible start date', ['--establishment', 'chelmsford', '--start', '2024-02-30', '--end', '2024-03-01', '--format', 'concerns'], /--start "2024-02-30" is not a real date/],
    ['an end before the start', ['--establishment', 'chelmsford', '--start', '2024-03-01', '--end', '2024-02-01', '--format', 'concerns'], /--end \(2024-02-01\) is before --start \(2024-03-01\)/],
    ['only a start date', ['--establishment', 'chelmsford', '--start', '2024-03-01', '--format', 'concerns'], /give both --start and --end/],
    ['a plan id that is not an id', ['--establishment', 'chelmsford', '--inspection', '8 May 2024', '--format', 'concerns', '--id', 'Chelmsford 2024'], /the plan id "Chelmsford 2024" must be made of/],
    ['an unknown flag', ['--establishment', 'chelmsford', '--colour', 'red'], /Unknown option '--colour'.*Usage: npm run new-plan/],
  ])('%s: one line that says what to do, and nothing written', async (_name, args, message) => {
    const dir = contentCopy();
    const before = snapshot(dir);
    const result = await run(['--content', dir, ...args]);
    expect(result.code).not.toBe(0);
    expect(result.err).toEqual([expect.stringMatching(message)]);
    expect(result.err[0]).not.toContain('\n');
    expect(snapshot(dir)).toEqual(before);
  });

  it('without a terminal, names every missing flag on one line', async () => {
    const dir = contentCopy();
    const result = await run(['--content', dir]);
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^Error: missing --establishment, --inspection, --format\. Give them as flags, for example: npm run new-plan -- --establishment/);
    expect(result.err[0]).toContain('(or run it in a terminal to be asked)');
  });

  it('scaffoldPlan throws a ScaffoldError, never a crash, for a content folder without themes', () => {
    const dir = contentCopy();
    fs.rmSync(path.join(dir, 'themes.yaml'));
    expect(() => scaffoldPlan(dir, { establishment: 'chelmsford', inspection: '8 May 2025', format: 'concerns' })).toThrow(ScaffoldError);
  });
});

describe('in a terminal, it asks for what is missing', () => {
  it('asks for the establishment, its name when new, the dates and the format', async () => {
    const dir = contentCopy();
    const result = await run(['--content', dir], { answers: ['wandsworth', 'HMP Wandsworth', '22nd January – 8th February 2024', 'recommendations'] });
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.prompts).toContain('Establishments so far: chelmsford');
    expect(result.prompts).toContain('"wandsworth" is a new establishment');
    expect(result.prompts).toContain('Inspection dates, as the plan writes them');
    expect(result.prompts).toContain('Format: "concerns"');
    const plan = expectValid(dir).plans.find((p) => p.id === 'wandsworth-2024')!;
    expect(plan.format).toBe('recommendations');
    expect(plan.establishment.name).toBe('HMP Wandsworth');
  });

  it('asks again after an answer it cannot use, and for the first and last day when it cannot read the dates', async () => {
    const dir = contentCopy();
    const result = await run(['--content', dir, '--establishment', 'chelmsford'], {
      answers: ['Spring 2025', '2025-03-03', '2025-02-01', '2025-03-07', 'priority', 'concerns'],
    });
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.prompts).toContain('Cannot read "Spring 2025" for certain');
    expect(result.prompts).toContain('The last day cannot be before the first.');
    expect(result.prompts).toContain('Type concerns or recommendations.');
    const plan = expectValid(dir).plans.find((p) => p.id === 'chelmsford-2025')!;
    expect(plan.inspection).toEqual({ asWritten: 'Spring 2025', periods: [{ start: '2025-03-03', end: '2025-03-07' }] });
  });

  it('stops, writing nothing, when the input ends before every question is answered', async () => {
    const dir = contentCopy();
    const before = snapshot(dir);
    const result = await run(['--content', dir], { answers: [] });
    expect(result.code).toBe(1);
    expect(result.err).toEqual([expect.stringMatching(/stopped before every question was answered, so nothing was written/)]);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('npm run new-plan', () => {
  it('is wired to the command: writes a valid plan from flags, with stdin not a terminal', () => {
    const dir = contentCopy();
    const result = runScript('new-plan', ['--content', dir, '--establishment', 'chelmsford', '--inspection', '3 – 14 June 2019', '--format', 'recommendations'], { input: '' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Created .*plans\/chelmsford\/chelmsford-2019\.md/);
    expectValid(dir);
  });
});
