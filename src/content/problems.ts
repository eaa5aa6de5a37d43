/**
 * Problems found in content, and how they are told to an editor: one line each, in the form
 * `path:line:column  place  message`, so editors and their tools can jump to the spot. The place is
 * named as a reader would ("concern 1, action 9, owner"), counted from 1 as the site counts.
 */
import type { core } from 'zod';

export interface Problem {
  /** The content file, relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /**
   * The field's path inside the file, list items counted from 1 as in `place`, such as
   * `concerns.4.actions.2.owner` (GitHub annotations show it); empty for the file as a whole.
   */
  path: string;
  /** Where the field is, as a reader would say it: "concern 4, action 2, owner"; empty for the file as a whole. */
  place: string;
  /** Plain English: what was found, what is expected, how to fix it. */
  message: string;
  /** Allowed for now (`validate --draft`): told, but it does not stop the content being used. */
  warning?: boolean;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.place || '(file)'}  ${p.warning ? 'warning: ' : ''}${p.message}`;
}

/** A field's path with list items counted from 1: ['concerns', 3, 'owner'] is "concerns.4.owner". */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? String(key + 1) : printable(String(key)))).join('.');
}

/** What one item of each list is called: "concern 4" for item 3 of `concerns`. */
const ITEM_NAMES: Record<string, string> = {
  concerns: 'concern',
  actions: 'action',
  periods: 'period',
  themes: 'theme',
  updates: 'update',
  revisedTargets: 'revised target',
  reviews: 'review',
  notes: 'note',
  changes: 'change',
  equivalents: 'group',
  terms: 'term',
};

/**
 * A field's place as a reader would name it, counting from 1: ['concerns', 8, 'actions', 0, 'owner']
 * is "concern 9, action 1, owner". In the older format a concern is a "recommendation".
 */
export function describePlace(path: readonly PropertyKey[], format?: unknown): string {
  const words: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = path[i + 1];
    if (typeof key === 'string' && typeof next === 'number') {
      const item = key === 'concerns' && format === 'recommendations' ? 'recommendation' : (ITEM_NAMES[key] ?? `${printable(key)} item`);
      words.push(`${item} ${next + 1}`);
      i++;
    } else words.push(typeof key === 'number' ? `item ${key + 1}` : printable(String(key)));
  }
  return words.join(', ');
}

/**
 * Text from a content file as it may be shown in a problem: line breaks and other control
 * characters written as escapes ("\n", "\u001b"), so every problem stays on one line and no
 * terminal escape in a file reaches the terminal or a CI annotation.
 */
export function printable(text: string): string {
  const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => escapes[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Problems in a stable order: by file, then by position, so output never shuffles between runs. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.path.localeCompare(b.path),
  );
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a block of fields (lines of "name: value")',
  array: 'a list (lines starting with "- ")',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  null: 'null',
};

/** How a value found in a file reads to a person who wrote it in YAML. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return value.length ? 'a list' : 'an empty list';
  if (typeof value === 'string') {
    // Cut by code points, so an emoji is never cut in half (122 code units hold over 60 of them).
    const chars = [...value.slice(0, 122)];
    const shown = chars.length > 60 ? `${chars.slice(0, 57).join('')}...` : value;
    return value.trim() ? `"${printable(shown)}"` : 'empty text';
  }
  if (typeof value === 'object') return 'a block of fields';
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/**
 * One Zod issue as a plain-English sentence. The schema's own error texts say what is expected
 * ("must be a real date written as YYYY-MM-DD"); this adds what was found and what to do.
 */
export function describeIssue(issue: core.$ZodIssue): string {
  const field = issue.path.length ? String(issue.path[issue.path.length - 1]) : '';
  const expected = issue.message.startsWith('Invalid input') ? undefined : issue.message;
  const input = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      const wanted = expected ?? `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
      if (input === undefined) {
        return typeof field === 'string' && field && !/^\d+$/.test(field)
          ? `"${field}" is missing: add a line "${field}: ..." here (it ${wanted})`
          : `a value is missing here: it ${wanted}`;
      }
      return `found ${describeValue(input)}, but it ${wanted}`;
    }
    case 'unrecognized_keys':
      // Progress is recorded as dated updates, so an action's status is never written on the action itself.
      if (issue.keys.length === 1 && issue.keys[0] === 'status' && issue.path.at(-2) === 'actions') {
        return 'an action has no "status" field: its status comes from its latest update. Write it under "updates:" as "- date: YYYY-MM-DD" with "status: ..." on the next line';
      }
      return issue.keys.length === 1
        ? `unknown field "${printable(issue.keys[0]!)}": check its spelling against the content format, or remove it`
        : `unknown fields ${issue.keys.map((k) => `"${printable(k)}"`).join(', ')}: check their spelling against the content format, or remove them`;
    case 'invalid_union': {
      // A discriminated union reports the whole block as its input: what the editor wrote is the
      // value of the discriminating field (`format: concern`), or nothing when that line is missing.
      if ('discriminator' in issue && typeof issue.discriminator === 'string') {
        const key = issue.discriminator;
        const value = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[key] : undefined;
        const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
        const wanted = expected ?? `must be one of: ${options.map(String).join(', ')}`;
        return value === undefined
          ? `"${key}" is missing: add a line "${key}: ..." here (it ${wanted})`
          : `found ${describeValue(value)}, but it ${wanted}`;
      }
      return `found ${describeValue(input)}, but it ${expected ?? 'does not match any allowed form'}`;
    }
    case 'too_small':
    case 'too_big':
      return `found ${describeValue(input)}, but it ${expected ?? issue.message}`;
    default:
      return input === undefined ? `it ${expected ?? issue.message}` : `found ${describeValue(input)}, but it ${expected ?? issue.message}`;
  }
}

/** A suggestion for a mistyped id: the known id closest in spelling, when it is close enough to help. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Thrown to stop a build, or a page of the dev server, whose content has problems: its message
 * lists every one of them, in the same words as `npm run validate`, wherever it is shown.
 */
export class ContentError extends Error {
  readonly title: string;

  constructor(
    readonly problems: Problem[],
    /** What happens now: nothing was built, or the page shows once the content is fixed. */
    outcome = 'Nothing was built.',
  ) {
    const count = problems.length;
    super(`The content has ${count} ${count === 1 ? 'problem' : 'problems'}. ${outcome}\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    // The heading of the dev server's error page, in place of "An error occurred."
    this.title = 'The content has problems';
    // The problems are the message; a stack trace would only bury them.
    this.stack = '';
  }
}

/** Said by the dev server, which reads the content afresh for every page. */
export const FIX_AND_RELOAD = 'Fix and save: the page reloads by itself once the content is valid.';
