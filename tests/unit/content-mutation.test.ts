/**
 * Bad content, tried at scale. The real content (content/: themes.yaml, the Chelmsford
 * establishment and its plan) is broken in several hundred ways, each made by a seeded
 * pseudo-random generator so every run tries the same cases: every kind of field deleted or given
 * a value of the wrong type, huge text, unicode and control characters, YAML anchors, aliases
 * (an alias bomb among them), tags, directives, duplicate keys, broken indentation, a byte order
 * mark, CRLF line endings, empty files, unclosed frontmatter, and files cut short at random bytes.
 *
 * For each one, validateContent (src/content/load.ts) must not throw, must finish quickly, and
 * must either accept the content or give problems that each name a file that exists, a line and
 * column inside it, and a plain one-line message. A few representative breakages are then checked
 * for the exact line the build prints for them.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readContentFiles, validateContent } from '../../src/content/load.ts';
import { formatProblem, type Problem } from '../../src/content/problems.ts';
import { ROOT } from '../support/build-site.ts';

const CONTENT_DIR = path.join(ROOT, 'content');
const THEMES = 'themes.yaml';
const ESTABLISHMENT = 'establishments/chelmsford.yaml';
const PLAN = 'plans/chelmsford/chelmsford-2024.md';
const TARGETS = [THEMES, ESTABLISHMENT, PLAN];

const BASE = readContentFiles(CONTENT_DIR);
const original = (file: string) => BASE.find(([rel]) => rel === file)![1];

/**
 * Longest a single validation may take. Not a speed target (that is the bench's): a guard against
 * work that grows without bound, such as an alias bomb expanded, which would take minutes. It
 * normally takes well under 100 ms; the largest case took 5 s on a 2-core machine at a load of 15.
 */
const BUDGET_MS = 30_000;
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------------

/** mulberry32: a small, fast, seeded PRNG giving numbers in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(0x5eed_2024);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const pickSome = <T>(items: readonly T[], n: number): T[] => {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < n && pool.length) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
};

// ---------------------------------------------------------------------------------------------------
// Content files as YAML documents
// ---------------------------------------------------------------------------------------------------

/** A content file split into its YAML and what surrounds it (the frontmatter fences and body of a plan). */
interface Split {
  before: string;
  yaml: string;
  after: string;
}

function split(file: string, text: string): Split {
  if (!file.endsWith('.md')) return { before: '', yaml: text, after: '' };
  const close = text.indexOf('\n---\n', 4);
  return { before: text.slice(0, 4), yaml: text.slice(4, close + 1), after: text.slice(close + 1) };
}

type Path = (string | number)[];

interface Field {
  path: Path;
  /** The path with list indexes as "*": fields of one kind share it (concerns.*.actions.*.owner). */
  kind: string;
  node: Node | null;
  /** 0-based line of its key (of the item, in a list) in the YAML. */
  line: number;
  /** Whether the field, its key and value, is written on that one line. */
  oneLine: boolean;
}

/** Every field and list item of a YAML document, depth first. */
function fieldsOf(yaml: string): Field[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter });
  const fields: Field[] = [];
  const lineOf = (node: Node | null | undefined) => lineCounter.linePos(node?.range?.[0] ?? 0).line - 1;
  const endLineOf = (node: Node | null | undefined) => lineCounter.linePos(Math.max(0, (node?.range?.[1] ?? 1) - 1)).line - 1;
  const walk = (node: unknown, at: Path) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const p = [...at, key];
        const line = lineOf(pair.key);
        fields.push({ path: p, kind: kindOf(p), node: pair.value as Node | null, line, oneLine: endLineOf((pair.value ?? pair.key) as Node) === line });
        walk(pair.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = [...at, i];
        const line = lineOf(item as Node);
        fields.push({ path: p, kind: kindOf(p), node: item as Node, line, oneLine: endLineOf(item as Node) === line });
        walk(item, p);
      });
    }
  };
  walk(doc.contents, []);
  return fields;
}

const kindOf = (p: Path) => p.map((k) => (typeof k === 'number' ? '*' : k)).join('.');

