/**
 * Loads the whole content folder: every file is read, checked against the schema and against the
 * other files, and either the typed model comes back or every problem does, never half of each.
 *
 * Layout of the content folder:
 *   themes.yaml                          the controlled vocabulary of themes
 *   vocabulary.yaml                      equivalent terms for search (optional)
 *   establishments/<establishment>.yaml  one file per establishment
 *   plans/<establishment>/<plan>.md      one file per plan (Markdown with YAML frontmatter, or .yaml)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { isRealDate } from '../lib/dates.ts';
import { buildSite, type Site, type ValidContent } from './model.ts';
import { blockName, PLAN_BLOCKS, rightBlockFor } from './fields.ts';
import { parseFile, parseFileFast, type ParsedFile } from './parse-file.ts';
import { closest, describeIssue, describePlace, formatPath, printable as printableKey, sortProblems, type Problem } from './problems.ts';
import { EstablishmentSchema, PlanSchema, ThemesFileSchema, VocabularyFileSchema, type PlanData } from './schema.ts';
import { checkComments, notComplete, placeholders } from './unfinished.ts';
import { checkVocabulary } from './vocabulary.ts';

/**
 * Either the site, or every problem; `warnings` is unfinished work allowed by `draft` (`# CHECK:`
 * comments, placeholders), which never stops the content being used.
 */
export type LoadResult = { ok: true; site: Site; warnings: Problem[] } | { ok: false; problems: Problem[]; warnings: Problem[] };

/**
 * The content folder: `ACTION_PLANS_CONTENT` when set (the benchmark builds a generated estate this
 * way), else ./content. Set but empty (`ACTION_PLANS_CONTENT= npm run build`) counts as not set:
 * it would otherwise resolve to the project folder, and reading all of it ran the build out of memory.
 */
export function contentDir(): string {
  return path.resolve(process.env.ACTION_PLANS_CONTENT || 'content');
}

/** Reads every file below `dir` (dot files and READMEs aside) as [path relative to `dir`, text]. */
export function readContentFiles(dir: string): [string, string][] {
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && entry.name.toLowerCase() !== 'readme.md')
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  return files.map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]);
}

export interface LoadOptions {
  /** The date progress is judged at (YYYY-MM-DD); by default ACTION_PLANS_AS_AT, else the latest date in the content. */
  asAt?: string;
  /**
   * Work in progress (`validate --draft`): `# CHECK:` comments and placeholders are warnings rather
   * than problems. Never for a build: what is published must be finished.
   */
  draft?: boolean;
  /**
   * Only these files (paths relative to the content folder) are told about: the others are still
   * read, so that references between files are checked, but their own problems are left out.
   */
  only?: (rel: string) => boolean;
}

/** The setting that fixes the "as at" date for a deployment. */
export const AS_AT_SETTING = 'ACTION_PLANS_AS_AT';

export function loadContent(dir: string = contentDir(), options: LoadOptions = { asAt: process.env[AS_AT_SETTING]?.trim() || undefined }): LoadResult {
  if (!fs.existsSync(dir)) {
    return { ok: false, problems: [{ file: displayPath(dir), line: 1, column: 1, path: '', place: '', message: 'the content folder does not exist' }], warnings: [] };
  }
  return validateContent(readContentFiles(dir), displayPath(dir), options);
}

/** Paths in problems are relative to the working directory, so editors can click them. */
function displayPath(p: string): string {
  return path.relative(process.cwd(), p).split(path.sep).join('/') || '.';
}

type Kind = 'themes' | 'vocabulary' | 'establishment' | 'plan';

function kindOf(file: string): Kind | undefined {
  if (file === 'themes.yaml') return 'themes';
  if (file === 'vocabulary.yaml') return 'vocabulary';
  if (/^establishments\/[^/]+\.yaml$/.test(file)) return 'establishment';
  if (/^plans\/[^/]+\/[^/]+\.(md|yaml)$/.test(file)) return 'plan';
  return undefined;
}

const WRONG_PLACE =
  'this file is not where content is read from: plans go in plans/<establishment-id>/<plan-id>.md, establishments in establishments/<establishment-id>.yaml, themes in themes.yaml, search terms in vocabulary.yaml';

