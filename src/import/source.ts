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

/**
 * Column headings as plans word them, numbered or not ("1. Rec No"): "Concern number", "Concern
 * No.", "Rec No", "Recommendation", "Action", "Owner", "Responsible owner", "Lead", "Target date",
 * "Timescale", "By when". Order matters: the first match wins.
 */
const ROLE_PATTERNS: [Role, RegExp][] = [
  ['decision', /agreed/],
  ['number', /^(?:(?:rec(?:ommendation)?|concerns?)\.?\s*(?:no|number|ref(?:erence)?)\.?|no\.?|number|ref\.?|#)$/],
  ['concern', /^(?:(?:priority|key)\s+(?:and|&)\s+(?:key|priority)\s+)?(?:concerns?|issues?(?:\s+identified)?)$/],
  ['recommendation', /^recommendations?$/],
  ['owner', /owner|responsib|^lead\b|by whom/],
  ['target', /target|timescale|deadline|date|by when|due\b/],
  ['response', /response|action/],
];

const headingText = (cell: string) =>
  cellText(cell)
    .toLowerCase()
    .replace(/^\d+\s*[.)]\s*/, '')
    .trim();

function roleOf(heading: string): Role | undefined {
  return ROLE_PATTERNS.find(([, pattern]) => pattern.test(heading))?.[0];
}

/** The columns of a header row, or undefined when it is not an action plan's header. */
export function matchHeader(cells: string[]): Columns | undefined {
  const index: Partial<Record<Role, number>> = {};
  for (const [i, cell] of cells.entries()) {
    const role = roleOf(headingText(cell));
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

const ROLE_NAMES: Record<Role, string> = {
  number: 'the number ("Rec No", "Concern number")',
  concern: 'the concern ("Concerns")',
  recommendation: 'the recommendation ("Recommendation")',
  decision: 'the decision ("Agreed/Partly Agreed/Not Agreed")',
  response: 'the actions ("Response Action Taken/Planned", "Action")',
  owner: 'the owner ("Responsible Owner", "Owner")',
  target: 'the target date ("Target Date", "Timescale")',
};

/** What is wrong with a header row that matchHeader refuses: the column it does not recognise, or the one it lacks. */
export function headerProblem(cells: string[]): string {
  const seen = new Map<Role, number>();
  for (const [i, cell] of cells.entries()) {
    const heading = cellText(cell);
    const role = roleOf(headingText(cell));
    if (!role) return `column ${i + 1}, "${heading}", is not a heading the importer recognises`;
    if (seen.has(role)) return `columns ${seen.get(role)! + 1} and ${i + 1} both read as ${ROLE_NAMES[role]}`;
    seen.set(role, i);
  }
  const recommendations = seen.has('recommendation') || seen.has('decision');
  const needed: Role[] = recommendations ? ['recommendation', 'response', 'owner', 'target'] : ['number', 'concern', 'response', 'owner', 'target'];
  const missing = needed.filter((r) => !seen.has(r));
  if (missing.length) return `no column is for ${missing.map((r) => ROLE_NAMES[r]).join(' or ')}`;
  return 'the columns mix the two formats (a concern and a recommendation)';
}

/** The one-line error for a table whose header row is not an action plan's, naming the column at fault. */
export function wrongColumns(cells: string[]): string {
  return `the table's columns are not those of an action plan: found "${describeRow(cells)}"; ${headerProblem(cells)}; expected ${EXPECTED_COLUMNS}`;
}

export function describeRow(cells: string[]): string {
  const text = cells.map((c) => cellText(c)).join(' | ');
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
