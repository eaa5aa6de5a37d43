/**
 * Writes the Pagefind index for a built site from our own records (not by crawling the HTML), so
 * every concern is a result of its own with exact filters. Pagefind runs as a separate binary:
 * every response is checked for errors and the binary is always closed, even on failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './records.ts';

function check<T extends { errors: string[] }>(what: string, response: T): T {
  if (response.errors.length) throw new Error(`Pagefind could not ${what}:\n${response.errors.join('\n')}`);
  return response;
}

/** Indexes `records` into `<siteDir>/pagefind/`; returns how many records were indexed. */
export async function indexSite(siteDir: string, records: SearchRecord[]): Promise<number> {
  try {
    const { index } = check('start', await pagefind.createIndex({ forceLanguage: 'en' }));
    if (!index) throw new Error('Pagefind did not create an index.');
    // Sent all at once: the binary works through them faster than one round trip at a time.
    const responses = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    responses.forEach((response, i) => check(`index ${records[i]!.url}`, response));
    const outputPath = path.join(siteDir, 'pagefind');
    check('write its files', await index.writeFiles({ outputPath }));
    // The search page uses Pagefind's JavaScript API, not its ready-made interfaces: leave those out.
    for (const file of fs.readdirSync(outputPath)) {
      if (/^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(file)) fs.rmSync(path.join(outputPath, file));
    }
    return records.length;
  } finally {
    await pagefind.close();
  }
}
