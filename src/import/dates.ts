/**
 * Reads the cover dates of a published plan, in the ways HMPPS plans actually write them:
 *
 *   "22nd January – 8th February 2024"      one period, ordinals, the year written once at the end
 *   "23 April – 3 May 2019"                 one period
 *   "24-25th February; 2-6th March 2020"    two periods
 *   "17, 18 December & 7-11 January 2019"   two periods; December is 2018, the year before the January
 *   "05 November 2019", "22/05/2019"        single dates (numeric dates are day/month/year, UK style)
 *
 * Pure functions: the text as written always comes back exactly (only runs of white space are made
 * single), with ISO dates beside it. Where the text leaves the year out and no other part of it gives
 * the year, the caller can pass another cover date to infer it from; an inference that stretches
 * further than plans ever do comes back with a `doubt` for the editor, and text that cannot be read
 * comes back with a `problem`, never a guessed date.
 */
import { isRealDate, MONTHS } from '../lib/dates.ts';

export interface Period {
  start: string;
  end: string;
}

/** Another date on the cover that bounds this one, and what it is (for messages). */
export interface Bound {
  date: string;
  what: string;
}

export interface DateContext {
  /** This date (or the last day of these dates) cannot be after this one: the inspection comes before its report. */
  notAfter?: Bound;
  /** This date cannot be before this one: a report is published, and a plan submitted, after the inspection. */
  notBefore?: Bound;
}

interface Readable {
  asWritten: string;
  /** Set where the year was not written and was taken from another cover date. */
  yearFrom?: string;
  /** Set where a date was produced but the editor should check it (the year was inferred from a distant date). */
  doubt?: string;
}
interface Unreadable {
  ok: false;
  asWritten: string;
  problem: string;
  /** True where the only thing missing is the year, so another cover date could supply it. */
  yearMissing: boolean;
}

export type SingleDate = (Readable & { ok: true; date: string }) | Unreadable;
export type InspectionDates = (Readable & { ok: true; periods: Period[] }) | Unreadable;

/**
 * How far an inferred year may stretch before the editor is asked to check it. Reports follow
 * inspections by three or four months and plans follow reports by one or two, so nine months
 * covers every real plan while still catching a cover that belongs to another year.
 */
const MAX_INFERENCE_DAYS = 270;

const MONTH_WORDS = new Map<string, number>(
  MONTHS.flatMap((name, i) => [
    [name.toLowerCase(), i + 1],
    [name.slice(0, 3).toLowerCase(), i + 1],
    ...(name === 'September' ? [['sept', i + 1] as [string, number]] : []),
  ]),
);
const RANGE_WORDS = new Set(['to', 'until', 'till', 'through']);
const LIST_WORDS = new Set(['and']);
/** Words that carry no date information: "Monday 22nd of January". */
const SKIP_WORDS = new Set([
  'of',
  'the',
  'on',
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].flatMap((d) => [d, d.slice(0, 3)]),
]);

type Token =
  | { kind: 'day'; day: number; text: string }
  | { kind: 'numeric'; day: number; month: number; year: number; text: string }
  | { kind: 'month'; month: number; text: string }
  | { kind: 'year'; year: number; text: string }
  | { kind: 'range' }
  | { kind: 'list' };

// One token at a time, in this order: a numeric date, a year, a day (with any ordinal), a word,
// a dash, a list separator, or a full stop (after "Jan." or at the end) that says nothing.
const TOKEN =
  /\s*(?:(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?!\d)|(\d{4})(?!\d)|(\d{1,2})(?:\s*(?:st|nd|rd|th)(?![a-z]))?(?![\d/])|([a-z]+)\.?|([–—‒‑-])|([,;&+])|(\.))/y;

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  const source = text.toLowerCase();
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) return `cannot read "${text.slice(at).trim().slice(0, 30)}"`;
    const [all, nd, nm, ny, year, day, word, dash, sep] = m;
    if (nd !== undefined) {
      const y = Number(ny);
      tokens.push({ kind: 'numeric', day: Number(nd), month: Number(nm), year: ny!.length === 2 ? 2000 + y : y, text: all.trim() });
    } else if (year !== undefined) tokens.push({ kind: 'year', year: Number(year), text: year });
    else if (day !== undefined) tokens.push({ kind: 'day', day: Number(day), text: all.trim() });
    else if (word !== undefined) {
      const month = MONTH_WORDS.get(word);
      if (month) tokens.push({ kind: 'month', month, text: word });
      else if (RANGE_WORDS.has(word)) tokens.push({ kind: 'range' });
      else if (LIST_WORDS.has(word)) tokens.push({ kind: 'list' });
      else if (!SKIP_WORDS.has(word)) return `"${word}" is not a day, month or year`;
    } else if (dash !== undefined) tokens.push({ kind: 'range' });
    else if (sep !== undefined) tokens.push({ kind: 'list' });
    // else a lone full stop: nothing to record
  }
  return tokens;
}

