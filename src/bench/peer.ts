/**
 * The peer: the same work built with Eleventy 2 + the x-govuk plugin, then indexed by Pagefind
 * (../shared/peer-eleventy/, benchmark-only: never read by the build or the tests). The folder is
 * copied into the benchmark's working folder and installed once with `npm ci`; each build runs
 * the peer's own commands (`npx @11ty/eleventy`, then `npx pagefind --site`) in one shell, watched
 * exactly as our build is (src/bench/proc.ts): wall time, CPU time and Pss summed over every
 * process of the tree.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PEER_PLAN } from './peer-estate.ts';
import { runWatched, type TreeFigures } from './proc.ts';
import { filesBelow } from './site.ts';

export interface PeerBuild {
  plans: number;
  seconds: number;
  tree: TreeFigures;
  outputBytes: number;
  files: number;
}

/** Copies the peer's folder into `work/peer` and installs it; returns the copy's path. */
export function preparePeer(source: string, work: string, log: (m: string) => void): string {
  const dir = path.join(work, 'peer');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(source, dir, { recursive: true, filter: (f) => !/[/\\](node_modules|_site|site)$/.test(f) });
  log(`Installing the peer in ${dir} (npm ci) ...`);
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm ci failed in ${dir}:\n${(r.stderr || r.stdout).slice(-2000)}`);
  return dir;
}

/** Writes the peer's input site of `plans` plans (its generate.mjs, from our Chelmsford plan). */
function generateInput(dir: string, plans: number): string {
  const input = path.join(dir, 'site', `n${plans}`);
  const r = spawnSync(process.execPath, ['generate.mjs', String(plans), input, PEER_PLAN], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`The peer's generate.mjs failed:\n${r.stderr}`);
  return input;
}

/** Builds `plans` plans with the peer: Eleventy, then Pagefind, as one watched process tree. */
export async function runPeerBuild(dir: string, plans: number, logFile: string): Promise<PeerBuild> {
  const input = generateInput(dir, plans);
  const output = path.join(dir, '_site', `n${plans}`);
  fs.rmSync(output, { recursive: true, force: true });
  const rel = (p: string) => path.relative(dir, p);
  const script = `npx @11ty/eleventy --input=${rel(input)} --output=${rel(output)} && npx pagefind --site ${rel(output)}`;
  const run = await runWatched('sh', ['-c', script], { cwd: dir, logFile });
  if (run.status !== 0 || !fs.existsSync(path.join(output, 'pagefind'))) {
    throw new Error(`The peer's build of ${plans} plans failed (exit ${run.status}); its log is ${logFile}`);
  }
  const files = filesBelow(output);
  return { plans, seconds: run.seconds, tree: run.tree, outputBytes: files.reduce((n, f) => n + f.bytes, 0), files: files.length };
}