/** Validates content given as [relative path, text] pairs; `root` is prefixed to paths in problems. */
export function validateContent(files: [string, string][], root = 'content', options: LoadOptions = {}): LoadResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  if (options.asAt !== undefined && !isRealDate(options.asAt)) {
    problems.push({
      file: AS_AT_SETTING,
      line: 1,
      column: 1,
      path: '',
      place: '',
      message: `the "as at" date setting is "${options.asAt}": it must be a real date written as YYYY-MM-DD, for example 2025-03-31, or not set at all`,
    });
  }
  const parsed: { kind: Kind; file: ParsedFile; rel: string; text: string; valid?: unknown }[] = [];
  // Files that exist but have problems of their own. A plan that refers to them is not told that
  // the establishment or theme "does not exist": the editor is sent to the broken file instead.
  let themesUsable = files.some(([rel]) => rel === 'themes.yaml');
  const brokenEstablishments = new Set<string>();

  for (const [rel, text] of files) {
    const shown = root === '.' ? rel : `${root}/${rel}`;
    const kind = kindOf(rel);
    if (!kind) {
      problems.push({ file: shown, line: 1, column: 1, path: '', place: '', message: WRONG_PLACE });
      continue;
    }
    const { file, valid } = readFile(shown, text, kind);
    problems.push(...file.problems);
    if (file.data !== undefined) parsed.push({ kind, file, rel, text, valid });
    else if (kind === 'themes') themesUsable = false;
    else if (kind === 'establishment') brokenEstablishments.add(path.posix.basename(rel, '.yaml'));
  }
  if (!files.some(([rel]) => rel === 'themes.yaml')) {
    problems.push({ file: `${root}/themes.yaml`, line: 1, column: 1, path: '', place: '', message: 'the themes file is missing: every plan\'s themes are checked against it' });
  }

  const problemAt = (file: ParsedFile, p: readonly PropertyKey[], message: string, atKey = false): Problem => ({
    file: file.file,
    ...file.locate(p, { key: atKey }),
    path: formatPath(p),
    place: describePlace(p, formatOf(file.data)),
    message,
  });
  const at = (file: ParsedFile, p: readonly PropertyKey[], message: string, atKey = false) => problems.push(problemAt(file, p, message, atKey));

  function check<S extends z.ZodType>(schema: S, file: ParsedFile, kind: Kind, valid: unknown): z.output<S> | undefined {
    if (valid !== undefined) return valid as z.output<S>;
    const result = schema.safeParse(file.data, { reportInput: true });
    if (result.success) return result.data;
    const misplaced: { block: PropertyKey[]; key: string }[] = [];
    for (const issue of result.error.issues) {
      // An unknown field is reported on the field's name itself, not on the block that holds it.
      if (issue.code !== 'unrecognized_keys') continue;
      for (const key of issue.keys) {
        // A status on an action has its own message (statuses are written in updates).
        const isStatus = key === 'status' && issue.path.at(-2) === 'actions';
        const right = kind === 'plan' && !isStatus ? rightBlockFor(key, issue.path) : undefined;
        if (!right) continue;
        misplaced.push({ block: issue.path, key });
        at(file, [...issue.path, key], wronglyIndented(key, issue.path, right, formatOf(file.data)), true);
      }
      const unknown = issue.keys.filter((key) => !misplaced.some((m) => m.block === issue.path && m.key === key));
      if (unknown.length) at(file, [...issue.path, unknown[0]!], describeIssue({ ...issue, keys: unknown }), true);
    }
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') continue;
      // A field moved out of its block, into a block inside it or around it, is missing from it: the
      // "indented wrongly" problem says it all.
      const moved = misplaced.some(
        (m) =>
          issue.code === 'invalid_type' &&
          issue.input === undefined &&
          issue.path.at(-1) === m.key &&
          (startsWith(issue.path, m.block) || startsWith(m.block, issue.path.slice(0, -1))),
      );
      if (!moved && !file.swallowed.includes(formatPath(issue.path))) at(file, issue.path, describeIssue(issue));
    }
    return undefined;
  }

  /** Unfinished work in one file: problems, or warnings in a draft. Returns how many of each kind. */
  function checkUnfinished(file: ParsedFile, text: string): { checks: number; placeholders: number } {
    const list = options.draft ? warnings : problems;
    const checks = checkComments(text);
    const left = placeholders(file.data, file.body, text);
    for (const found of [...checks, ...left]) {
      const problem = found.path
        ? problemAt(file, found.path, found.message)
        : { file: file.file, line: found.line!, column: found.column!, path: '', place: found.line ? 'comment' : '', message: found.message };
      if (found.path === undefined && left.includes(found)) problem.place = 'introduction';
      list.push(options.draft ? { ...problem, warning: true } : problem);
    }
    return { checks: checks.length, placeholders: left.length };
  }

  const content: ValidContent = { establishments: [], themes: [], plans: [] };
  const planFiles: { file: ParsedFile; rel: string; data: PlanData | undefined; invalid: string[]; unpublishable: boolean }[] = [];
  const establishmentFiles = new Map<string, ParsedFile>();

  for (const { kind, file, rel, text, valid } of parsed) {
    const unfinished = checkUnfinished(file, text);
    if (kind === 'themes') {
      const data = check(ThemesFileSchema, file, kind, valid);
      if (!data) {
        themesUsable = false;
        continue;
      }
      const seen = new Map<string, number>();
      data.themes.forEach((theme, i) => {
        if (seen.has(theme.id)) at(file, ['themes', i, 'id'], `the theme id "${theme.id}" is used twice (also theme ${seen.get(theme.id)! + 1}): each id must be unique`);
        else seen.set(theme.id, i);
      });
      content.themes = data.themes;
    } else if (kind === 'vocabulary') {
      const data = check(VocabularyFileSchema, file, kind, valid);
      if (!data) continue;
      checkVocabulary(data, (p, m) => at(file, p, m));
      content.vocabulary = data.equivalents.map((e) => e.terms);
    } else if (kind === 'establishment') {
      const data = check(EstablishmentSchema, file, kind, valid);
      const expected = path.posix.basename(rel, '.yaml');
      if (!data) {
        brokenEstablishments.add(expected);
        continue;
      }
      if (data.id !== expected) {
        brokenEstablishments.add(expected).add(data.id);
        at(file, ['id'], `the id "${data.id}" does not match the file name "${expected}.yaml": rename the file to ${data.id}.yaml, or change the id`);
      } else if (establishmentFiles.has(data.id)) {
        at(file, ['id'], `the establishment id "${data.id}" is already used by ${establishmentFiles.get(data.id)!.file}`);
      } else {
        establishmentFiles.set(data.id, file);
        content.establishments.push(data);
      }
    } else {
      const before = problems.length;
      const data = check(PlanSchema, file, kind, valid);
      const invalid = problems.slice(before).map((p) => p.path);
      if (data?.provenance.transcription === 'complete' && (unfinished.checks || unfinished.placeholders)) {
        const problem = problemAt(file, ['provenance', 'transcription'], notComplete(unfinished.checks, unfinished.placeholders));
        if (options.draft) warnings.push({ ...problem, warning: true });
        else problems.push(problem);
      }
      // A file with problems of its own (a syntax it reads past, unfinished work) is never published.
      const unpublishable = problems.some((p) => p.file === file.file);
      planFiles.push({ file, rel, data, invalid, unpublishable });
    }
  }

  const themeIds = content.themes.map((t) => t.id);
  const establishmentIds = [...establishmentFiles.keys()];
  const planIds = new Map<string, ParsedFile>();

  // A plan that breaks the schema is still checked against the other files, as far as its fields
  // can be read, so that every problem is told at once; a field the schema has already reported on
  // is not checked again.
  for (const { file, rel, data, invalid, unpublishable } of planFiles) {
    const before = problems.length;
    const [, folder, fileName] = rel.split('/') as [string, string, string];
    const expectedId = fileName.replace(/\.(md|yaml)$/, '');
    const usable = (p: string) => !invalid.some((q) => q === '' || p === q || p.startsWith(`${q}.`));
    const { id, establishment, concerns } = readReferences(file.data);

    if (establishment !== undefined && usable('establishment')) {
      if (!establishmentFiles.has(establishment) && !brokenEstablishments.has(establishment)) {
        const hint = closest(establishment, establishmentIds);
        at(file, ['establishment'], `the establishment "${establishment}" does not exist: ${hint ? `did you mean "${hint}"? ` : ''}use the id of a file in content/establishments/, or add content/establishments/${establishment}.yaml`);
      } else if (folder !== establishment) {
        at(file, ['establishment'], `this plan is for "${establishment}" but is in the folder plans/${folder}/: move it to plans/${establishment}/`);
      }
    }
    if (id !== undefined && usable('id')) {
      if (id !== expectedId) {
        at(file, ['id'], `the id "${id}" does not match the file name "${fileName}": rename the file to ${id}${path.posix.extname(fileName)}, or change the id`);
      }
      if (planIds.has(id)) at(file, ['id'], `the plan id "${id}" is already used by ${planIds.get(id)!.file}: each plan needs its own id`);
      else planIds.set(id, file);
    }

    if (data) checkDates(data, (p, m) => at(file, p, m));

    const numbers = new Map<number, number>();
    concerns.forEach((concern, i) => {
      const number = usable(formatPath(['concerns', i, 'number'])) ? concern.number : undefined;
      const previous = concerns[i - 1]?.number;
      if (number !== undefined && numbers.has(number)) {
        at(file, ['concerns', i, 'number'], `concern number ${number} is used twice (also the ${ordinal(numbers.get(number)! + 1)} concern): each number must be unique`);
      } else if (number !== undefined && previous !== undefined && number < previous) {
        at(file, ['concerns', i, 'number'], `concern number ${number} comes after concern ${previous}: list concerns in the source's order, numbers rising`);
      }
      if (number !== undefined) numbers.set(number, i);
      concern.themes.forEach((theme, j) => {
        if (theme === undefined || !usable(formatPath(['concerns', i, 'themes', j]))) return;
        if (!themesUsable || themeIds.includes(theme)) return;
        const hint = closest(theme, themeIds);
        at(file, ['concerns', i, 'themes', j], `the theme "${theme}" is not in content/themes.yaml: ${hint ? `did you mean "${hint}"? ` : ''}use an id listed there, or add the theme to it`);
      });
    });

    if (data && !unpublishable && problems.length === before) content.plans.push({ data, introduction: file.body, sourceFile: file.file });
  }

  checkRepeats(planFiles, brokenPlanIds(planFiles), (file, p, m) => at(file, p, m));

  const shownOnly = (list: Problem[]) => {
    if (!options.only) return sortProblems(list);
    const prefix = root === '.' ? '' : `${root}/`;
    return sortProblems(list.filter((p) => p.file.startsWith(prefix) && options.only!(p.file.slice(prefix.length))));
  };
  const told = shownOnly(problems);
  if (problems.length) return { ok: false, problems: told, warnings: shownOnly(warnings) };
  return { ok: true, site: buildSite(content, { asAt: options.asAt }), warnings: shownOnly(warnings) };
}

