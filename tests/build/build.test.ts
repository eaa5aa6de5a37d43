/**
 * Checks what `npm run build` makes of the real content and of a fixture with progress: that every
 * word of the source plan is published, that invalid content never half-publishes, that GOV.UK
 * branding is a setting that is off by default, that a build is reproducible, and that the data
 * downloads, the Atom feed and the sitemap agree with the content and with the pages built.
 *
 * The sites are built once per run by the global setup (tests/support/sites.ts) and shared with the
 * other build tests and the browser tests; this file builds only the invalid content, which must fail.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../support/built-sites.ts';
import { parseCsv } from '../support/csv.ts';
import { DOWNLOADS_AS_AT, DOWNLOADS_CONTENT, DOWNLOADS_FEED, DOWNLOADS_LASTMOD, DOWNLOADS_PAGES } from '../support/downloads-fixture.ts';
import { buildSite, ROOT } from '../support/build-site.ts';
import { fragmentTags, hasClass, isInside, parseTags, type Tag } from '../support/html.ts';
import { BASE } from '../support/sites.ts';
import { normalise, parseSource, sentences, SOURCE_FILE, withoutListMarkers, type SourceConcern } from '../support/source-plan.ts';
import { sitePages } from '../support/serve.ts';
import { childElements, onlyChild, parseXml, textOf } from '../support/xml.ts';
import { loadContent } from '../../src/content/load.ts';
import type { Site } from '../../src/content/model.ts';
import { formatProblem } from '../../src/content/problems.ts';

const CONTENT_DIR = path.join(ROOT, 'content');
const PLAN_ID = 'chelmsford-2024';
/** What the site shows where the source names no owner (src/components/wording.ts). */
const NOT_STATED = 'Not stated in the plan';

const source = parseSource(fs.readFileSync(SOURCE_FILE, 'utf8'));

/** The folder of a site the global setup built. */
const built = (name: Parameters<typeof builtSite>[0]) => builtSite(name).dir;

// ---------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------

/** Every file below `dir`, as paths relative to it with forward slashes, sorted. */
function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Each file's SHA-256, by relative path. */
function fileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(filesIn(dir).map((file) => [file, createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex')]));
}

/** One hash of every file's path and bytes. */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const [file, digest] of Object.entries(fileHashes(dir))) hash.update(`${file}\0${digest}\n`);
  return hash.digest('hex');
}

/** The text of every `<section id="concern-N">` of a page, by N. */
function concernSections(html: string): Map<number, string> {
  const sections = new Map<number, string>();
  for (const tag of parseTags(html)) {
    const number = concernNumber(tag);
    if (number) sections.set(number, normalise(tag.text));
  }
  return sections;
}

function concernNumber(tag: Tag | undefined): number | undefined {
  const number = tag?.name === 'section' ? /^concern-(\d+)$/.exec(tag.attributes.get('id') ?? '')?.[1] : undefined;
  return number ? Number(number) : undefined;
}

/** The element just above `tag`'s ancestors named `names` (nearest first), if it has those ancestors. */
function ancestor(tag: Tag, names: string[]): Tag | undefined {
  let at: Tag | undefined = tag;
  for (const name of names) {
    at = at?.parent;
    if (at?.name !== name) return undefined;
  }
  return at?.parent;
}

/**
 * The table of actions of every `<section id="concern-N">` of a page, by N, as a reader takes it in:
 * each column's name (its header) and the text of its cells, one per action, in order.
 */
function actionColumns(html: string): Map<number, Record<string, string[]>> {
  const headers = new Map<number, string[]>();
  const rows = new Map<number, Map<Tag, string[]>>();
  for (const tag of parseTags(html)) {
    if (tag.name === 'th') {
      const number = concernNumber(ancestor(tag, ['tr', 'thead', 'table']));
      if (number) headers.set(number, [...(headers.get(number) ?? []), normalise(tag.text)]);
    } else if (tag.name === 'td') {
      const number = concernNumber(ancestor(tag, ['tr', 'tbody', 'table']));
      if (!number) continue;
      const row = rows.get(number) ?? rows.set(number, new Map()).get(number)!;
      row.set(tag.parent!, [...(row.get(tag.parent!) ?? []), normalise(tag.text)]);
    }
  }
  return new Map(
    [...headers].map(([number, names]) => [number, Object.fromEntries(names.map((name, i) => [name, [...(rows.get(number)?.values() ?? [])].map((cells) => cells[i] ?? '')]))]),
  );
}

