/**
 * Page weight in Chromium: everything a page fetches on its first load in a fresh browser context
 * (nothing cached), as transferred (compressed, when the server compresses), by kind of resource,
 * and whether any script blocks rendering.
 */
import type { Browser } from 'playwright-core';

export const WEIGHT_KINDS = ['html', 'css', 'js', 'fonts', 'other'] as const;
export type WeightKind = (typeof WEIGHT_KINDS)[number];

export interface PageWeight {
  url: string;
  /** Bytes transferred (bodies as sent, plus headers) by kind. */
  bytes: Record<WeightKind, number>;
  /** Bodies as the page decoded them, by kind. */
  decodedBytes: Record<WeightKind, number>;
  requests: Record<WeightKind, number>;
  total: number;
  totalExcludingFonts: number;
  /** External scripts that block rendering: classic scripts without async or defer. */
  renderBlockingScripts: string[];
  contentEncodings: string[];
  resources: { url: string; kind: WeightKind; status: number; bytes: number; decodedBytes: number; encoding: string | null }[];
}

/** The kind of a response, from Chromium's resource type and, failing that, its Content-Type. */
export function weightKind(resourceType: string, contentType = '', url = ''): WeightKind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet' || /text\/css/.test(contentType)) return 'css';
  if (resourceType === 'font' || /^font\//.test(contentType) || /\.(woff2?|ttf|otf)$/.test(url)) return 'fonts';
  if (resourceType === 'script' || /javascript/.test(contentType)) return 'js';
  return 'other';
}

/**
 * The scripts of an HTML document that block rendering: an external classic script (not a module)
 * without async or defer. Inline scripts run at once and fetch nothing; they are not counted.
 */
export function renderBlockingScripts(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attributes = match[1] ?? '';
    const src = /\bsrc\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    if (!src) continue;
    const type = /\btype\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    const typeValue = (type?.[2] ?? type?.[3] ?? type?.[4] ?? '').toLowerCase();
    if (typeValue === 'module') continue;
    if (typeValue && !/javascript|ecmascript/.test(typeValue)) continue;
    if (/\b(async|defer)\b/i.test(attributes)) continue;
    out.push(src[2] ?? src[3] ?? src[4] ?? '');
  }
  return out;
}

const zero = (): Record<WeightKind, number> => ({ html: 0, css: 0, js: 0, fonts: 0, other: 0 });

/** Loads `url` in a fresh context and adds up what it fetched until the network was idle. */
export async function measurePageWeight(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const pending: Promise<PageWeight['resources'][number]>[] = [];
    page.on('requestfinished', (request) => {
      pending.push(
        (async () => {
          const response = await request.response();
          const sizes = await request.sizes();
          const headers = (await response?.allHeaders()) ?? {};
          return {
            url: request.url(),
            kind: weightKind(request.resourceType(), headers['content-type'], new URL(request.url()).pathname),
            status: response?.status() ?? 0,
            bytes: sizes.responseBodySize + sizes.responseHeadersSize,
            decodedBytes: (await response?.body().catch(() => undefined))?.length ?? 0,
            encoding: headers['content-encoding'] ?? null,
          };
        })(),
      );
    });
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    const html = (await response?.text()) ?? '';
    const resources = await Promise.all(pending);
    const weight: PageWeight = {
      url,
      bytes: zero(),
      decodedBytes: zero(),
      requests: zero(),
      total: 0,
      totalExcludingFonts: 0,
      renderBlockingScripts: renderBlockingScripts(html),
      contentEncodings: [...new Set(resources.map((r) => r.encoding ?? 'none'))],
      resources,
    };
    for (const r of resources) {
      weight.bytes[r.kind] += r.bytes;
      weight.decodedBytes[r.kind] += r.decodedBytes;
      weight.requests[r.kind] += 1;
    }
    weight.total = resources.reduce((n, r) => n + r.bytes, 0);
    weight.totalExcludingFonts = weight.total - weight.bytes.fonts;
    return weight;
  } finally {
    await context.close();
  }
}