/** One field of each kind, chosen at random among the fields of that kind. */
function oneOfEachKind(fields: Field[]): Field[] {
  const kinds = new Map<string, Field[]>();
  for (const field of fields) kinds.set(field.kind, [...(kinds.get(field.kind) ?? []), field]);
  return [...kinds.values()].map((same) => pick(same));
}

/** The file with its YAML document changed by `change`. */
function editYaml(file: string, change: (doc: Document) => void): string {
  const parts = split(file, original(file));
  const doc = parseDocument(parts.yaml);
  change(doc);
  return parts.before + doc.toString({ lineWidth: 0 }) + parts.after;
}

/** The file with the line of its YAML at `line` (0-based, in the YAML) replaced by `lines`. */
function editLine(file: string, line: number, replace: (text: string) => string[]): string {
  const parts = split(file, original(file));
  const lines = parts.yaml.split('\n');
  lines.splice(line, 1, ...replace(lines[line]!));
  return parts.before + lines.join('\n') + parts.after;
}

/** The 1-based line in the whole file of a 0-based line of its YAML. */
const fileLine = (file: string, yamlLine: number) => yamlLine + 1 + (file.endsWith('.md') ? 1 : 0);

// ---------------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------------

interface Mutation {
  name: string;
  file: string;
  text: string;
  /** What validation must do: reject it, accept it, or either. */
  expect: 'reject' | 'accept' | 'either';
  /** A line (1-based) some problem must name, where the mutation knows where it broke the file. */
  line?: number;
  /** What some problem's message must say, where the mutation knows what it broke. */
  says?: RegExp;
}

const FIELDS = Object.fromEntries(TARGETS.map((file) => [file, fieldsOf(split(file, original(file)).yaml)])) as Record<string, Field[]>;

/** Scalars holding text: where text-shaped mutations go. */
const textFields = (file: string) => FIELDS[file]!.filter((f) => isScalar(f.node) && typeof f.node.value === 'string');
/** Scalars written on one line, unquoted: where a value can be replaced by editing its line. */
const plainOneLine = (file: string) => FIELDS[file]!.filter((f) => f.oneLine && isScalar(f.node) && f.node.type === 'PLAIN');

/** Fields that every file of its kind must have, so deleting one must be rejected. */
const REQUIRED = new Set([
  'themes', 'themes.*.id', 'themes.*.label', 'themes.*.area',
  'id', 'name',
  'establishment', 'format', 'title', 'concerns', 'concerns.*.number', 'concerns.*.text', 'concerns.*.actions', 'concerns.*.actions.*.text',
]);

function deletions(): Mutation[] {
  return TARGETS.flatMap((file) =>
    oneOfEachKind(FIELDS[file]!).map((field) => ({
      name: `${file}: delete ${field.path.join('.')}`,
      file,
      text: editYaml(file, (doc) => doc.deleteIn(field.path)),
      expect: REQUIRED.has(field.kind) && !field.kind.endsWith('*') ? 'reject' : 'either',
    })),
  );
}

/** Values of every YAML type, to put where another type is expected. */
const VALUES: unknown[] = [42, -1, 3.5, Number.NaN, Number.POSITIVE_INFINITY, true, false, null, '', '   ', 'some text', [], ['a', 'b'], {}, { a: 1 }, [[1]], [{ a: 1 }]];
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v);
const nodeType = (node: Node | null) => (isScalar(node) ? typeOf(node.value) : isSeq(node) ? 'list' : isMap(node) ? 'object' : 'null');

function wrongTypes(): Mutation[] {
  return TARGETS.flatMap((file) =>
    oneOfEachKind(FIELDS[file]!).flatMap((field) =>
      pickSome(VALUES.filter((v) => typeOf(v) !== nodeType(field.node)), 3).map((value) => ({
        name: `${file}: ${field.path.join('.')} = ${JSON.stringify(value) ?? String(value)}`,
        file,
        text: editYaml(file, (doc) => doc.setIn(field.path, value)),
        expect: 'either' as const,
      })),
    ),
  );
}

