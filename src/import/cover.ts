/**
 * The cover of a published plan: its title (which names the establishment), when the plan was
 * submitted, the inspection it answers and when the report was published, then the introduction.
 * HMPPS covers write these as labelled lines, with or without a colon:
 *
 *   Action Plan: HMP Chelmsford
 *   Action Plan Submitted: 11th June 2024            Action Plan Submitted 22/05/2019
 *   A Response to the HMIP Inspection: 22nd January – 8th February 2024
 *   Report Published: 8th May 2024
 *   INTRODUCTION
 *   ...
 *
 * A line that is none of these and no known heading is reported, never dropped silently: it may be
 * a plan-level note (older plans warn of delays on the cover) that belongs in the draft.
 */
import { parseCoverDate, parseInspectionDates, type Bound, type InspectionDates, type SingleDate } from './dates.ts';
import type { Flag } from './errors.ts';
import type { CoverLine } from './source.ts';

export interface Cover {
  /** The title as written, e.g. "Action Plan: HMP Chelmsford". */
  title?: string;
  /** The establishment as the title names it, e.g. "HMP Chelmsford". */
  establishmentName?: string;
  inspection?: InspectionDates;
  reportPublished?: SingleDate;
  planSubmitted?: SingleDate;
  /** The introduction's paragraphs, word for word. */
  introduction: string[];
  flags: Flag[];
}

const TITLE = /^action plan\s*[:–-]\s*(.+)$/i;
/** "ACTION PLAN: HMCIP REPORT": the heading over the table, not the title. */
const TABLE_HEADING = /^action plan\s*:\s*(?:hm\s*c?ip|hmi\s*prisons)\s+report$/i;
const ESTABLISHMENT = /^establishment\s*:\s*(.+)$/i;
const SUBMITTED = /^(?:action plan\s+)?(?:submitted|date submitted|date of submission)\b\s*[:–-]?\s*(.*)$/i;
const INSPECTION = [
  /^(?:a\s+)?response to (?:the\s+)?(?:hmip|hmi prisons|hmcip|hm inspectorate of prisons)?\s*inspection\b(?:\s+report\b)?\s*(?:of|on)?\s*[:–-]?\s*(.*)$/i,
  /^(?:dates?\s+of\s+(?:the\s+)?inspection|inspection\s+dates?)\b\s*[:–-]?\s*(.*)$/i,
  // Plain "Inspection" only with a colon: an introduction's sentence can start with the word.
  /^inspection\s*:\s*(.*)$/i,
];
const PUBLISHED = /^(?:(?:hmip\s+|inspection\s+)?report\s+)?(?:published|publication date|date of publication|date published)\b\s*[:–-]?\s*(.*)$/i;
const INTRODUCTION = /^introduction\s*:?$/i;
/** The publisher's logo as it comes out in text, and protective markings: nothing to import. */
const LOGO = /^(?:hm prison\s*(?:&|and)?|probation service|hm prison\s*(?:&|and)\s*probation service|(?:her|his) majesty['’]s prison and probation service|ministry of justice|official(?:[-\s]sensitive)?)$/i;

type Field = 'planSubmitted' | 'inspection' | 'reportPublished';

function labelled(line: string): { field: Field; value: string } | undefined {
  if (TABLE_HEADING.test(line)) return undefined;
  const submitted = SUBMITTED.exec(line);
  if (submitted) return { field: 'planSubmitted', value: submitted[1]! };
  for (const pattern of INSPECTION) {
    const m = pattern.exec(line);
    if (m) return { field: 'inspection', value: m[1]! };
  }
  const published = PUBLISHED.exec(line);
  if (published) return { field: 'reportPublished', value: published[1]! };
  return undefined;
}

/** A heading in capitals ("ACTION PLAN: HMCIP REPORT"): the introduction ends at one. */
const isCapitalHeading = (line: string) => line.length <= 80 && /[A-Z]{2}/.test(line) && line === line.toUpperCase();

const shorten = (text: string) => (text.length > 100 ? `${text.slice(0, 97)}...` : text);

export function readCover(lines: CoverLine[]): Cover {
  const cover: Cover = { introduction: [], flags: [] };
  const values: Partial<Record<Field, string>> = {};
  let establishmentLine: string | undefined;
  const notImported: string[] = [];
  let tableRows = 0;
  let inIntroduction = false;
  let sawIntroduction = false;
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) cover.introduction.push(paragraph.join(' '));
    paragraph = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const { text, table } = lines[i]!;
    if (inIntroduction) {
      const ends = table || TABLE_HEADING.test(text) || ESTABLISHMENT.test(text) || labelled(text) !== undefined || isCapitalHeading(text);
      if (!ends) {
        if (text === '') endParagraph();
        else paragraph.push(text);
        continue;
      }
      endParagraph();
      inIntroduction = false;
    }
    if (text === '') continue;
    if (table) {
      if (tableRows++ === 0) notImported.push(`a table before the action plan (first row "${shorten(text)}")`);
      continue;
    }
    if (INTRODUCTION.test(text)) {
      inIntroduction = sawIntroduction = true;
      continue;
    }
    if (TABLE_HEADING.test(text) || LOGO.test(text)) continue;
    const establishment = ESTABLISHMENT.exec(text);
    if (establishment) {
      establishmentLine = establishment[1]!.trim();
      continue;
    }
    const field = labelled(text);
    if (field) {
      let value = field.value.trim();
      // A label on a line of its own, its value in the next paragraph (as Word covers often are).
      const next = lines.slice(i + 1).find((l) => l.text !== '');
      if (!value && next && !next.table && /\d/.test(next.text) && !labelled(next.text) && !TITLE.test(next.text)) {
        value = next.text;
        i = lines.indexOf(next);
      }
      if (values[field.field] === undefined) values[field.field] = value;
      else notImported.push(text);
      continue;
    }
    const title = TITLE.exec(text);
    if (title && cover.title === undefined) {
      cover.title = text;
      cover.establishmentName = title[1]!.trim();
      continue;
    }
    notImported.push(text);
  }
  endParagraph();

  if (cover.title === undefined) {
    cover.flags.push({ path: ['title'], message: 'the cover has no title line such as "Action Plan: HMP Chelmsford": write the title as the document gives it' });
    if (establishmentLine) cover.establishmentName = establishmentLine;
  } else if (establishmentLine && establishmentLine.toLowerCase() !== cover.establishmentName!.toLowerCase()) {
    cover.flags.push({ path: ['establishment'], message: `the title names "${cover.establishmentName}" but the ESTABLISHMENT line says "${establishmentLine}": check which establishment this plan is for` });
  }
  if (!sawIntroduction) {
    cover.flags.push({ path: [], message: 'no INTRODUCTION heading was found, so the body (the introduction) is empty: add the document\'s introduction below the frontmatter if it has one' });
  }
  for (const line of notImported) {
    cover.flags.push({ path: [], message: `not imported from the cover: "${shorten(line)}": add it where it belongs (a plan-level note goes in notes), or ignore it` });
  }
  readDates(cover, values);
  return cover;
}

