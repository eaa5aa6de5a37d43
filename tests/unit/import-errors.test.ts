/**
 * Input the importer cannot read at all gets one line saying why, never a stack trace: through the
 * functions (an ImportError with a one-line message) and through `npm run import` (that line on
 * stderr and exit status 1). A readable plan through the CLI prints each flagged spot as file:line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError, importPlan } from '../../src/import/index.ts';
import { SOURCE_FILE } from '../support/source-plan.ts';
import { runScript } from '../support/run-script.ts';
import { CONCERNS_HEADER, makeDocx } from '../fixtures/import/make-docx.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/import');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'import-test-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

const goodDocx = await makeDocx({
  cover: ['Action Plan: HMP Testford', 'INTRODUCTION', 'Intro.'],
  rows: [CONCERNS_HEADER, [[], ['Priority concerns'], [], [], []], [['1'], ['A concern.'], ['An action.'], ['Governor'], ['May 2024']]],
});

/** Bytes that are neither text nor a zip, the same on every run. */
function randomBytes(length: number, zeros: boolean): Buffer {
  let seed = 12345;
  return Buffer.from(
    Array.from({ length }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const byte = seed >> 16 & 0xff;
      return zeros ? byte : byte | 0x80;
    }),
  );
}

async function importError(bytes: Uint8Array, fileName: string): Promise<string> {
  try {
    await importPlan(bytes, { fileName, retrieved: '2025-01-01' });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`${fileName} was imported, but should not have been`);
}

