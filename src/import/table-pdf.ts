/**
 * A plan published as PDF, as Word or LibreOffice exports such a table: pdf.js gives the text with
 * its positions and the table's ruling lines, and the table is rebuilt from them.
 *
 * - Columns are the gaps between vertical rules; rows are the bands between horizontal rules, per
 *   column, so a cell merged down over several rows (no rule across it) stays one cell, spread as
 *   the Word reader spreads it: text in the first row, empty below.
 * - In a cell, lines are paragraphs split where the space between lines grows (paragraph spacing)
 *   or where a line ends although the next line's first word would have fitted on it: that is a
 *   line break, not a wrap. A wrapped line that ends in "-" is a word's own hyphen (no automatic
 *   hyphenation in plans), so it joins without a space.
 * - Running headers and footers (text outside the table in the top or bottom margin that comes back
 *   page after page, or a page number) are dropped. A row cut by a page break (the first row of a
 *   page with an empty first column) is joined back to the row it continues, paragraph by paragraph.
 * - Text before the table is the cover; text after it is reported, never dropped silently.
 */
import { escapeHtml } from '../lib/html.ts';
import { ImportError } from './errors.ts';
import { normalise } from './html.ts';
import { EXPECTED_COLUMNS, matchHeader, wrongColumns, type Columns, type CoverLine, type SourceDocument, type SourceRow } from './source.ts';

interface Item {
  text: string;
  /** Left edge and baseline, in points from the page's top left. */
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Rule {
  /** A horizontal rule's y (from the top) and x extent, or a vertical rule's x and y extent. */
  at: number;
  from: number;
  to: number;
}

interface Page {
  number: number;
  height: number;
  items: Item[];
  horizontal: Rule[];
  vertical: Rule[];
}

/** A line of text in one cell or outside the table. */
interface Line {
  y: number;
  x: number;
  end: number;
  size: number;
  text: string;
}

/** A cell's text as lines, with the x its text may reach before it wraps. */
interface CellLines {
  lines: Line[];
  right: number;
}

const TOLERANCE = 2;

// ---------------------------------------------------------------------------------------------------
// Reading the PDF
// ---------------------------------------------------------------------------------------------------

async function readPages(bytes: Uint8Array): Promise<Page[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    // pdf.js takes ownership of the buffer it is given: give it a copy.
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new ImportError('the PDF is encrypted (it needs a password to open): ask for an unprotected copy, or save it again without a password');
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
    throw new ImportError(`cannot read the PDF, it may be damaged or cut short (${reason})`);
  }
  const pages: Page[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const height = page.getViewport({ scale: 1 }).height;
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const raw of content.items) {
      if (!('str' in raw) || raw.str.trim() === '') continue;
      const [a, b, , d, e, f] = raw.transform as number[];
      // Text turned on its side (a watermark, a rotated label) is no part of the table.
      if (Math.abs(b!) > 0.01) continue;
      items.push({ text: raw.str, x: e!, y: height - f!, width: raw.width, size: Math.abs(d!) || Math.abs(a!) || raw.height });
    }
    const { horizontal, vertical } = rules(await page.getOperatorList(), pdfjs.OPS, height);
    pages.push({ number: n, height, items, horizontal, vertical });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * The ruling lines of a page: every drawn path whose box is a thin horizontal or vertical bar
 * (stroked lines and the filled thin rectangles some exporters draw instead), in page space.
 */
function rules(list: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>, height: number) {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const box = args.at(-1) as ArrayLike<number> | null;
      if (!box || box.length < 4) return;
      const [x1, y1] = apply(ctm, box[0]!, box[1]!);
      const [x2, y2] = apply(ctm, box[2]!, box[3]!);
      const [left, right] = [Math.min(x1, x2), Math.max(x1, x2)];
      const [top, bottom] = [height - Math.max(y1, y2), height - Math.min(y1, y2)];
      if (bottom - top <= TOLERANCE && right - left > 4 * TOLERANCE) horizontal.push({ at: (top + bottom) / 2, from: left, to: right });
      else if (right - left <= TOLERANCE && bottom - top > 4 * TOLERANCE) vertical.push({ at: (left + right) / 2, from: top, to: bottom });
    }
  });
  return { horizontal, vertical };
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

// ---------------------------------------------------------------------------------------------------
// Lines and paragraphs
// ---------------------------------------------------------------------------------------------------

