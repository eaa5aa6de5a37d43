/**
 * Reads one content file (YAML, or Markdown with YAML frontmatter) into plain data, keeping
 * enough of the YAML syntax tree to say on which line and column any field was written.
 * Syntax errors come back as problems with their position; this never throws on bad input.
 * Keeping the tree costs about ten times a plain reading, so content with no problem is read the
 * fast way (parseFileFast), and exactly only where there is something to place.
 */
import matter from 'gray-matter';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Document, type Node } from 'yaml';
import { ITEM_FIELDS, NULLABLE_FIELDS } from './fields.ts';
import { readYamlFast } from './fast-yaml.ts';
import { describePlace, formatPath, printable, type Problem } from './problems.ts';

export interface ParsedFile {
  /** Relative path, used in every problem about this file. */
  file: string;
  /** The YAML data, or undefined where the file could not be read as YAML. */
  data: unknown;
  /** The Markdown after the frontmatter ('' for YAML files). */
  body: string;
  problems: Problem[];
  /**
   * Fields (as formatted paths, such as "concerns.1.actions.2.owner") that YAML read as part of a
   * text above them: the problem about that text says so, so "owner is missing" would only repeat it.
   */
  swallowed: string[];
  /**
   * Line and column (1-based) of the field at `path`, or of its nearest written ancestor when it is missing.
   * With `key`, the field's name rather than its value (for a field that should not be there at all).
   */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): { line: number; column: number };
}

/**
 * Plain-English words for the YAML syntax errors editors actually make, each with what to do and
 * an example of the fix: an editor need not know YAML's words to put it right.
 */
const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: 'this field is written twice in the same block: keep only one of them',
  BAD_INDENT:
    'the indentation is wrong here: line the field up with the others in its block, using spaces, for example "  publisher: ..." exactly under "  documentTitle: ..."',
  TAB_AS_INDENT: 'a tab is used for indentation: use spaces instead, for example two spaces before "owner: Governor" for each step in',
  MISSING_CHAR: 'a closing bracket or quote is missing: close it on the same line, for example themes: [self-harm, mental-health]',
  MULTILINE_IMPLICIT_KEY:
    'a field name runs over two lines, often because a colon or quote in the text above was not closed: put that text in quotes, for example title: "Action Plan: HMP Chelmsford"',
  BLOCK_AS_IMPLICIT_KEY:
    'a value is written where a field name was expected: write each field on its own line as "name: value", lined up with the others in its block, for example "    owner: Governor" exactly under "  - text: ..." (after the "- ")',
  UNEXPECTED_TOKEN:
    'unexpected characters here: put a value that starts with a quote, bracket or other sign, or holds ": " or " #", in double quotes, for example note: "Phase 1: done"',
  BAD_ALIAS: 'an alias (*name) refers to an anchor (&name) that does not exist: write the value out in full instead, for example title: "Action Plan: HMP Chelmsford"',
  ALIAS_PROPS: 'an alias cannot have a tag or anchor: write the value out in full instead',
  TAG_RESOLVE_FAILED: 'the tag on this value is not one YAML knows: remove it, for example title: "Action Plan" rather than title: !foo "Action Plan"',
  BAD_SCALAR_START: 'this value starts with a character YAML reserves: put the value in double quotes, for example owner: "@Governor" or target: "* July 2024"',
  RESOURCE_EXHAUSTION: 'too many aliases: write the values out instead of repeating them with aliases',
};

/** The YAML library also reports lists or blocks nested past the stack's depth as RESOURCE_EXHAUSTION. */
const TOO_DEEP = 'lists or blocks are nested too deeply here: check for a "[" or "{" that is never closed, or indentation that keeps growing';

function syntaxDetail(code: string, message: string): string {
  if (/^Flow (sequence|mapping)/.test(message)) {
    return 'a "[" or "{" on this line or the one above is not closed: close it, for example themes: [self-harm], or put text that starts with "[" or "{" in double quotes';
  }
  if (/^Missing closing .?quote/i.test(message)) return 'a quoted text is not closed: add the closing quote, for example title: "Action Plan: HMP Chelmsford"';
  if (code === 'RESOURCE_EXHAUSTION' && !/alias/i.test(message)) return TOO_DEEP;
  return YAML_ERRORS[code] ?? `${message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')}: check the quotes, colons and indentation on this line`;
}