interface Part {
  day?: number;
  month?: number;
  year?: number;
  monthWritten: boolean;
}

/** Days with their links: links[i] joins parts[i] and parts[i + 1]. */
interface Parsed {
  parts: Part[];
  links: ('range' | 'list')[];
}

function parse(text: string): Parsed | string {
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return tokens;
  if (tokens.length === 0) return 'there is no date';
  const parts: Part[] = [];
  const links: ('range' | 'list')[] = [];
  let pending: 'range' | 'list' | undefined;
  const startPart = (part: Part, text: string): string | undefined => {
    if (parts.length > 0) {
      if (pending === undefined) return `"${text}" follows another date with no dash or comma between them`;
      links.push(pending);
    }
    parts.push(part);
    pending = undefined;
    return undefined;
  };
  for (const token of tokens) {
    const last = parts.at(-1);
    switch (token.kind) {
      case 'numeric': {
        const error = startPart({ day: token.day, month: token.month, year: token.year, monthWritten: true }, token.text);
        if (error) return error;
        break;
      }
      case 'day': {
        // A month written before its day ("January 22nd") is waiting for this day.
        if (last && pending === undefined && last.day === undefined) {
          last.day = token.day;
          break;
        }
        const error = startPart({ day: token.day, monthWritten: false }, token.text);
        if (error) return error;
        break;
      }
      case 'month': {
        if (last && pending === undefined && last.month === undefined) {
          last.month = token.month;
          last.monthWritten = true;
          break;
        }
        const error = startPart({ month: token.month, monthWritten: true }, token.text);
        if (error) return error;
        break;
      }
      case 'year':
        // "8 May, 2024": the comma belongs to the date, it does not start another one.
        if (pending === 'list') pending = undefined;
        if (!last || pending !== undefined) return `the year ${token.year} is not after a day and month`;
        if (last.year !== undefined) return `two years are written for one date`;
        if (last.month === undefined) return `the year ${token.year} follows a day with no month`;
        last.year = token.year;
        break;
      case 'range':
      case 'list':
        if (!last || pending !== undefined) return token.kind === 'range' ? 'a dash is not between two dates' : 'a separator is not between two dates';
        pending = token.kind;
        break;
    }
  }
  if (pending !== undefined) return 'it ends with a dash or separator, not a date';
  if (parts.some((p) => p.day === undefined)) return 'a month is written without a day';
  return { parts, links };
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Month-and-day order within a year, for telling whether a December comes before a January. */
const after = (a: Part, b: Part) => a.month! > b.month! || (a.month === b.month && a.day! > b.day!);

/**
 * Fills in months and years that are written once for several days. Months come from the next day
 * that has one ("24-25th February"); years from the next day that has one, a year earlier where
 * the month would otherwise come after the later day ("17 December & 7 January 2019"), else from
 * the day before ("22 December 2023 – 5 January"), a year later where needed.
 */
function resolve(parsed: Parsed): string | undefined {
  const { parts } = parsed;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (part.month !== undefined) continue;
    const next = parts[i + 1];
    if (!next) return 'the last date has no month';
    part.month = next.month;
    if (part.day! > next.day!) return `cannot tell which month day ${part.day} is in`;
  }
  for (let i = parts.length - 2; i >= 0; i--) {
    const part = parts[i]!;
    const next = parts[i + 1]!;
    if (part.year === undefined && next.year !== undefined) part.year = after(part, next) ? next.year - 1 : next.year;
  }
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const previous = parts[i - 1]!;
    if (part.year === undefined && previous.year !== undefined) part.year = after(previous, part) ? previous.year + 1 : previous.year;
  }
  return undefined;
}

/** Gives every part a year from a bound on another cover date, for text that writes no year at all. */
function inferYears(parsed: Parsed, context: DateContext): { from: string; doubt?: string } | undefined {
  const { parts } = parsed;
  const last = parts.at(-1)!;
  const first = parts[0]!;
  if (context.notAfter) {
    const bound = context.notAfter;
    let year = Number(bound.date.slice(0, 4));
    if (iso(year, last.month!, last.day!) > bound.date) year -= 1;
    last.year = year;
    resolve(parsed);
    const gap = daysBetween(iso(last.year, last.month!, last.day!), bound.date);
    const from = `the year is not written: ${year} is the last year in which it comes before ${bound.what} (${bound.date})`;
    return gap > MAX_INFERENCE_DAYS ? { from, doubt: `${from}, but that is ${Math.round(gap)} days before it: check the year` } : { from };
  }
  if (context.notBefore) {
    const bound = context.notBefore;
    let year = Number(bound.date.slice(0, 4));
    if (iso(year, first.month!, first.day!) < bound.date) year += 1;
    first.year = year;
    resolve(parsed);
    const gap = daysBetween(bound.date, iso(year, first.month!, first.day!));
    const from = `the year is not written: ${year} is the first year in which it comes after ${bound.what} (${bound.date})`;
    return gap > MAX_INFERENCE_DAYS ? { from, doubt: `${from}, but that is ${Math.round(gap)} days after it: check the year` } : { from };
  }
  return undefined;
}

