/**
 * `npm run new-plan`: writes a new plan file (and the establishment's file, when the establishment is
 * new) as a skeleton that is valid as soon as it is written, so `npm run validate` passes at once.
 * Placeholders are plain text ("Concern text, word for word from the plan."), comments say what goes
 * where, and each line an editor must check carries a "# CHECK:" comment, as the importer's do.
 *
 *   npm run new-plan -- --establishment chelmsford --inspection "22nd January – 8th February 2024" --format concerns
 *   npm run new-plan -- --establishment wandsworth --name "HMP Wandsworth" --start 2024-01-22 --end 2024-02-08 --format recommendations
 *
 * Anything not given as a flag is asked for when the command runs in a terminal; otherwise it stops
 * with a one-line error naming the missing flags. It never overwrites a file.
 */
import { CHECK_MARKER, PLACEHOLDERS } from '../content/placeholders.ts';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { schemaModeline } from '../content/json-schema.ts';
import { contentDir as defaultContentDir, readContentFiles, validateContent } from '../content/load.ts';
import { formatProblem } from '../content/problems.ts';
import { EstablishmentSchema } from '../content/schema.ts';
import { formatDateRange } from '../lib/dates.ts';
import { certainInspectionPeriods, type Period } from '../import/dates.ts';
import { isRealDate, today } from '../lib/dates.ts';

export type PlanFormat = 'concerns' | 'recommendations';
export const FORMATS: PlanFormat[] = ['concerns', 'recommendations'];

export interface NewPlanRequest {
  establishment: string;
  /** The establishment's name: needed only when its file does not exist yet. */
  name?: string;
  /** The inspection dates as the plan writes them. */
  inspection?: string;
  /** First and last day of the inspection, YYYY-MM-DD: instead of, or as well as, `inspection`. */
  start?: string;
  end?: string;
  format: PlanFormat;
  /** The plan's id; by default "<establishment>-<year the inspection ended>". */
  id?: string;
}

export interface NewFile {
  /** Path relative to the content folder, with forward slashes. */
  rel: string;
  text: string;
}

export interface Scaffold {
  planId: string;
  files: NewFile[];
  establishmentIsNew: boolean;
}

/** A mistake in what was asked for: the message says what to do, and nothing is written. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

const isSlug = (value: string) => EstablishmentSchema.shape.id.safeParse(value).success;
const SLUG_RULE = 'lower-case letters, digits and single hyphens, for example "chelmsford"';


function readYaml(file: string): unknown {
  try {
    return parseDocument(fs.readFileSync(file, 'utf8')).toJS();
  } catch {
    return undefined;
  }
}

export function establishmentFile(contentDir: string, id: string): string {
  return path.join(contentDir, 'establishments', `${id}.yaml`);
}

/** The establishment's name from its file, where the file can be read. */
function establishmentName(contentDir: string, id: string): string | undefined {
  const data = readYaml(establishmentFile(contentDir, id)) as { name?: unknown } | undefined;
  return typeof data?.name === 'string' && data.name.trim() ? data.name.trim() : undefined;
}

/** The first theme id in themes.yaml: the skeleton needs one real id to be valid. */
function firstThemeId(contentDir: string): string {
  const data = readYaml(path.join(contentDir, 'themes.yaml')) as { themes?: { id?: unknown }[] } | undefined;
  const id = data?.themes?.find((t) => typeof t?.id === 'string')?.id;
  if (typeof id !== 'string') throw new ScaffoldError(`${shown(path.join(contentDir, 'themes.yaml'))} has no themes to use: fix it first (npm run validate)`);
  return id;
}

/** A path as the editor sees it: relative to the working directory. */
export function shown(p: string): string {
  return path.relative(process.cwd(), p).split(path.sep).join('/') || '.';
}

/** YAML text for a value: JSON strings are valid YAML, and quoting keeps colons and "#" safe. */
const q = (value: string) => JSON.stringify(value);