/** "  - owner: Governor: Safer Custody": a field whose unquoted value holds ": " too. */
const COLON_IN_VALUE = /^(\s*(?:-\s+)?)([A-Za-z][\w-]*):\s+([^\s"'[{|>&*!][^#]*?:\s.*?)\s*$/;

/** A line that starts like a field of a concern or an action ("owner: ..."), with its indentation. */
function fieldLine(text: string): { indent: number; name: string } | undefined {
  const match = /^(\s*)([A-Za-z]+):(\s|$)/.exec(text);
  return match && ITEM_FIELDS.has(match[2]!) ? { indent: match[1]!.length, name: match[2]! } : undefined;
}

function fieldInTextMessage(line: string, name: string): string {
  return (
    `the line "${printable(line.trim())}" is read as part of the text above it, because it is indented further than that text's field name: ` +
    `if it is the "${name}" field, line it up with the field names above it; if it really is part of the text, put the whole text in double quotes`
  );
}

/**
 * A syntax error the editor can fix without knowing YAML: a value with ": " in it, or a field line
 * indented into the text above it. The message, and the line it is on.
 */
function plainSyntaxError(lines: string[], errorLine: number): { line: number; column?: number; message: string } | undefined {
  const text = lines[errorLine - 1] ?? '';
  const colon = COLON_IN_VALUE.exec(text);
  if (colon) {
    const [, , key, value] = colon;
    return {
      line: errorLine,
      message: `the value of "${key}" holds ": ", which YAML reads as the start of another field: put the whole value in double quotes, for example ${key}: "${printable(value!.replace(/"/g, '\\"'))}"`,
    };
  }
  // A plain (unquoted) text followed by a line such as "owner: Governor" indented too far.
  const indent = /^\s*(?:-\s+)?/.exec(text)![0].length;
  for (let i = errorLine; i < lines.length; i++) {
    const next = lines[i]!;
    if (!next.trim() || next.trimStart().startsWith('#')) continue;
    const leading = next.length - next.trimStart().length;
    if (leading <= indent - (text.trimStart().startsWith('- ') ? 2 : 0)) break;
    const field = fieldLine(next);
    if (field) return { line: i + 1, column: field.indent + 1, message: fieldInTextMessage(next, field.name) };
  }
  return undefined;
}

/**
 * Reads a file quickly (src/content/fast-yaml.ts) when it can vouch for the data: the file reads,
 * and the exact reading would find nothing to tell about its YAML. Else undefined: read it with
 * parseFile. A field is placed (`locate`) by reading the file exactly, once, only when asked.
 */
export function parseFileFast(file: string, source: string): ParsedFile | undefined {
  const split = splitFile(file, source);
  if ('problems' in split) return undefined;
  const data = readYamlFast(split.yamlText);
  if (data === undefined) return undefined;
  let exact: ParsedFile | undefined;
  return { file, data, body: split.body, problems: [], swallowed: [], locate: (path, options) => (exact ??= parseFile(file, source)).locate(path, options) };
}

/** A Markdown file's frontmatter and body, or a YAML file's text; or why the file holds no YAML to read. */
function splitFile(file: string, source: string): { yamlText: string; body: string } | { problems: Problem[] } {
  const isMarkdown = file.endsWith('.md');
  const fail = (message: string) => ({ problems: [{ file, line: 1, column: 1, path: '', place: '', message }] });
  if (source.includes('\0')) return fail('this is not a text file: content files are UTF-8 text (YAML or Markdown)');
  if (!source.trim()) {
    return fail(isMarkdown
      ? 'the file is empty: a plan file starts with a line "---", then its fields in YAML, then another "---"'
      : 'the file is empty: it should hold YAML fields');
  }
  if (!isMarkdown) return { yamlText: source, body: '' };
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return fail('the frontmatter is missing: the file must start with a line "---", then its fields in YAML, then another "---"');
  if (!lines.slice(1).some((line) => /^---\s*$/.test(line))) return fail('the frontmatter is not closed: add a line "---" after the last field');
  // gray-matter splits frontmatter from body; the raw frontmatter it returns starts on the "---"
  // line, so its line numbers are the file's.
  const split = matter(source, { engines: { yaml: () => ({}) } });
  return { yamlText: split.matter, body: split.content };
}

export function parseFile(file: string, source: string): ParsedFile {
  const split = splitFile(file, source);
  if ('problems' in split) return { file, data: undefined, body: '', problems: split.problems, swallowed: [], locate: () => ({ line: 1, column: 1 }) };
  const { yamlText, body } = split;
  const problems: Problem[] = [];
  const at = (line: number, column: number, message: string) => problems.push({ file, line, column, path: '', place: '', message });
  const none: ParsedFile = { file, data: undefined, body: '', problems, swallowed: [], locate: () => ({ line: 1, column: 1 }) };

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  // Only the first syntax error is told: the ones after it are nearly always the parser losing
  // its place because of it, and would send the editor to lines that are fine. The YAML library
  // only warns about a tag it does not know (!!js/function, !foo) and reads the value as text: a
  // content file has no use for tags, so one is an error rather than a value read some other way.
  const [error] = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
  if (error) {
    const { line, column } = position(error.pos[0]);
    const plain = error.code === 'TAG_RESOLVE_FAILED' ? undefined : plainSyntaxError(yamlText.split(/\r?\n/), line);
    if (plain) at(plain.line, plain.column ?? column, `the YAML cannot be read: ${plain.message}. Fix this first: it can hide other mistakes below it`);
    else at(line, column, `the YAML cannot be read: ${syntaxDetail(error.code, error.message)}. Fix this first: it can hide other mistakes below it`);
    return { ...none, body };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/unresolved alias/i.test(message)) {
      // An alias (*name) with no anchor (&name) before it: point at the alias itself.
      let offset = 0;
      visit(doc, {
        Alias(_, node) {
          if (node.resolve(doc)) return undefined;
          offset = node.range?.[0] ?? 0;
          return visit.BREAK;
        },
      });
      const { line, column } = position(offset);
      at(line, column, `the YAML cannot be read: ${YAML_ERRORS.BAD_ALIAS}`);
    } else {
      at(1, 1, `the YAML cannot be read: ${/alias/i.test(message) ? YAML_ERRORS.RESOURCE_EXHAUSTION : error instanceof RangeError ? TOO_DEEP : message}`);
    }
    return { ...none, body };
  }
  const format = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).format : undefined;
  const swallowed: string[] = [];
  for (const found of silentChanges(doc, yamlText)) {
    problems.push({ file, ...position(found.offset), path: formatPath(found.path), place: describePlace(found.path, format), message: found.message });
    if (found.swallowed) swallowed.push(formatPath([...found.path.slice(0, -1), found.swallowed]));
  }
  return { file, data, body, problems, swallowed, locate: (path, options) => position(offsetOf(doc, path, options?.key)) };
}

