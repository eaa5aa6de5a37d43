/** The order of table rows sorted on one column: numbers as numbers, words A to Z in British English. */
export type Direction = 'ascending' | 'descending';

// One collator for every comparison: localeCompare with a locale builds a new one each time.
const byWords = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true }).compare;

/** Compares two cells' sort values; numeric strings compare as numbers. Ties keep their order (Array.sort is stable). */
export function compareValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return byWords(a, b);
}

/** The direction a column sorts in when its header is chosen: a new column starts descending for numbers (largest first), ascending for words. */
export function nextDirection(current: string | null, numeric: boolean): Direction {
  if (current === 'ascending') return 'descending';
  if (current === 'descending') return 'ascending';
  return numeric ? 'descending' : 'ascending';
}

/** Sorts items by their value, in the direction given. */
export function sortBy<T>(items: readonly T[], value: (item: T) => string, direction: Direction): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...items].sort((a, b) => sign * compareValues(value(a), value(b)));
}