/** Items into lines: the same baseline, give or take a superscript, left to right. */
function toLines(items: Item[]): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Item[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    const base = group?.find((i) => i.size >= item.size) ?? group?.[0];
    if (group && base && Math.abs(item.y - base.y) < 0.45 * Math.max(base.size, item.size)) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const inOrder = group.sort((a, b) => a.x - b.x);
    // The line's baseline and size are its body text's, not a superscript's.
    const body = inOrder.reduce((a, b) => (b.size > a.size ? b : a));
    let text = '';
    let end = -Infinity;
    for (const item of inOrder) {
      const gap = item.x - end;
      if (text && gap > 0.15 * item.size && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
      text += item.text;
      end = Math.max(end, item.x + item.width);
    }
    return { y: body.y, x: inOrder[0]!.x, end, size: body.size, text: text.replace(/\s+/g, ' ').trim() };
  });
}

/** Whether the first word of `next` would have fitted at the end of `line`: then `line` ended by a break, not a wrap. */
function breaksBefore(line: Line, next: Line, right: number): boolean {
  const word = next.text.split(' ')[0]!;
  const wordWidth = (word.length / Math.max(1, next.text.length)) * (next.end - next.x);
  return right - line.end > wordWidth + 0.5 * line.size;
}

/** Joins a wrapped line to the next: a line ending in a hyphen keeps it and takes no space. */
const joinWrapped = (before: string, after: string) => (/[A-Za-z]-$/.test(before) ? before + after : `${before} ${after}`);

interface Paragraph {
  lines: string[];
  /** Its first and last lines as laid out, to tell whether a page break cut it. */
  first: Line;
  last: Line;
}

/** A cell's paragraphs, with the x its text may reach before it wraps. */
interface CellParagraphs {
  paragraphs: Paragraph[];
  right: number;
}

/**
 * A cell's lines as paragraphs, each a list of lines separated by line breaks. A new paragraph
 * starts where the gap between lines is clearly more than the line spacing, or where a line
 * begins with a bullet.
 */
function paragraphs({ lines, right }: CellLines): CellParagraphs {
  const out: Paragraph[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const current = out.at(-1);
    if (!previous || !current || line.y - previous.y > 1.45 * Math.max(previous.size, line.size) || /^[•▪◦●■]/.test(line.text)) {
      out.push({ lines: [line.text], first: line, last: line });
      return;
    }
    if (breaksBefore(previous, line, right)) current.lines.push(line.text);
    else current.lines[current.lines.length - 1] = joinWrapped(current.lines.at(-1)!, line.text);
    current.last = line;
  });
  return { paragraphs: out, right };
}

const toHtml = ({ paragraphs: paras }: CellParagraphs) => paras.map((p) => `<p>${p.lines.map(escapeHtml).join('<br>')}</p>`).join('');

// ---------------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------------

/** Values within TOLERANCE of each other, as one (their first). */
function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out.at(-1)! > TOLERANCE) out.push(v);
  return out;
}

interface PageTable {
  top: number;
  bottom: number;
  /** Column edges, left to right. */
  edges: number[];
  /** Each band's cells: lines per column. */
  bands: CellLines[][];
}

/**
 * The table on a page: the vertical rules that overlap the tallest one give its columns and its
 * height, and the horizontal rules within it its rows, column by column.
 */
function pageTable(page: Page): PageTable | undefined {
  if (page.vertical.length < 2) return undefined;
  const tallest = page.vertical.reduce((a, b) => (b.to - b.from > a.to - a.from ? b : a));
  const inTable = page.vertical.filter((r) => r.from < tallest.to - TOLERANCE && r.to > tallest.from + TOLERANCE);
  const top = Math.min(...inTable.map((r) => r.from));
  const bottom = Math.max(...inTable.map((r) => r.to));
  const edges = distinct(inTable.map((r) => r.at));
  if (edges.length < 2) return undefined;
  const columns = edges.length - 1;
  const horizontal = page.horizontal.filter((r) => r.at >= top - TOLERANCE && r.at <= bottom + TOLERANCE);
  const bandTops = distinct([top, ...horizontal.map((r) => r.at)]).filter((y) => y < bottom - TOLERANCE);
  // The rules that cross each column: a cell merged down has none across it.
  const crossing = Array.from({ length: columns }, (_, c) => {
    const middle = (edges[c]! + edges[c + 1]!) / 2;
    return distinct([top, ...horizontal.filter((r) => r.from <= middle && r.to >= middle).map((r) => r.at)]);
  });
  const items: Item[][][] = bandTops.map(() => Array.from({ length: columns }, () => []));
  for (const item of page.items) {
    const middle = item.y - item.size * 0.35;
    if (middle < top || middle > bottom) continue;
    const c = edges.findIndex((edge, k) => k < columns && item.x + 1 >= edge && item.x + 1 < edges[k + 1]!);
    if (c === -1) continue;
    const cellTop = crossing[c]!.filter((y) => y <= middle).at(-1) ?? top;
    const band = bandTops.findIndex((y) => Math.abs(y - cellTop) <= TOLERANCE);
    items[Math.max(0, band)]![c]!.push(item);
  }
  const padding = Math.max(
    1,
    Math.min(...page.items.filter((i) => i.y > top && i.y < bottom).map((i) => i.x - (edges.filter((e) => e <= i.x + 1).at(-1) ?? i.x)), 6),
  );
  const bands = items.map((band) => band.map((cellItems, c) => ({ lines: toLines(cellItems), right: edges[c + 1]! - padding })));
  return { top, bottom, edges, bands };
}

