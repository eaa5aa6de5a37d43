/**
 * `npm run validate`: checks the content and prints every problem at once, then exits 1.
 *
 *   npm run validate                            the content folder (or $ACTION_PLANS_CONTENT)
 *   npm run validate -- content/plans/x/x.md    just these files or folders, checked against the rest
 *   npm run validate -- --draft                 unfinished work (# CHECK:, placeholders) as warnings
 *   npm run validate -- --content DIR           another folder
 *   npm run validate -- --format github         GitHub annotations, so problems show on pull request lines
 */
import fs from 'node:fs';
import path from 'node:path';
import { AS_AT_SETTING, contentDir, loadContent, readContentFiles } from '../src/content/load.ts';
import { formatProblem, sortProblems, type Problem } from '../src/content/problems.ts';
import { targetWarnings } from '../src/content/target-warnings.ts';
import { commandLine } from '../src/lib/cli.ts';

const USAGE = `Usage: npm run validate -- [FILE or FOLDER ...] [--draft] [--content DIR] [--format text|github]

Checks the content files and lists every problem as "file:line:column  place  what to do".
  FILE or FOLDER    check just these (inside the content folder); references to other files are
                    still checked against the rest of it
  --draft           allow unfinished work ("# CHECK:" comments, placeholders from npm run new-plan)
                    as warnings; the build still refuses it
  --content DIR     the content folder (default: content, or $ACTION_PLANS_CONTENT)
  --format github   GitHub annotations instead of lines of text
Exit status: 0 when valid, 1 when there are problems, 2 when the command is wrong.`;

const { values, positionals } = commandLine({
  command: 'validate',
  usage: USAGE,
  positionals: 'files or folders',
  options: {
    content: { type: 'string' },
    format: { type: 'string', default: 'text' },
    draft: { type: 'boolean', default: false },
  },
});

function wrong(message: string): never {
  console.error(`validate: ${message}. See npm run validate -- --help`);
  process.exit(2);
}

if (values.format !== 'text' && values.format !== 'github') wrong(`--format "${values.format}" is not known: use "text" or "github"`);

const dir = path.resolve(values.content ?? contentDir());
/** The asked-for files and folders, relative to the content folder ('' for the whole of it). */
const asked = positionals.map((arg) => {
  if (!fs.existsSync(arg)) wrong(`there is no file or folder "${arg}"`);
  const rel = path.relative(dir, path.resolve(arg)).split(path.sep).join('/');
  if (rel.startsWith('..') || path.isAbsolute(rel)) wrong(`"${arg}" is not inside the content folder ${path.relative(process.cwd(), dir) || '.'}`);
  return rel;
});
const only = asked.length ? (rel: string) => asked.some((a) => a === '' || rel === a || rel.startsWith(`${a}/`)) : undefined;

// GitHub reads `::error file=…::message` lines; its own escaping rules keep messages on one line.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const github = (p: Problem) =>
  `::${p.warning ? 'warning' : 'error'} file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(p.path || 'file')}::${escapeData(`${p.place ? `${p.place}: ` : ''}${p.message}`)}`;
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const result = loadContent(dir, { asAt: process.env[AS_AT_SETTING]?.trim() || undefined, draft: values.draft, only });
const problems = result.ok ? [] : result.problems;
// Valid, but worth an editor's look: targets whose month the site cannot read ("Q3 2024").
const root = path.relative(process.cwd(), dir).split(path.sep).join('/') || '.';
const unreadable = targetWarnings(readContentFiles(dir).filter(([rel]) => !only || only(rel)), root);
for (const problem of sortProblems([...problems, ...result.warnings, ...unreadable])) {
  console.log(values.format === 'github' ? github(problem) : formatProblem(problem));
}
const warned =
  (result.warnings.length ? ` ${count(result.warnings.length, 'warning')}: unfinished work to finish before it can be published.` : '') +
  (unreadable.length ? ` ${count(unreadable.length, 'target')} with no month the site can read: add targetMonth (warnings).` : '');
if (problems.length) {
  const files = new Set(problems.map((p) => p.file)).size;
  console.error(`\n${count(problems.length, 'problem')} in ${count(files, 'file')}. Nothing was published.${warned}`);
  process.exit(1);
}
const what = asked.length ? positionals.join(', ') : 'Content';
if (!result.ok) {
  // The asked-for files are fine; others have problems of their own, which were not asked about.
  console.log(`${what}: no problems.${warned} Other files in the content folder have problems: npm run validate lists them.`);
} else {
  const { establishments, plans } = result.site;
  const concerns = plans.reduce((n, p) => n + p.concerns.length, 0);
  const actions = plans.reduce((n, p) => n + p.actionCount, 0);
  const summary = `${establishments.length} establishments, ${plans.length} plans, ${concerns} concerns, ${actions} actions`;
  console.log(asked.length ? `${what}: no problems (the content has ${summary}).${warned}` : `Content is valid: ${summary}.${warned}`);
}
