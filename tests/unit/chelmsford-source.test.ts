/**
 * Proves that content/plans/chelmsford/chelmsford-2024.md is a complete and exact transcription of the
 * published action plan it came from (shared/seeds/000_4ab5264efd964624.txt).
 *
 * The expected values are not written into this test: the source table is parsed here, at run time, and
 * every concern, action, owner and target date in it is compared with the content file. See
 * shared/seeds/README.md for how the source is laid out.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';

const SOURCE_FILE = path.resolve(import.meta.dirname, '../../../shared/seeds/000_4ab5264efd964624.txt');
const CONTENT_FILE = path.resolve(import.meta.dirname, '../../content/plans/chelmsford/chelmsford-2024.md');

// ---------------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------------

/** Collapses every run of white space to one space, so line wrapping and page layout do not matter. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A <ul> item's bullet ("•") in the source, which writes list items inline. */
const BULLET = /•/g;
/**
 * An <ol> item's number in the source: one or two digits, a full stop and a space, after a space, as in
 * "priorities: 1. Clarify". (Years such as "2024." have four digits and are left alone.)
 */
const LIST_NUMBER = /(^|\s)\d{1,2}\.\s/g;

/** Removes HTML tags, the bullets ("•") of <ul> items and the numbers ("1. ") of <ol> items. */
function plainText(html: string): string {
  return normalise(html.replace(/<[^>]*>/g, ' ').replace(BULLET, ' ').replace(LIST_NUMBER, ' '));
}

/** How many list items (bullets or numbers) a source cell holds. */
function sourceListItems(html: string): number {
  const text = html.replace(/<[^>]*>/g, ' ');
  return (text.match(BULLET) ?? []).length + (text.match(LIST_NUMBER) ?? []).length;
}

/** How many Markdown list items ("- ", "1. " at the start of a line) a text holds. */
function markdownListItems(markdown: string): number {
  return (markdown.match(/^\s*(?:-|\d+\.)\s+/gm) ?? []).length;
}

/**
 * Joins two pieces of text that a page break separated. A word broken at its hyphen ("day-to-" /
 * "day support") is joined without a space; anything else is joined with one.
 */
function joinAcrossBreak(before: string, after: string): string {
  if (before === '') return after;
  if (after === '') return before;
  return before.endsWith('-') ? before + after : `${before} ${after}`;
}

/** The items of a cell marked up as <p> paragraphs, or null if the cell has no <p> markup. */
function paragraphs(cell: string): string[] | null {
  const items = [...cell.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => normalise(m[1] ?? ''));
  return items.length > 0 ? items : null;
}

/** Splits text into sentences (after ".", "!", "?" or ":" followed by a space). */
function sentences(text: string): string[] {
  return normalise(text)
    .split(/(?<=[.!?:])\s+/)
    .filter((s) => s !== '');
}

/** Text of a Markdown action with its list markers ("- ", "1. ") removed, as one normalised line. */
function withoutListMarkers(markdown: string): string {
  return normalise(markdown.replace(/^\s*(?:-|\d+\.)\s+/gm, ''));
}

// ---------------------------------------------------------------------------------------------------
// The source table
// ---------------------------------------------------------------------------------------------------

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** A target date as the source writes them when a cell has no <p> markup, e.g. "September 2024 October 2024". */
const TARGET_DATE = new RegExp(`Completed|(?:${MONTHS}) \\d{4}(?: \\(For bid process\\))?`, 'g');

interface SourceConcern {
  number: number;
  category: 'priority' | 'key';
  /** The concern text, with the pieces cut by page breaks joined. */
  text: string;
  /** Column 3 ("Response Action Taken/Planned") as one plain-text string, pieces joined. */
  actionsText: string;
  /** How many bullet or numbered list items column 3 holds. */
  listItems: number;
  owners: string[];
  targets: string[];
}

/** The owners in one cell: <p> items, a run of one repeated name ("Governor Governor"), or the whole cell. */
function ownersIn(cell: string): string[] {
  const items = paragraphs(cell);
  if (items) return items;
  const text = normalise(cell);
  if (text === '') return [];
  const repeated = /^(\S+)(?:\s+\1)+$/.exec(text);
  return repeated ? text.split(' ') : [text];
}

/** The target dates in one cell: <p> items, or every date the cell's text contains. */
function targetsIn(cell: string): string[] {
  return paragraphs(cell) ?? [...normalise(cell).matchAll(TARGET_DATE)].map((m) => m[0]);
}

/**
 * Reads the table: one row per line, columns separated by tabs. Some rows lack the leading "Rec No"
 * cell, so cells are counted from the right (the last is always the target date). A row with no Rec No
 * continues the concern above it (a page break split it); a row with only column 2 filled in is a
 * section heading ("Priority concerns", "Key Concerns").
 */
