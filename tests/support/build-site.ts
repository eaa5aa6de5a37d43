/**
 * Builds a site the way a user does, with `npm run build` (scripts/build.ts), from any content
 * folder into any output folder.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BuildResult {
  status: number | null;
  output: string;
}

/**
 * The settings a build reads (README, "Settings"), all empty: each build names the ones it sets, so
 * a value in the environment running the tests never leaks in.
 */
const NO_SETTINGS = { GOVUK_BRANDING: '', FEEDBACK_URL: '', BASE_PATH: '', SITE_URL: '', ACTION_PLANS_AS_AT: '' };

export function buildSite(options: { contentDir: string; outDir: string; env?: Record<string, string> }): Promise<BuildResult> {
  const child = spawn(
    process.execPath,
    // As package.json's build script runs it: one Node process.
    ['--import', 'tsx', path.join(ROOT, 'scripts/build.ts'), '--out-dir', options.outDir],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...NO_SETTINGS,
        ACTION_PLANS_CONTENT: options.contentDir,
        ...options.env,
        // Colour codes would get in the way of reading the output.
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}
