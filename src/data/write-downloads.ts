/**
 * Writes the open data downloads, the Atom feed and the sitemap into a built site, in one pass over
 * the plans and outside Astro's page pipeline: each plan's CSV rows and JSON record are made once
 * and go both into its own files and, streamed, into the site-wide /data/actions.csv and
 * /data/action-plans.json. Rendering them as Astro routes made a web Response per file and held
 * the whole-site files in memory twice over (41 MB of indented JSON at 600 plans).
 *
 * The build calls this on Astro's staging folder (src/integration.ts), so a failure here fails the
 * build and nothing is published (scripts/build.ts). The output depends only on the content.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Site } from '../content/model.ts';
import { absoluteUrl, href } from '../lib/urls.ts';
import { settings } from '../settings.ts';
import { csvRecords, toCsv } from './csv.ts';
import { ACTIONS_CSV_COLUMNS, actionRow, planRecord, plansJson } from './downloads.ts';
import { atomFeed } from './feed.ts';
import { sitemapEntries, sitemapXml } from './sitemap.ts';

/** A spreadsheet program reads UTF-8 (en dashes, accents) correctly only after a byte order mark. */
const BOM = '\uFEFF';

/** A file written piece by piece, so a whole-site download is never one string in memory. */
class FileStream {
  private readonly fd: number;
  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }
  write(text: string): void {
    fs.writeSync(this.fd, text);
  }
  close(): void {
    fs.closeSync(this.fd);
  }
}

/** The relative paths written, for the build's log. */
export function writeDownloads(site: Site, siteDir: string): string[] {
  const data = path.join(siteDir, 'data');
  fs.mkdirSync(path.join(data, 'plans'), { recursive: true });
  const written: string[] = [];
  const file = (rel: string, text: string) => {
    fs.writeFileSync(path.join(siteDir, rel), text);
    written.push(rel);
  };

  const header = toCsv(ACTIONS_CSV_COLUMNS, []);
  // The JSON's fields around `plans`, which every download shares: `{...,"plans":[` and `]}`.
  const [jsonHead, jsonTail] = JSON.stringify(plansJson(site, [])).split('"plans":[]');
  const open = `${jsonHead}"plans":[`;
  const close = `]${jsonTail}\n`;

  const csv = new FileStream(path.join(data, 'actions.csv'));
  const json = new FileStream(path.join(data, 'action-plans.json'));
  try {
    csv.write(BOM + header);
    json.write(open);
    site.plans.forEach((plan, i) => {
      const rows = plan.concerns.flatMap((concern) =>
        concern.actions.map((action) => {
          const row = actionRow(site, plan, concern, action);
          return ACTIONS_CSV_COLUMNS.map((column) => row[column]);
        }),
      );
      const planCsv = csvRecords(rows);
      const record = JSON.stringify(planRecord(plan));
      csv.write(planCsv);
      json.write(i === 0 ? record : `,${record}`);
      file(`data/plans/${plan.id}.csv`, BOM + header + planCsv);
      file(`data/plans/${plan.id}.json`, open + record + close);
    });
    json.write(close);
  } finally {
    csv.close();
    json.close();
  }
  written.push('data/actions.csv', 'data/action-plans.json');

  // With SITE_URL the feed's links are absolute; without it they are paths from the site's root,
  // resolved against the feed's own address (RFC 4287 allows that for links).
  file('feed.xml', atomFeed(site, { title: settings.serviceName, url: (p) => absoluteUrl(p) ?? href(p) }));
  // The sitemap protocol requires absolute addresses, so without SITE_URL there is no sitemap.
  const siteUrl = settings.siteUrl;
  if (siteUrl) file('sitemap.xml', sitemapXml(sitemapEntries(site), (p) => absoluteUrl(p, siteUrl)!));
  return written;
}
