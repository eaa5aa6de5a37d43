/**
 * Content is read the fast way (js-yaml, src/content/fast-yaml.ts), and with the `yaml` package's
 * syntax tree (parseFile, the exact reading) only where a file has a problem to place. The fast
 * reading must never publish anything different: it gives exactly the exact reading's data, or no
 * answer at all. The values expected below are YAML 1.2's core schema (yaml.org/spec/1.2.2, 10.3),
 * the one the exact reading uses: not YAML 1.1's, where yes, 2024-05-01 and 010 mean other things.
 */
import { describe, expect, it } from 'vitest';
import { readYamlFast } from '../../src/content/fast-yaml.ts';
import { readContentFiles } from '../../src/content/load.ts';
import { parseFile, parseFileFast } from '../../src/content/parse-file.ts';
import { FIXTURE_PLAN } from '../support/fixture-plan.ts';

/** The exact reading's data, or "problem" where it reports one. */
function exact(yaml: string): unknown {
  const parsed = parseFile('case.yaml', yaml);
  return parsed.problems.length ? 'problem' : parsed.data;
}

const FOLDERS = ['content', 'tests/fixtures/downloads-content', 'tests/fixtures/progress-content', 'tests/fixtures/hostile-content'];

describe('reading content the fast way', () => {
  it.each(FOLDERS)('reads every file in %s fast, to the same data and body as the exact reading', (folder) => {
    for (const [rel, text] of readContentFiles(folder)) {
      const slow = parseFile(rel, text);
      const fast = parseFileFast(rel, text);
      expect(slow.problems, rel).toEqual([]);
      expect(fast, `${rel} is read fast`).toBeDefined();
      expect(fast!.data, rel).toStrictEqual(slow.data);
      expect(fast!.body, rel).toBe(slow.body);
    }
  });

  it('places a field of a file read fast where the exact reading places it', () => {
    const fast = parseFileFast('plan.md', FIXTURE_PLAN)!;
    const slow = parseFile('plan.md', FIXTURE_PLAN);
    // Line 30 of the fixture plan is "        owner: Governor".
    expect(fast.locate(['concerns', 0, 'actions', 0, 'owner'])).toEqual({ line: 30, column: 16 });
    expect(fast.locate(['concerns', 0, 'actions', 0, 'owner'], { key: true })).toEqual({ line: 30, column: 9 });
    for (const path of [['establishment'], ['concerns', 0, 'actions', 1, 'target'], ['concerns', 1, 'themes', 0], ['concerns', 1, 'nothing']]) {
      expect(fast.locate(path)).toEqual(slow.locate(path));
      expect(fast.locate(path, { key: true })).toEqual(slow.locate(path, { key: true }));
    }
  });

  it.each<[string, unknown]>([
    ['yes', 'yes'],
    ['No', 'No'],
    ['on', 'on'],
    ['off', 'off'],
    ['y', 'y'],
    ['2024-05-01', '2024-05-01'],
    ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00Z'],
    ['010', 10],
    ['0o17', 15],
    ['0x1F', 31],
    ['-0x1F', '-0x1F'],
    ['0b101', '0b101'],
    ['+12', 12],
    ['1_000', '1_000'],
    ['1:30', '1:30'],
    ['.5', 0.5],
    ['1.', 1],
    ['1e3', 1000],
    ['-.inf', -Infinity],
    ['.NaN', NaN],
    ['~', null],
    ['null', null],
    ['NULL', null],
    ['nULL', 'nULL'],
    ['True', true],
    ['FALSE', false],
    ['tRUE', 'tRUE'],
    ['"null"', 'null'],
    ["'010'", '010'],
    ['"true"', 'true'],
    ['"a\\tb \\u00e9 \\x41"', 'a\tb é A'],
    ["'it''s'", "it's"],
    ['a#b # a comment', 'a#b'],
    ['Recruitment **has not begun**', 'Recruitment **has not begun**'],
    ['Done!', 'Done!'],
    ['[self-harm, mental-health, ]', ['self-harm', 'mental-health']],
    ['{owner: Governor, target: null}', { owner: 'Governor', target: null }],
  ])('reads "value: %s" as %j either way', (written, value) => {
    const yaml = `value: ${written}\n`;
    expect(exact(yaml)).toEqual({ value });
    expect(readYamlFast(yaml)).toEqual({ value });
  });

  it.each<[string, string, unknown]>([
    ['a folded text', 'text: >-\n  one\n  two\n\n  three\n    indented\n', { text: 'one two\nthree\n  indented' }],
    ['a literal text kept to its last line break', 'text: |+\n  one\n\nnext: 1\n', { text: 'one\n\n', next: 1 }],
    ['a literal text without its last line break', 'text: |-\n  one\n  two\n', { text: 'one\ntwo' }],
    ['a plain text over lines', 'text: one\n  two\n\n  three\n', { text: 'one two\nthree' }],
    ['a merge key, a plain key in YAML 1.2', '<<: {owner: x}\n', { '<<': { owner: 'x' } }],
    ['an anchor nothing refers to', 'owner: &who Governor\n', { owner: 'Governor' }],
    ['Windows line endings', 'a: x\r\nb: "y"\r\n', { a: 'x', b: 'y' }],
    ['keys written as a number or a boolean', '1: a\ntrue: b\n', { 1: 'a', true: 'b' }],
    ['a document end', 'a: 1\n...\n', { a: 1 }],
  ])('reads %s the same either way', (_, yaml, data) => {
    expect(exact(yaml)).toEqual(data);
    expect(readYamlFast(yaml)).toEqual(data);
  });

  // What the two readers treat differently, or what the exact reading reports though the YAML
  // reads: the fast reading gives no answer, and the file is read exactly.
  it.each<[string, string, unknown]>([
    ['an alias', 'a: &x 1\nb: *x\n', { a: 1, b: 1 }],
    ['a merge of an alias', 'base: &b {owner: x}\nitem:\n  <<: *b\n', { base: { owner: 'x' }, item: { '<<': { owner: 'x' } } }],
    ['an alias bomb', 'a: &a [1, 1]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: &d [*c, *c, *c, *c]\ne: &e [*d, *d, *d, *d]\nf: [*e, *e, *e, *e]\n', 'problem'],
    ['a tag', 'a: !!str 010\n', { a: '010' }],
    ['an unknown tag', 'a: !foo x\n', 'problem'],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\na: yes\nb: 010\n', { a: true, b: 8 }],
    ['an explicit key', '? a\n: b\n', { a: 'b' }],
    ['a list as a key', '[a, b]: c\n', { '[ a, b ]': 'c' }],
    ['a key written as null', 'null: a\n', { '': 'a' }],
    ['a duplicate key', 'a: 1\na: 2\n', 'problem'],
    ['a tab as indentation', 'a:\n\tb: 1\n', 'problem'],
    ['a tab in a text', 'a: x\ty\n', { a: 'x\ty' }],
    ['a byte order mark', '\uFEFFa: 1\n', { a: 1 }],
    ['an empty owner', 'owner:\ntarget: July 2024\n', 'problem'],
    ['an empty item in a list', 'a:\n  - \n  - b\n', { a: [null, 'b'] }],
    ['an owner with no value in braces', 'a: {owner}\n', 'problem'],
    ['a field line read as part of the text above it', 'concerns:\n  - text: >-\n      The text.\n      owner: Governor\n', 'problem'],
    ['a quoted text over lines, indented too little', 'a:\n  b: "x\n  y"\n', 'problem'],
    ['a quoted text over lines', 'a:\n  b: "x\n   y"\n', { a: { b: 'x y' } }],
    ['a bracketed list over lines, indented too little', 'a:\n  b: [x,\n  y]\n', 'problem'],
    ['two documents', 'a: 1\n---\nb: 2\n', 'problem'],
    ['a value with ": " in it', 'owner: Governor: Safer Custody\n', 'problem'],
  ])('leaves %s to the exact reading', (_, yaml, read) => {
    expect(exact(yaml)).toEqual(read);
    expect(readYamlFast(yaml)).toBeUndefined();
  });

  it('never reads a plan changed by an editor\'s slips differently from the exact reading', () => {
    // 400 copies of the fixture plan, each changed in one to three places by a fixed sequence of
    // the slips an editor makes (a character lost or added, a line repeated, moved in or out, a
    // value rewritten); each copy the fast reading answers for must read exactly the same.
    const lines = FIXTURE_PLAN.split('\n');
    const end = lines.indexOf('---', 1);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const pick = <T>(list: readonly T[]) => list[random(list.length)]!;
    const characters = [...': -"\'#[]{}|>&*!?,%@`~\n0Tx.'];
    const values = ['', 'null', '~', 'yes', '2024-01-01', '010', '0o10', '1_0', '1:30', '"x"', "'y'", '[a, b]', '{a: 1}', '>-', '|', '1e3', '&a b', '*a', '**b**', '!!str 1', 'a # c', 'a#b', '"a\n b"', '[a,\n b]'];
    const inserted = ['<<: {owner: x}', '  - owner: null', '    owner:', '  owner: Governor', '...', '---', '? a', ': b', '  # c', 'x: &a [1]', 'y: *a'];
    let answered = 0;
    let left = 0;
    for (let n = 0; n < 400; n++) {
      const copy = [...lines];
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const i = 1 + random(end - 1);
        const line = copy[i]!;
        const at = random(line.length + 1);
        const slip = random(7);
        if (slip === 0) copy[i] = line.slice(0, at) + line.slice(at + 1);
        else if (slip === 1) copy[i] = line.slice(0, at) + pick(characters) + line.slice(at);
        else if (slip === 2) copy.splice(i, 0, line);
        else if (slip === 3) copy[i] = ` ${line}`;
        else if (slip === 4) copy[i] = line.replace(/^ /, '');
        else if (slip === 5) copy[i] = line.replace(/: .*$/, `: ${pick(values)}`);
        else copy.splice(i, 0, pick(inserted));
      }
      const text = copy.join('\n');
      const fast = parseFileFast('plan.md', text);
      if (!fast) {
        left++;
        continue;
      }
      answered++;
      const slow = parseFile('plan.md', text);
      expect(slow.problems, text).toEqual([]);
      expect(fast.data, text).toStrictEqual(slow.data);
    }
    // Both ways are exercised: some copies are read fast, the others left to the exact reading.
    expect(answered).toBeGreaterThan(50);
    expect(left).toBeGreaterThan(50);
  });
});