function resolvePeriods(request: NewPlanRequest): { periods: Period[]; asWritten: string; asWrittenGuessed: boolean } {
  if (request.start !== undefined || request.end !== undefined) {
    const { start, end } = request;
    if (start === undefined || end === undefined) throw new ScaffoldError('give both --start and --end (YYYY-MM-DD), or --inspection with the dates as the plan writes them');
    for (const [flag, value] of [['--start', start], ['--end', end]] as const) {
      if (!isRealDate(value)) throw new ScaffoldError(`${flag} "${value}" is not a real date written as YYYY-MM-DD, for example 2024-01-22`);
    }
    if (end < start) throw new ScaffoldError(`--end (${end}) is before --start (${start}): check both dates`);
    const asWritten = request.inspection?.trim();
    return { periods: [{ start, end }], asWritten: asWritten || formatDateRange(start, end), asWrittenGuessed: !asWritten };
  }
  const asWritten = request.inspection?.trim();
  if (!asWritten) throw new ScaffoldError('give the inspection dates: --inspection "22nd January – 8th February 2024", or --start and --end as YYYY-MM-DD');
  const periods = certainInspectionPeriods(asWritten);
  if (!periods) {
    throw new ScaffoldError(`cannot read the inspection dates "${asWritten}": add --start and --end as YYYY-MM-DD (the first and last day) and keep --inspection as the plan writes them`);
  }
  return { periods, asWritten, asWrittenGuessed: false };
}

/** Works out the files for a new plan, without writing anything. */
export function scaffoldPlan(contentDir: string, request: NewPlanRequest, retrieved = today()): Scaffold {
  const establishment = request.establishment.trim();
  if (!isSlug(establishment)) throw new ScaffoldError(`the establishment id "${establishment}" must be made of ${SLUG_RULE}`);
  if (!FORMATS.includes(request.format)) throw new ScaffoldError(`the format "${String(request.format)}" must be "concerns" (2022 onwards) or "recommendations" (older plans)`);

  const existingName = establishmentName(contentDir, establishment);
  const establishmentIsNew = !fs.existsSync(establishmentFile(contentDir, establishment));
  if (!establishmentIsNew && !existingName) {
    throw new ScaffoldError(`${shown(establishmentFile(contentDir, establishment))} cannot be read: fix it first (npm run validate)`);
  }
  const name = existingName ?? request.name?.trim();
  if (!name) {
    throw new ScaffoldError(`"${establishment}" is a new establishment: give its name too, for example --name "HMP ${establishment.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`)}"`);
  }

  const { periods, asWritten, asWrittenGuessed } = resolvePeriods(request);
  const lastDay = periods[periods.length - 1]!.end;
  const planId = (request.id ?? `${establishment}-${lastDay.slice(0, 4)}`).trim();
  if (!isSlug(planId)) throw new ScaffoldError(`the plan id "${planId}" must be made of ${SLUG_RULE}-2024`);

  const planRel = `plans/${establishment}/${planId}.md`;
  const clash = [planRel, ...existingPlanFiles(contentDir, planId)].find((rel) => fs.existsSync(path.join(contentDir, rel)));
  if (clash) {
    throw new ScaffoldError(`${shown(path.join(contentDir, clash))} already exists, so nothing was written: choose another id with --id, for example --id ${planId}-2`);
  }

  const theme = firstThemeId(contentDir);
  const files: NewFile[] = [];
  if (establishmentIsNew) {
    const rel = `establishments/${establishment}.yaml`;
    files.push({ rel, text: establishmentText(rel, establishment, name) });
  }
  files.push({ rel: planRel, text: planText(planRel, { ...request, establishment, name, planId, periods, asWritten, asWrittenGuessed, lastDay, theme, today: retrieved }) });
  return { planId, files, establishmentIsNew };
}

/** Plan files with this id in any establishment's folder: ids are unique across the site. */
function existingPlanFiles(contentDir: string, planId: string): string[] {
  const plans = path.join(contentDir, 'plans');
  if (!fs.existsSync(plans)) return [];
  return fs
    .readdirSync(plans, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => ['md', 'yaml'].map((ext) => `plans/${entry.name}/${planId}.${ext}`));
}