const SCHEMAS: Record<Kind, z.ZodType> = { themes: ThemesFileSchema, vocabulary: VocabularyFileSchema, establishment: EstablishmentSchema, plan: PlanSchema };

/**
 * A file read the fast way when its data passes the schema, as nearly all content does (`valid` is
 * the schema's output); else read exactly, so that every problem is told as the exact reading sees it.
 */
function readFile(shown: string, text: string, kind: Kind): { file: ParsedFile; valid?: unknown } {
  const fast = parseFileFast(shown, text);
  const checked = fast && SCHEMAS[kind].safeParse(fast.data);
  return fast && checked?.success ? { file: fast, valid: checked.data } : { file: parseFile(shown, text) };
}

/** A plan's format, where it is written: it decides whether a concern is called a "recommendation". */
function formatOf(data: unknown): unknown {
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).format : undefined;
}

function startsWith(path: readonly PropertyKey[], prefix: readonly PropertyKey[]): boolean {
  return path.length > prefix.length && prefix.every((key, i) => path[i] === key);
}

/** "target" written in a concern when it belongs to the action above: said as indentation, with where it goes. */
function wronglyIndented(key: string, block: readonly PropertyKey[], right: { pattern: string; deeper: boolean }, format: unknown): string {
  const here = blockName(block.map((k) => (typeof k === 'number' ? '#' : String(k))).join('.'), format);
  const there = blockName(right.pattern, format);
  const others = [...PLAN_BLOCKS.find((b) => b.pattern === right.pattern)!.fields].filter((f) => f !== key).slice(0, 2);
  const lineUp = `to line up with ${others.map((f) => `"${f}:"`).join(' and ')} of ${there.replace(/^an? /, 'the ')} it belongs to`;
  return `"${printableKey(key)}" is indented wrongly: it is a field of ${there}, not of ${here}. Indent it ${right.deeper ? 'further' : 'less'}, ${lineUp}`;
}


