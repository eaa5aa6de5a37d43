/**
 * How long reading one content file takes, the exact way (the `yaml` syntax tree, which places every
 * problem) and the fast way (js-yaml, src/content/fast-yaml.ts), in one process, alternating.
 *
 *   npm run bench:yaml -- [--copies 600] [--rounds 5]
 *
 * Reads --copies distinct copies of the Chelmsford plan (each with its own id, so no cache helps)
 * each way, --rounds times after a round to warm up, and prints the milliseconds a file of each
 * round and the median, with the ratio exact / fast in each round.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REAL_CONTENT } from '../src/bench/estate.ts';
import { median, wholeOption } from '../src/bench/format.ts';
import { parseFile, parseFileFast } from '../src/content/parse-file.ts';
import { PlanSchema } from '../src/content/schema.ts';
import { commandLine } from '../src/lib/cli.ts';

const USAGE = 'Usage: npm run bench:yaml -- [--copies 600] [--rounds 5]';
const { values } = commandLine({
  command: 'bench:yaml',
  usage: USAGE,
  options: { copies: { type: 'string', default: '600' }, rounds: { type: 'string', default: '5' } },
});
const copies = wholeOption('copies', values.copies!, 1, USAGE);
const rounds = wholeOption('rounds', values.rounds!, 1, USAGE);

const plan = fs.readFileSync(path.join(REAL_CONTENT, 'plans/chelmsford/chelmsford-2024.md'), 'utf8');
const files = Array.from({ length: copies }, (_, i) => plan.replace('id: chelmsford-2024', `id: chelmsford-${i}`));
const ways: Record<string, (text: string) => void> = {
  exact: (text) => parseFile('plan.md', text),
  fast: (text) => {
    if (!parseFileFast('plan.md', text)) throw new Error('the fast reading left the Chelmsford plan to the exact one');
  },
  'fast, then the schema': (text) => PlanSchema.parse(parseFileFast('plan.md', text)!.data),
};

const times: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((way) => [way, []]));
for (let round = 0; round <= rounds; round++) {
  for (const [way, read] of Object.entries(ways)) {
    const start = performance.now();
    for (const text of files) read(text);
    if (round > 0) times[way]!.push((performance.now() - start) / copies);
  }
}
console.log(`${copies} copies of the Chelmsford plan, ${rounds} rounds; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
for (const [way, list] of Object.entries(times)) {
  const ratios = list.map((t, i) => times.exact![i]! / t);
  console.log(
    `${way.padEnd(22)} median ${median(list).toFixed(2)} ms a file (${list.map((t) => t.toFixed(2)).join(', ')}); exact / this: median ${median(ratios).toFixed(1)}×`,
  );
}