function establishmentText(rel: string, id: string, name: string): string {
  return [
    schemaModeline('establishment', `content/${rel}`),
    '# Written by `npm run new-plan`. Every field is explained in docs/content-format.md.',
    `id: ${id}`,
    `name: ${q(name)}`,
    '# Optional: fill in what you know, then delete the "# " at the start of the line.',
    '# type: Category B local, adult men',
    '# group: The prison group or region',
    '# operator: HM Prison and Probation Service',
    '# hmipUrl: https://www.justiceinspectorates.gov.uk/hmiprisons/inspections/...',
    '',
  ].join('\n');
}

interface PlanFields extends NewPlanRequest {
  name: string;
  planId: string;
  periods: Period[];
  asWritten: string;
  asWrittenGuessed: boolean;
  lastDay: string;
  theme: string;
  today: string;
}

function planText(rel: string, f: PlanFields): string {
  const lines = [
    '---',
    schemaModeline('plan', `content/${rel}`),
    '# Written by `npm run new-plan`: a valid skeleton to fill in with the plan\'s own words.',
    '# Replace every placeholder. Check each line marked "# CHECK:", then delete that comment.',
    '# Every field is explained in docs/content-format.md; CONTRIBUTING.md has the steps.',
    `id: ${f.planId}`,
    `establishment: ${f.establishment}`,
    `format: ${f.format}`,
    '# CHECK: the document\'s title, exactly as it is written on the plan.',
    `title: ${q(`Action Plan: ${f.name}`)}`,
    'inspection:',
    ...(f.asWrittenGuessed ? ['  # CHECK: write the dates exactly as the plan does.'] : []),
    `  asWritten: ${q(f.asWritten)}`,
    '  periods:',
    ...f.periods.flatMap((p) => [`    - start: ${q(p.start)}`, `      end: ${q(p.end)}`]),
    'reportPublished:',
    '  # CHECK: when HMIP published the inspection report, as YYYY-MM-DD (for now, the last day of the inspection).',
    '  # Add the date as the plan writes it, if it does: asWritten: "8th May 2024"',
    `  date: ${q(f.lastDay)}`,
    'planSubmitted:',
    '  # CHECK: when HMPPS submitted this action plan, as YYYY-MM-DD (for now, the last day of the inspection).',
    '  # Add the date as the plan writes it, if it does: asWritten: "11th June 2024"',
    `  date: ${q(f.lastDay)}`,
    '# Add the address of the HMIP inspection report, if you know it:',
    '# reportUrl: https://www.justiceinspectorates.gov.uk/hmiprisons/inspections/...',
    'provenance:',
    '  # CHECK: the title of the published document.',
    `  documentTitle: ${q(`Action Plan: ${f.name}`)}`,
    '  # Add the address of the published document (PDF or page), if you know it:',
    '  # url: https://www.gov.uk/government/publications/...',
    '  publisher: HM Prison and Probation Service',
    '  # CHECK: the date you downloaded the document.',
    `  retrieved: ${q(f.today)}`,
    '  # Change to "complete" once every concern and action of the plan is here.',
    '  transcription: partial',
    'concerns:',
    ...(f.format === 'concerns' ? concernLines(f.theme) : recommendationLines(f.theme)),
    '# CHECK: below the closing "---" goes the plan\'s introduction, word for word. Delete the placeholder if it has none.',
    '---',
    PLACEHOLDERS.introduction,
    '',
  ];
  return lines.join('\n');
}

function actionLines(indent: string): string[] {
  return [
    `${indent}- text: >-`,
    `${indent}    ${PLACEHOLDERS.actionText}`,
    `${indent}  # The owner exactly as written, or null where the plan names none: never invent one.`,
    `${indent}  owner: ${PLACEHOLDERS.owner}`,
    `${indent}  # The target date exactly as written, for example "July 2024", or null where the plan gives none.`,
    `${indent}  target: ${PLACEHOLDERS.target}`,
  ];
}

function concernLines(theme: string): string[] {
  return [
    '  # One block for each concern, in the plan\'s order. Copy the words exactly, typos included.',
    '  - number: 1',
    '    # "priority" for a priority concern, "key" for a key concern.',
    '    category: priority',
    '    text: >-',
    `      ${PLACEHOLDERS.concernText}`,
    '    # CHECK: the themes this concern is about, as ids from content/themes.yaml.',
    `    themes: [${theme}]`,
    '    actions:',
    '      # One block for each action, in the plan\'s order.',
    ...actionLines('      '),
  ];
}