type PlanFile = { file: ParsedFile; rel: string; data: PlanData | undefined };

/** Ids of plan files that exist but did not pass the schema: a reference to one is not "unknown". */
function brokenPlanIds(planFiles: PlanFile[]): Set<string> {
  return new Set(planFiles.filter((p) => !p.data).map((p) => p.rel.split('/').pop()!.replace(/\.(md|yaml)$/, '')));
}

/** A repeated concern must point at a concern of an earlier plan for the same establishment. */
function checkRepeats(planFiles: PlanFile[], broken: Set<string>, report: (file: ParsedFile, path: PropertyKey[], message: string) => void) {
  const plans = new Map(planFiles.flatMap((p) => (p.data ? [[p.data.id, p.data] as const] : [])));
  for (const { file, data } of planFiles) {
    data?.concerns.forEach((concern, i) => {
      const repeats = concern.repeats;
      if (!repeats) return;
      const where = ['concerns', i, 'repeats'];
      const earlier = plans.get(repeats.plan);
      if (!earlier) {
        if (broken.has(repeats.plan)) return;
        const hint = closest(repeats.plan, [...plans.keys()].filter((id) => id !== data.id));
        report(file, [...where, 'plan'], `the plan "${repeats.plan}" does not exist: ${hint ? `did you mean "${hint}"? ` : ''}use the id of an earlier plan in content/plans/`);
      } else if (earlier.establishment !== data.establishment) {
        report(file, [...where, 'plan'], `the plan "${repeats.plan}" is for "${earlier.establishment}", not "${data.establishment}": a repeated concern points at an earlier plan for the same establishment`);
      } else if (earlier.inspection.periods[0]!.start >= data.inspection.periods[0]!.start) {
        report(file, [...where, 'plan'], `the plan "${repeats.plan}" is not from an earlier inspection than this one: a repeated concern points back in time`);
      } else if (!earlier.concerns.some((c) => c.number === repeats.concern)) {
        const numbers = earlier.concerns.map((c) => c.number).join(', ');
        report(file, [...where, 'concern'], `the plan "${repeats.plan}" has no concern number ${repeats.concern}: its numbers are ${numbers}`);
      }
    });
  }
}

