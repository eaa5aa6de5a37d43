/**
 * What every column of the actions CSV and every field of the plans JSON holds, as the /data/ page
 * shows it. Kept as data beside the downloads so the tests can check that every column and field
 * the downloads hold is described here, and that nothing described here is missing from them.
 *
 * Descriptions are HTML (trusted: written here, not content).
 */
import { JUDGEMENTS, STATUSES } from '../content/statuses.ts';
import { NOT_STATED } from '../components/wording.ts';
import { href } from '../lib/urls.ts';
import type { ActionsCsvColumn } from './downloads.ts';

const code = (s: string) => `<code>${s}</code>`;
/** When "target date passed" is true (src/content/progress.ts, targetPassed). */
const TARGET_PASSED_RULE =
  'the target in force names a month that has ended by the “as at” date and the action is neither completed nor no longer applicable';
const NO_UPDATE = STATUSES['no-update'];
const list = (entries: Record<string, string>) =>
  Object.entries(entries)
    .map(([id, label]) => `${code(id)} (${label})`)
    .join(', ');
const themesLink = `<a class="govuk-link" href="${href('/themes/')}">themes</a>`;

/** What each CSV column holds, and what it holds where the plan or the progress record has nothing. */
export const CSV_COLUMN_NOTES: Record<ActionsCsvColumn, string> = {
  establishment: 'The establishment’s name, for example “HMP Chelmsford”.',
  establishment_id: 'The establishment’s id on this site, as in its web address.',
  plan_id: 'The plan’s id on this site, as in its web address.',
  inspection_start: 'First day of the inspection (YYYY-MM-DD).',
  inspection_end: 'Last day of the inspection (YYYY-MM-DD). Inspections in several periods run from the first start to the last end.',
  report_published: 'The date HM Inspectorate of Prisons published its report (YYYY-MM-DD).',
  plan_submitted: 'The date HMPPS submitted the action plan (YYYY-MM-DD).',
  concern_number: 'The concern’s number in the plan.',
  concern_category: `${code('priority')} or ${code('key')} for the 2022 format; older plans give the report’s grouping as written.`,
  concern: 'The concern, word for word (Markdown).',
  themes: `Editorial: the ids of the concern’s ${themesLink}, separated by ${code(';')}.`,
  action_number: 'The action’s position within its concern, from 1.',
  action: 'The action, word for word (Markdown: lists start with “- ” or “1. ”).',
  owner: `The responsible owner as written. Empty where the plan names no owner: the site shows “${NOT_STATED}”.`,
  target_date: `The original target date exactly as written, for example “August 2024 (For bid process)” or “Completed”. Empty where the plan gives none: the site shows “${NOT_STATED}”. A revised date never replaces it: see ${code('current_target')}.`,
  target_month: 'The month the original target date names (YYYY-MM), read from it by this site. Empty where it names no month, such as “Completed”.',
  status: `Editorial: the action’s status as at the date in ${code('as_at')}: the latest progress update’s. One of ${list(STATUSES)}. ${code('no-update')} (${NO_UPDATE}) until an update is published.`,
  status_label: `The status as the site shows it, for example “In progress”; “${NO_UPDATE}” until an update is published.`,
  status_date: 'The date of the latest progress update (YYYY-MM-DD). Empty where no update is published.',
  status_note: 'Editorial: what the latest update says (Markdown). Empty where no update is published, or the update has no note.',
  status_source: 'The web address of the document the latest update comes from. Empty where no update is published, or it gives none.',
  update_count: `How many progress updates the action has had by the ${code('as_at')} date: ${code('0')} where none is published. Every update is in the JSON.`,
  current_target: `The target date in force: the latest revised date, as written, or the original where it has not been revised (then the same as ${code('target_date')}). Empty where the plan gives none.`,
  current_target_month: `The month ${code('current_target')} names (YYYY-MM). Empty where it names none.`,
  target_revisions: `How many times the target date has been revised: ${code('0')} where never. Every revision, with its reason, is in the JSON.`,
  target_revised_date: 'The date of the latest revision of the target date (YYYY-MM-DD). Empty where it has not been revised.',
  target_revised_reason: 'The reason given for the latest revision, as given. Empty where it has not been revised (a revision always has a reason).',
  target_passed: `Editorial, derived: ${code('true')} where ${TARGET_PASSED_RULE}; otherwise ${code('false')}, including where the target names no month.`,
  irp_judgement: `The concern’s latest judgement in an HM Inspectorate of Prisons Independent Review of Progress (IRP): one of ${list(JUDGEMENTS)}. Empty where no review is published. The same on every action of the concern.`,
  irp_judgement_label: 'The latest IRP judgement as HMIP words it, for example “Reasonable progress”. Empty where no review is published.',
  irp_date: 'The date of the latest IRP (YYYY-MM-DD). Empty where no review is published.',
  irp_url: 'The web address of the latest IRP report. Empty where no review is published.',
  repeats: `Editorial: the concern of an earlier plan that this concern raises again, as the plan id and its anchor on the plan page, for example ${code('chelmsford-2021#concern-3')}. Empty where it repeats none.`,
  repeated_by: `The concerns of later plans that raise this concern again, in the same form, separated by ${code(';')}. Empty where none does.`,
  as_at: 'The “as at” date progress is judged at (YYYY-MM-DD), the same on every row: see below.',
};

