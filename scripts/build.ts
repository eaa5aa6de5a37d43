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

const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: 'dist' } } });
const outDir = path.resolve(values['out-dir']!);
const staging = `${outDir}.building-${process.pid}`;

// The CLI entry is not in astro's exports map, so it is found beside its package.json.
const astro = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');
fs.rmSync(staging, { recursive: true, force: true });
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', staging], { stdio: 'inherit' });

if (result.status !== 0) {
  fs.rmSync(staging, { recursive: true, force: true });
  console.error(`\nThe build failed, so nothing was written to ${path.relative(process.cwd(), outDir) || '.'}.`);
  process.exit(1);
}
fs.rmSync(outDir, { recursive: true, force: true });
fs.renameSync(staging, outDir);
console.log(`Built the site into ${path.relative(process.cwd(), outDir) || '.'}.`);
