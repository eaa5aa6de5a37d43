/** What a built site holds on disk: pages, search records, sizes, and Pagefind's files by kind. */
import fs from 'node:fs';
import path from 'node:path';
import { sitePages } from './serve.ts';

export interface FileSize {
  rel: string;
  bytes: number;
  /** The space the file takes on disk (whole blocks). */
  diskBytes: number;
}

/** Files below `dir`: their size, and the space they take on disk. */
export function filesBelow(dir: string): FileSize[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((rel) => ({ rel: rel.split(path.sep).join('/'), stat: fs.statSync(path.join(dir, rel)) }))
    .filter((f) => f.stat.isFile())
    .map((f) => ({ rel: f.rel, bytes: f.stat.size, diskBytes: f.stat.blocks * 512 }));
}

/** The kind of a file of Pagefind's bundle, by its path below pagefind/. */
export function pagefindKind(rel: string): string {
  if (rel.startsWith('index/')) return 'index chunks (index/*.pf_index)';
  if (rel.startsWith('fragment/')) return 'result fragments (fragment/*.pf_fragment)';
  if (rel.startsWith('filter/')) return 'filter chunks (filter/*.pf_filter)';
  if (rel.endsWith('.pf_meta')) return 'metadata (*.pf_meta)';
  if (/^wasm\..*\.pagefind$/.test(rel)) return 'WebAssembly (wasm.*.pagefind)';
  if (rel === 'pagefind.js' || rel === 'pagefind-worker.js') return 'JavaScript API and worker';
  if (rel === 'pagefind-entry.json') return 'entry (pagefind-entry.json)';
  return 'other';
}

export interface SiteFigures {
  pages: number;
  records: number;
  files: number;
  siteBytes: number;
  siteDiskBytes: number;
  largestFiles: { file: string; bytes: number }[];
  /** Plan pages' HTML, uncompressed: the largest and the median. */
  planPages: { count: number; largest: { path: string; bytes: number } | null; median: { path: string; bytes: number } | null };
  pagefind: { bytes: number; diskBytes: number; files: number; kinds: { kind: string; files: number; bytes: number; largest: number }[] };
}

export function siteFigures(siteDir: string): SiteFigures {
  const all = filesBelow(siteDir);
  const pf = filesBelow(path.join(siteDir, 'pagefind'));
  const kinds = new Map<string, { kind: string; files: number; bytes: number; largest: number }>();
  for (const f of pf) {
    const kind = pagefindKind(f.rel);
    const k = kinds.get(kind) ?? { kind, files: 0, bytes: 0, largest: 0 };
    k.files += 1;
    k.bytes += f.bytes;
    k.largest = Math.max(k.largest, f.bytes);
    kinds.set(kind, k);
  }
  const entry = JSON.parse(fs.readFileSync(path.join(siteDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const plans = all
    .filter((f) => /^plans\/[^/]+\/index\.html$/.test(f.rel))
    .map((f) => ({ path: `/${f.rel.slice(0, -'index.html'.length)}`, bytes: f.bytes }))
    .sort((a, b) => a.bytes - b.bytes || a.path.localeCompare(b.path));
  return {
    pages: sitePages(siteDir).length,
    records: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0),
    files: all.length,
    siteBytes: all.reduce((n, f) => n + f.bytes, 0),
    siteDiskBytes: all.reduce((n, f) => n + f.diskBytes, 0),
    largestFiles: [...all].sort((a, b) => b.bytes - a.bytes).slice(0, 5).map((f) => ({ file: f.rel, bytes: f.bytes })),
    planPages: {
      count: plans.length,
      largest: plans[plans.length - 1] ?? null,
      median: plans[Math.floor((plans.length - 1) / 2)] ?? null,
    },
    pagefind: {
      bytes: pf.reduce((n, f) => n + f.bytes, 0),
      diskBytes: pf.reduce((n, f) => n + f.diskBytes, 0),
      files: pf.length,
      kinds: [...kinds.values()].sort((a, b) => b.bytes - a.bytes),
    },
  };
}