/** The fields of a plan that refer to other files or to each other, read as far as they are well formed. */
function readReferences(data: unknown): {
  id?: string;
  establishment?: string;
  concerns: { number?: number; themes: (string | undefined)[] }[];
} {
  const fields = (v: unknown): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const plan = fields(data);
  return {
    id: text(plan.id),
    establishment: text(plan.establishment),
    concerns: (Array.isArray(plan.concerns) ? plan.concerns : []).map((c: unknown) => {
      const concern = fields(c);
      return {
        number: Number.isInteger(concern.number) ? (concern.number as number) : undefined,
        themes: Array.isArray(concern.themes) ? concern.themes.map(text) : [],
      };
    }),
  };
}

function checkDates(plan: PlanData, report: (path: PropertyKey[], message: string) => void) {
  const periods = plan.inspection.periods;
  periods.forEach((period, i) => {
    if (period.end < period.start) {
      report(['inspection', 'periods', i, 'end'], `the inspection ends (${period.end}) before it starts (${period.start}): check both dates`);
    }
    const previous = periods[i - 1];
    if (previous && period.start <= previous.end) {
      report(['inspection', 'periods', i, 'start'], `this period starts (${period.start}) before the one above it ends (${previous.end}): list periods in order, without overlaps`);
    }
  });
  const lastDay = periods.reduce((latest, p) => (p.end > latest ? p.end : latest), periods[0]!.end);
  if (plan.reportPublished.date < lastDay) {
    report(['reportPublished', 'date'], `the report is published (${plan.reportPublished.date}) before the inspection ends (${lastDay}): check both dates`);
  }
  if (plan.planSubmitted.date < lastDay) {
    report(['planSubmitted', 'date'], `the plan is submitted (${plan.planSubmitted.date}) before the inspection ends (${lastDay}): check both dates`);
  }

  const submitted = plan.planSubmitted.date;
  const inOrder = (entries: { date: string }[], where: PropertyKey[], what: string) =>
    entries.forEach((entry, i) => {
      const previous = entries[i - 1];
      if (previous && entry.date < previous.date) {
        report([...where, i, 'date'], `this ${what} is dated ${entry.date}, before the one above it (${previous.date}): list them oldest first`);
      }
    });
  inOrder(plan.changes, ['changes'], 'change');
  plan.concerns.forEach((concern, c) => {
    inOrder(concern.reviews, ['concerns', c, 'reviews'], 'review');
    concern.reviews.forEach((review, r) => {
      if (review.date < plan.reportPublished.date) {
        report(['concerns', c, 'reviews', r, 'date'], `the review is dated ${review.date}, before the inspection report was published (${plan.reportPublished.date}): check the date`);
      }
    });
    concern.actions.forEach((action, a) => {
      const where = ['concerns', c, 'actions', a];
      for (const [key, what] of [['updates', 'update'], ['revisedTargets', 'revised target']] as const) {
        inOrder(action[key], [...where, key], what);
        action[key].forEach((entry, i) => {
          if (entry.date < submitted) {
            report([...where, key, i, 'date'], `this ${what} is dated ${entry.date}, before the plan was submitted (${submitted}): check the date`);
          }
        });
      }
    });
  });
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