describe('input that cannot be read at all', () => {
  it.each<[string, () => Promise<Uint8Array> | Uint8Array, string, RegExp]>([
    ['an empty file', () => Buffer.alloc(0), 'plan.txt', /^the file is empty$/],
    ['a file of blank lines', () => Buffer.from('\n \n\t\n'), 'plan.txt', /^the file is empty$/],
    ['random binary', () => randomBytes(4096, true), 'plan.bin', /neither text nor a Word \.docx file \(it looks like binary data\)/],
    ['binary with no zero bytes', () => randomBytes(4096, false), 'plan.txt', /neither text nor a Word \.docx file/],
    ['a truncated .docx', () => goodDocx.subarray(0, Math.floor(goodDocx.length / 2)), 'plan.docx', /^cannot read the Word document, it may be damaged or cut short \(/],
    ['a .docx cut after its first bytes', () => goodDocx.subarray(0, 10), 'plan.docx', /damaged or cut short/],
    ['a text file named .docx', () => Buffer.from('Action Plan: HMP Testford\n'), 'plan.docx', /named \.docx but is not a Word document/],
    ['a PDF cut after its header', () => Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'plan.pdf', /^cannot read the PDF, it may be damaged or cut short \(/],
    ['a scanned PDF (no text layer)', () => fs.readFileSync(path.join(FIXTURES, 'chelmsford/scanned.pdf')), 'scanned.pdf', /^the PDF has no text layer \(it is a scanned image\)/],
    ['an encrypted PDF', () => fs.readFileSync(path.join(FIXTURES, 'chelmsford/encrypted.pdf')), 'encrypted.pdf', /^the PDF is encrypted \(it needs a password to open\)/],
    ['an old Word .doc', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'plan.doc', /old Word \.doc file: open it in Word and save it as \.docx/],
    ['a .txt with no table', () => fs.readFileSync(path.join(FIXTURES, 'no-table.txt')), 'no-table.txt', /^no action plan table found: no line holds the column headings separated by tabs/],
    ['a .txt table with the wrong columns', () => fs.readFileSync(path.join(FIXTURES, 'wrong-columns.txt')), 'wrong-columns.txt', /^the table's columns are not those of an action plan: found "Name \| Age \| Town"; column 1, "Name", is not a heading the importer recognises; expected "Rec No/],
    ['a .txt table with a heading row and no rows', () => Buffer.from(`Action Plan: HMP X\n\n1. Rec No\t2. Concerns\t3. Response Action Taken/Planned\t4. Responsible Owner\t5. Target Date\n\n`), 'cut.txt', /column headings but no rows: the file may be cut short/],
    ['a .txt table with one column missing', () => Buffer.from('1. Rec No\t2. Concerns\t3. Response Action Taken/Planned\t4. Responsible Owner\n1\tA\tB\tC\n'), 'plan.txt', /columns are not those of an action plan/],
    ['a .docx table with the wrong columns', () => makeDocx({ cover: ['Action Plan: HMP X'], rows: [[['Name'], ['Age'], ['Town']], [['Alice'], ['30'], ['Leeds']]] }), 'plan.docx', /columns are not those of an action plan: found "Name \| Age \| Town"/],
    ['a .docx with no table', () => makeDocx({ cover: ['Action Plan: HMP X', 'No table here.'], rows: [] }).then((b) => b), 'plan.docx', /the Word document has no table/],
  ])('%s', async (_, bytes, fileName, expected) => {
    expect(await importError(await bytes(), fileName)).toMatch(expected);
  });
});

describe('damaged text plans', () => {
  it('are imported with flags or refused with one line, never anything else', async () => {
    const sources = [fs.readFileSync(SOURCE_FILE, 'utf8'), fs.readFileSync(path.join(FIXTURES, 'recommendations.txt'), 'utf8')];
    const noise = ['\t', '\n', '<p>', '</p>', '<ul>', '</ul>', '<ol>', '<li>', '•', ' 1. ', '', '"', ':', '#', '<br>', '&amp;', '\u0007', '(S40)', '\r', '---'];
    let seed = 2024;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const inputs = sources.flatMap((source) => [
      // Cut at evenly spaced points, as a download or copy that stopped early.
      ...Array.from({ length: 60 }, (_, i) => source.slice(0, Math.floor((source.length * (i + 1)) / 61))),
      // Characters that matter to the layout, put in and taken out at random.
      ...Array.from({ length: 60 }, () => {
        let text = source;
        for (let k = 0; k < 15; k++) {
          const at = Math.floor(random() * text.length);
          text = text.slice(0, at) + noise[Math.floor(random() * noise.length)]! + text.slice(at + Math.floor(random() * 4));
        }
        return text;
      }),
    ]);
    for (const input of inputs) {
      try {
        const result = await importPlan(Buffer.from(input), { fileName: 'damaged.txt', retrieved: '2025-01-01' });
        expect(result.text.startsWith('---\n')).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
        expect((error as Error).message).not.toContain('\n');
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Through the command line
// ---------------------------------------------------------------------------------------------------

const cli = (...args: string[]) => runScript('import', args);

describe('npm run import', () => {
  it('writes the Chelmsford draft and lists every flagged spot as file:line', { timeout: 60_000 }, () => {
    const out = path.join(TMP, 'chelmsford', 'chelmsford-2024.md');
    const run = cli(SOURCE_FILE, '--out', out, '--retrieved', '2025-06-01');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').split('\n');
    const listed = [...run.stdout.matchAll(/^(.+):(\d+): (.+?): (.+)$/gm)].map((m) => ({ file: m[1], line: Number(m[2]), where: m[3], message: m[4] }));
    expect(listed.map((l) => l.where)).toEqual(['concern 10, action 4, owner', 'concern 13, actions', 'concern 14, actions']);
    for (const l of listed) {
      expect(l.file).toBe(out);
      expect(lines[l.line - 1]!.trim()).toBe(`# CHECK: ${l.message}`);
    }
    expect(run.stdout).toMatch(/^Wrote .*chelmsford-2024\.md: 15 concerns, 66 actions \(concerns format\)\.$/m);
    // Like every content file, the draft names the plan schema, by a path that works from where it was saved.
    expect(lines[1]).toMatch(/^# yaml-language-server: \$schema=\S+$/);
    expect(path.resolve(path.dirname(out), lines[1]!.split('$schema=')[1]!)).toBe(path.join(ROOT, 'schemas', 'plan.schema.json'));
    expect(run.stdout).toMatch(/^3 places to check/m);
  });

  it('writes into a folder under the plan\'s id, and will not overwrite a file without --force', { timeout: 60_000 }, () => {
    const folder = path.join(TMP, 'folder');
    fs.mkdirSync(folder);
    expect(cli(SOURCE_FILE, '--out', folder).status).toBe(0);
    expect(fs.existsSync(path.join(folder, 'chelmsford-2024.md'))).toBe(true);
    const again = cli(SOURCE_FILE, '--out', folder);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^import: .*chelmsford-2024\.md already exists: choose another --out, or add --force to replace it\n$/);
    expect(cli(SOURCE_FILE, '--out', folder, '--force').status).toBe(0);
  });

  it.each([
    ['a truncated .docx', 'truncated.docx', () => goodDocx.subarray(0, 3000), /cannot read the Word document, it may be damaged or cut short/],
    ['random binary', 'random.bin', () => randomBytes(2048, true), /neither text nor a Word \.docx file/],
    ['a table with the wrong columns', 'wrong-columns.txt', () => fs.readFileSync(path.join(FIXTURES, 'wrong-columns.txt')), /the table's columns are not those of an action plan/],
  ])('refuses %s with one line and exit status 1', { timeout: 60_000 }, (_, name, bytes, expected) => {
    const input = path.join(TMP, name);
    fs.writeFileSync(input, bytes());
    const out = path.join(TMP, `${name}.md`);
    const run = cli(input, '--out', out);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([expect.stringMatching(/^import: /), '']);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('says how to use it when the command is wrong, with exit status 2', { timeout: 60_000 }, () => {
    const run = cli(SOURCE_FILE);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^import: say where to write the draft with --out \(usage: npm run import -- .*\)\n$/);
  });
});
