/**
 * Writes a generated estate: realistic but clearly fictional content ("HMP Example ..."
 * establishments, plans marked as generated test data, with progress: updates, revised targets,
 * reviews, repeated concerns and change logs) for measuring the site at scale.
 *
 *   npx tsx scripts/generate-estate.ts --plans 500 --out /tmp/estate [--seed 1]
 *
 * The folder must be outside content/, and new, empty or an estate this command wrote before
 * (which it overwrites). The same --plans and --seed always write the same bytes. The estate is
 * checked as the build checks content; any problem is printed and the command exits 1.
 * Build a site from it with:  ACTION_PLANS_CONTENT=/tmp/estate npm run build -- --out-dir /tmp/estate-site
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EstateError, generateEstate } from '../src/bench/estate.ts';
import { commandLine } from '../src/lib/cli.ts';

export { generateEstate, EstateError, type EstateOptions, type EstateSummary } from '../src/bench/estate.ts';

const USAGE = 'Usage: npx tsx scripts/generate-estate.ts --plans 500 --out /tmp/estate [--seed 1]';

function wholeNumber(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined || !/^-?\d+$/.test(value)) {
    console.error(`--${name} must be a whole number${value === undefined ? '' : `, not "${value}"`}.\n${USAGE}`);
    process.exit(2);
  }
  return Number(value);
}

function main() {
  const { values } = commandLine({
    command: 'generate-estate',
    usage: USAGE,
    options: { plans: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
  });
  if (!values.out) {
    console.error(`--out is required: the folder to write, outside content/.\n${USAGE}`);
    process.exit(2);
  }
  const plans = wholeNumber('plans', values.plans, 500);
  const seed = wholeNumber('seed', values.seed, 1);
  const started = performance.now();
  try {
    const s = generateEstate({ plans, seed, out: values.out });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Wrote a generated (fictional) estate to ${s.out} in ${seconds} s: ${s.establishments} establishments, ${s.plans} plans ` +
        `(${s.formats.concerns} in the concerns format, ${s.formats.recommendations} in the recommendations format), ` +
        `${s.concerns} concerns, ${s.actions} actions; progress: ${s.progress.updates} updates on ${s.progress.actionsWithUpdates} actions, ` +
        `${s.progress.revisedTargets} revised targets, ${s.progress.reviews} review judgements in ${s.progress.plansReviewed} plans, ` +
        `${s.progress.repeats} repeated concerns, ${s.progress.changes} change log entries. It is valid content.`,
    );
  } catch (error) {
    if (!(error instanceof EstateError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
