/**
 * Loads the whole content folder: every file is read, checked against the schema and against the
 * other files, and either the typed model comes back or every problem does, never half of each.
 *
 * Layout of the content folder:
 *   themes.yaml                          the controlled vocabulary of themes
 *   establishments/<establishment>.yaml  one file per establishment
 *   plans/<establishment>/<plan>.md      one file per plan (Markdown with YAML frontmatter, or .yaml)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { buildSite, type Site, type ValidContent } from './model.ts';
import { parseFile, type ParsedFile } from './parse-file.ts';
import { closest, describeIssue, formatPath, sortProblems, type Problem } from './problems.ts';
import { EstablishmentSchema, PlanSchema, ThemesFileSchema, type PlanData } from './schema.ts';

export type LoadResult = { ok: true; site: Site } | { ok: false; problems: Problem[] };

/** The content folder: `ACTION_PLANS_CONTENT` when set (the benchmark builds a generated estate this way), else ./content. */
export function contentDir(): string {
  return path.resolve(process.env.ACTION_PLANS_CONTENT ?? 'content');
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

export function loadContent(dir: string = contentDir()): LoadResult {
  if (!fs.existsSync(dir)) {
    return { ok: false, problems: [{ file: displayPath(dir), line: 1, column: 1, path: '', message: 'the content folder does not exist' }] };
  }
  return validateContent(readContentFiles(dir), displayPath(dir));
}

/** Paths in problems are relative to the working directory, so editors can click them. */
function displayPath(p: string): string {
  return path.relative(process.cwd(), p).split(path.sep).join('/') || '.';
}

type Kind = 'themes' | 'establishment' | 'plan';

function kindOf(file: string): Kind | undefined {
  if (file === 'themes.yaml') return 'themes';
  if (/^establishments\/[^/]+\.yaml$/.test(file)) return 'establishment';
  if (/^plans\/[^/]+\/[^/]+\.(md|yaml)$/.test(file)) return 'plan';
  return undefined;
}

const WRONG_PLACE =
  'this file is not where content is read from: plans go in plans/<establishment-id>/<plan-id>.md, establishments in establishments/<establishment-id>.yaml, themes in themes.yaml';

/** Validates content given as [relative path, text] pairs; `root` is prefixed to paths in problems. */
export function validateContent(files: [string, string][], root = 'content'): LoadResult {
  const problems: Problem[] = [];
  const parsed: { kind: Kind; file: ParsedFile; rel: string }[] = [];

  for (const [rel, text] of files) {
    const shown = root === '.' ? rel : `${root}/${rel}`;
    const kind = kindOf(rel);
    if (!kind) {
      problems.push({ file: shown, line: 1, column: 1, path: '', message: WRONG_PLACE });
      continue;
    }
    const file = parseFile(shown, text);
    problems.push(...file.problems);
    if (file.data !== undefined) parsed.push({ kind, file, rel });
  }
  if (!files.some(([rel]) => rel === 'themes.yaml')) {
    problems.push({ file: `${root}/themes.yaml`, line: 1, column: 1, path: '', message: 'the themes file is missing: every plan\'s themes are checked against it' });
  }

  const at = (file: ParsedFile, p: readonly PropertyKey[], message: string) =>
    problems.push({ file: file.file, ...file.locate(p), path: formatPath(p), message });

  function check<S extends z.ZodType>(schema: S, file: ParsedFile): z.output<S> | undefined {
    const result = schema.safeParse(file.data, { reportInput: true });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      // An unknown field is reported on the field itself, not on the block that holds it.
      const where = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      at(file, where, describeIssue(issue));
    }
    return undefined;
  }

  const content: ValidContent = { establishments: [], themes: [], plans: [] };
  const planFiles: { file: ParsedFile; rel: string; data: PlanData }[] = [];
  const establishmentFiles = new Map<string, ParsedFile>();

  for (const { kind, file, rel } of parsed) {
    if (kind === 'themes') {
      const data = check(ThemesFileSchema, file);
      if (!data) continue;
      const seen = new Map<string, number>();
      data.themes.forEach((theme, i) => {
        if (seen.has(theme.id)) at(file, ['themes', i, 'id'], `the theme id "${theme.id}" is used twice (also theme ${seen.get(theme.id)! + 1}): each id must be unique`);
        else seen.set(theme.id, i);
      });
      content.themes = data.themes;
    } else if (kind === 'establishment') {
      const data = check(EstablishmentSchema, file);
      if (!data) continue;
      const expected = path.posix.basename(rel, '.yaml');
      if (data.id !== expected) {
        at(file, ['id'], `the id "${data.id}" does not match the file name "${expected}.yaml": rename the file to ${data.id}.yaml, or change the id`);
      } else if (establishmentFiles.has(data.id)) {
        at(file, ['id'], `the establishment id "${data.id}" is already used by ${establishmentFiles.get(data.id)!.file}`);
      } else {
        establishmentFiles.set(data.id, file);
        content.establishments.push(data);
      }
    } else {
      const data = check(PlanSchema, file);
      if (data) planFiles.push({ file, rel, data });
    }
  }

  const themeIds = content.themes.map((t) => t.id);
  const establishmentIds = [...establishmentFiles.keys()];
  const planIds = new Map<string, ParsedFile>();

  for (const { file, rel, data } of planFiles) {
    const before = problems.length;
    const [, folder, fileName] = rel.split('/') as [string, string, string];
    const expectedId = fileName.replace(/\.(md|yaml)$/, '');

    if (!establishmentFiles.has(data.establishment)) {
      const hint = closest(data.establishment, establishmentIds);
      at(file, ['establishment'], `the establishment "${data.establishment}" does not exist: ${hint ? `did you mean "${hint}"? ` : ''}use the id of a file in content/establishments/, or add content/establishments/${data.establishment}.yaml`);
    } else if (folder !== data.establishment) {
      at(file, ['establishment'], `this plan is for "${data.establishment}" but is in the folder plans/${folder}/: move it to plans/${data.establishment}/`);
    }
    if (data.id !== expectedId) {
      at(file, ['id'], `the id "${data.id}" does not match the file name "${fileName}": rename the file to ${data.id}${path.posix.extname(fileName)}, or change the id`);
    }
    if (planIds.has(data.id)) at(file, ['id'], `the plan id "${data.id}" is already used by ${planIds.get(data.id)!.file}: each plan needs its own id`);
    else planIds.set(data.id, file);

    checkDates(data, (p, m) => at(file, p, m));

    const numbers = new Map<number, number>();
    data.concerns.forEach((concern, i) => {
      const previous = data.concerns[i - 1];
      if (numbers.has(concern.number)) {
        at(file, ['concerns', i, 'number'], `concern number ${concern.number} is used twice (also the ${ordinal(numbers.get(concern.number)! + 1)} concern): each number must be unique`);
      } else if (previous && concern.number < previous.number) {
        at(file, ['concerns', i, 'number'], `concern number ${concern.number} comes after concern ${previous.number}: list concerns in the source's order, numbers rising`);
      }
      numbers.set(concern.number, i);
      concern.themes.forEach((theme, j) => {
        if (themeIds.includes(theme)) return;
        const hint = closest(theme, themeIds);
        at(file, ['concerns', i, 'themes', j], `the theme "${theme}" is not in content/themes.yaml: ${hint ? `did you mean "${hint}"? ` : ''}use an id listed there, or add the theme to it`);
      });
    });

    if (problems.length === before) content.plans.push({ data, introduction: file.body, sourceFile: file.file });
  }

  if (problems.length) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, site: buildSite(content) };
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
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