const isEmpty = (band: CellLines[]) => band.every((cell) => cell.lines.length === 0);
const bandTexts = (band: CellLines[]) => band.map((cell) => paragraphs(cell).paragraphs.map((p) => p.lines.join(' ')).join(' '));

/** A page number or "Page 2 of 11". */
const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** Text outside the table that repeats on other pages in the same margin: running headers and footers. */
function runningLines(pages: Page[], outside: Map<Page, Line[]>): Set<Line> {
  const key = (line: Line, page: Page) => `${line.y < page.height / 2 ? 'top' : 'bottom'}:${line.text.replace(/\d+/g, '#').toLowerCase()}`;
  const seen = new Map<string, number>();
  for (const page of pages) for (const k of new Set((outside.get(page) ?? []).map((l) => key(l, page)))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const running = new Set<Line>();
  for (const page of pages) {
    for (const line of outside.get(page) ?? []) {
      const inMargin = line.y < page.height * 0.15 || line.y > page.height * 0.85;
      if (inMargin && ((seen.get(key(line, page)) ?? 0) > 1 || PAGE_NUMBER.test(line.text))) running.add(line);
    }
  }
  return running;
}

/** Lines outside the table as cover paragraphs: a blank line between paragraphs. */
function coverLines(lines: Line[]): CoverLine[] {
  const out: CoverLine[] = [];
  const { paragraphs: paras } = paragraphs({ lines, right: Math.max(...lines.map((l) => l.end)) });
  // A line ended by a break is a line of its own (a title above a date line); a paragraph ends with a blank.
  for (const p of paras) out.push(...p.lines.map((line) => ({ text: normalise(line) })), { text: '' });
  return out;
}

export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  const pages = await readPages(bytes);
  if (pages.every((p) => p.items.length === 0)) {
    throw new ImportError('the PDF has no text layer (it is a scanned image), so there is nothing to read: ask for the original document, or copy the plan in by hand');
  }
  const tables = new Map(pages.map((p) => [p, pageTable(p)]));
  const outside = new Map(
    pages.map((p) => {
      const t = tables.get(p);
      return [p, toLines(p.items.filter((i) => !t || i.y - i.size * 0.35 < t.top || i.y - i.size * 0.35 > t.bottom))];
    }),
  );
  const running = runningLines(pages, outside);

  const cover: CoverLine[] = [];
  const rows: SourceRow[] = [];
  const notImported: SourceDocument['notImported'] = [];
  let columns: Columns | undefined;
  let headerKey = '';
  let firstRow: string[] | undefined;
  /** The last row read and its cells' paragraphs, to join a row cut by a page break. */
  let last: { row: SourceRow; cells: CellParagraphs[] } | undefined;

  for (const page of pages) {
    const table = tables.get(page);
    const text = (outside.get(page) ?? []).filter((l) => !running.has(l));
    const before = text.filter((l) => !table || l.y < table.top);
    const after = text.filter((l) => table && l.y > table.bottom);
    if (!columns) cover.push(...coverLines(before));
    else for (const p of coverLines(before)) if (p.text) notImported.push({ where: `page ${page.number}`, text: p.text });
    if (table) {
      table.bands.forEach((band, b) => {
        if (isEmpty(band)) return;
        const texts = bandTexts(band);
        firstRow ??= texts;
        if (!columns) {
          const matched = band.length >= 2 ? matchHeader(texts.map(escapeHtml)) : undefined;
          if (matched) {
            columns = matched;
            headerKey = texts.map(normalise).join('|');
          } else cover.push({ text: texts.map(normalise).filter(Boolean).join(' | '), table: true });
          return;
        }
        // The header row again, as Word repeats it on every page.
        if (texts.map(normalise).join('|') === headerKey) return;
        const cells = band.map(paragraphs);
        const where = `page ${page.number}, table row ${b + 1}`;
        const firstOnPage = rows.length > 0 && last !== undefined && !table.bands.slice(0, b).some((x) => !isEmpty(x) && bandTexts(x).map(normalise).join('|') !== headerKey);
        if (firstOnPage && last && continuesRow(cells)) {
          joinRow(last, cells, columns);
          return;
        }
        const row = fit(cells, columns.count, where);
        rows.push(row);
        last = { row, cells };
      });
    }
    if (columns || table) for (const p of coverLines(after)) if (p.text) notImported.push({ where: `page ${page.number}, after the table`, text: p.text });
  }

  if (!columns) {
    if (firstRow) throw new ImportError(wrongColumns(firstRow.map(escapeHtml)));
    throw new ImportError(`no action plan table found in the PDF: no table with ruling lines holds the column headings; expected ${EXPECTED_COLUMNS}`);
  }
  if (rows.length === 0) throw new ImportError('the action plan table has its column headings but no rows');
  return { cover, columns, rows, notImported };
}

