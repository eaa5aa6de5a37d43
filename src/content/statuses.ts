/**
 * The editorial vocabularies of progress: an action's statuses and HMIP's review judgements, with
 * the labels readers see. The schema checks content against them, the model labels with them, and
 * the pages, search and downloads show them, all from here.
 */

/** Statuses are editorial: HMPPS does not publish them in the plan itself. "no-update" is never written: it is what an action has before its first update. */
export const STATUSES = {
  'no-update': 'No update published',
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
  'not-completed': 'Not completed',
  'no-longer-applicable': 'No longer applicable',
} as const;
export type StatusId = keyof typeof STATUSES;
export type UpdateStatusId = Exclude<StatusId, 'no-update'>;
/** The statuses an update may give, in order. */
export const UPDATE_STATUS_IDS = Object.keys(STATUSES).filter((id) => id !== 'no-update') as [UpdateStatusId, ...UpdateStatusId[]];

/** HMIP's judgements in an Independent Review of Progress, weakest first. */
export const JUDGEMENTS = {
  'no-meaningful-progress': 'No meaningful progress',
  'insufficient-progress': 'Insufficient progress',
  'reasonable-progress': 'Reasonable progress',
  'good-progress': 'Good progress',
} as const;
export type JudgementId = keyof typeof JUDGEMENTS;
export const JUDGEMENT_IDS = Object.keys(JUDGEMENTS) as [JudgementId, ...JudgementId[]];
