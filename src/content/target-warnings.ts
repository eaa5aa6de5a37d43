/**
 * Targets the site cannot read a month from ("31/10/24", "Q3 2024", "Summer 2025", "Ongoing"):
 * they are published as written, but "Target date passed" cannot be worked out for them unless an
 * editor records the month they mean in `targetMonth` (editorial data, beside the official text).
 * Validation warns about each one, and the importer flags each one on its action, with the same rule.
 */
import { parseTargetMonth } from '../lib/dates.ts';
import { parseFile, parseFileFast } from './parse-file.ts';
import { describePlace, formatPath, type Problem } from './problems.ts';

/** Targets that say the action is done rather than when it is due: they have no month to pass. */
const DONE = /^(?:completed?|implemented|achieved|in place|done)\b/i;

/** Whether the site cannot tell when this target passes: it names no month the site reads, it is not "Completed", and no `targetMonth` is given. */
export function unreadableTarget(target: unknown, targetMonth?: unknown): boolean {
  if (typeof target !== 'string' || target.trim() === '' || typeof targetMonth === 'string') return false;
  return !DONE.test(target.trim()) && parseTargetMonth(target) === null;
}

export function unreadableTargetMessage(target: string): string {
  return `the site cannot read a month from the target "${target}", so it cannot tell when it has passed: keep the target as written and add \`targetMonth: YYYY-MM\` beside it with the month it means (editorial)`;
}

type Fields = { target?: unknown; targetMonth?: unknown; revisedTargets?: unknown };
const list = (value: unknown): Fields[] => (Array.isArray(value) ? value.filter((v): v is Fields => typeof v === 'object' && v !== null) : []);

/** A warning (not an error: the file is valid) for every unreadable target in the plan files, original or revised. */
export function targetWarnings(files: [string, string][], root = 'content'): Problem[] {
  const warnings: Problem[] = [];
  for (const [rel, text] of files) {
    if (!rel.startsWith('plans/') || !rel.endsWith('.md')) continue;
    const parsed = parseFileFast(`${root}/${rel}`, text) ?? parseFile(`${root}/${rel}`, text);
    const data = parsed.data as { concerns?: unknown; format?: unknown } | undefined;
    const format = data?.format;
    const concerns = list(data?.concerns);
    concerns.forEach((concern, i) =>
      list((concern as { actions?: unknown }).actions).forEach((action, j) => {
        const at = (path: (string | number)[], target: unknown) => {
          const { line, column } = parsed.locate(path);
          warnings.push({ file: parsed.file, line, column, path: formatPath(path), place: describePlace(path, format), message: unreadableTargetMessage(String(target)), warning: true });
        };
        if (unreadableTarget(action.target, action.targetMonth)) at(['concerns', i, 'actions', j, 'target'], action.target);
        list(action.revisedTargets).forEach((revision, k) => {
          if (unreadableTarget(revision.target, revision.targetMonth)) at(['concerns', i, 'actions', j, 'revisedTargets', k, 'target'], revision.target);
        });
      }),
    );
  }
  return warnings;
}
