/**
 * `npm run validate`: checks every content file and prints every problem at once, then exits 1.
 *
 *   npm run validate                      the content folder (or $ACTION_PLANS_CONTENT)
 *   npm run validate -- --content DIR     another folder
 *   npm run validate -- --format github   GitHub annotations, so problems show on pull request lines
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, loadContent, readContentFiles } from '../src/content/load.ts';
import { formatProblem, type Problem } from '../src/content/problems.ts';
import { targetWarnings } from '../src/content/target-warnings.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    format: { type: 'string', default: 'text' },
  },
});

if (values.format !== 'text' && values.format !== 'github') {
  console.error(`Unknown --format "${values.format}": use "text" or "github".`);
  process.exit(2);
}

// GitHub reads `::error file=…::message` lines; its own escaping rules keep messages on one line.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const github = (p: Problem, level = 'error') =>
  `::${level} file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(p.path || 'file')}::${escapeData(p.message)}`;

const result = loadContent(values.content ?? contentDir());
if (!result.ok) {
  for (const problem of result.problems) console.log(values.format === 'github' ? github(problem) : formatProblem(problem));
  const files = new Set(result.problems.map((p) => p.file)).size;
  const count = result.problems.length;
  console.error(`\n${count} ${count === 1 ? 'problem' : 'problems'} in ${files} ${files === 1 ? 'file' : 'files'}. Nothing was published.`);
  process.exit(1);
}
// Valid, but worth an editor's look: targets whose month the site cannot read.
const dir = values.content ?? contentDir();
const warnings = targetWarnings(readContentFiles(dir), path.relative(process.cwd(), dir).split(path.sep).join('/') || '.');
for (const warning of warnings) console.log(values.format === 'github' ? github(warning, 'warning') : `${formatProblem(warning)} (warning)`);
const { establishments, plans } = result.site;
const concerns = plans.reduce((n, p) => n + p.concerns.length, 0);
const actions = plans.reduce((n, p) => n + p.actionCount, 0);
console.log(`Content is valid: ${establishments.length} establishments, ${plans.length} plans, ${concerns} concerns, ${actions} actions.`);
