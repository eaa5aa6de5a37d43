/**
 * The draft plan → the text of a content file: YAML frontmatter laid out like the hand-made
 * transcriptions (official text in block scalars, one field a line), then the introduction.
 *
 * The YAML is written by hand rather than with the `yaml` package's Document API because every
 * `# CHECK:` comment has to land on a known line, which the terminal then reports; the output is
 * read back with `yaml` before it is returned, so a writing mistake is an error here, never a draft
 * that silently says something else.
 */
import { parse } from 'yaml';
import type { Flag } from './errors.ts';
import type { DraftPlan } from './plan.ts';

export interface Check {
  /** 1-based line of the `# CHECK:` comment in the written file. */
  line: number;
  path: (string | number)[];
  message: string;
}

export interface Written {
  text: string;
  /** Every flag, where it was written: the editor's list of things to check. */
  checks: Check[];
}

export interface WriteOptions {
  /** The day the source was retrieved for transcription, YYYY-MM-DD. */
  retrieved: string;
  /** The source file's name, for the comment at the top of the draft. */
  sourceName: string;
  /**
   * The plan JSON Schema's path relative to the draft, for the `yaml-language-server` line every
   * content file starts with (editors get completion and checks from it; the tests require it).
   */
  schemaPath?: string;
}

export const THEMES_REMINDER = 'CHECK: add themes (ids from content/themes.yaml)';

/**
 * Text as a block scalar holds it: no white space at the ends of lines or of the text. The importer
 * makes no such text, but the written file must read back exactly, so it is never left to chance.
 */
function blockText<T extends string | null | undefined>(text: T): T {
  if (typeof text !== 'string') return text;
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim() as T;
}

/** The frontmatter as data: what the written YAML must read back as. */
export function draftData(plan: DraftPlan, retrieved: string): Record<string, unknown> {
  const dated = (d: { asWritten: string | null; date: string | null }) => ({ ...(d.asWritten !== null ? { asWritten: d.asWritten } : {}), date: d.date });
  return {
    id: plan.id,
    establishment: plan.establishment,
    format: plan.format,
    title: plan.title,
    inspection: { asWritten: plan.inspection.asWritten, periods: plan.inspection.periods.map((p) => ({ start: p.start, end: p.end })) },
    reportPublished: dated(plan.reportPublished),
    planSubmitted: dated(plan.planSubmitted),
    provenance: {
      documentTitle: plan.documentTitle,
      publisher: plan.publisher,
      retrieved,
      transcription: plan.flags.length === 0 ? 'complete' : 'partial',
    },
    concerns: plan.concerns.map((c) => {
      const actions = c.actions.map((a) => ({ text: blockText(a.text), owner: a.owner, target: a.target }));
      if ('response' in c) {
        return {
          number: c.number,
          category: c.category,
          ...(c.reference !== undefined ? { reference: c.reference } : {}),
          text: blockText(c.text),
          response: { decision: c.response.decision, ...(c.response.text !== undefined ? { text: blockText(c.response.text) } : {}) },
          themes: [],
          actions,
        };
      }
      return { number: c.number, category: c.category, text: blockText(c.text), themes: [], actions };
    }),
  };
}

const key = (path: readonly (string | number)[]) => path.join('.');

/** A value YAML reads as the same string without quotes: words, digits and ordinary punctuation. */
const PLAIN = /^[A-Za-z][A-Za-z0-9 ,.'’&()/-]*$/;
const RESERVED = /^(?:null|true|false|yes|no|on|off|y|n|~)$/i;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return String(value);
  const text = String(value);
  // JSON's double-quoted strings are YAML's too, escapes included.
  return PLAIN.test(text) && !RESERVED.test(text) ? text : JSON.stringify(text);
}

/** Fields that hold official text: written as block scalars, as the hand-made files are. */
const BLOCK_FIELDS = new Set(['text']);

interface Line {
  text: string;
  indent: number;
  /** Paths whose comments go above this line. */
  paths: string[];
}

