/**
 * `npm run bench:pagefind`: what Pagefind's memory follows, measured on its binary alone.
 *
 *   npm run bench:pagefind -- [--plans 600] [--variants as-built,per-page,...] [--json out.json]
 *
 * Writes the peer workload of --plans copies of the Chelmsford plan (src/bench/peer-estate.ts) into
 * a temporary folder, loads it as the build does and makes its search records; then, one variant
 * at a time (src/bench/pagefind-alone.ts), indexes them with the build's own writeIndex and reports
 * the binary's peak memory while the records are sent and while the index is written, its times
 * and CPU, and the index's size. Pagefind uses both CPUs and about 1 GB at 600 plans: run nothing
 * else heavy beside it, and read times against the load average printed with them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContent } from '../src/content/load.ts';
import { formatProblem } from '../src/content/problems.ts';
import { searchRecords } from '../src/search/records.ts';
import { count, MB, seconds, table, wholeOption } from '../src/bench/format.ts';
import { measurePagefind, RECORD_VARIANTS, type PagefindFigures, type RecordVariant } from '../src/bench/pagefind-alone.ts';
import { generatePeerEstate } from '../src/bench/peer-estate.ts';
import { commandLine } from '../src/lib/cli.ts';

const USAGE = `Usage: npm run bench:pagefind -- [--plans 600] [--variants ${Object.keys(RECORD_VARIANTS).join(',')}] [--json out.json]`;

const { values } = commandLine({
  command: 'bench:pagefind',
  usage: USAGE,
  options: {
    plans: { type: 'string', default: '600' },
    variants: { type: 'string', default: Object.keys(RECORD_VARIANTS).join(',') },
    json: { type: 'string' },
  },
});
const plans = wholeOption('plans', values.plans!, 1, USAGE);
const variants = values.variants!.split(',').map((v) => v.trim());
const unknown = variants.find((v) => !(v in RECORD_VARIANTS));
if (unknown !== undefined) {
  console.error(`bench:pagefind: there is no variant "${unknown}" (there are ${Object.keys(RECORD_VARIANTS).join(', ')}). See npm run bench:pagefind -- --help`);
  process.exit(2);
}

const load = () => os.loadavg()[0]!.toFixed(1);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pagefind-'));
try {
  const estate = generatePeerEstate({ plans, out: path.join(work, 'content') });
  const result = loadContent(estate.out);
  if (!result.ok) throw new Error(result.problems.slice(0, 5).map(formatProblem).join('\n'));
  const records = searchRecords(result.site);
  console.log(`[bench:pagefind] ${plans} copies of the Chelmsford plan: ${count(records.length)} records; load average ${load()}.`);
  const figures: PagefindFigures[] = [];
  for (const variant of variants as RecordVariant[]) {
    const f = await measurePagefind(variant, records, work);
    figures.push(f);
    console.log(`[bench:pagefind] ${variant} (${RECORD_VARIANTS[variant].about}): peak ${MB(f.peakWritingKB * 1024)} writing; load average ${load()}.`);
  }
  console.log(
    `\n${table(
      ['variant', 'records', 'content words', 'records as JSON', 'peak, sending', 'peak, writing', 'sending', 'writing', 'CPU', 'index'],
      figures.map((f) => [
        f.variant,
        count(f.records),
        count(f.words),
        MB(f.recordsBytes),
        MB(f.peakAddingKB * 1024),
        MB(f.peakWritingKB * 1024),
        seconds(f.addSeconds),
        seconds(f.writeSeconds),
        seconds(f.cpuSeconds),
        MB(f.indexBytes),
      ]),
    )}\n\nPeaks are Pagefind's binary alone (Pss, sampled every 100 ms), in MB of 1,000,000 bytes.`,
  );
  if (values.json) fs.writeFileSync(values.json, `${JSON.stringify({ plans, load: load(), figures }, null, 2)}\n`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
