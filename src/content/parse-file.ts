/**
 * Reads one content file (YAML, or Markdown with YAML frontmatter) into plain data, keeping
 * enough of the YAML syntax tree to say on which line and column any field was written.
 * Syntax errors come back as problems with their position; this never throws on bad input.
 */
import matter from 'gray-matter';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Problem } from './problems.ts';

export interface ParsedFile {
  /** Relative path, used in every problem about this file. */
  file: string;
  /** The YAML data, or undefined where the file could not be read as YAML. */
  data: unknown;
  /** The Markdown after the frontmatter ('' for YAML files). */
  body: string;
  problems: Problem[];
  /**
   * Line and column (1-based) of the field at `path`, or of its nearest written ancestor when it is missing.
   * With `key`, the field's name rather than its value (for a field that should not be there at all).
   */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): { line: number; column: number };
}

/** Plain-English words for the YAML syntax errors editors actually make. */
const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: 'this field is written twice in the same block: keep only one of them',
  BAD_INDENT: 'the indentation is wrong here: line the field up with the others in its block, using spaces',
  TAB_AS_INDENT: 'a tab is used for indentation: use spaces instead',
  MISSING_CHAR: 'a closing bracket or quote is missing',
  MULTILINE_IMPLICIT_KEY: 'a field name runs over two lines, often because a colon or quote in the text above was not closed',
  BLOCK_AS_IMPLICIT_KEY: 'a value is written where a field name was expected: check the indentation and any "- " markers',
  UNEXPECTED_TOKEN: 'unexpected characters here: check the quotes, colons and indentation',
  BAD_ALIAS: 'an alias (*name) refers to an anchor (&name) that does not exist',
  ALIAS_PROPS: 'an alias cannot have a tag or anchor',
  TAG_RESOLVE_FAILED: 'the tag on this value is not one YAML knows: remove it',
  BAD_SCALAR_START: 'this value starts with a character YAML reserves: put the value in quotes',
  RESOURCE_EXHAUSTION: 'too many aliases: write the values out instead of repeating them with aliases',
};

/** The YAML library also reports lists or blocks nested past the stack's depth as RESOURCE_EXHAUSTION. */
const TOO_DEEP = 'lists or blocks are nested too deeply here: check for a "[" or "{" that is never closed, or indentation that keeps growing';

function syntaxDetail(code: string, message: string): string {
  if (/^Flow (sequence|mapping)/.test(message)) {
    return 'a "[" or "{" on this line or the one above is not closed: close it, or put text that starts with "[" or "{" in quotes';
  }
  if (/^Missing closing .?quote/i.test(message)) return 'a quoted text is not closed: add the closing quote';
  if (code === 'RESOURCE_EXHAUSTION' && !/alias/i.test(message)) return TOO_DEEP;
  return YAML_ERRORS[code] ?? message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
}

export function parseFile(file: string, source: string): ParsedFile {
  const isMarkdown = file.endsWith('.md');
  const problems: Problem[] = [];
  const at = (line: number, column: number, message: string) => problems.push({ file, line, column, path: '', message });
  const none: ParsedFile = { file, data: undefined, body: '', problems, locate: () => ({ line: 1, column: 1 }) };

  if (source.includes('\0')) {
    at(1, 1, 'this is not a text file: content files are UTF-8 text (YAML or Markdown)');
    return none;
  }
  if (!source.trim()) {
    at(1, 1, isMarkdown
      ? 'the file is empty: a plan file starts with a line "---", then its fields in YAML, then another "---"'
      : 'the file is empty: it should hold YAML fields');
    return none;
  }

  let yamlText = source;
  let body = '';
  if (isMarkdown) {
    const lines = source.split(/\r?\n/);
    if (lines[0]?.trim() !== '---') {
      at(1, 1, 'the frontmatter is missing: the file must start with a line "---", then its fields in YAML, then another "---"');
      return none;
    }
    if (!lines.slice(1).some((line) => /^---\s*$/.test(line))) {
      at(1, 1, 'the frontmatter is not closed: add a line "---" after the last field');
      return none;
    }
    // gray-matter splits frontmatter from body; the raw frontmatter it returns starts on the "---"
    // line, so its line numbers are the file's.
    const split = matter(source, { engines: { yaml: () => ({}) } });
    yamlText = split.matter;
    body = split.content;
  }

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
    at(line, column, `the YAML cannot be read: ${syntaxDetail(error.code, error.message)}. Fix this first: it can hide other mistakes below it`);
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
  return { file, data, body, problems, locate: (path, options) => position(offsetOf(doc, path, options?.key)) };
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
