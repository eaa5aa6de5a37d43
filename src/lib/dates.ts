/**
 * Pure date helpers. Content stores dates as ISO strings (YYYY-MM-DD) and months as YYYY-MM, so
 * every comparison here is on strings or UTC parts: no local time zone can shift a day.
 */

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const monthIndex = new Map<string, number>(
  MONTHS.flatMap((name, i) => [
    [name.toLowerCase(), i + 1],
    [name.slice(0, 3).toLowerCase(), i + 1],
    ...(name === 'September' ? [['sept', i + 1] as [string, number]] : []),
  ]),
);

/**
 * The month a target date as written refers to, as YYYY-MM, or null when it names none.
 * Targets are free text in the source ("July 2024", "August 2024 (For bid process)",
 * "End of Sept 2024", "Completed"); we read the first "<month> <year>" in it and nothing else,
 * so a target we cannot read stays unread rather than guessed.
 */
export function parseTargetMonth(target: string | null | undefined): string | null {
  if (!target) return null;
  const match = /\b([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(target);
  if (match) {
    const month = monthIndex.get(match[1]!.toLowerCase());
    if (month) return `${match[2]}-${String(month).padStart(2, '0')}`;
  }
  const numeric = /\b(0?[1-9]|1[0-2])\/(\d{4})\b/.exec(target);
  if (numeric) return `${numeric[2]}-${numeric[1]!.padStart(2, '0')}`;
  return null;
}

/** Whether "YYYY-MM-DD" is written so and is a day that exists: "2024-02-29" is, "2023-02-29" is not. */
export function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  // setUTCFullYear, unlike Date.UTC, takes years 0-99 as written; a day that does not exist rolls over into another.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today as YYYY-MM-DD in UTC: one "today" for every command, whatever the machine's time zone. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The latest of some ISO dates (or months), or undefined when there are none. */
export function latestDate(dates: Iterable<string>): string | undefined {
  let latest: string | undefined;
  for (const date of dates) if (latest === undefined || date > latest) latest = date;
  return latest;
}

function parts(iso: string): { year: number; month: number; day?: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, month: month!, ...(day ? { day } : {}) };
}

/** "2024-05-08" → "8 May 2024", the GOV.UK style for dates. */
export function formatDate(iso: string): string {
  const { year, month, day } = parts(iso);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "2024-07" → "July 2024". */
export function formatMonth(yearMonth: string): string {
  const { year, month } = parts(yearMonth);
  return `${MONTHS[month - 1]} ${year}`;
}

/** The period between two ISO dates in GOV.UK style, sharing the month and year where they match. */
export function formatDateRange(start: string, end: string): string {
  if (start === end) return formatDate(start);
  const a = parts(start);
  const b = parts(end);
  if (a.year === b.year && a.month === b.month) return `${a.day} to ${formatDate(end)}`;
  if (a.year === b.year) return `${a.day} ${MONTHS[a.month - 1]} to ${formatDate(end)}`;
  return `${formatDate(start)} to ${formatDate(end)}`;
}

/** The year of an ISO date or month. */
export function yearOf(iso: string): number {
  return parts(iso).year;
}
