/**
 * Records the site's responses to a page (and its workers) as the benchmark measures them, and
 * tells when the page has gone quiet. Shared by the Pagefind API and search page measurements.
 */
import zlib from 'node:zlib';
import type { Page, Request } from 'playwright-core';

/** A body's size as a host that gzips (GitHub Pages does) would send it: files already gzip stay as they are. */
export function gzipHostSize(body: Buffer | undefined): number {
  if (!body) return 0;
  return body[0] === 0x1f && body[1] === 0x8b ? body.length : Math.min(body.length, zlib.gzipSync(body).length);
}

/** Every finished request whose path starts with `prefix`, turned into a record by `record`. */
export class RequestTracker<T> {
  private fetched: T[] = [];
  private inflight = 0;
  private pending = new Set<Promise<void>>();

  constructor(
    page: Page,
    prefix: string,
    private readonly record: (request: Request) => Promise<T>,
  ) {
    const mine = (r: Request) => new URL(r.url()).pathname.startsWith(prefix);
    page.on('request', (r) => {
      if (mine(r)) this.inflight++;
    });
    page.on('requestfailed', (r) => {
      if (mine(r)) this.inflight--;
    });
    page.on('requestfinished', (r) => {
      if (!mine(r)) return;
      const p = this.record(r)
        .then((entry) => void this.fetched.push(entry))
        .finally(() => {
          this.inflight--;
          this.pending.delete(p);
        });
      this.pending.add(p);
    });
  }

  /** Waits until no request is in flight or being recorded, twice 100 ms apart. */
  async settle() {
    for (let quiet = 0; quiet < 2; ) {
      await Promise.all(this.pending);
      await new Promise((r) => setTimeout(r, 100));
      quiet = this.inflight === 0 && this.pending.size === 0 ? quiet + 1 : 0;
    }
  }

  /** The records so far, leaving none. */
  take(): T[] {
    const out = this.fetched;
    this.fetched = [];
    return out;
  }
}