function parseSource(source: string): SourceConcern[] {
  const lines = source.split('\n');
  const header = lines.findIndex((line) => line.startsWith('1. Rec No\t'));
  expect(header, 'the source table header row').toBeGreaterThan(-1);

  const concerns: SourceConcern[] = [];
  let category: SourceConcern['category'] | undefined;
  for (const line of lines.slice(header + 1)) {
    if (!line.includes('\t')) continue; // blank lines left by page breaks
    const cells = line.split('\t');
    const fromRight = (n: number) => cells[cells.length - n] ?? '';
    const [rec, concernCell, actionCell, ownerCell, targetCell] = [5, 4, 3, 2, 1].map((n) =>
      n <= cells.length ? fromRight(n) : '',
    ) as [string, string, string, string, string];

    const heading = plainText(concernCell);
    if (rec.trim() === '' && actionCell.trim() === '' && ownerCell.trim() === '' && /concerns$/i.test(heading)) {
      category = /^priority/i.test(heading) ? 'priority' : 'key';
      continue;
    }

    if (/^\d+$/.test(rec.trim())) {
      expect(category, `a section heading before concern ${rec}`).toBeDefined();
      concerns.push({ number: Number(rec), category: category!, text: '', actionsText: '', listItems: 0, owners: [], targets: [] });
    }
    const current = concerns.at(-1);
    expect(current, `a concern for the row "${line.slice(0, 60)}"`).toBeDefined();
    current!.text = joinAcrossBreak(current!.text, plainText(concernCell));
    current!.actionsText = joinAcrossBreak(current!.actionsText, plainText(actionCell));
    current!.listItems += sourceListItems(actionCell);
    current!.owners.push(...ownersIn(ownerCell));
    current!.targets.push(...targetsIn(targetCell));
  }
  return concerns;
}

// ---------------------------------------------------------------------------------------------------
// The content file
// ---------------------------------------------------------------------------------------------------

interface ContentAction {
  text: string;
  owner: string | null;
  target: string | null;
}
interface ContentConcern {
  number: number;
  category: string;
  text: string;
  actions: ContentAction[];
}

const sourceText = fs.readFileSync(SOURCE_FILE, 'utf8');
const source = parseSource(sourceText);
const content = matter(fs.readFileSync(CONTENT_FILE, 'utf8'), {
  engines: { yaml: (s: string) => YAML.parse(s) as object },
});
const contentConcerns = content.data.concerns as ContentConcern[];

// ---------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------

describe('Chelmsford 2024 action plan transcription', () => {
  it('has all 15 concerns of the source, in order', () => {
    expect(source).toHaveLength(15);
    expect(contentConcerns.map((c) => c.number)).toEqual(source.map((c) => c.number));
  });

  it('publishes the source introduction word for word as the body', () => {
    const intro = /^INTRODUCTION\n+(.+)$/m.exec(sourceText)?.[1];
    expect(intro).toBeDefined();
    expect(normalise(content.content)).toBe(normalise(intro!));
  });

  it('writes the dates as the source does', () => {
    const data = content.data as {
      inspection: { asWritten: string };
      reportPublished: { asWritten: string };
      planSubmitted: { asWritten: string };
    };
    expect(sourceText).toContain(`Inspection: ${data.inspection.asWritten}`);
    expect(sourceText).toContain(`Report Published: ${data.reportPublished.asWritten}`);
    expect(sourceText).toContain(`Action Plan Submitted: ${data.planSubmitted.asWritten}`);
  });

  describe.each(source.map((c) => [c.number, c] as const))('concern %i', (number, expected) => {
    const concern = () => {
      const found = contentConcerns.find((c) => c.number === number);
      expect(found, `concern ${number} in the content file`).toBeDefined();
      return found!;
    };

    it('has the category of its section in the source', () => {
      expect(concern().category).toBe(expected.category);
    });

    it('has the concern text word for word, with page-break pieces joined', () => {
      expect(normalise(concern().text)).toBe(expected.text);
    });

    it('has one action per target date in the source', () => {
      expect(concern().actions).toHaveLength(expected.targets.length);
    });

    it('has every sentence of the source actions, in order, and nothing else', () => {
      // Lists are Markdown in the content and inline bullets/numbers in the source: compare without them.
      const actions = concern().actions.map((a) => withoutListMarkers(a.text)).join(' ');
      let from = 0;
      for (const sentence of sentences(expected.actionsText)) {
        const at = actions.indexOf(sentence, from);
        expect(at, `"${sentence}" (in order, after character ${from})`).toBeGreaterThanOrEqual(0);
        from = at + sentence.length;
      }
      expect(actions).toBe(expected.actionsText);
    });

    it('keeps the source\'s list items as Markdown list items', () => {
      const items = concern().actions.reduce((sum, a) => sum + markdownListItems(a.text), 0);
      expect(items).toBe(expected.listItems);
    });

    it('has the target dates of the source, in order', () => {
      expect(concern().actions.map((a) => a.target)).toEqual(expected.targets);
    });

    it('has the owners of the source, in order, and null where the source names none', () => {
      // Owners pair with actions by position, so an action beyond the last owner the source lists has none.
      const actionCount = concern().actions.length;
      expect(expected.owners.length).toBeLessThanOrEqual(actionCount);
      const padded = [...expected.owners, ...Array<null>(actionCount - expected.owners.length).fill(null)];
      expect(concern().actions.map((a) => a.owner)).toEqual(padded);
    });
  });
});