/**
 * What YAML reads without complaint but not as the editor meant: an empty `owner:` (read as null,
 * "the plan names none"), and a field line indented into the text above it (read as more text).
 */
function silentChanges(doc: Document, source: string): { path: PropertyKey[]; offset: number; message: string; swallowed?: string }[] {
  const found: { path: PropertyKey[]; offset: number; message: string; swallowed?: string }[] = [];
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key !== 'string') continue;
        const value = pair.value;
        const empty = value === null || (isScalar(value) && value.value === null && value.source === '');
        if (empty && NULLABLE_FIELDS.has(key)) {
          const what = key === 'owner' ? 'the owner exactly as the plan writes it' : 'the target date exactly as the plan writes it';
          const none = key === 'owner' ? 'names no owner' : 'gives no target date';
          found.push({
            path: [...path, key],
            offset: (pair.key as Node | null)?.range?.[0] ?? 0,
            message: `"${key}" is empty: write ${what}, or "${key}: null" where the plan ${none}`,
          });
        }
        if (isScalar(value) && typeof value.value === 'string' && isUnquoted(value) && value.range) {
          const lines = source.slice(value.range[0], value.range[1]).split('\n');
          let offset = value.range[0] + lines[0]!.length + 1;
          for (const line of lines.slice(1)) {
            const field = fieldLine(line);
            if (field) {
              found.push({ path: [...path, key], offset: offset + field.indent, message: fieldInTextMessage(line, field.name), swallowed: field.name });
              break;
            }
            offset += line.length + 1;
          }
        }
        walk(value, [...path, key]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return found;
}

/** A folded (">"), literal ("|") or plain text, where a line's meaning depends on its indentation alone. */
function isUnquoted(scalar: Scalar): boolean {
  return scalar.type === Scalar.BLOCK_FOLDED || scalar.type === Scalar.BLOCK_LITERAL || scalar.type === Scalar.PLAIN;
}

/** The source offset of the node at `path`, walking as far down as the file actually goes. */
function offsetOf(doc: Document, path: readonly PropertyKey[], atKey = false): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const [i, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) break;
      const target = ((atKey && i === path.length - 1 ? pair.key : pair.value) ?? pair.key) as Node | null;
      offset = target?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}
