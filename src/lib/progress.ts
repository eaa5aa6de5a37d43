/**
 * Pure rules for progress: an action's status and target as at a given date, whether its target
 * has passed, and the counts a progress summary shows. Every rule takes the "as at" date as an
 * argument, never today's date, so two builds of the same content give the same pages on any day.
 */
import { STATUSES, type StatusId, type UpdateStatusId } from '../content/schema.ts';
import { formatDate, parseTargetMonth } from './dates.ts';

interface Dated {
  date: string;
}

/** The entries dated on or before `asAt`, in date order (oldest first). Entries on one date keep their order. */
export function asAtDate<T extends Dated>(entries: readonly T[], asAt: string): T[] {
  return entries.filter((e) => e.date <= asAt).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** An action's status as at `asAt`: the latest update's, or "no-update" before the first one. */
export function currentStatus(updates: readonly (Dated & { status: UpdateStatusId })[], asAt: string): StatusId {
  return asAtDate(updates, asAt).at(-1)?.status ?? 'no-update';
}

export interface Target {
  /** The target as written: the plan's own words, or a revision's. */
  asWritten: string | null;
  /** The month it means (YYYY-MM), where one can be read or was given. */
  month: string | null;
}

/**
 * The target in force as at `asAt`: the latest revision made by then, else the original. The
 * original is passed in, never replaced, so pages can show both.
 */
export function currentTarget(
  original: Target,
  revisions: readonly (Dated & { target: string; targetMonth?: string })[],
  asAt: string,
): Target {
  const latest = asAtDate(revisions, asAt).at(-1);
  if (!latest) return original;
  return { asWritten: latest.target, month: latest.targetMonth ?? parseTargetMonth(latest.target) };
}

/** Statuses that settle an action, so its target date can no longer be missed. */
const SETTLED: ReadonlySet<StatusId> = new Set(['completed', 'no-longer-applicable']);

/**
 * Whether an action's target date has passed as at `asAt`: its target month has ended (a target of
 * "July 2024" passes on 1 August 2024) and it is neither completed nor no longer applicable. A
 * target that names no month (none given, or "Completed") cannot pass.
 */
export function targetPassed(targetMonth: string | null, status: StatusId, asAt: string): boolean {
  if (!targetMonth || SETTLED.has(status)) return false;
  return asAt.slice(0, 7) > targetMonth;
}

export interface ProgressCounts {
  total: number;
  completed: number;
  inProgress: number;
  notStarted: number;
  notCompleted: number;
  noLongerApplicable: number;
  noUpdate: number;
  /** Counted across statuses: an action in progress can also have passed its target. */
  targetPassed: number;
}

const COUNT_OF: Record<StatusId, keyof ProgressCounts> = {
  completed: 'completed',
  'in-progress': 'inProgress',
  'not-started': 'notStarted',
  'not-completed': 'notCompleted',
  'no-longer-applicable': 'noLongerApplicable',
  'no-update': 'noUpdate',
};

/** Counts of actions by status, and of those whose target has passed. */
export function countProgress(actions: Iterable<{ status: StatusId; targetPassed: boolean }>): ProgressCounts {
  const counts: ProgressCounts = {
    total: 0,
    completed: 0,
    inProgress: 0,
    notStarted: 0,
    notCompleted: 0,
    noLongerApplicable: 0,
    noUpdate: 0,
    targetPassed: 0,
  };
  for (const action of actions) {
    counts.total++;
    counts[COUNT_OF[action.status]]++;
    if (action.targetPassed) counts.targetPassed++;
  }
  return counts;
}

/** The latest date in a collection of dated things, or undefined when there are none. */
export function latestDate(dates: Iterable<string>): string | undefined {
  let latest: string | undefined;
  for (const date of dates) if (latest === undefined || date > latest) latest = date;
  return latest;
}

/** The label of the derived flag, wherever it is shown or filtered on. */
export const TARGET_PASSED = 'Target date passed';

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

/** "45%" of a total, rounded down so that a bar never shows more than was done; "0%" of nothing. */
export function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.floor((count * 100) / total);
}

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
