/** Small pure helpers for the words pages put around numbers. */

/** "1 plan", "2 plans"; pass the plural where adding "s" is wrong. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The first words of a text, cut at a word boundary, with an ellipsis when anything was cut. */
export function firstWords(text: string, maxLength = 80): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const end = cut.lastIndexOf(' ');
  return `${cut.slice(0, end > 0 ? end : maxLength).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** "45%" of a total, rounded down so that a share is never written as more than was done; "0%" of nothing. */
export function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.floor((count * 100) / total);
}

/** The steps a bar is drawn in: the page draws it with a class per step, as the CSP allows no inline style. */
const BAR_STEP = 5;

/**
 * The share of a total a bar shows, in steps of BAR_STEP percent: the nearest step, except that a
 * bar is empty only for none and full only for all, so a reader never sees "nothing" or "everything"
 * where the count says otherwise.
 */
export function barStep(count: number, total: number): number {
  if (count <= 0 || total <= 0) return 0;
  if (count >= total) return 100;
  const nearest = Math.round((count * 100) / total / BAR_STEP) * BAR_STEP;
  return Math.min(100 - BAR_STEP, Math.max(BAR_STEP, nearest));
}
