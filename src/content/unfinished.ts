/**
 * Unfinished work in a content file: `# CHECK:` comments left by the importer or `npm run new-plan`,
 * and the placeholder texts of a new plan's skeleton. Plain `npm run validate` and the build refuse
 * both, so nothing half-checked is ever published; `validate --draft` tells them as warnings.
 */
import { CHECK_MARKER, PLACEHOLDER_FIXES, PLACEHOLDERS, placeholderIn } from './placeholders.ts';
import { printable } from './problems.ts';

export interface Unfinished {
  /** Where the field is, for a placeholder; undefined for a comment, which belongs to no field. */
  path?: PropertyKey[];
  /** 1-based, for a comment or the introduction (fields are located by their path). */
  line?: number;
  column?: number;
  message: string;
}

const CHECK_COMMENT = new RegExp(`(^|\\s)${CHECK_MARKER}\\s*(.*)$`);

/** Every `# CHECK:` comment in the file's text, on its own line and column. */
export function checkComments(source: string): Unfinished[] {
  const found: Unfinished[] = [];
  // Nearly every file has none: only a file with the marker somewhere is read line by line.
  if (!source.includes(CHECK_MARKER)) return found;
  source.split(/\r?\n/).forEach((text, i) => {
    const match = CHECK_COMMENT.exec(text);
    if (!match) return;
    const what = match[2]!.trim();
    found.push({
      line: i + 1,
      column: match.index + match[1]!.length + 1,
      message:
        `a "${CHECK_MARKER}" comment is still here${what ? ` ("${printable(what.length > 80 ? `${what.slice(0, 77)}...` : what)}")` : ''}: ` +
        'check the line below it against the plan, correct it if needed, then delete the comment',
    });
  });
  return found;
}

/** Every placeholder of a skeleton plan still in the file's fields or its introduction. */
export function placeholders(data: unknown, body: string, source: string): Unfinished[] {
  const found: Unfinished[] = [];
  // An alias can make a block that contains itself (&a [*a]): each block is looked at once.
  const seen = new WeakSet<object>();
  // One path, grown and shrunk as the walk goes: copied only for a placeholder found.
  const path: PropertyKey[] = [];
  const walk = (value: unknown, key?: PropertyKey) => {
    if (value !== null && typeof value === 'object') {
      if (seen.has(value)) return;
      seen.add(value);
    }
    if (key !== undefined) path.push(key);
    if (typeof value === 'string') {
      const name = placeholderIn(value);
      if (name) found.push({ path: [...path], message: placeholderMessage(name) });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, i));
    else if (value !== null && typeof value === 'object') for (const [k, item] of Object.entries(value)) walk(item, k);
    if (key !== undefined) path.pop();
  };
  walk(data);
  const name = placeholderIn(body);
  if (name) {
    const offset = source.lastIndexOf(PLACEHOLDERS[name]);
    const before = source.slice(0, offset).split('\n');
    found.push({ line: before.length, column: before.at(-1)!.length + 1, message: placeholderMessage(name) });
  }
  return found;
}

function placeholderMessage(name: keyof typeof PLACEHOLDERS): string {
  return `"${PLACEHOLDERS[name]}" is a placeholder written by npm run new-plan: replace it with ${PLACEHOLDER_FIXES[name]}`;
}

/** Said on `transcription: complete` when the file still has unfinished work. */
export function notComplete(checks: number, placeholderCount: number): string {
  const parts = [
    checks ? `${checks} "${CHECK_MARKER}" ${checks === 1 ? 'comment' : 'comments'}` : '',
    placeholderCount ? `${placeholderCount} ${placeholderCount === 1 ? 'placeholder' : 'placeholders'}` : '',
  ].filter(Boolean);
  return `the transcription is marked "complete", but the file still has ${parts.join(' and ')}: finish ${checks + placeholderCount === 1 ? 'it' : 'them'}, or write "partial" until ${checks + placeholderCount === 1 ? 'it is' : 'they are'} done`;
}