function hugeText(): Mutation[] {
  const words = 'the prison will review '.repeat(Math.ceil(MB / 23)).slice(0, MB);
  const cases = TARGETS.flatMap((file) =>
    pickSome(textFields(file), 2).flatMap((field) => [
      { name: `${file}: ${field.path.join('.')} is 1 MB of words`, file, text: editYaml(file, (doc) => doc.setIn(field.path, words)), expect: 'either' as const },
      { name: `${file}: ${field.path.join('.')} is 1 MB without a space`, file, text: editYaml(file, (doc) => doc.setIn(field.path, 'x'.repeat(MB))), expect: 'either' as const },
    ]),
  );
  return [
    ...cases,
    { name: `${PLAN}: a 1 MB introduction`, file: PLAN, text: `${original(PLAN)}\n${words}\n`, expect: 'accept' },
    { name: `${ESTABLISHMENT}: 1 MB of comment`, file: ESTABLISHMENT, text: `${original(ESTABLISHMENT)}# ${words}\n`, expect: 'accept' },
    { name: `${THEMES}: 5,000 more themes, all with the same id`, file: THEMES, text: `${original(THEMES)}${'  - id: extra\n    label: Extra\n    area: safety\n'.repeat(5_000)}`, expect: 'reject' },
    {
      name: `${ESTABLISHMENT}: lists nested 5,000 deep`,
      file: ESTABLISHMENT,
      text: `${original(ESTABLISHMENT)}nested: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      expect: 'reject',
      says: /nested too deeply/,
    },
    {
      name: `${ESTABLISHMENT}: blocks nested 2,000 deep`,
      file: ESTABLISHMENT,
      text: `${original(ESTABLISHMENT)}nested:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x\n`,
      expect: 'reject',
      says: /nested too deeply/,
    },
  ];
}

/** Text that has broken software before: direction overrides, emoji, combining marks, controls. */
const UNICODE: Record<string, string> = {
  'right-to-left override': '\u202Eevil\u202C and שלום עליכם مرحبا',
  emoji: '👩🏽‍⚕️ 🏴󠁧󠁢󠁥󠁮󠁧󠁿 🧑‍🤝‍🧑',
  'combining marks': `Z${'\u0301\u0316\u0338'.repeat(40)}algo`,
  'zero-width characters': 'a\u200Bb\u200Dc\uFEFFd\u2060e',
  'control characters': 'bell\u0007 escape\u001B[31m delete\u007F backspace\u0008 vertical tab\u000B form feed\u000C',
  'NUL': 'before\u0000after',
  'line and paragraph separators': 'one\u2028two\u2029three\u0085four',
  'line breaks': 'one\r\ntwo\rthree\nfour',
  'lone surrogates': 'high \uD800 low \uDC00 reversed \uDC00\uD800',
  'private use and noncharacters': '\uE000 \uFFFE \uFFFF \u{10FFFF}',
};

function unicode(): Mutation[] {
  return TARGETS.flatMap((file) =>
    Object.entries(UNICODE).flatMap(([label, text]) => {
      const field = pick(textFields(file));
      const value = String((field.node as { value: unknown }).value);
      const cases: Mutation[] = [
        // As YAML writes it: escaped in double quotes where it must be.
        { name: `${file}: ${label} in ${field.path.join('.')}`, file, text: editYaml(file, (doc) => doc.setIn(field.path, `${value} ${text}`)), expect: 'either' },
      ];
      // Raw in the file, as an editor might paste it (lone surrogates cannot be: they are written as
      // YAML escapes instead, which the parser turns into the lone surrogates themselves).
      const rawField = pick(plainOneLine(file).filter((f) => typeof (f.node as { value: unknown }).value === 'string'));
      const raw = label === 'lone surrogates' ? '"\\uD800 \\uDFFF \\uDC00\\uD800"' : text;
      if (rawField) {
        cases.push({
          name: `${file}: ${label} written raw in ${rawField.path.join('.')}`,
          file,
          text: editLine(file, rawField.line, (line) => [label === 'lone surrogates' ? line.replace(/: .*$/, `: ${raw}`) : `${line} ${raw}`]),
          expect: 'either',
        });
      }
      return cases;
    }),
  ).concat(
    // Field names are shown in problems too: one with a line break, a terminal escape and a NUL.
    TARGETS.map((file) => ({
      name: `${file}: a field name with control characters`,
      file,
      text: appendYaml(file, '"bad\\nname\\e[31m\\0": 1'),
      expect: 'reject' as const,
    })),
  );
}

/** A billion laughs: nine levels of nine aliases each, 387,420,489 strings if expanded. */
const ALIAS_BOMB = [
  'lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...Array.from({ length: 8 }, (_, i) => `lol${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
].join('\n');

/** Inserts YAML lines at the end of the file's YAML (before a plan's closing fence). */
function appendYaml(file: string, lines: string): string {
  const parts = split(file, original(file));
  return parts.before + parts.yaml.replace(/\n?$/, '\n') + lines + '\n' + parts.after;
}

function anchorsAndAliases(): Mutation[] {
  const cases: Mutation[] = TARGETS.flatMap((file) => [
    { name: `${file}: a billion laughs`, file, text: appendYaml(file, ALIAS_BOMB), expect: 'reject', says: /too many aliases/ },
    { name: `${file}: an alias to an anchor that does not exist`, file, text: appendYaml(file, 'extra: *nowhere'), expect: 'reject' },
    { name: `${file}: a list that contains itself`, file, text: appendYaml(file, 'extra: &loop [*loop]'), expect: 'reject' },
    { name: `${file}: a block that contains itself`, file, text: appendYaml(file, 'extra: &loop { self: *loop }'), expect: 'reject' },
    { name: `${file}: an alias as a field name`, file, text: appendYaml(file, 'extra: &key name\n*key : value'), expect: 'reject' },
    { name: `${file}: a merge key`, file, text: appendYaml(file, 'extra: &base { a: 1 }\nmore:\n  <<: *base'), expect: 'reject' },
  ]);

  // The bomb as the value of a real field, and an unknown alias in place of a real value.
  for (const file of TARGETS) {
    const field = pick(FIELDS[file]!.filter((f) => f.oneLine && isScalar(f.node)));
    const bombed = editLine(file, field.line, (line) => [line.replace(/:( .*)?$/, ': *a8')]);
    const parts = split(file, bombed);
    const lines = parts.yaml.split('\n');
    // The anchors go at the top of the document, as fields the schema does not know.
    cases.push({ name: `${file}: ${field.path.join('.')} is a billion laughs`, file, text: parts.before + ALIAS_BOMB + '\n' + lines.join('\n') + parts.after, expect: 'reject' });
    cases.push({
      name: `${file}: ${field.path.join('.')} is an unknown alias`,
      file,
      text: editLine(file, field.line, (line) => [line.replace(/:( .*)?$/, ': *missing')]),
      expect: 'reject',
      line: fileLine(file, field.line),
    });
  }

  // Anchors and aliases used well: the plan's first owner anchored, every later copy an alias.
  const owners = FIELDS[PLAN]!.filter((f) => f.kind === 'concerns.*.actions.*.owner' && isScalar(f.node) && f.node.value === 'Governor');
  const [first, ...rest] = owners;
  let text = original(PLAN);
  if (first) {
    const lines = text.split('\n');
    lines[fileLine(PLAN, first.line) - 1] = lines[fileLine(PLAN, first.line) - 1]!.replace('owner: Governor', 'owner: &governor Governor');
    for (const owner of rest) lines[fileLine(PLAN, owner.line) - 1] = lines[fileLine(PLAN, owner.line) - 1]!.replace('owner: Governor', 'owner: *governor');
    text = lines.join('\n');
  }
  cases.push({ name: `${PLAN}: "Governor" anchored once and aliased ${rest.length} times`, file: PLAN, text, expect: 'accept' });
  return cases;
}

/** Tags, known to YAML or not, and what they do to a value. */
const TAGS = [
  '!!js/function "function () { globalThis.pwned = true }"',
  '!!js/regexp /x/g',
  '!!js/undefined ""',
  '!!python/object/apply:os.system ["true"]',
  '!!binary R0lGODlhAQABAAAAACw=',
  '!foo bar',
  '!<tag:example.com,2024:x> y',
  '!!str 2024',
  '!!int "not a number"',
  '!!float abc',
  '!!bool maybe',
  '!!null something',
  '!!map text',
  '!!seq text',
  '!!set { a, b }',
  '!!omap [ a: 1 ]',
  '!!timestamp 2024-01-01',
];

function tags(): Mutation[] {
  const cases: Mutation[] = TAGS.map((tag) => {
    const file = pick(TARGETS);
    const field = pick(plainOneLine(file));
    return { name: `${file}: ${field.path.join('.')} tagged ${tag}`, file, text: editLine(file, field.line, (line) => [line.replace(/: .*$/, `: ${tag}`)]), expect: 'either' };
  });
  for (const file of [THEMES, ESTABLISHMENT]) {
    cases.push(
      { name: `${file}: a %YAML 1.1 directive`, file, text: `%YAML 1.1\n---\n${original(file)}`, expect: 'either' },
      {
        name: `${file}: a %YAML 1.1 directive and a !!binary value`,
        file,
        text: `%YAML 1.1\n---\n${original(file).replace(/^(\s*(?:- )?\w+): \S.*$/m, '$1: !!binary R0lGODlhAQABAAAAACw=')}`,
        expect: 'reject',
      },
      { name: `${file}: a %TAG directive`, file, text: `%TAG !e! tag:example.com,2024:\n---\n${original(file)}`, expect: 'either' },
      { name: `${file}: a second YAML document`, file, text: `${original(file)}---\nid: another\n`, expect: 'reject' },
    );
  }
  return cases;
}

function duplicateKeys(): Mutation[] {
  return TARGETS.flatMap((file) =>
    pickSome(
      FIELDS[file]!.filter((f) => typeof f.path.at(-1) === 'string' && f.oneLine && isScalar(f.node)),
      5,
    ).map((field) => ({
      name: `${file}: ${field.path.join('.')} written twice`,
      file,
      // The copy goes on the line after, lined up with the field (without any "- " before it).
      text: editLine(file, field.line, (line) => [line, line.replace(/^(\s*)- /, '$1  ')]),
      expect: 'reject' as const,
      line: fileLine(file, field.line) + 1,
    })),
  );
}

function indentation(): Mutation[] {
  return TARGETS.flatMap((file) =>
    pickSome(FIELDS[file]!.filter((f) => typeof f.path.at(-1) === 'string' && f.path.length > 1), 6).map((field, i) => {
      const change = [(l: string) => ` ${l}`, (l: string) => l.replace(/^ /, ''), (l: string) => `   ${l}`, (l: string) => l.replace(/^( *)/, '$1\t')][i % 4]!;
      return { name: `${file}: ${field.path.join('.')} indented wrongly (${['+1', '-1', '+3', 'tab'][i % 4]})`, file, text: editLine(file, field.line, (l) => [change(l)]), expect: 'either' as const };
    }),
  );
}

function wholeFile(): Mutation[] {
  return TARGETS.flatMap((file) => {
    const text = original(file);
    const cases: Mutation[] = [
      { name: `${file}: a byte order mark`, file, text: `\uFEFF${text}`, expect: 'accept' },
      { name: `${file}: CRLF line endings`, file, text: text.replace(/\n/g, '\r\n'), expect: 'accept' },
      { name: `${file}: a byte order mark and CRLF line endings`, file, text: `\uFEFF${text.replace(/\n/g, '\r\n')}`, expect: 'accept' },
      { name: `${file}: CR line endings (classic Mac)`, file, text: text.replace(/\n/g, '\r'), expect: 'either' },
      { name: `${file}: no final line break`, file, text: text.replace(/\n+$/, ''), expect: 'accept' },
      { name: `${file}: empty`, file, text: '', expect: 'reject', line: 1 },
      { name: `${file}: only white space`, file, text: ' \n\t\n\n', expect: 'reject', line: 1 },
      { name: `${file}: only a comment`, file, text: '# nothing here\n', expect: 'reject' },
      { name: `${file}: a NUL byte`, file, text: text.replace('\n', '\n\0'), expect: 'reject' },
      { name: `${file}: not UTF-8 (read as UTF-8, as the loader reads it)`, file, text: Buffer.from(text, 'utf16le').toString('utf8'), expect: 'reject' },
      { name: `${file}: every line of it twice`, file, text: text.replace(/^.*$/gm, '$&\n$&'), expect: 'reject' },
    ];
    if (file.endsWith('.md')) {
      const lines = text.split('\n');
      const close = lines.indexOf('---', 1);
      cases.push(
        { name: `${file}: frontmatter without its closing ---`, file, text: lines.filter((_, i) => i !== close).join('\n'), expect: 'reject', line: 1 },
        { name: `${file}: frontmatter without its opening ---`, file, text: lines.slice(1).join('\n'), expect: 'reject', line: 1 },
        { name: `${file}: only "---"`, file, text: '---\n', expect: 'reject', line: 1 },
        { name: `${file}: empty frontmatter`, file, text: '---\n---\nBody.\n', expect: 'reject' },
        { name: `${file}: the frontmatter fences indented`, file, text: text.replace(/^---$/gm, ' ---'), expect: 'reject' },
        { name: `${file}: "---" inside the body`, file, text: `${text}\n---\nmore: yaml\n---\n`, expect: 'accept' },
      );
    }
    return cases;
  });
}

function truncations(): Mutation[] {
  return TARGETS.flatMap((file) => {
    const bytes = Buffer.from(original(file), 'utf8');
    return Array.from({ length: 12 }, () => {
      const offset = Math.floor(random() * bytes.length);
      // Decoded as readContentFiles decodes it: a character cut in two becomes U+FFFD.
      return { name: `${file}: cut at byte ${offset} of ${bytes.length}`, file, text: bytes.subarray(0, offset).toString('utf8'), expect: 'either' as const };
    });
  });
}

function lineDeletions(): Mutation[] {
  return TARGETS.flatMap((file) => {
    const lines = original(file).split('\n');
    return Array.from({ length: 6 }, () => {
      const line = Math.floor(random() * lines.length);
      return { name: `${file}: line ${line + 1} deleted`, file, text: lines.filter((_, i) => i !== line).join('\n'), expect: 'either' as const };
    });
  });
}

/** Each group, and the share of its mutations that at least must be rejected (a validator that accepted anything would fail). */
const GROUPS: [string, () => Mutation[], number][] = [
  ['every kind of field deleted', deletions, 0.3],
  ['every kind of field given values of other types', wrongTypes, 0.5],
  ['huge text and deep nesting', hugeText, 0],
  ['unicode and control characters', unicode, 0],
  ['YAML anchors and aliases, among them a billion laughs', anchorsAndAliases, 0.5],
  ['YAML tags and directives', tags, 0.2],
  ['duplicate keys', duplicateKeys, 1],
  ['broken indentation', indentation, 0.5],
  ['byte order marks, line endings, empty files and broken frontmatter', wholeFile, 0.3],
  ['files cut short at random bytes', truncations, 0.3],
  ['random lines deleted', lineDeletions, 0],
];

// ---------------------------------------------------------------------------------------------------
// Checking one mutation
// ---------------------------------------------------------------------------------------------------

const shown = (file: string) => `content/${file}`;
/** Lines as editors count them: a line break is CRLF, LF or CR. */
const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

/** What is wrong with one problem ([] when it is a good one), given each file's line count. */
function faultsOf(problem: Problem, lines: Map<string, number>): string[] {
  const faults: string[] = [];
  const count = lines.get(problem.file);
  if (count === undefined) faults.push(`names a file that does not exist: ${problem.file}`);
  if (!Number.isInteger(problem.line) || problem.line < 1) faults.push(`has line ${problem.line}`);
  else if (count !== undefined && problem.line > count) faults.push(`has line ${problem.line}, after the last line (${count})`);
  if (!Number.isInteger(problem.column) || problem.column < 1) faults.push(`has column ${problem.column}`);
  if (typeof problem.path !== 'string') faults.push(`has path ${String(problem.path)}`);
  const message = problem.message;
  if (typeof message !== 'string' || message.trim() === '') faults.push('has no message');
  else {
    if (/\[object \w+\]|\bundefined\b/.test(message)) faults.push(`has a message with "[object ...]" or "undefined": ${message}`);
    if (/\n\s+at |\(\S+:\d+:\d+\)|\.(?:ts|js|mjs):\d+/.test(message)) faults.push(`has a stack trace in its message: ${message}`);
    // One line each: a line break or control character would break `file:line:column  path  message`
    // and GitHub's ::error annotations.
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(message)) faults.push(`has a control character or line break in its message: ${JSON.stringify(message)}`);
    if (message.length > 2_000) faults.push(`has a message of ${message.length} characters`);
  }
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(problem.path ?? '')) faults.push(`has a control character or line break in its path: ${JSON.stringify(problem.path)}`);
  return faults;
}

interface Outcome {
  faults: string[];
  ok: boolean;
  ms: number;
}

function check(mutation: Mutation): Outcome {
  const files = BASE.map(([rel, text]): [string, string] => [rel, rel === mutation.file ? mutation.text : text]);
  const lines = new Map(files.map(([rel, text]) => [shown(rel), lineCount(text)]));
  const started = performance.now();
  let result: ReturnType<typeof validateContent>;
  try {
    result = validateContent(files);
  } catch (error) {
    return { faults: [`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`], ok: false, ms: performance.now() - started };
  }
  const ms = performance.now() - started;
  const faults: string[] = [];
  if (ms > BUDGET_MS) faults.push(`took ${Math.round(ms)} ms`);
  if (result.ok) {
    if (mutation.expect === 'reject') faults.push('was accepted');
  } else {
    if (mutation.expect === 'accept') faults.push(`was rejected:\n      ${result.problems.map(formatProblem).join('\n      ')}`);
    if (result.problems.length === 0) faults.push('was rejected with no problems');
    for (const problem of result.problems) faults.push(...faultsOf(problem, lines).map((f) => `a problem (${formatProblem(problem).slice(0, 300)}) ${f}`));
    if (mutation.says && !result.problems.some((p) => mutation.says!.test(p.message))) {
      faults.push(`has no problem that says ${mutation.says}: ${result.problems.map((p) => p.message).join(' | ').slice(0, 500)}`);
    }
    if (mutation.line !== undefined && !result.problems.some((p) => p.file === shown(mutation.file) && p.line === mutation.line)) {
      faults.push(`has no problem at line ${mutation.line}: ${result.problems.map((p) => `${p.file}:${p.line}`).join(', ')}`);
    }
  }
  return { faults, ok: result.ok, ms };
}

// ---------------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------------

const ALL = GROUPS.map(([label, make, rejected]) => [label, make(), rejected] as const);

describe('bad content, tried at scale', () => {
  it('starts from real content that validates, also when written back out by the YAML library', () => {
    for (const file of TARGETS) expect(BASE.map(([rel]) => rel)).toContain(file);
    const result = validateContent(BASE);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    // Field mutations rewrite a file with the YAML library: unchanged, that must still be valid.
    for (const file of TARGETS) {
      expect(check({ name: `${file} rewritten`, file, text: editYaml(file, () => {}), expect: 'accept' }).faults, file).toEqual([]);
    }
  });

  const all = ALL.flatMap(([, mutations]) => mutations);
  it(`tries a few hundred different mutations (${all.length})`, () => {
    expect(all.length).toBeGreaterThan(300);
    // Every mutation really changes its file, and none is tried twice.
    expect(all.filter((m) => m.text === original(m.file)).map((m) => m.name)).toEqual([]);
    const texts = new Set(all.map((m) => `${m.file}\0${createHash('sha256').update(m.text).digest('hex')}`));
    expect(texts.size).toBeGreaterThan(all.length * 0.95);
  });

  it.each(ALL)('%s: never a crash, each problem at a real file:line with a plain message', (_label, mutations, rejected) => {
    expect(mutations.length).toBeGreaterThan(0);
    const outcomes = mutations.map((mutation) => ({ mutation, ...check(mutation) }));
    const failures = outcomes.filter((o) => o.faults.length).map((o) => `${o.mutation.name}:\n    ${o.faults.join('\n    ')}`);
    expect(failures).toEqual([]);
    expect(outcomes.filter((o) => !o.ok).length, 'mutations rejected').toBeGreaterThanOrEqual(Math.ceil(mutations.length * rejected));
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------------
// As the build reports them
// ---------------------------------------------------------------------------------------------------

/** The 1-based line of `file` (as in content/) that first matches `pattern`. */
const lineMatching = (file: string, pattern: RegExp) => original(file).split('\n').findIndex((line) => pattern.test(line)) + 1;

const TITLE_LINE = lineMatching(PLAN, /^title: /);
const LABEL_LINE = lineMatching(THEMES, /^\s+label: /);
const OWNER_LINE = lineMatching(PLAN, /^\s+owner: /);
/** The column of the first theme's label value, just after "label: ". */
const LABEL_COLUMN = original(THEMES).split('\n')[LABEL_LINE - 1]!.indexOf('label: ') + 'label: '.length + 1;

/**
 * Representative breakages, one in each kind of file, and the line the build prints for each: the
 * build prints the validator's problems as they are (tests/build/build.test.ts shows it with one
 * broken content folder, and that a failed build writes nothing).
 */
const REPORTED: { name: string; file: string; text: string; printed: RegExp }[] = [
  {
    name: 'the plan with a field written twice',
    file: PLAN,
    text: original(PLAN).replace(/^(title: .*)$/m, '$1\n$1'),
    // The second "title:" is the line after the first.
    printed: new RegExp(`^content/${PLAN}:${TITLE_LINE + 1}:1  \\(file\\)  the YAML cannot be read: this field is written twice`),
  },
  {
    name: 'the establishment with a billion laughs',
    file: ESTABLISHMENT,
    text: appendYaml(ESTABLISHMENT, ALIAS_BOMB),
    printed: new RegExp(`^content/${ESTABLISHMENT}:\\d+:\\d+  \\(file\\)  the YAML cannot be read: too many aliases`),
  },
  {
    name: 'the themes file with a list where text should be',
    file: THEMES,
    text: original(THEMES).replace(/^(\s+label: ).*$/m, '$1[not, text]'),
    // At the list itself, after "label: ".
    printed: new RegExp(`^content/${THEMES}:${LABEL_LINE}:${LABEL_COLUMN}  theme 1, label  found a list, but it must be text$`),
  },
  {
    // Unfinished work: what plain `npm run validate` refuses, the build refuses too.
    name: 'the plan with a leftover "# CHECK:" comment',
    file: PLAN,
    text: original(PLAN).replace(/^(\s+)(owner: .*)$/m, '$1# CHECK: the owner.\n$1$2'),
    // The comment takes the first owner's line, which moves down one.
    printed: new RegExp(`^content/${PLAN}:${OWNER_LINE}:\\d+  .*a "# CHECK:" comment is still here \\("the owner\\."\\)`),
  },
];

describe('representative breakages, as `npm run build` prints them', () => {
  it.each(REPORTED.map((r) => [r.name, r] as const))('%s: rejected, with the problem at its file:line:column', (_name, { file, text, printed }) => {
    expect(text).not.toBe(original(file));
    const result = validateContent(BASE.map(([rel, t]): [string, string] => [rel, rel === file ? text : t]), 'content');
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    expect(lines.some((line) => printed.test(line)), `a problem matching ${printed} in:\n${lines.join('\n')}`).toBe(true);
  });
});
