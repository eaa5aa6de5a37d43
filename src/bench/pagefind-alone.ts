/**
 * Pagefind's binary alone, on a site's search records (`npm run bench:pagefind`): its memory while
 * the records are sent and while it writes the index, so what drives its peak can be measured one
 * variable at a time (the number of records, their words, their meta, their filters).
 *
 * Each variant is the same records changed in one way (RECORD_VARIANTS); each is indexed by the
 * build's own `writeIndex` into a scratch folder, one at a time, while the binary's proportional set
 * size (Pss, as src/bench/proc.ts sums it for a build) is sampled every 100 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeIndex } from '../search/index-site.ts';
import type { SearchRecord } from '../search/records.ts';
import { descendants, processNow } from './proc.ts';
import { filesBelow } from './site.ts';

/** A record's page: its URL without the concern's anchor. */
const pageOf = (url: string) => url.replace(/#.*$/, '');

/**
 * One record a page, as Pagefind makes them from a site's HTML: each plan's record followed by its
 * concerns' content, their meta values joined under the same names and their filters merged. The
 * words are the same as the records', in fewer records.
 */
export function recordsPerPage(records: SearchRecord[]): SearchRecord[] {
  const pages = new Map<string, SearchRecord>();
  for (const record of records) {
    const page = pages.get(pageOf(record.url));
    if (!page) {
      pages.set(pageOf(record.url), { ...record, url: pageOf(record.url), meta: { ...record.meta }, filters: { ...record.filters } });
      continue;
    }
    page.content += `\n${record.content}`;
    for (const [name, value] of Object.entries(record.meta)) page.meta[name] = page.meta[name] ? `${page.meta[name]}\n${value}` : value;
    for (const [name, values] of Object.entries(record.filters) as [keyof SearchRecord['filters'], string[]][]) {
      page.filters[name] = [...new Set([...(page.filters[name] ?? []), ...values])].sort();
    }
  }
  return [...pages.values()];
}

export const RECORD_VARIANTS = {
  'as-built': { about: 'the records as the build makes them', make: (records) => records },
  'per-page': { about: "one record a page: each plan's concerns in the plan's record (recordsPerPage)", make: recordsPerPage },
  'no-filters': { about: 'the records without their filters', make: (records) => records.map((r) => ({ ...r, filters: {} })) },
  'no-meta': { about: 'the records without their meta (no title, owners or vocabulary keys)', make: (records) => records.map((r) => ({ ...r, meta: {} })) },
  'content-only': { about: 'the records without meta or filters', make: (records) => records.map((r) => ({ ...r, meta: {}, filters: {} })) },
} satisfies Record<string, { about: string; make: (records: SearchRecord[]) => SearchRecord[] }>;

export type RecordVariant = keyof typeof RECORD_VARIANTS;

export interface PagefindFigures {
  variant: RecordVariant;
  records: number;
  /** Words of the records' content (split on white space). */
  words: number;
  /** The records as JSON: roughly what is sent to the binary. */
  recordsBytes: number;
  /** From starting the binary to the last record accepted. */
  addSeconds: number;
  /** Writing the index: where Pagefind builds its word, filter and metadata indexes. */
  writeSeconds: number;
  /** The binary's CPU time, at its last sample. */
  cpuSeconds: number;
  /** The binary's highest Pss while the records were sent, and while the index was written, in kB. */
  peakAddingKB: number;
  peakWritingKB: number;
  /** The size of the index written (pagefind/). */
  indexBytes: number;
}

/** Pagefind's live binary below this process (not the last variant's, if it has not been reaped yet). */
function pagefindNow() {
  for (const pid of descendants(process.pid)) {
    const now = processNow(pid);
    if (now?.name?.startsWith('pagefind')) return now;
  }
  return undefined;
}

/** Indexes one variant of `records` into a scratch folder below `work` (removed after), watching the binary. */
export async function measurePagefind(variant: RecordVariant, records: SearchRecord[], work: string): Promise<PagefindFigures> {
  const changed = RECORD_VARIANTS[variant].make(records);
  const output = fs.mkdtempSync(path.join(work, `pagefind-${variant}-`));
  const peaks = { adding: 0, writing: 0 };
  let phase: keyof typeof peaks = 'adding';
  let cpuSeconds = 0;
  const sample = () => {
    const now = pagefindNow();
    if (!now) return;
    peaks[phase] = Math.max(peaks[phase], now.pssKB);
    cpuSeconds = now.cpuSeconds;
  };
  const timer = setInterval(sample, 100);
  const started = performance.now();
  let added = started;
  let written = started;
  try {
    await writeIndex(changed, output, {
      added: () => {
        sample();
        added = performance.now();
        phase = 'writing';
      },
      written: () => {
        sample();
        written = performance.now();
      },
    });
  } finally {
    clearInterval(timer);
  }
  const indexBytes = filesBelow(output).reduce((n, file) => n + file.bytes, 0);
  fs.rmSync(output, { recursive: true, force: true });
  return {
    variant,
    records: changed.length,
    words: changed.reduce((n, r) => n + r.content.split(/\s+/).filter(Boolean).length, 0),
    recordsBytes: Buffer.byteLength(JSON.stringify(changed)),
    addSeconds: (added - started) / 1000,
    writeSeconds: (written - added) / 1000,
    cpuSeconds,
    peakAddingKB: peaks.adding,
    peakWritingKB: peaks.writing,
    indexBytes,
  };
}