export interface FieldDoc {
  /** The field's name within its section, dotted for nested fields: "inspection.periods[].start". */
  name: string;
  description: string;
}

export interface FieldSection {
  id: string;
  heading: string;
  /** Where the objects of this section are in the file: "plans[]"; "" for the file itself. */
  at: readonly string[];
  fields: readonly FieldDoc[];
}

const missingNull = `${code('null')} where`;

/** Every field of action-plans.json (and of each plan's JSON), by the kind of object it belongs to. */
export const JSON_SECTIONS: readonly FieldSection[] = [
  {
    id: 'json-file',
    heading: 'The file',
    at: [''],
    fields: [
      { name: 'description', description: 'What the file holds, and its licence.' },
      { name: 'asAt.date', description: 'The “as at” date every status and count is judged at (YYYY-MM-DD): see below.' },
      {
        name: 'asAt.source',
        description: `${code('setting')} where the date was set for the build (ACTION_PLANS_AS_AT); ${code('content')} where it is the latest date in the site’s content.`,
      },
      { name: 'statuses[].id', description: `Every status id an action can have: ${Object.keys(STATUSES).map(code).join(', ')}.` },
      { name: 'statuses[].label', description: 'The status as the site shows it.' },
      { name: 'judgements[].id', description: `Every judgement an Independent Review of Progress can give: ${Object.keys(JUDGEMENTS).map(code).join(', ')}.` },
      { name: 'judgements[].label', description: 'The judgement as HMIP words it.' },
      { name: 'themes[].id', description: `Editorial: the id of a theme, as used in ${code('concerns[].themes')}.` },
      { name: 'themes[].label', description: 'The theme’s name.' },
      { name: 'themes[].description', description: 'What the theme covers.' },
      { name: 'themes[].area', description: 'The HMIP healthy prison area it belongs to.' },
      { name: 'plans', description: 'The plans: every plan in action-plans.json, one in a plan’s own file. Newest inspection first.' },
    ],
  },
  {
    id: 'json-plan',
    heading: 'Each plan (plans[])',
    at: ['plans[]'],
    fields: [
      { name: 'format', description: `${code('concerns')} for the 2022 format of priority and key concerns; ${code('recommendations')} for older plans.` },
      { name: 'id', description: 'The plan’s id on this site, as in its web address.' },
      { name: 'title', description: 'The document’s title as written.' },
      { name: 'inspection.asWritten', description: 'The inspection dates as the document writes them.' },
      { name: 'inspection.periods[].start', description: 'First day of one period of the inspection (YYYY-MM-DD).' },
      { name: 'inspection.periods[].end', description: 'Last day of that period (YYYY-MM-DD).' },
      { name: 'reportPublished.asWritten', description: 'The date HMIP published its report, as the document writes it. Absent where the document does not write it.' },
      { name: 'reportPublished.date', description: 'The same date as YYYY-MM-DD.' },
      { name: 'planSubmitted.asWritten', description: 'The date HMPPS submitted the plan, as written. Absent where the document does not write it.' },
      { name: 'planSubmitted.date', description: 'The same date as YYYY-MM-DD.' },
      { name: 'reportUrl', description: 'The web address of HMIP’s inspection report. Absent where not known.' },
      { name: 'provenance.documentTitle', description: 'The title of the published document transcribed.' },
      { name: 'provenance.url', description: 'Its web address. Absent where not known.' },
      { name: 'provenance.publisher', description: 'Who published it.' },
      { name: 'provenance.retrieved', description: 'When it was retrieved for transcription (YYYY-MM-DD).' },
      { name: 'provenance.transcription', description: `${code('complete')} where every concern and action is transcribed; ${code('partial')} otherwise.` },
      { name: 'provenance.note', description: 'What a reader should know about the transcription. Absent where there is nothing to add.' },
      { name: 'notes', description: 'Notes from the plan itself, word for word (Markdown). Empty where it has none.' },
      { name: 'introduction', description: 'The document’s own introduction (Markdown). Empty where it has none.' },
      { name: 'year', description: 'The year the inspection started.' },
      { name: 'actionCount', description: 'How many actions the plan has.' },
      { name: 'establishment.id', description: 'The establishment’s id on this site.' },
      { name: 'establishment.name', description: 'Its name, for example “HMP Chelmsford”.' },
      { name: 'establishment.type', description: 'Its type or function. Absent where not recorded.' },
      { name: 'establishment.group', description: 'Its prison group or region. Absent where not recorded.' },
      { name: 'establishment.operator', description: 'Who runs it. Absent where not recorded.' },
      { name: 'establishment.hmipUrl', description: 'Its page on the HMIP website. Absent where not recorded.' },
      { name: 'changes', description: 'Editorial: the plan page’s change log (“Updates to this page”), oldest first. Empty where it has none.' },
      { name: 'changes[].date', description: 'The date of the change (YYYY-MM-DD).' },
      { name: 'changes[].note', description: 'What changed.' },
      { name: 'progress', description: 'Counts of the plan’s actions by status: see “Progress counts”.' },
      { name: 'concerns', description: 'The concerns (or recommendations), in the plan’s order.' },
    ],
  },
  {
    id: 'json-concern',
    heading: 'Each concern (plans[].concerns[])',
    at: ['plans[].concerns[]'],
    fields: [
      { name: 'number', description: 'The concern’s number in the plan.' },
      { name: 'category', description: `${code('priority')} or ${code('key')}; older plans give the report’s grouping as written.` },
      { name: 'reference', description: 'Older plans: the report’s reference for the recommendation, for example “S40”. Absent where there is none.' },
      { name: 'response.decision', description: `Older plans: HMPPS’s response, ${code('agreed')}, ${code('partly-agreed')} or ${code('not-agreed')}. Absent from the 2022 format.` },
      { name: 'response.label', description: 'The response as the site shows it.' },
      { name: 'response.text', description: 'The explanation given with the response, word for word (Markdown). Absent where none is given.' },
      { name: 'text', description: 'The concern, word for word (Markdown).' },
      { name: 'themes', description: `Editorial: the ids of its ${themesLink}.` },
      { name: 'reviews', description: 'HMIP’s Independent Review of Progress judgements on this concern, oldest first. Empty where none is published.' },
      { name: 'reviews[].date', description: 'The date the review was published (YYYY-MM-DD).' },
      { name: 'reviews[].judgement', description: `The judgement: one of ${list(JUDGEMENTS)}.` },
      { name: 'reviews[].url', description: 'The web address of the review report.' },
      { name: 'repeats', description: `Editorial: the concern of an earlier plan that this one raises again; ${missingNull} it repeats none.` },
      { name: 'repeats.plan', description: 'The earlier plan’s id.' },
      { name: 'repeats.concern', description: 'The number of its concern.' },
      { name: 'repeatedBy', description: 'The concerns of later plans that raise this one again, oldest first. Empty where none does.' },
      { name: 'repeatedBy[].plan', description: 'The later plan’s id.' },
      { name: 'repeatedBy[].concern', description: 'The number of its concern.' },
      { name: 'progress', description: 'Counts of the concern’s actions by status: see “Progress counts”.' },
      { name: 'actions', description: 'The actions, in the plan’s order. Older plans’ recommendations can have none.' },
    ],
  },
  {
    id: 'json-action',
    heading: 'Each action (plans[].concerns[].actions[])',
    at: ['plans[].concerns[].actions[]'],
    fields: [
      { name: 'number', description: 'The action’s position within its concern, from 1.' },
      { name: 'text', description: 'The action, word for word (Markdown).' },
      { name: 'owner', description: `The responsible owner as written; ${missingNull} the plan names none (“${NOT_STATED}” on the site).` },
      { name: 'target', description: `The original target date exactly as written; ${missingNull} the plan gives none (“${NOT_STATED}” on the site).` },
      { name: 'targetMonth', description: `The month the original target names (YYYY-MM); ${missingNull} it names none.` },
      { name: 'revisedTargets', description: 'Changes to the target date, oldest first. Empty where it has not been revised. The original stays in target.' },
      { name: 'revisedTargets[].date', description: 'The date the target was changed (YYYY-MM-DD).' },
      { name: 'revisedTargets[].target', description: 'The new target date, as written.' },
      { name: 'revisedTargets[].targetMonth', description: `The month it names (YYYY-MM); ${missingNull} it names none.` },
      { name: 'revisedTargets[].reason', description: 'Why it changed, as given.' },
      { name: 'revisedTargets[].source', description: `The web address of the document giving the new date; ${missingNull} not given.` },
      { name: 'currentTarget.asWritten', description: `The target in force: the latest revision’s, else the original; ${missingNull} the plan gives none.` },
      { name: 'currentTarget.month', description: `The month it names (YYYY-MM); ${missingNull} it names none.` },
      { name: 'updates', description: `Editorial: progress updates, oldest first. Empty where no update is published (status ${code('no-update')}).` },
      { name: 'updates[].date', description: 'The date of the update (YYYY-MM-DD).' },
      { name: 'updates[].status', description: `The status it reports: one of the ids in ${code('statuses')}, other than ${code('no-update')}.` },
      { name: 'updates[].note', description: `Editorial: what it says (Markdown); ${missingNull} it has no note.` },
      { name: 'updates[].source', description: `The web address of the document it comes from; ${missingNull} not given.` },
      { name: 'status', description: `Editorial: the latest update’s status, ${code('no-update')} (“${NO_UPDATE}”) before any.` },
      { name: 'targetPassed', description: `Editorial, derived: ${code('true')} where ${TARGET_PASSED_RULE}.` },
    ],
  },
  {
    id: 'json-progress',
    heading: 'Progress counts (progress)',
    at: ['plans[].progress', 'plans[].concerns[].progress'],
    fields: [
      { name: 'total', description: 'How many actions.' },
      { name: 'completed', description: 'How many are completed.' },
      { name: 'inProgress', description: 'How many are in progress.' },
      { name: 'notStarted', description: 'How many are not started.' },
      { name: 'notCompleted', description: 'How many were not completed.' },
      { name: 'noLongerApplicable', description: 'How many are no longer applicable.' },
      { name: 'noUpdate', description: `How many have no update published. The six counts above add up to ${code('total')}.` },
      { name: 'targetPassed', description: 'How many have passed their target date, whatever their status.' },
    ],
  },
];

/** Every documented field as a full path in the file: "plans[].concerns[].actions[].owner". */
export function documentedJsonPaths(): string[] {
  return JSON_SECTIONS.flatMap((section) => section.at.flatMap((at) => section.fields.map((f) => (at ? `${at}.${f.name}` : f.name))));
}