/** White space made single, nothing else changed: this is what `asWritten` keeps. */
export function asWritten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function read(text: string, context: DateContext): { parsed: Parsed; yearFrom?: string; doubt?: string } | Unreadable {
  const written = asWritten(text);
  const fail = (problem: string, yearMissing = false): Unreadable => ({ ok: false, asWritten: written, problem, yearMissing });
  const parsed = parse(written);
  if (typeof parsed === 'string') return fail(`cannot read "${written}" as a date: ${parsed}`);
  const error = resolve(parsed);
  if (error) return fail(`cannot read "${written}" as a date: ${error}`);
  let inferred: { from: string; doubt?: string } | undefined;
  if (parsed.parts.every((p) => p.year === undefined)) {
    inferred = inferYears(parsed, context);
    if (!inferred) return fail(`"${written}" has no year, and no other date on the cover gives it`, true);
  }
  for (const p of parsed.parts) {
    if (!isRealDate(iso(p.year!, p.month!, p.day!))) {
      return fail(`"${written}" is not a real date: there is no day ${p.day} in month ${p.month} of ${p.year}`);
    }
  }
  return { parsed, ...(inferred ? { yearFrom: inferred.from, ...(inferred.doubt ? { doubt: inferred.doubt } : {}) } : {}) };
}

/** One date, as in "Report Published: 8th May 2024" or "Action Plan Submitted 22/05/2019". */
export function parseCoverDate(text: string, context: DateContext = {}): SingleDate {
  const result = read(text, context);
  if ('ok' in result) return result;
  const { parsed, yearFrom, doubt } = result;
  const written = asWritten(text);
  if (parsed.parts.length !== 1) {
    return { ok: false, asWritten: written, problem: `"${written}" is more than one date: expected a single date such as "8th May 2024"`, yearMissing: false };
  }
  const p = parsed.parts[0]!;
  return { ok: true, asWritten: written, date: iso(p.year!, p.month!, p.day!), ...(yearFrom ? { yearFrom } : {}), ...(doubt ? { doubt } : {}) };
}

/**
 * The inspection dates as periods of consecutive days, in order. A range ("2-6th March") is one
 * period; days listed one by one ("17, 18 December") are merged where they follow each other.
 */
export function parseInspectionDates(text: string, context: DateContext = {}): InspectionDates {
  const result = read(text, context);
  if ('ok' in result) return result;
  const { parsed, yearFrom, doubt } = result;
  const written = asWritten(text);
  const fail = (problem: string): Unreadable => ({ ok: false, asWritten: written, problem: `cannot read "${written}" as inspection dates: ${problem}`, yearMissing: false });
  const at = (p: Part) => iso(p.year!, p.month!, p.day!);
  const { parts, links } = parsed;

  const periods: Period[] = [];
  for (let i = 0; i < parts.length; ) {
    if (links[i] === 'range') {
      if (links[i + 1] === 'range') return fail('a range has more than two ends');
      periods.push({ start: at(parts[i]!), end: at(parts[i + 1]!) });
      i += 2;
    } else {
      periods.push({ start: at(parts[i]!), end: at(parts[i]!) });
      i += 1;
    }
  }
  const merged: Period[] = [];
  for (const period of periods) {
    if (period.end < period.start) return fail(`${period.end} is before ${period.start}`);
    const previous = merged.at(-1);
    if (previous && period.start <= previous.end) return fail(`the dates are not in order (${period.start} comes after ${previous.end})`);
    if (previous && period.start === nextDay(previous.end)) previous.end = period.end;
    else merged.push({ ...period });
  }
  return { ok: true, asWritten: written, periods: merged, ...(yearFrom ? { yearFrom } : {}), ...(doubt ? { doubt } : {}) };
}

/** The longest inspection the scaffold believes, first day to last: longer ones are asked for instead. */
const MAX_INSPECTION_DAYS = 92;

/**
 * The inspection periods only where the reader is sure of them, for the scaffold (`npm run
 * new-plan`), which has no other cover date to infer a year from and nobody to check a guess
 * later: no inferred year, no doubt, and a plausible length; otherwise undefined, and the caller
 * asks for the first and last day.
 */
export function certainInspectionPeriods(text: string): Period[] | undefined {
  const result = parseInspectionDates(text);
  if (!result.ok || result.yearFrom || result.doubt) return undefined;
  const { periods } = result;
  return daysBetween(periods[0]!.start, periods.at(-1)!.end) <= MAX_INSPECTION_DAYS ? periods : undefined;
}
