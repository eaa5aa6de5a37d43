/**
 * How an action's editorial status looks. Kept as data so every page shows a status the same way.
 */
import type { StatusId } from '../content/schema.ts';

const TAG_COLOURS: Record<StatusId, string> = {
  'no-update': 'govuk-tag--grey',
  'not-started': 'govuk-tag--yellow',
  // GOV.UK's default tag colour is blue.
  'in-progress': '',
  completed: 'govuk-tag--green',
  'not-completed': 'govuk-tag--red',
  'no-longer-applicable': 'govuk-tag--grey',
};

/** The GOV.UK tag modifier class for a status. */
export function statusTagClass(status: StatusId): string {
  return TAG_COLOURS[status];
}

/** What the site shows where the source leaves a field out, instead of inventing a value. */
export const NOT_STATED = 'Not stated in the plan';
