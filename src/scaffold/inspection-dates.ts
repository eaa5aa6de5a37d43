/**
 * Reads inspection dates as action plans write them into periods of ISO dates:
 *
 *   "22nd January – 8th February 2024"       → 2024-01-22 to 2024-02-08
 *   "24-25th February; 2-6th March 2020"     → 2020-02-24 to 2020-02-25, 2020-03-02 to 2020-03-06
 *   "30th December 2019 – 10th January 2020" → 2019-12-30 to 2020-01-10
 *   "8 May 2024"                             → 2024-05-08 to 2024-05-08
 *
 * A missing month or year is taken from the date after it. Anything it cannot read for certain
 * (or that would make an inspection longer than three months) gives undefined, so the caller asks
 * for the dates instead of guessing.
 */
import { MONTHS } from '../lib/dates.ts';

export interface Period {
  start: string;
  end: string;
}

const MONTH_NUMBERS = new Map<string, number>(
  MONTHS.flatMap((name, i) => [
    [name.toLowerCase(), i + 1],
    [name.slice(0, 3).toLowerCase(), i + 1],
    ...(name === 'September' ? [['sept', i + 1] as [string, number]] : []),
  ]),
);

interface Day {
  day: number;
  month?: number;
  year?: number;
}

/** The longest inspection it believes, first day to last: longer ones are asked for instead. */
const MAX_DAYS = 92;

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether YYYY-MM-DD is a day that exists. */
export function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

function readDay(text: string): Day | undefined {
  const match = /^(\d{1,2})(?:\s+([a-z]+)\.?)?(?:\s+(\d{4}))?$/.exec(text.trim());
  if (!match) return undefined;
  const month = match[2] === undefined ? undefined : MONTH_NUMBERS.get(match[2]);
  if (match[2] !== undefined && month === undefined) return undefined;
  return { day: Number(match[1]), month, year: match[3] === undefined ? undefined : Number(match[3]) };
}

export function parseInspectionDates(text: string): Period[] | undefined {
  const normalised = text
    .toLowerCase()
    .replace(/\b(\d{1,2})(?:st|nd|rd|th)\b/g, '$1')
    .replace(/,\s*(\d{4})\b/g, ' $1')
    .replace(/\s+/g, ' ')
    .trim();
  if (!normalised) return undefined;

  // Segments (one period each) are separated by ";", "," or "and"; a period is "day" or "day – day".
  const segments = normalised.split(/\s*(?:;|,|\band\b)\s*/).filter(Boolean);
  const days: Day[][] = [];
  for (const segment of segments) {
    const ends = segment.split(/\s*(?:–|—|-|\bto\b|\buntil\b)\s*/);
    if (ends.length > 2) return undefined;
    const read = ends.map(readDay);
    if (read.some((d) => d === undefined)) return undefined;
    days.push(read as Day[]);
  }

  // Fill each missing month and year from the day after it, working back from the last.
  const flat = days.flat();
  const last = flat[flat.length - 1];
  if (!last || last.month === undefined || last.year === undefined) return undefined;
  for (let i = flat.length - 2; i >= 0; i--) {
    const day = flat[i]!;
    const next = flat[i + 1]!;
    day.month ??= next.month;
    if (day.year === undefined) {
      // "30th December – 10th January 2020": December is in the year before.
      day.year = day.month === 12 && next.month === 1 ? next.year! - 1 : next.year;
    }
  }

  const iso = (d: Day) => `${d.year}-${pad(d.month!)}-${pad(d.day)}`;
  const periods = days.map((ends) => ({ start: iso(ends[0]!), end: iso(ends[ends.length - 1]!) }));
  for (const [i, period] of periods.entries()) {
    if (!isRealDate(period.start) || !isRealDate(period.end) || period.end < period.start) return undefined;
    if (i > 0 && period.start <= periods[i - 1]!.end) return undefined;
  }
  // An inspection lasts days or weeks: a span of months means the dates were misread.
  const span = (Date.parse(periods[periods.length - 1]!.end) - Date.parse(periods[0]!.start)) / 86_400_000;
  if (span > MAX_DAYS) return undefined;
  return periods;
}
