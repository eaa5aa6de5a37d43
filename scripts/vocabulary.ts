/**
 * `npm run vocabulary`: lists every abbreviation the plans define in brackets ("Prison Offender
 * Managers (POMs)"), says which content/vocabulary.yaml does not list yet, and prints those as
 * lines to paste into it after checking them.
 *
 *   npm run vocabulary                    the content folder (or $ACTION_PLANS_CONTENT)
 *   npm run vocabulary -- --content DIR   another folder
 */
import { parseArgs } from 'node:util';
import { listAbbreviations } from '../src/content/abbreviations.ts';
import { contentDir, loadContent, readContentFiles } from '../src/content/load.ts';
import { formatProblem } from '../src/content/problems.ts';

const { values } = parseArgs({ options: { content: { type: 'string' } } });
const dir = values.content ?? contentDir();
const loaded = loadContent(dir);
if (!loaded.ok) {
  for (const problem of loaded.problems) console.log(formatProblem(problem));
  console.error('\nThe content has problems (listed above): fix them first (npm run validate).');
  process.exit(1);
}
const plans = readContentFiles(dir).filter(([rel]) => rel.startsWith('plans/'));
const listing = listAbbreviations(plans, loaded.site.vocabulary);
const missing = listing.filter((a) => !a.listed);

console.log(`The plans define ${listing.length} abbreviations in brackets; content/vocabulary.yaml lists ${listing.length - missing.length}.\n`);
for (const a of listing) console.log(`${a.listed ? 'listed ' : 'MISSING'}  ${a.abbreviation.padEnd(8)} ${a.expansion}  (${a.files.join(', ')})`);
if (missing.length) {
  console.log('\nCheck these and add them under `equivalents:` in content/vocabulary.yaml:');
  for (const a of missing) console.log(`  - terms: [${a.abbreviation}, ${a.expansion}]`);
}
