/**
 * The scaffold reads inspection dates with the importer's reader (src/import/dates.ts), so both
 * understand the same styles. The scaffold has no other date to infer a year from and nobody to
 * check a guess later, so it takes only what that reader is sure of, within a plausible length of
 * inspection; anything else gives undefined and the caller asks for the first and last day.
 */
import { parseInspectionDates as readInspectionDates, type Period } from '../import/dates.ts';
import { PeriodSchema } from '../content/schema.ts';

export type { Period };

/** The longest inspection it believes, first day to last: longer ones are asked for instead. */
const MAX_DAYS = 92;

const DAY_MS = 24 * 60 * 60 * 1000;
const days = (start: string, end: string) => (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS;

/** Whether YYYY-MM-DD is a day that exists, by the schema's own rule. */
export function isRealDate(iso: string): boolean {
  return PeriodSchema.shape.start.safeParse(iso).success;
}

export function parseInspectionDates(text: string): Period[] | undefined {
  const result = readInspectionDates(text);
  if (!result.ok || result.yearFrom || result.doubt) return undefined;
  const { periods } = result;
  return days(periods[0]!.start, periods[periods.length - 1]!.end) <= MAX_DAYS ? periods : undefined;
}