/** Finds each of `items` in `text` in order, each after the one before; returns a message for the first missing, or null. */
function missingInOrder(text: string, items: string[]): string | null {
  let from = 0;
  for (const [i, item] of items.entries()) {
    const at = text.indexOf(item, from);
    if (at === -1) {
      return text.includes(item)
        ? `item ${i + 1} "${item}" is there, but not after item ${i} (in source order)`
        : `item ${i + 1} "${item}" is not there at all`;
    }
    from = at + item.length;
  }
  return null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------------
// a. Every word of the source reaches the site
// ---------------------------------------------------------------------------------------------------

describe('the built site publishes every word of the source plan', () => {
  let sections: Map<number, string>;
  let columns: Map<number, Record<string, string[]>>;
  let csv: { header: string[]; rows: Record<string, string>[] };
  let csvText: string;
  let json: string;

  beforeAll(() => {
    const out = built('site');
    const planPage = fs.readFileSync(path.join(out, `plans/${PLAN_ID}/index.html`), 'utf8');
    sections = concernSections(planPage);
    columns = actionColumns(planPage);
    csvText = fs.readFileSync(path.join(out, 'data/actions.csv'), 'utf8');
    const [header = [], ...records] = parseCsv(csvText.replace(/^\uFEFF/, ''));
    csv = { header, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
    json = fs.readFileSync(path.join(out, 'data/action-plans.json'), 'utf8');
  });

  it('the source has the 15 concerns this test expects to find', () => {
    expect(source.map((c) => c.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('the plan page has one section per source concern, and no others', () => {
    expect([...sections.keys()]).toEqual(source.map((c) => c.number));
  });

  describe.each(source.map((c) => [c.number, c] as const))('plan page, concern %i', (number, expected: SourceConcern) => {
    const section = () => {
      const text = sections.get(number);
      if (text === undefined) throw new Error(`The plan page has no <section id="concern-${number}">.`);
      return text;
    };

    it('has the concern text', () => {
      expect(section()).toContain(expected.text);
    });

    it('has every sentence of the actions column, in order', () => {
      const sentenceList = sentences(expected.actionsText);
      expect(sentenceList.length).toBeGreaterThan(0);
      expect(missingInOrder(section(), sentenceList)).toBeNull();
    });

    const column = (name: string) => columns.get(number)?.[name];

    it('has each owner under "Responsible owner", in source order, and "Not stated in the plan" for each action the source gives no owner', () => {
      const missing = expected.targets.length - expected.owners.length;
      expect(missing, 'the source gives no more owners than actions').toBeGreaterThanOrEqual(0);
      // Owners pair with actions by position: the actions beyond the last owner have none.
      expect(column('Responsible owner')).toEqual([...expected.owners, ...Array<string>(missing).fill(NOT_STATED)]);
    });

    it('has each target date under "Target date", in source order', () => {
      expect(expected.targets.length).toBeGreaterThan(0);
      expect(column('Target date')).toEqual(expected.targets);
    });
  });

  it('data/actions.csv starts with a UTF-8 byte order mark and ends its records with CRLF', () => {
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    expect(csvText.endsWith('\r\n')).toBe(true);
    expect(csv.rows.length).toBeGreaterThan(0);
    for (const row of csv.rows) expect(Object.keys(row)).toEqual(csv.header);
  });

  describe.each(source.map((c) => [c.number, c] as const))('data/actions.csv, concern %i', (number, expected: SourceConcern) => {
    const rows = () => csv.rows.filter((r) => r.plan_id === PLAN_ID && r.concern_number === String(number));

    it('has one row per action, numbered from 1', () => {
      expect(rows().map((r) => r.action_number)).toEqual(expected.targets.map((_, i) => String(i + 1)));
    });

    it('has the concern text and category on every row', () => {
      for (const row of rows()) {
        expect(normalise(row.concern!)).toBe(expected.text);
        expect(row.concern_category).toBe(expected.category);
      }
    });

    it('has every word of the actions column, in order, across its rows', () => {
      const actions = rows().map((r) => withoutListMarkers(r.action!)).join(' ');
      expect(missingInOrder(actions, sentences(expected.actionsText))).toBeNull();
      expect(actions).toBe(expected.actionsText);
    });

    it('has the owners in source order, and an empty owner where the source names none', () => {
      const padded = [...expected.owners, ...Array<string>(expected.targets.length - expected.owners.length).fill('')];
      expect(rows().map((r) => r.owner)).toEqual(padded);
    });

    it('has the target dates in source order', () => {
      expect(rows().map((r) => r.target_date)).toEqual(expected.targets);
    });
  });

  it('data/action-plans.json parses and has the plan with its 15 concerns', () => {
    const data = JSON.parse(json) as { plans: { id: string; concerns: { number: number }[] }[] };
    const plan = data.plans.find((p) => p.id === PLAN_ID);
    expect(plan).toBeDefined();
    expect(plan!.concerns).toHaveLength(15);
    expect(plan!.concerns.map((c) => c.number)).toEqual(source.map((c) => c.number));
  });
});

// ---------------------------------------------------------------------------------------------------
// b. Invalid content never half-publishes
// ---------------------------------------------------------------------------------------------------

interface Breakage {
  /** The broken file as problems name it: relative to the project root, forward slashes. */
  file: string;
  line: number;
  /** The columns a problem may point at (the id's field name or its value are both right). */
  columns: number[];
  /** The place problems name, as a reader would ("concern 1, action 2, ownr"). */
  path: string;
  /** The field path, counted from 1, that GitHub annotations carry as their title. */
  field: string;
}

/** Replaces the first line of `file` (after line `after`, 0-based) that matches `pattern`, and says where it was. */
function breakLine(file: string, pattern: RegExp, replace: (line: string) => string, after = -1): { line: number; text: string } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line, i) => i > after && pattern.test(line));
  if (index === -1) throw new Error(`No line of ${file} matches ${pattern}: the content changed, so this test must break it another way.`);
  lines[index] = replace(lines[index]!);
  fs.writeFileSync(file, lines.join('\n'));
  return { line: index + 1, text: lines[index]! };
}

/** The 0-based index of the first line of `file` that matches `pattern`. */
function lineOf(file: string, pattern: RegExp): number {
  const index = fs.readFileSync(file, 'utf8').split('\n').findIndex((line) => pattern.test(line));
  if (index === -1) throw new Error(`No line of ${file} matches ${pattern}: the content changed, so this test must break it another way.`);
  return index;
}

/** Output lines that name `b` as `file:line:column  path  `, at one of its allowed columns. */
function problemLine(b: Breakage): RegExp {
  const columns = b.columns.map(String).join('|');
  return new RegExp(`${escapeRegExp(b.file)}:${b.line}:(?:${columns}) {2}${escapeRegExp(b.path)} {2}\\S`);
}

describe('invalid content never half-publishes', () => {
  let work: string;
  let brokenDir: string;
  let outDir: string;
  let breakages: Breakage[];
  let before: Record<string, string>;
  let build: { status: number | null; output: string };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'action-plans-broken-'));
    brokenDir = path.join(work, 'broken-content');
    fs.cpSync(CONTENT_DIR, brokenDir, { recursive: true });
    const shown = (rel: string) => path.relative(ROOT, path.join(brokenDir, rel)).split(path.sep).join('/');
    const planRel = `plans/chelmsford/${PLAN_ID}.md`;
    const plan = path.join(brokenDir, planRel);
    const establishmentRel = 'establishments/chelmsford.yaml';
    const establishment = path.join(brokenDir, establishmentRel);

    // 1. An unknown theme id in the first concern's themes.
    const theme = breakLine(plan, /^\s+themes: \[.*\bmental-health\b/, (l) => l.replace('mental-health', 'mental-helth'));
    const themeIndex = theme.text.slice(theme.text.indexOf('[') + 1, theme.text.indexOf('mental-helth')).split(',').length - 1;
    // 2. The owner of the first concern's second action misspelled "ownr".
    const secondAction = lineOf(plan, /Identified safety officers will attend the induction wing/);
    const owner = breakLine(plan, /^\s+owner: /, (l) => l.replace('owner:', 'ownr:'), secondAction);
    // 3. An establishment whose id does not match its file name.
    const id = breakLine(establishment, /^id: chelmsford$/, () => 'id: chelmsford-prison');

    breakages = [
      { file: shown(planRel), line: theme.line, columns: [theme.text.indexOf('mental-helth') + 1], path: `concern 1, theme ${themeIndex + 1}`, field: `concerns.1.themes.${themeIndex + 1}` },
      {
        file: shown(planRel),
        line: owner.line,
        // An unknown field is reported on the field name itself, the misspelled part.
        columns: [owner.text.indexOf('ownr:') + 1],
        path: 'concern 1, action 2, ownr',
        field: 'concerns.1.actions.2.ownr',
      },
      { file: shown(establishmentRel), line: id.line, columns: [1, 'id: '.length + 1], path: 'id', field: 'id' },
    ];

    // The out dir already holds a previous build, which must survive the failed one untouched.
    outDir = path.join(work, 'previous-out');
    fs.mkdirSync(path.join(outDir, 'plans'), { recursive: true });
    fs.writeFileSync(path.join(outDir, 'previous.txt'), 'the previous good build\n');
    fs.writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><title>Previous build</title>\n');
    fs.writeFileSync(path.join(outDir, 'plans', 'old.html'), '<p>An old page</p>\n');
    before = fileHashes(outDir);

    // The one build of the run that must fail: the other broken content goes to the validator alone
    // (tests/unit/content-mutation.test.ts), which is what the build runs first.
    build = await buildSite({ contentDir: brokenDir, outDir });
  }, 120_000);
  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('the build fails', () => {
    expect(build.status, build.output).not.toBe(0);
  });

  it('the build lists every problem with file:line:column and the place', () => {
    for (const b of breakages) expect(build.output, `${b.file} line ${b.line} (${b.path})`).toMatch(problemLine(b));
  });

  it('the build says that nothing was built', () => {
    expect(build.output).toMatch(/Nothing was built\./);
    expect(build.output).toMatch(/nothing was written to /);
    expect(build.output).not.toMatch(/Built the site into/);
  });

  it('the out dir still holds exactly the previous build', () => {
    expect(fileHashes(outDir)).toEqual(before);
    expect(fs.readFileSync(path.join(outDir, 'previous.txt'), 'utf8')).toBe('the previous good build\n');
  });

  it('no staging folder is left behind', () => {
    const prefix = `${path.basename(outDir)}.building-`;
    expect(fs.readdirSync(path.dirname(outDir)).filter((name) => name.startsWith(prefix))).toEqual([]);
  });

  describe('npm run validate', () => {
    const validate = (...args: string[]) => {
      const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/validate.ts', '--content', brokenDir, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      });
      return { status: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
    };

    it('lists the same problems and exits 1', () => {
      const result = validate();
      expect(result.status, result.output).toBe(1);
      for (const b of breakages) expect(result.output, `${b.file} line ${b.line} (${b.path})`).toMatch(problemLine(b));
      expect(result.output).toMatch(/Nothing was published\./);
    });

    it('prints GitHub annotations with --format github', () => {
      const result = validate('--format', 'github');
      expect(result.status, result.output).toBe(1);
      const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::error '));
      for (const b of breakages) {
        const columns = b.columns.map(String).join('|');
        const annotation = new RegExp(`^::error file=${escapeRegExp(b.file)},line=${b.line},col=(?:${columns}),title=${escapeRegExp(b.field)}::\\S`);
        expect(annotations.some((line) => annotation.test(line)), `an annotation for ${b.file} line ${b.line} (${b.path}) in:\n${result.stdout}`).toBe(true);
      }
      // Every problem is an annotation: nothing else goes to stdout.
      expect(result.stdout.trim().split('\n').every((line) => /^::error file=[^,]+,line=\d+,col=\d+,title=[^:]*::\S/.test(line))).toBe(true);
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// c. Branding is a setting, off by default
// ---------------------------------------------------------------------------------------------------

const readAll = (dir: string, pattern: RegExp) =>
  filesIn(dir)
    .filter((file) => pattern.test(file))
    .map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));

describe('GOV.UK branding is a setting, off by default', () => {
  describe('the default build', () => {
    let out: string;
    beforeAll(() => {
      out = built('site');
    });

    it('shows no GOV.UK crown or logo on any page', () => {
      const pages = readAll(out, /\.html$/);
      expect(pages.length).toBeGreaterThan(10);
      for (const { file, text } of pages) {
        for (const brand of ['govuk-footer__crown', 'govuk-logo', 'govuk-header__logotype']) {
          expect(text.includes(brand), `${file} contains ${brand}`).toBe(false);
        }
      }
    });

    it('uses no GDS Transport in its CSS', () => {
      const styles = readAll(out, /\.css$/);
      expect(styles.length).toBeGreaterThan(0);
      for (const { file, text } of styles) expect(text.includes('GDS Transport'), `${file} mentions GDS Transport`).toBe(false);
    });

    it('has no font files and no GOV.UK crest image', () => {
      const files = filesIn(out);
      expect(files.filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f))).toEqual([]);
      expect(files.filter((f) => /govuk-crest/i.test(f))).toEqual([]);
    });

    it('uses the site\'s own favicon.svg', () => {
      expect(fs.readFileSync(path.join(out, 'favicon.svg'))).toEqual(fs.readFileSync(path.join(ROOT, 'public/favicon.svg')));
      for (const { file, text } of readAll(out, /\.html$/)) {
        const icons = parseTags(text).filter((t) => t.name === 'link' && /^(?:icon|apple-touch-icon)$/.test(t.attributes.get('rel') ?? ''));
        expect(icons.map((t) => t.attributes.get('href')), file).toEqual(['/favicon.svg']);
      }
    });
  });

  // Built under the sub-path, as the base path tests need it too: one build for both.
  describe(`with GOVUK_BRANDING=true (under ${BASE})`, () => {
    let out: string;
    beforeAll(() => {
      out = built('branded');
    });

    it('shows the GOV.UK logo in the header of every page', () => {
      const pages = readAll(out, /\.html$/);
      expect(pages.length).toBeGreaterThan(10);
      for (const { file, text } of pages) {
        const tags = parseTags(text);
        const inPageHeader = (t: (typeof tags)[number]) => isInside(t, (a) => a.name === 'header' && hasClass(a, 'govuk-template__header'));
        expect(tags.some((t) => t.name === 'header' && hasClass(t, 'govuk-template__header')), `${file} has a page header`).toBe(true);
        expect(tags.some((t) => hasClass(t, 'govuk-header') && inPageHeader(t)), file).toBe(true);
        const logo = tags.filter((t) => t.name === 'svg' && hasClass(t, 'govuk-header__logotype') && inPageHeader(t));
        expect(logo.map((t) => t.attributes.get('aria-label')), file).toEqual(['GOV.UK']);
      }
    });

    it('uses GDS Transport in its CSS', () => {
      const css = readAll(out, /\.css$/).map((f) => f.text).join('\n');
      expect(css).toMatch(/font-family:\s*"?GDS Transport"?/);
    });

    it('serves the fonts under assets/fonts/, and every asset its CSS refers to', () => {
      const files = filesIn(out);
      expect(files.filter((f) => /^assets\/fonts\/.+\.woff2$/.test(f)).length).toBeGreaterThan(0);
      const css = readAll(out, /\.css$/).map((f) => f.text).join('\n');
      const urls = [...css.matchAll(/url\(["']?([^"')]*\/assets\/[^"')]+)["']?\)/g)].map((m) => m[1]!);
      expect(urls.some((u) => u.startsWith(`${BASE}assets/fonts/`))).toBe(true);
      for (const url of new Set(urls)) expect(files, url).toContain(url.slice(BASE.length));
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// d. Reproducible
// ---------------------------------------------------------------------------------------------------

describe('a build is reproducible', () => {
  let first: string;
  let second: string;
  beforeAll(() => {
    first = built('site');
    second = built('again');
  });

  it('building the same content twice gives byte-identical output', () => {
    // Per file first, so a failure names the files that differ.
    expect(fileHashes(second)).toEqual(fileHashes(first));
    expect(treeHash(second)).toBe(treeHash(first));
  });

  it('holds only what a static site serves: no server build files', () => {
    expect(filesIn(first).filter((f) => /\.(mjs|d\.ts|map)$/.test(f) || f.startsWith('chunks/'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// e. Downloads, feed and sitemap agree with the content and the pages
// ---------------------------------------------------------------------------------------------------

/** The fictional estate with progress, built at an address under a sub-path, as at a set date (tests/support/sites.ts). */
const PROGRESS_CONTENT = path.join(ROOT, DOWNLOADS_CONTENT);
const PROGRESS_AS_AT = DOWNLOADS_AS_AT;
const PROGRESS_ORIGIN = `https://example.org${BASE}`;

function modelOf(contentDir: string, asAt?: string): Site {
  // As the global setup builds it: with no "as at" setting but the one given.
  const result = loadContent(contentDir, { asAt });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.site;
}

/** A built CSV download read back as records by column name; checks the byte order mark and the header on the way. */
function readCsvFile(file: string): { header: string[]; rows: string[][]; records: Record<string, string>[] } {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF'), `${file} starts with a byte order mark`).toBe(true);
  const [header = [], ...rows] = parseCsv(text.slice(1));
  return { header, rows, records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
}

/** The ids a built page's fragments can point at. */
function idsOf(html: string): Set<string> {
  return new Set(parseTags(html).flatMap((t) => t.attributes.get('id') ?? []));
}

/**
 * Checks that a link of the feed or sitemap leads to a built page (and its fragment to an element
 * of it); `prefix` is what a page's path from the root of `out` is written after.
 */
function expectBuiltPage(out: string, link: string, prefix: string): void {
  expect(link.startsWith(prefix), `${link} starts with ${prefix}`).toBe(true);
  const url = new URL(link.slice(prefix.length - 1), 'http://site.invalid');
  expect(url.pathname, link).toMatch(/\/$/);
  const file = path.join(out, decodeURIComponent(url.pathname), 'index.html');
  expect(fs.existsSync(file), `${link} is a built page`).toBe(true);
  if (url.hash) expect(idsOf(fs.readFileSync(file, 'utf8')), `${link}: the page has id="${url.hash.slice(1)}"`).toContain(decodeURIComponent(url.hash.slice(1)));
}

/**
 * Every plan has its own CSV and JSON, holding exactly its rows and record of the site-wide files,
 * and those agree with the model action for action, progress included.
 */
function checkDownloads(out: string, model: Site) {
  const all = readCsvFile(path.join(out, 'data/actions.csv'));
  const allJson = JSON.parse(fs.readFileSync(path.join(out, 'data/action-plans.json'), 'utf8')) as {
    asAt: { date: string };
    plans: { id: string; concerns: { number: number; repeats: unknown; reviews: unknown[]; actions: Record<string, unknown>[] }[] }[];
  };
  expect(allJson.asAt.date).toBe(model.asAt.date);
  expect(fs.readdirSync(path.join(out, 'data/plans')).sort()).toEqual(model.plans.flatMap((p) => [`${p.id}.csv`, `${p.id}.json`]).sort());
  expect(allJson.plans.map((p) => p.id)).toEqual(model.plans.map((p) => p.id));

  for (const plan of model.plans) {
    const own = readCsvFile(path.join(out, `data/plans/${plan.id}.csv`));
    expect(own.header, plan.id).toEqual(all.header);
    expect(own.rows, plan.id).toEqual(all.rows.filter((_, i) => all.records[i]!.plan_id === plan.id));
    const actions = plan.concerns.flatMap((concern) => concern.actions.map((action) => ({ concern, action })));
    expect(own.records.map((r) => `${r.concern_number}.${r.action_number}`), plan.id).toEqual(actions.map(({ concern, action }) => `${concern.number}.${action.number}`));
    own.records.forEach((record, i) => {
      const { concern, action } = actions[i]!;
      expect(record, `${plan.id} concern ${concern.number} action ${action.number}`).toMatchObject({
        establishment_id: plan.establishment.id,
        concern: concern.text,
        action: action.text,
        owner: action.owner ?? '',
        target_date: action.target ?? '',
        target_month: action.targetMonth ?? '',
        status: action.status,
        status_label: action.statusLabel,
        status_date: action.updates.at(-1)?.date ?? '',
        update_count: String(action.updates.length),
        current_target: action.currentTarget.asWritten ?? '',
        target_revisions: String(action.revisedTargets.length),
        target_passed: String(action.targetPassed),
        irp_judgement: concern.reviews.at(-1)?.judgement ?? '',
        repeats: concern.repeats ? `${concern.repeats.plan.id}#${concern.repeats.concern.anchor}` : '',
        repeated_by: concern.repeatedBy.map((r) => `${r.plan.id}#${r.concern.anchor}`).join(';'),
        as_at: model.asAt.date,
      });
    });

    const json = JSON.parse(fs.readFileSync(path.join(out, `data/plans/${plan.id}.json`), 'utf8')) as typeof allJson;
    expect({ ...json, plans: [] }, plan.id).toEqual({ ...allJson, plans: [] });
    expect(json.plans, plan.id).toEqual(allJson.plans.filter((p) => p.id === plan.id));
    const record = json.plans[0]!;
    expect(record.concerns.map((c) => c.number)).toEqual(plan.concerns.map((c) => c.number));
    record.concerns.forEach((c, ci) => {
      const concern = plan.concerns[ci]!;
      expect(c.repeats).toEqual(concern.repeats ? { plan: concern.repeats.plan.id, concern: concern.repeats.concern.number } : null);
      expect(c.reviews).toHaveLength(concern.reviews.length);
      expect(c.actions.map((a) => [a.number, a.text, a.owner, a.target, a.status, a.targetPassed, (a.updates as unknown[]).length])).toEqual(
        concern.actions.map((a) => [a.number, a.text, a.owner, a.target, a.status, a.targetPassed, a.updates.length]),
      );
    });
  }
}

/**
 * Reads a built feed strictly; checks its entries against `expected` ([date, title, path from the
 * site's root], newest first, worked out from the content by hand) and every link against the built pages.
 */
function checkFeed(out: string, prefix: string, expected: [string, string, string][]): void {
  const feed = parseXml(fs.readFileSync(path.join(out, 'feed.xml'), 'utf8'));
  expect(feed).toMatchObject({ local: 'feed', namespace: 'http://www.w3.org/2005/Atom' });
  for (const element of ['id', 'title', 'updated', 'author']) onlyChild(feed, element);
  const links = Object.fromEntries(childElements(feed, 'link').map((l) => [l.attributes.rel, l.attributes.href!]));
  expect(links.self).toBe(`${prefix}feed.xml`);
  expect(links.alternate).toBe(prefix);
  expect(fs.existsSync(path.join(out, 'feed.xml'))).toBe(true);
  expectBuiltPage(out, links.alternate!, prefix);

  const entries = childElements(feed, 'entry');
  expect(entries.map((e) => [textOf(onlyChild(e, 'updated')), textOf(onlyChild(e, 'title')), onlyChild(e, 'link').attributes.href])).toEqual(
    expected.map(([date, title, page]) => [`${date}T00:00:00Z`, title, `${prefix}${page.slice(1)}`]),
  );
  // Updated when its newest entry was.
  expect(textOf(onlyChild(feed, 'updated'))).toBe(`${expected[0]![0]}T00:00:00Z`);
  for (const entry of entries) {
    expectBuiltPage(out, onlyChild(entry, 'link').attributes.href!, prefix);
    // The links inside each entry's HTML content, too.
    for (const link of fragmentTags(textOf(onlyChild(entry, 'content'))).filter((t) => t.name === 'a')) expectBuiltPage(out, link.attributes.get('href')!, prefix);
  }
}

describe('the downloads, feed and sitemap of the real content (no SITE_URL)', () => {
  let out: string;
  let model: Site;
  beforeAll(() => {
    out = built('site');
    model = modelOf(CONTENT_DIR);
  });

  it('publishes every plan\'s own CSV and JSON, agreeing with the site-wide files and the content', () => {
    checkDownloads(out, model);
  });

  it('publishes a strict, valid Atom feed whose links are paths to built pages', () => {
    // One entry: the plan is new, dated by its change log's first entry (30 November 2026); the
    // content records no progress yet.
    checkFeed(out, '/', [['2026-11-30', 'New action plan: HMP Chelmsford, 2024 plan', `/plans/${PLAN_ID}/`]]);
  });

  it('publishes no sitemap, which needs the site\'s address', () => {
    expect(fs.existsSync(path.join(out, 'sitemap.xml'))).toBe(false);
  });
});

describe('the downloads, feed and sitemap of content with progress (SITE_URL, BASE_PATH and an "as at" date set)', () => {
  let out: string;
  let model: Site;
  beforeAll(() => {
    out = built('downloads');
    model = modelOf(PROGRESS_CONTENT, PROGRESS_AS_AT);
  });

  it('the content has progress to check: updates, revisions, reviews, a repeat and a change log, some after the "as at" date', () => {
    const actions = model.plans.flatMap((p) => p.concerns.flatMap((c) => c.actions));
    expect(model.asAt).toEqual({ date: '2025-06-30', source: 'setting' });
    expect(actions.filter((a) => a.updates.length > 0).length).toBeGreaterThan(3);
    expect(actions.some((a) => a.revisedTargets.length > 0)).toBe(true);
    expect(actions.some((a) => a.targetPassed)).toBe(true);
    expect(model.plans.some((p) => p.concerns.some((c) => c.reviews.length > 0 && c.repeats))).toBe(true);
    expect(model.plans.some((p) => p.changes.length > 1)).toBe(true);
  });

  it('publishes every plan\'s own CSV and JSON, agreeing with the site-wide files and the content as at that date', () => {
    checkDownloads(out, model);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'data/plans/fairfield-2024.json'), 'utf8'));
    // The update of 2025-09-01 and the revision of 2025-08-01 are after the "as at" date.
    expect(json.plans[0].concerns[1].actions[1]).toMatchObject({ status: 'no-update', updates: [], revisedTargets: [], targetPassed: true });
    expect(json.plans[0].changes.map((c: { date: string }) => c.date)).toEqual(['2024-06-01', '2025-02-01']);
  });

  it('publishes a strict, valid Atom feed whose absolute links lead to built pages and their sections', () => {
    checkFeed(out, PROGRESS_ORIGIN, DOWNLOADS_FEED);
  });

  it('publishes a strict sitemap of absolute addresses with content dates', () => {
    const urlset = parseXml(fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8'));
    expect(urlset).toMatchObject({ local: 'urlset', namespace: 'http://www.sitemaps.org/schemas/sitemap/0.9' });
    const urls = childElements(urlset, 'url').map((u) => ({ loc: textOf(onlyChild(u, 'loc')), lastmod: childElements(u, 'lastmod').map(textOf)[0] }));
    expect(urls.map((u) => u.loc)).toEqual(DOWNLOADS_PAGES.map((page) => `${PROGRESS_ORIGIN}${page.slice(1)}`));
    const lastmod = Object.fromEntries(urls.map((u) => [`/${u.loc.slice(PROGRESS_ORIGIN.length)}`, u.lastmod]));
    for (const [page, date] of Object.entries(DOWNLOADS_LASTMOD)) expect(lastmod[page], page).toBe(date);
  });

  it('lists in the sitemap every built page but the 404 page, and nothing else', () => {
    const urlset = parseXml(fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8'));
    const locs = childElements(urlset, 'url').map((u) => textOf(onlyChild(u, 'loc')));
    for (const loc of locs) expectBuiltPage(out, loc, PROGRESS_ORIGIN);
    const pages = sitePages(out).filter((p) => p !== '/404.html');
    expect(locs.map((loc) => `/${loc.slice(PROGRESS_ORIGIN.length)}`).sort()).toEqual(pages);
  });

  it('links the feed from the head of every page', () => {
    for (const page of sitePages(out)) {
      const html = fs.readFileSync(path.join(out, page.endsWith('/') ? `${page}index.html` : page), 'utf8');
      const feeds = parseTags(html).filter((t) => t.name === 'link' && t.attributes.get('rel') === 'alternate' && t.parent?.name === 'head');
      expect(feeds.map((t) => [t.attributes.get('type'), t.attributes.get('href')]), page).toEqual([['application/atom+xml', `${BASE}feed.xml`]]);
      expect(feeds[0]!.attributes.get('title'), page).toMatch(/\S/);
    }
  });
});
