/**
 * Reads the published HMP Chelmsford action plan (tests/fixtures/source/chelmsford-2024.txt) at run time,
 * so tests compare the content file and the built site with the source itself rather than with values
 * copied into a test. See tests/fixtures/source/README.md for how the source is laid out.
 *
 * The parser throws an Error saying what is wrong with the source when the source is not laid out as
 * expected: a test then fails on the source, not on a confusing comparison.
 */
import path from 'node:path';
import { MONTHS } from '../../src/lib/dates.ts';
import { fragmentTags, htmlWords } from './html.ts';

/** The source plan: the text of the published action plan table. */
export const SOURCE_FILE = path.resolve(import.meta.dirname, '../fixtures/source/chelmsford-2024.txt');

// ---------------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------------

/** Collapses every run of white space to one space, so line wrapping and page layout do not matter. */
export function normalise(text: string): string {
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
  return normalise(htmlWords(html).replace(BULLET, ' ').replace(LIST_NUMBER, ' '));
}

/** How many list items (bullets or numbers) a source cell holds. */
function sourceListItems(html: string): number {
  const text = htmlWords(html);
  return (text.match(BULLET) ?? []).length + (text.match(LIST_NUMBER) ?? []).length;
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
  const items = fragmentTags(cell)
    .filter((tag) => tag.name === 'p')
    .map((tag) => normalise(tag.text));
  return items.length > 0 ? items : null;
}

/** Splits text into sentences (after ".", "!", "?" or ":" followed by a space). */
export function sentences(text: string): string[] {
  return normalise(text)
    .split(/(?<=[.!?:])\s+/)
    .filter((s) => s !== '');
}

/** Text of a Markdown action with its list markers ("- ", "1. ") removed, as one normalised line. */
export function withoutListMarkers(markdown: string): string {
  return normalise(markdown.replace(/^\s*(?:-|\d+\.)\s+/gm, ''));
}

// ---------------------------------------------------------------------------------------------------
// The source table
// ---------------------------------------------------------------------------------------------------

/** A target date as the source writes them when a cell has no <p> markup, e.g. "September 2024 October 2024". */
const TARGET_DATE = new RegExp(`Completed|(?:${MONTHS.join('|')}) \\d{4}(?: \\(For bid process\\))?`, 'g');

export interface SourceConcern {
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
 *
 * Throws an Error when the source is not laid out that way.
 */
export function parseSource(source: string): SourceConcern[] {
  const lines = source.split('\n');
  const header = lines.findIndex((line) => line.startsWith('1. Rec No\t'));
  if (header === -1) {
    throw new Error('The source has no table header row: no line starts with "1. Rec No" followed by a tab.');
  }

  const concerns: SourceConcern[] = [];
  let category: SourceConcern['category'] | undefined;
  for (const [index, line] of lines.entries()) {
    if (index <= header) continue;
    if (!line.includes('\t')) continue; // blank lines left by page breaks
    const cells = line.split('\t');
    const fromRight = (n: number) => cells[cells.length - n] ?? '';
    const [rec, concernCell, actionCell, ownerCell, targetCell] = [5, 4, 3, 2, 1].map((n) =>
      n <= cells.length ? fromRight(n) : '',
    ) as [string, string, string, string, string];
    const where = `line ${index + 1} of the source ("${line.slice(0, 60)}")`;

    const heading = plainText(concernCell);
    if (rec.trim() === '' && actionCell.trim() === '' && ownerCell.trim() === '' && /concerns$/i.test(heading)) {
      category = /^priority/i.test(heading) ? 'priority' : 'key';
      continue;
    }

    if (/^\d+$/.test(rec.trim())) {
      if (category === undefined) {
        throw new Error(`Concern ${rec.trim()} at ${where} comes before any section heading ("Priority concerns" or "Key concerns").`);
      }
      concerns.push({ number: Number(rec), category, text: '', actionsText: '', listItems: 0, owners: [], targets: [] });
    }
    const current = concerns.at(-1);
    if (current === undefined) {
      throw new Error(`The row at ${where} has no Rec No and no concern above it to continue.`);
    }
    current.text = joinAcrossBreak(current.text, plainText(concernCell));
    current.actionsText = joinAcrossBreak(current.actionsText, plainText(actionCell));
    current.listItems += sourceListItems(actionCell);
    current.owners.push(...ownersIn(ownerCell));
    current.targets.push(...targetsIn(targetCell));
  }
  return concerns;
}
