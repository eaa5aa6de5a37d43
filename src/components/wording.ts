/**
 * The words the site shows about progress and about what a plan leaves out, shared by the pages,
 * the search records and the downloads' documentation so that they never disagree. The rules
 * behind them are in src/content/progress.ts.
 */
import { COUNT_OF, type ProgressCounts } from '../content/progress.ts';
import { STATUSES, type StatusId } from '../content/statuses.ts';
import { formatDate } from '../lib/dates.ts';

/** What the site shows where the source leaves a field out, instead of inventing a value. */
export const NOT_STATED = 'Not stated in the plan';

/** The label of the derived flag, wherever it is shown or filtered on. */
export const TARGET_PASSED = 'Target date passed';

const TAG_COLOURS: Record<StatusId, string> = {
  'no-update': 'govuk-tag--grey',
  'not-started': 'govuk-tag--yellow',
  // GOV.UK's default tag colour is blue.
  'in-progress': '',
  completed: 'govuk-tag--green',
  'not-completed': 'govuk-tag--red',
  'no-longer-applicable': 'govuk-tag--grey',
};

/** The GOV.UK tag modifier class for a status, so every page shows a status the same way. */
export function statusTagClass(status: StatusId): string {
  return TAG_COLOURS[status];
}

/** One count a progress summary shows, and the status it counts (none for "target date passed"). */
export interface Measure {
  key: keyof ProgressCounts;
  label: string;
  status?: StatusId;
}

const statusMeasure = (status: StatusId): Measure => ({ key: COUNT_OF[status], label: STATUSES[status], status });

/** The headline counts of a plan, an establishment or a theme, in the order they are shown. */
export const MEASURES: readonly Measure[] = [
  ...(['completed', 'in-progress', 'no-update'] as const).map(statusMeasure),
  { key: 'targetPassed', label: TARGET_PASSED },
];

/** The other statuses, shown only where some action has them. */
export const OTHER_MEASURES: readonly Measure[] = (['not-started', 'not-completed', 'no-longer-applicable'] as const).map(statusMeasure);

/** The sentence every page with statuses shows, so a reader knows the date they describe. */
export function asAtSentence(asAt: { date: string; source: 'setting' | 'content' }): string {
  const date = formatDate(asAt.date);
  return asAt.source === 'setting'
    ? `Progress is shown as at ${date}.`
    : `Progress is shown as at ${date}, the date of the latest entry in this site’s records.`;
}

/** The headline counts in one line, for lists of plans: "3 completed, 1 in progress, 62 no update published; 40 target dates passed". */
export function progressLine(counts: ProgressCounts): string {
  const statuses = [...MEASURES, ...OTHER_MEASURES]
    .filter((m) => m.status && counts[m.key] > 0)
    .map((m) => `${counts[m.key]} ${m.label.toLowerCase()}`);
  const passed = counts.targetPassed > 0 ? `; ${counts.targetPassed} past the target date` : '';
  return `${statuses.join(', ')}${passed}`;
}
