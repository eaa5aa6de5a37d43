/**
 * `npm run import -- <file> --out <path>`: turns a published action plan (the PDF as published, a
 * Word .docx, or the text layout of tests/fixtures/source/) into a draft content file, and lists
 * every place to check.
 *
 *   npm run import -- plan.pdf --out content/plans/chelmsford/chelmsford-2024.md   writes that file; its folder and
 *                                       name are the establishment and plan ids (a cover that disagrees is flagged)
 *   npm run import -- plan.docx --out content/plans/chelmsford/       writes <plan id>.md, the ids from the cover
 *   options: --force (replace an existing file), --retrieved YYYY-MM-DD (default today)
 *
 * Exit status: 0 when a draft was written (even with places to check: the draft says where),
 * 1 when the input cannot be read or the draft cannot be written, 2 when the command is wrong.
 * Every error is one line: the fix is in the file or the command, and a stack trace would hide it.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { SCHEMA_FOLDER, schemaFileName } from '../src/content/json-schema.ts';
import { contentDir } from '../src/content/load.ts';
import { idsFromPath, ImportError, readPlan, writePlan } from '../src/import/index.ts';
import { commandLine } from '../src/lib/cli.ts';
import { describePlace } from '../src/content/problems.ts';
import type { KnownEstablishment } from '../src/import/plan.ts';

/** The plan JSON Schema, which every content file names on its first line. */
const SCHEMA = path.resolve(import.meta.dirname, '..', SCHEMA_FOLDER, schemaFileName('plan'));

const USAGE = 'usage: npm run import -- <plan.pdf|plan.docx|plan.txt> --out <file.md or folder/> [--force] [--retrieved YYYY-MM-DD]';

function fail(message: string, status: 1 | 2): never {
  console.error(`import: ${message.replace(/\s+/g, ' ')}`);
  process.exit(status);
}

/** The establishments already in the content folder, so the draft can use the right id. */
function knownEstablishments(): KnownEstablishment[] {
  const dir = path.join(contentDir(), 'establishments');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => {
      try {
        const data = YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { id?: unknown; name?: unknown };
        return typeof data?.id === 'string' && typeof data.name === 'string' ? [{ id: data.id, name: data.name }] : [];
      } catch {
        // A broken establishment file is `npm run validate`'s to report, not the importer's.
        return [];
      }
    });
}

async function main() {
  const { values, positionals } = commandLine({
    command: 'import',
    usage: USAGE,
    positionals: 'the plan to import',
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false }, retrieved: { type: 'string' } },
  });
  if (positionals.length !== 1) fail(positionals.length === 0 ? `say which plan to import (${USAGE})` : `import one file at a time (${USAGE})`, 2);
  if (!values.out) fail(`say where to write the draft with --out (${USAGE})`, 2);
  if (values.retrieved !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.retrieved)) fail('--retrieved must be a date written YYYY-MM-DD', 2);

  const input = positionals[0]!;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`cannot read ${input}: ${code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : (error as Error).message}`, 1);
  }

  let out = values.out;
  let result;
  try {
    // A file path decides the ids (the validator requires the file's place to match them); a folder takes them from the cover.
    const ids = idsFromPath(out);
    const plan = await readPlan(bytes, { fileName: input, establishments: knownEstablishments(), ...(ids ? { ids } : {}) });
    if (out.endsWith('/') || out.endsWith(path.sep) || (fs.existsSync(out) && fs.statSync(out).isDirectory())) {
      out = path.join(out, `${plan.id ?? path.basename(input).replace(/\.[^.]*$/, '')}.md`);
    }
    result = writePlan(plan, {
      fileName: input,
      schemaPath: path.relative(path.dirname(path.resolve(out)), SCHEMA).split(path.sep).join('/'),
      ...(values.retrieved ? { retrieved: values.retrieved } : {}),
    });
  } catch (error) {
    if (error instanceof ImportError) fail(`${input}: ${error.message}`, 1);
    fail(`${input}: could not be imported: ${(error as Error).message ?? String(error)}`, 1);
  }
  const { plan, text, checks } = result;

  if (path.resolve(out) === path.resolve(input)) fail(`--out ${out} is the file being imported: write the draft somewhere else`, 1);
  if (fs.existsSync(out) && !values.force) fail(`${out} already exists: choose another --out, or add --force to replace it`, 1);
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
  } catch (error) {
    fail(`cannot write ${out}: ${(error as Error).message}`, 1);
  }

  // Relative where that is shorter, so editors can click file:line in their terminal.
  const relative = path.relative(process.cwd(), out);
  const shown = relative && !relative.startsWith('..') ? relative : path.resolve(out);
  const actions = plan.concerns.reduce((n, c) => n + c.actions.length, 0);
  const noun = plan.format === 'recommendations' ? 'recommendations' : 'concerns';
  console.log(`Wrote ${shown}: ${plan.concerns.length} ${noun}, ${actions} actions (${plan.format} format).`);
  if (checks.length === 0) console.log('Nothing was flagged: every word was read with certainty.');
  else {
    console.log(`${checks.length} ${checks.length === 1 ? 'place' : 'places'} to check, each marked "# CHECK:" in the draft:`);
    for (const check of checks) console.log(`${shown}:${check.line}: ${check.path.length ? describePlace(check.path, plan.format) : 'plan'}: ${check.message}`);
  }
  console.log(
    `Still to do: add themes to every ${noun === 'concerns' ? 'concern' : 'recommendation'} ("# CHECK: add themes")` +
      `${checks.length ? ', resolve each CHECK above and set provenance.transcription to complete' : ''}, then run npm run validate.`,
  );
}

main().catch((error: unknown) => fail(`unexpected error: ${error instanceof Error ? error.message : String(error)}`, 1));