function emitMap(value: Record<string, unknown>, indent: number, path: (string | number)[], lines: Line[], itemPrefix?: string, trailing?: Map<string, string>) {
  Object.entries(value).forEach(([name, v], i) => {
    const p = [...path, name];
    const first = i === 0 && itemPrefix !== undefined;
    const prefix = first ? itemPrefix : ' '.repeat(indent);
    const paths = first ? [key(path), key(p)] : [key(p)];
    const lineIndent = first ? indent - 2 : indent;
    const comment = trailing?.get(key(p));
    const push = (text: string) => lines.push({ text: comment ? `${text} # ${comment}` : text, indent: lineIndent, paths });
    if (Array.isArray(v)) {
      if (v.length === 0) push(`${prefix}${name}: []`);
      else if (v.every((x) => x === null || typeof x !== 'object')) push(`${prefix}${name}: [${v.map(scalar).join(', ')}]`);
      else {
        push(`${prefix}${name}:`);
        v.forEach((item, j) => {
          // A blank line between concerns, as in the hand-made files, to make them easy to find.
          if (j > 0 && key(p) === 'concerns') lines.push({ text: '', indent: 0, paths: [] });
          emitMap(item as Record<string, unknown>, indent + 4, [...p, j], lines, `${' '.repeat(indent + 2)}- `, trailing);
        });
      }
    } else if (v !== null && typeof v === 'object') {
      push(`${prefix}${name}:`);
      emitMap(v as Record<string, unknown>, indent + 2, p, lines, undefined, trailing);
    } else if (typeof v === 'string' && BLOCK_FIELDS.has(name)) {
      push(`${prefix}${name}: ${v.includes('\n') ? '|-' : '>-'}`);
      for (const textLine of v.split('\n')) lines.push({ text: textLine === '' ? '' : `${' '.repeat(indent + 2)}${textLine}`, indent: indent + 2, paths: [] });
    } else push(`${prefix}${name}: ${scalar(v)}`);
  });
}

/** The line a flag's comment goes above: its own field's, or the nearest enclosing one that was written. */
function lineFor(flag: Flag, lines: Line[]): number {
  for (let n = flag.path.length; n > 0; n--) {
    const wanted = key(flag.path.slice(0, n));
    const at = lines.findIndex((l) => l.paths.includes(wanted));
    if (at !== -1) return at;
  }
  return 0;
}

export function writeDraft(plan: DraftPlan, options: WriteOptions): Written {
  const data = draftData(plan, options.retrieved);
  const trailing = new Map<string, string>(plan.concerns.map((_, i) => [`concerns.${i}.themes`, THEMES_REMINDER]));
  const lines: Line[] = [];
  emitMap(data, 0, [], lines, undefined, trailing);

  const above = new Map<number, Flag[]>();
  for (const flag of plan.flags) {
    const at = lineFor(flag, lines);
    above.set(at, [...(above.get(at) ?? []), flag]);
  }
  const header = [
    '---',
    ...(options.schemaPath ? [`# yaml-language-server: $schema=${options.schemaPath}`] : []),
    `# Draft imported by \`npm run import\` from ${options.sourceName.replace(/\s+/g, ' ')} on ${options.retrieved}.`,
    '# Official text is word for word from the source; owners and target dates are paired with the actions by position.',
    '# Before publishing: resolve every "# CHECK:" comment and delete it, add themes to every concern, set',
    '# provenance.transcription to complete once nothing is left to check, then run `npm run validate`.',
  ];
  const out: string[] = [...header];
  const checks: Check[] = [];
  lines.forEach((line, i) => {
    for (const flag of above.get(i) ?? []) {
      // A comment is one line: a message quoting the source must not let the source's text out of it.
      const message = flag.message.replace(/\s+/g, ' ').trim();
      out.push(`${' '.repeat(line.indent)}# CHECK: ${message}`);
      checks.push({ line: out.length, path: flag.path, message });
    }
    out.push(line.text);
  });
  out.push('---');
  const body = plan.introduction ? `${plan.introduction}\n` : '';
  const text = `${out.join('\n')}\n${body}`;

  const frontmatter = out.slice(1, -1).join('\n');
  let readBack: unknown;
  try {
    readBack = parse(frontmatter);
  } catch (error) {
    throw new Error(`the draft's YAML does not read back (${(error as Error).message.split('\n')[0]}): this is a bug in the importer`);
  }
  if (JSON.stringify(readBack) !== JSON.stringify(data)) {
    throw new Error('the draft\'s YAML reads back differently from what was meant: this is a bug in the importer');
  }
  return { text, checks };
}