function recommendationLines(theme: string): string[] {
  return [
    '  # One block for each recommendation, in the plan\'s order. Copy the words exactly, typos included.',
    '  - number: 1',
    '    # CHECK: the heading the report puts it under, as written.',
    '    category: Main recommendations',
    '    # Add the report\'s reference code, if it has one: reference: S1',
    '    text: >-',
    `      ${PLACEHOLDERS.recommendationText}`,
    '    response:',
    '      # CHECK: agreed, partly-agreed or not-agreed.',
    '      decision: agreed',
    '      text: >-',
    `        ${PLACEHOLDERS.responseText}`,
    '    # CHECK: the themes this recommendation is about, as ids from content/themes.yaml.',
    `    themes: [${theme}]`,
    '    # Where the plan lists actions with their own owner and target date, add them:',
    '    # actions:',
    ...actionLines('    #   '),
  ];
}

/**
 * Checks the new files with the rest of the content, as `npm run validate` will, and writes them.
 * A file that already exists is never overwritten.
 */
export function writeScaffold(contentDir: string, scaffold: Scaffold): string[] {
  const problems = newFileProblems(contentDir, scaffold.files);
  if (problems.length) {
    throw new ScaffoldError(`the new files would not be valid, so nothing was written (please report this):\n${problems.join('\n')}`);
  }
  const written: string[] = [];
  try {
    for (const file of scaffold.files) {
      const target = path.join(contentDir, file.rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.text, { flag: 'wx' });
      written.push(target);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      for (const file of written) fs.rmSync(file);
      throw new ScaffoldError(`${shown((error as NodeJS.ErrnoException).path ?? '')} already exists, so nothing was written`);
    }
    throw error;
  }
  return written;
}

/** Problems that `npm run validate` would find in the new files themselves, as lines. */
export function newFileProblems(contentDir: string, files: NewFile[]): string[] {
  const existing = fs.existsSync(contentDir) ? readContentFiles(contentDir) : [];
  // A skeleton is unfinished by design (placeholders, "# CHECK:"): checked as `validate --draft` checks it.
  const result = validateContent([...existing, ...files.map((f) => [f.rel, f.text] as [string, string])], 'content', { draft: true });
  if (result.ok) return [];
  const ours = new Set(files.map((f) => `content/${f.rel}`));
  return result.problems.filter((p) => ours.has(p.file)).map(formatProblem);
}

// ---------------------------------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------------------------------

export interface CommandIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Whether to ask for what is missing (stdin is a terminal). */
  interactive: boolean;
  log: (line: string) => void;
  error: (line: string) => void;
  today?: string;
}

const USAGE =
  'npm run new-plan -- --establishment chelmsford --inspection "22nd January – 8th February 2024" --format concerns';