const LABELS: Record<Field, string> = {
  planSubmitted: '"Action Plan Submitted"',
  inspection: '"A Response to the HMIP Inspection"',
  reportPublished: '"Report Published"',
};

/**
 * Each date is read on its own first; a date written without a year is then read again with the
 * other dates as bounds: the inspection comes before the report and the plan, which come after it.
 */
function readDates(cover: Cover, values: Partial<Record<Field, string>>) {
  const read = () => {
    const published = cover.reportPublished?.ok ? cover.reportPublished.date : undefined;
    const submitted = cover.planSubmitted?.ok ? cover.planSubmitted.date : undefined;
    const after: Bound | undefined =
      published && (!submitted || published <= submitted)
        ? { date: published, what: "the report's publication" }
        : submitted
          ? { date: submitted, what: "the plan's submission" }
          : undefined;
    if (values.inspection) cover.inspection = parseInspectionDates(values.inspection, after ? { notAfter: after } : {});
    const end = cover.inspection?.ok ? cover.inspection.periods.at(-1)!.end : undefined;
    const before: Bound | undefined = end ? { date: end, what: 'the end of the inspection' } : undefined;
    if (values.reportPublished) cover.reportPublished = parseCoverDate(values.reportPublished, before ? { notBefore: before } : {});
    if (values.planSubmitted) cover.planSubmitted = parseCoverDate(values.planSubmitted, before ? { notBefore: before } : {});
  };
  read();
  // Another pass lets a year found in one pass bound a date that had none (a report's year can give
  // the inspection its year, and the inspection then the plan's).
  for (let pass = 0; pass < 2 && [cover.inspection, cover.reportPublished, cover.planSubmitted].some((d) => d && !d.ok && d.yearMissing); pass++) read();

  for (const field of ['inspection', 'reportPublished', 'planSubmitted'] as const) {
    const value = cover[field];
    if (!value) {
      cover.flags.push({ path: [field], message: `the cover gives no ${field === 'inspection' ? 'inspection dates' : 'date'} after ${LABELS[field]}: fill it in from the source or the inspection report` });
    } else if (!value.ok) {
      cover.flags.push({ path: [field], message: `${value.problem}: write the ISO date${field === 'inspection' ? 's' : ''} (YYYY-MM-DD) by hand` });
    } else if (value.doubt) {
      cover.flags.push({ path: [field], message: value.doubt });
    }
  }
}
