/**
 * Runs an npm script's command as `npm run <script> -- ...args` would, without npm itself: the
 * command is read from package.json, so a test runs what an editor runs.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './build-site.ts';

const SCRIPTS = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], options: Pick<SpawnSyncOptions, 'input'> = {}): ScriptRun {
  const command = SCRIPTS[script];
  // Every command line tool is "node --import tsx scripts/<name>.ts": one Node process, as the build.
  const words = command?.split(' ') ?? [];
  if (words[0] !== 'node') throw new Error(`package.json's "${script}" script is not a node command: ${command}`);
  const result = spawnSync(process.execPath, [...words.slice(1), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...options,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
