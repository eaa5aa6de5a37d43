/**
 * `npm run build`: builds the site into a fresh folder and swaps it into place only when every
 * step has passed, so a failed build (invalid content, a page that cannot render) never leaves a
 * half-written site where the last good one was.
 *
 *   npm run build                      builds ./content into ./dist
 *   npm run build -- --out-dir DIR     builds into DIR instead
 * The content folder is ./content, or $ACTION_PLANS_CONTENT.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { moveFolder } from '../src/lib/move-folder.ts';

const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: 'dist' } } });
const outDir = path.resolve(values['out-dir']!);
const staging = `${outDir}.building-${process.pid}`;

/**
 * Where Astro builds. Astro writes the server half of a build (the code that renders the pages) into
 * its out dir and deletes it from there at the end, but only when the out dir is inside the working
 * directory: otherwise it uses <cwd>/.astro/, its own folder of generated files, copies that whole
 * folder into the site and deletes it. Astro's own files (content-assets.mjs, content-modules.mjs)
 * were then published, and two such builds at once shared and deleted each other's files: one failed
 * with ENOENT, the other published the first one's server manifest (which holds a random key).
 * So Astro always builds inside the project, and the site is moved beside the out dir afterwards.
 */
const cwd = process.cwd();
const isInside = (dir: string, parent: string) => {
  const relative = path.relative(parent, dir);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};
const astroOut = isInside(staging, cwd) ? staging : path.join(cwd, 'node_modules/.cache/action-plans', `building-${process.pid}`);

const cleanUp = () => {
  fs.rmSync(astroOut, { recursive: true, force: true });
  fs.rmSync(staging, { recursive: true, force: true });
};

/**
 * The heap Astro may use, in MB. Left to itself, V8 lets garbage grow the heap towards several GB
 * before it collects (it sizes the heap from the machine's memory): building the 600-plan estate,
 * Astro's process reached 0.95 GB while under 0.3 GB of its objects were live, at the very time
 * Pagefind's binary, indexing alongside, needs 0.8 GB of its own. A limit makes V8 collect sooner
 * and keeps the whole build under the 1.5 GB budget (Astro then stays near 0.5 GB), for no
 * CPU time we could measure. What must stay live grows with the content: validation holds every
 * parsed file at once, about 0.4 MB a plan (the 600-plan estate does not validate in 200 MB of heap
 * and does in 256 MB). So the limit is 128 MB and 0.5 MB a plan, and at least 448 MB: 448 MB up to
 * 640 plans, 1,128 MB at 2,000.
 */
function heapLimitMB(): number {
  // As contentDir() in src/content/load.ts, which this wrapper does not load (it would slow every start).
  const plans = path.resolve(process.env.ACTION_PLANS_CONTENT || 'content', 'plans');
  const count = fs.existsSync(plans) ? (fs.readdirSync(plans, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).length : 0;
  return Math.round(Math.max(448, 128 + count / 2));
}

// The CLI entry is not in astro's exports map, so it is found beside its package.json.
const astro = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');
cleanUp();
// A limit set in NODE_OPTIONS is left to rule.
const heapLimit = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${heapLimitMB()}`];
const result = spawnSync(process.execPath, [...heapLimit, astro, 'build', '--outDir', astroOut], { stdio: 'inherit' });

if (result.status !== 0) {
  cleanUp();
  console.error(`\nThe build failed, so nothing was written to ${path.relative(cwd, outDir) || '.'}.`);
  process.exit(1);
}
try {
  if (astroOut !== staging) moveFolder(astroOut, staging);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.renameSync(staging, outDir);
} catch (error) {
  cleanUp();
  throw error;
}
console.log(`Built the site into ${path.relative(cwd, outDir) || '.'}.`);
