/**
 * What both readers (the text layout and Word) make of a published plan: the lines before the
 * table, the table's columns, and its rows as HTML cells. Everything after this point is the same
 * for both, so a plan reads the same whichever form it came in.
 */
import { cellText } from './cells.ts';

export type Role = 'number' | 'concern' | 'recommendation' | 'decision' | 'response' | 'owner' | 'target';

export interface Columns {
  format: 'concerns' | 'recommendations';
  /** The column of each role; a role the table does not have is absent. */
  index: Partial<Record<Role, number>>;
  count: number;
}

/** A line of the document before the table; '' marks a paragraph break. */
export interface CoverLine {
  text: string;
  /** True for a row of a table that is not the action plan (older plans explain their terms in one). */
  table?: boolean;
}

export interface SourceRow {
  /** One HTML fragment per column, '' for an empty cell. */
  cells: string[];
  /** Where the row is in the source, for messages: "line 34", "table row 5". */
  where: string;
  /** Set where the row itself looks damaged (too few or too many cells). */
  problem?: string;
}

export interface SourceDocument {
  cover: CoverLine[];
  columns: Columns;
  rows: SourceRow[];
  /** Text found among or after the rows that belongs to no cell, so it was not imported. */
  notImported: { where: string; text: string }[];
}

export const EXPECTED_COLUMNS =
  '"Rec No | Concerns | Response Action Taken/Planned | Responsible Owner | Target Date" (2022 onwards) or ' +
  '"Recommendation | Agreed/Partly Agreed/Not Agreed | Response Action Taken/Planned | Responsible Owner | Target Date" (older plans)';

/** Column headings as plans word them, numbered or not ("1. Rec No"). Order matters: the first match wins. */
const ROLE_PATTERNS: [Role, RegExp][] = [
  ['decision', /agreed/],
  ['number', /^(?:rec(?:ommendation)?\.?\s*(?:no|number|ref(?:erence)?)\.?|no\.?|number|ref\.?|#)$/],
  ['concern', /^(?:(?:priority|key)\s+(?:and|&)\s+(?:key|priority)\s+)?concerns?$/],
  ['recommendation', /^recommendations?$/],
  ['owner', /owner|responsib/],
  ['target', /target|timescale|deadline|date/],
  ['response', /response|action/],
];

function roleOf(heading: string): Role | undefined {
  const h = heading
    .toLowerCase()
    .replace(/^\d+\s*[.)]\s*/, '')
    .trim();
  return ROLE_PATTERNS.find(([, pattern]) => pattern.test(h))?.[0];
}

/** The columns of a header row, or undefined when it is not an action plan's header. */
export function matchHeader(cells: string[]): Columns | undefined {
  const index: Partial<Record<Role, number>> = {};
  for (const [i, cell] of cells.entries()) {
    const role = roleOf(cellText(cell));
    if (!role || index[role] !== undefined) return undefined;
    index[role] = i;
  }
  const has = (...roles: Role[]) => roles.every((r) => index[r] !== undefined);
  if (has('number', 'concern', 'response', 'owner', 'target') && index.recommendation === undefined && index.decision === undefined) {
    return { format: 'concerns', index, count: cells.length };
  }
  if (has('recommendation', 'response', 'owner', 'target') && index.concern === undefined) {
    return { format: 'recommendations', index, count: cells.length };
  }
  return undefined;
}

export function describeRow(cells: string[]): string {
  const text = cells.map((c) => cellText(c)).join(' | ');
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
