/**
 * Pure rules for progress: an action's status and target as at a given date, whether its target
 * has passed, and the counts a progress summary shows (its words are in
 * src/components/wording.ts). Every rule takes the "as at" date as an
 * argument, never today's date, so two builds of the same content give the same pages on any day.
 */
import { parseTargetMonth } from '../lib/dates.ts';
import type { StatusId, UpdateStatusId } from './statuses.ts';

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

/** The count each status adds to. */
export const COUNT_OF: Readonly<Record<StatusId, keyof ProgressCounts>> = {
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
