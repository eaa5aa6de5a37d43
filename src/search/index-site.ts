/**
 * Writes the Pagefind index for a built site from our own records (not by crawling the HTML), so
 * every concern is a result of its own with exact filters. Pagefind runs as a separate binary:
 * every response is checked for errors and the binary is always closed, even on failure.
 *
 * The records come from the content model, not from the pages, so the build starts the index as
 * soon as the content is validated (indexInBackground) and Pagefind's binary works on the second
 * CPU while Astro renders the pages on the first; the finished index is moved into the site at
 * the end. At the scale of the whole estate this is most of the difference between a build of
 * about a minute and one of half that.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { moveFolder } from '../lib/move-folder.ts';
import type { SearchRecord } from './records.ts';

function check<T extends { errors: string[] }>(what: string, response: T): T {
  if (response.errors.length) throw new Error(`Pagefind could not ${what}:\n${response.errors.join('\n')}`);
  return response;
}

/** Pagefind's ready-made interfaces: the search page uses its JavaScript API, so these are left out. */
const UNUSED = /^pagefind-(component-ui|modular-ui|ui|highlight)\./;

/** Called as indexing moves on: the benchmark measures Pagefind's binary in each step (src/bench/pagefind-alone.ts). */
export interface IndexSteps {
  /** Every record has been accepted; Pagefind builds and writes the index next (its peak). */
  added?: () => void;
  /** The index is written, before the binary is closed. */
  written?: () => void;
}

/** Indexes `records` into `outputPath` (Pagefind's folder itself); returns how many records were indexed. */
export async function writeIndex(records: SearchRecord[], outputPath: string, steps: IndexSteps = {}): Promise<number> {
  try {
    const { index } = check('start', await pagefind.createIndex({ forceLanguage: 'en' }));
    if (!index) throw new Error('Pagefind did not create an index.');
    // Sent all at once: the binary works through them faster than one round trip at a time.
    const responses = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    responses.forEach((response, i) => check(`index ${records[i]!.url}`, response));
    steps.added?.();
    check('write its files', await index.writeFiles({ outputPath }));
    steps.written?.();
    for (const file of fs.readdirSync(outputPath)) {
      if (UNUSED.test(file)) fs.rmSync(path.join(outputPath, file));
    }
    return records.length;
  } finally {
    await pagefind.close();
  }
}

/** Indexes `records` into `<siteDir>/pagefind/`; returns how many records were indexed. */
export function indexSite(siteDir: string, records: SearchRecord[]): Promise<number> {
  return writeIndex(records, path.join(siteDir, 'pagefind'));
}

export interface BackgroundIndex {
  /** Waits for the index, then moves it to `<siteDir>/pagefind/`; returns how many records were indexed. */
  moveInto(siteDir: string): Promise<number>;
}

/**
 * Starts indexing now, into a new folder below `scratchParent` (which must be on the same file
 * system as the site, so the finished index is renamed into place, not copied). The folder is
 * removed when the process exits, whether or not the build finished. `onWritten` is called when
 * Pagefind has written its files.
 */
export function indexInBackground(records: () => SearchRecord[], scratchParent: string, onWritten?: () => void): BackgroundIndex {
  fs.mkdirSync(scratchParent, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(scratchParent, 'pagefind-'));
  process.once('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));
  const output = path.join(scratch, 'pagefind');
  // After the caller's hook has returned, so Astro's own start is not held up by making the records.
  const indexed = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => writeIndex(records(), output))
    .then((count) => {
      onWritten?.();
      return count;
    });
  // A failure is reported where the index is awaited, not as an unhandled rejection before then.
  indexed.catch(() => {});
  return {
    async moveInto(siteDir) {
      const count = await indexed;
      const target = path.join(siteDir, 'pagefind');
      fs.rmSync(target, { recursive: true, force: true });
      moveFolder(output, target);
      fs.rmSync(scratch, { recursive: true, force: true });
      return count;
    },
  };
}