/**
 * A page's first row continues the row before the break when its first column (the number, or the
 * recommendation) is empty and it is not a section heading: one line in one column, starting with
 * a capital and ending with no punctuation ("Key concerns", "Safety").
 */
function continuesRow(cells: CellParagraphs[]): boolean {
  if (cells[0]!.paragraphs.length > 0) return false;
  const filled = cells.filter((c) => c.paragraphs.length > 0);
  const [only] = filled.length === 1 && filled[0]!.paragraphs.length === 1 ? filled[0]!.paragraphs[0]!.lines : [];
  return !(only !== undefined && filled[0]!.paragraphs[0]!.lines.length === 1 && /^[A-Z]/.test(only) && !/[.,;:]$/.test(only));
}

/**
 * Adds a page's first row to the row it continues. In the text columns, the paragraph the break cut
 * goes on when the first word after the break would not have fitted on the line before it (the line
 * had wrapped) and that line does not end a sentence. Owners and targets are short items, each
 * usually one line, so one goes on only where its text plainly does: a trailing comma or hyphen,
 * or a wrapped line followed by a lower-case word or a number ("September" / "2024").
 */
function joinRow(last: { row: SourceRow; cells: CellParagraphs[] }, cells: CellParagraphs[], columns: Columns) {
  const items = new Set([columns.index.owner, columns.index.target]);
  for (let c = 0; c < columns.count; c++) {
    const into = (last.cells[c] ??= { paragraphs: [], right: cells[c]?.right ?? 0 });
    const more = cells[c]?.paragraphs ?? [];
    const open = into.paragraphs.at(-1);
    const [first, ...rest] = more;
    const before = open?.lines.at(-1) ?? '';
    const goesOn =
      open !== undefined &&
      first !== undefined &&
      (items.has(c)
        ? /[,&/-]$|\band$/.test(before) || (/^[a-z0-9(]/.test(first.lines[0]!) && !breaksBefore(open.last, first.first, into.right))
        : !/[.!?:;]["'’”)\]]*$/.test(before) && !breaksBefore(open.last, first.first, into.right));
    if (goesOn) {
      open.lines[open.lines.length - 1] = joinWrapped(before, first.lines[0]!);
      open.lines.push(...first.lines.slice(1));
      open.last = first.last;
      into.paragraphs.push(...rest);
    } else into.paragraphs.push(...more);
    last.row.cells[c] = toHtml(into);
  }
}

function fit(cells: CellParagraphs[], count: number, where: string): SourceRow {
  const html = cells.map(toHtml);
  if (html.length === count) return { cells: html, where };
  if (html.length < count) return { cells: [...html, ...Array<string>(count - html.length).fill('')], where, problem: `this row (${where}) has only ${html.length} of the table's ${count} columns: check it against the source` };
  return { cells: html.slice(0, count), where, problem: `this row (${where}) has ${html.length} cells for ${count} columns: the cells after column ${count} were not imported` };
}