/** Runs `npm run new-plan` with these arguments; returns the exit code. */
export async function newPlanCommand(argv: string[], io: CommandIO): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        establishment: { type: 'string' },
        name: { type: 'string' },
        inspection: { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        format: { type: 'string' },
        id: { type: 'string' },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.error(`${(error as Error).message.split('\n')[0]}. Usage: ${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.log(`Usage: ${USAGE}\nFor a new establishment add --name "HMP Name". Instead of --inspection, --start and --end as YYYY-MM-DD. --id sets the plan's id.`);
    return 0;
  }
  const contentDir = path.resolve((values.content as string | undefined) ?? defaultContentDir());
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string).trim() || undefined : undefined);
  const request: Partial<NewPlanRequest> = {
    establishment: text('establishment'),
    name: text('name'),
    inspection: text('inspection'),
    start: text('start'),
    end: text('end'),
    format: text('format') as PlanFormat | undefined,
    id: text('id'),
  };

  try {
    const complete = io.interactive ? await askForMissing(contentDir, request, io) : requireAll(contentDir, request);
    const scaffold = scaffoldPlan(contentDir, complete, io.today);
    const written = writeScaffold(contentDir, scaffold);
    const checks = scaffold.files.reduce((n, f) => n + (f.text.match(new RegExp(`(^|\\s)${CHECK_MARKER}`, 'g'))?.length ?? 0), 0);
    for (const file of written) io.log(`Created ${shown(file)}`);
    io.log(
      `It is valid as a draft (npm run validate -- --draft); plain validate and the build refuse it until you replace the placeholders with the plan's own words and check the ${checks} lines marked "# CHECK:" ` +
        '(delete each comment once done), then run npm run validate. CONTRIBUTING.md has the steps.',
    );
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError) {
      io.error(`Error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** Without a terminal to ask in, every missing flag is one error line. */
function requireAll(contentDir: string, request: Partial<NewPlanRequest>): NewPlanRequest {
  const missing: string[] = [];
  if (!request.establishment) missing.push('--establishment');
  else if (isSlug(request.establishment) && !request.name && !fs.existsSync(establishmentFile(contentDir, request.establishment))) missing.push('--name (the establishment is new)');
  if (!request.inspection && !request.start && !request.end) missing.push('--inspection');
  if (!request.format) missing.push('--format');
  if (missing.length) {
    throw new ScaffoldError(`missing ${missing.join(', ')}. Give them as flags, for example: ${USAGE} (or run it in a terminal to be asked)`);
  }
  return request as NewPlanRequest;
}

async function askForMissing(contentDir: string, request: Partial<NewPlanRequest>, io: CommandIO): Promise<NewPlanRequest> {
  const rl = createInterface({ input: io.input, output: io.output });
  // A question still waiting when the input ends (Ctrl+D, or a closed pipe) would wait for ever.
  const ended = new Promise<never>((_, reject) =>
    rl.once('close', () => reject(new ScaffoldError('stopped before every question was answered, so nothing was written'))),
  );
  ended.catch(() => {});
  const ask = async (question: string, check: (answer: string) => string | undefined): Promise<string> => {
    for (;;) {
      const answer = (await Promise.race([rl.question(question), ended])).trim();
      const problem = check(answer);
      if (!problem) return answer;
      io.output.write(`${problem}\n`);
    }
  };
  try {
    if (!request.establishment) {
      const known = fs.existsSync(path.join(contentDir, 'establishments'))
        ? fs.readdirSync(path.join(contentDir, 'establishments')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5))
        : [];
      if (known.length) io.output.write(`Establishments so far: ${known.join(', ')}\n`);
      request.establishment = await ask('Establishment id (for example chelmsford): ', (a) =>
        isSlug(a) ? undefined : `Use ${SLUG_RULE}.`,
      );
    }
    if (!request.name && request.establishment && isSlug(request.establishment) && !fs.existsSync(establishmentFile(contentDir, request.establishment))) {
      io.output.write(`"${request.establishment}" is a new establishment: its file will be written too.\n`);
      request.name = await ask('Its name (for example HMP Chelmsford): ', (a) => (a ? undefined : 'The name cannot be empty.'));
    }
    if (!request.inspection && !request.start && !request.end) {
      request.inspection = await ask('Inspection dates, as the plan writes them (for example 22nd January – 8th February 2024): ', (a) =>
        a ? undefined : 'The dates cannot be empty.',
      );
    }
    if (request.inspection && !request.start && !request.end && !certainInspectionPeriods(request.inspection)) {
      io.output.write(`Cannot read "${request.inspection}" for certain, so please give the first and last day.\n`);
      const isoCheck = (a: string) => (isRealDate(a) ? undefined : 'Write a real date as YYYY-MM-DD, for example 2024-01-22.');
      request.start = await ask('First day of the inspection (YYYY-MM-DD): ', isoCheck);
      request.end = await ask('Last day of the inspection (YYYY-MM-DD): ', (a) =>
        isoCheck(a) ?? (a < request.start! ? 'The last day cannot be before the first.' : undefined),
      );
    }
    if (!request.format) {
      request.format = (await ask('Format: "concerns" (priority and key concerns, 2022 onwards) or "recommendations" (older plans): ', (a) =>
        FORMATS.includes(a as PlanFormat) ? undefined : 'Type concerns or recommendations.',
      )) as PlanFormat;
    }
  } finally {
    rl.close();
  }
  return request as NewPlanRequest;
}
