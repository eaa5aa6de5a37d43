/**
 * Builds a site the way a user does, with `npm run build` (scripts/build.ts), from any content
 * folder into any output folder.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BuildResult {
  status: number | null;
  output: string;
}

export function buildSite(options: { contentDir?: string; outDir: string; env?: Record<string, string> }): BuildResult {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/build.ts'), '--out-dir', options.outDir],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...(options.contentDir ? { ACTION_PLANS_CONTENT: options.contentDir } : {}),
        ...options.env,
        // Colour codes would get in the way of reading the output.
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
