/**
 * The content schema: the single source of truth for what a content file may say.
 *
 * The build, `npm run validate`, the tests and the data downloads all read content through these
 * schemas, so a rule added here is enforced everywhere at once. Every field carries a description
 * because the editor reference and the JSON Schema are generated from them.
 *
 * Two kinds of words live in a plan, and the schema keeps them apart:
 * - official text, copied word for word from the published plan (typos included);
 * - editorial additions (themes, statuses), which the site labels as ours.
 */
import { z } from 'zod';
import { JUDGEMENT_IDS, UPDATE_STATUS_IDS } from './statuses.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be an id made of lower-case letters, digits and single hyphens, for example "hmp-chelmsford"',
  });

const isoDate = z.iso.date({ error: 'must be a real date written as YYYY-MM-DD, for example 2024-01-22' });

/** Text that must not be blank. Leading and trailing white space (YAML block scalars add a newline) is dropped. */
const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });

const url = z.url({ protocol: /^https?$/, error: 'must be a full web address starting with https:// or http://' });

/** A date as the source document writes it, with the same date in ISO form so it can be sorted and compared. */
export const DatedSchema = z.strictObject({
  asWritten: text.optional().describe('The date exactly as the source document writes it, for example "8th May 2024".'),
  date: isoDate.describe('The same date as YYYY-MM-DD.'),
});

/** One continuous run of inspection days. A single-day visit has the same start and end. */
export const PeriodSchema = z.strictObject({
  start: isoDate.describe('First day of this period of the inspection, as YYYY-MM-DD.'),
  end: isoDate.describe('Last day of this period of the inspection, as YYYY-MM-DD (the same as start for one day).'),
});

export const InspectionSchema = z.strictObject({
  asWritten: text.describe(
    'The inspection dates exactly as the source writes them, for example "22nd January – 8th February 2024" or "24-25th February; 2-6th March 2020".',
  ),
  periods: z
    .array(PeriodSchema)
    .min(1, { error: 'must list at least one period with a start and an end date' })
    .describe('The inspection dates as one or more periods, in order.'),
});

export const ProvenanceSchema = z.strictObject({
  documentTitle: text.describe('Title of the published document this plan was transcribed from, for example "Action Plan: HMP Chelmsford".'),
  url: url.optional().describe('Web address of the published document (PDF or page), where it is known.'),
  publisher: text.describe('Who published the document, for example "HM Prison and Probation Service".'),
  retrieved: isoDate.describe('The date the document was retrieved for transcription, as YYYY-MM-DD.'),
  transcription: z
    .enum(['complete', 'partial'], { error: 'must be "complete" (every word of the source is here) or "partial"' })
    .describe('Whether every concern and action of the source has been transcribed ("complete") or not yet ("partial").'),
  note: text.optional().describe('Anything a reader should know about the transcription, for example a gap in the source.'),
});

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month written as YYYY-MM, for example 2024-07' });

/** A dated progress report on one action. Editorial: HMPPS does not publish statuses in the plan itself. */
export const UpdateSchema = z.strictObject({
  date: isoDate.describe('The date of the update (when the progress was reported), as YYYY-MM-DD.'),
  status: z
    .enum(UPDATE_STATUS_IDS, { error: `must be one of: ${UPDATE_STATUS_IDS.join(', ')}` })
    .describe('Editorial: the progress reported on this date.'),
  note: text.optional().describe('Editorial: what the update says, in a sentence or two, as Markdown.'),
  source: url.optional().describe('Web address of the document or page the update comes from.'),
});

/** A change to an action's target date. The original target is never overwritten: revisions are added below it. */
export const RevisedTargetSchema = z.strictObject({
  date: isoDate.describe('The date the target was changed, as YYYY-MM-DD.'),
  target: text.describe('The new target date as written, for example "March 2025".'),
  targetMonth: month
    .optional()
    .describe('Only where the site cannot read a month from `target` by itself: the month it means, as YYYY-MM.'),
  reason: text.describe('Why the target changed, as given. Required: a revision without a reason is not published.'),
  source: url.optional().describe('Web address of the document or page that gives the new date.'),
});

export const ActionSchema = z.strictObject({
  text: text.describe(
    'The action, word for word from the source, as Markdown. Bullet and numbered lists in the source stay lists ("- " and "1. ").',
  ),
  owner: z
    .string({ error: 'must be text, or null where the source names no owner' })
    .trim()
    .min(1, { error: 'must not be empty: write `owner: null` where the source names no owner' })
    .nullable()
    .describe('The responsible owner exactly as written. Write `owner: null` where the source names no owner for this action: never invent one.'),
  target: z
    .string({ error: 'must be text, or null where the source gives no target date' })
    .trim()
    .min(1, { error: 'must not be empty: write `target: null` where the source gives no target date' })
    .nullable()
    .describe('The target date exactly as written, for example "July 2024", "Completed" or "August 2024 (For bid process)". `null` where the source gives none.'),
  targetMonth: month
    .optional()
    .describe('Only where the site cannot read a month from `target` by itself: the month it means, as YYYY-MM.'),
  revisedTargets: z
    .array(RevisedTargetSchema)
    .default([])
    .describe('Changes to the target date, oldest first, each with the date of the change and the reason. The original `target` stays as written.'),
  updates: z
    .array(UpdateSchema)
    .default([])
    .describe('Editorial: progress updates, oldest first. The latest one (as at the site\'s "as at" date) is the action\'s current status; leave out until an update is published.'),
});

/** HMIP's independent follow-up of one concern: its words, not ours, so it is shown with its date and link. */
export const ReviewSchema = z.strictObject({
  date: isoDate.describe('The date HMIP published the Independent Review of Progress, as YYYY-MM-DD.'),
  judgement: z
    .enum(JUDGEMENT_IDS, { error: `must be one of: ${JUDGEMENT_IDS.join(', ')}` })
    .describe('HMIP\'s judgement of progress on this concern.'),
  url: url.describe('Web address of the review report.'),
});

/** An earlier plan's concern that this one raises again. */
export const RepeatsSchema = z.strictObject({
  plan: slug.describe('The id of the earlier plan, for example "chelmsford-2021".'),
  concern: z.int({ error: 'must be a whole number' }).positive({ error: 'must be 1 or more' }).describe('The number of the concern (or recommendation) in that plan.'),
});

const followUp = {
  reviews: z
    .array(ReviewSchema)
    .default([])
    .describe('HMIP\'s Independent Review of Progress judgements on this concern, oldest first.'),
  repeats: RepeatsSchema.optional().describe('Editorial: the concern of an earlier plan for the same establishment that this one raises again.'),
};

const themes = z
  .array(slug)
  .min(1, { error: 'must list at least one theme id from content/themes.yaml' })
  .describe('Editorial: ids of the themes from content/themes.yaml that this concern is about.');

/** The 2022+ format: numbered priority and key concerns, each with actions that have their own owner and date. */
export const ConcernSchema = z.strictObject({
  number: z.int({ error: 'must be a whole number' }).positive({ error: 'must be 1 or more' }).describe('The concern number in the source ("Rec No").'),
  category: z
    .enum(['priority', 'key'], { error: 'must be "priority" or "key"' })
    .describe('"priority" for the report\'s priority concerns, "key" for its key concerns.'),
  text: text.describe('The concern, word for word from the source, as Markdown.'),
  themes,
  actions: z.array(ActionSchema).min(1, { error: 'must list at least one action' }).describe('The actions planned, in the source\'s order.'),
  ...followUp,
});

export const RESPONSES = {
  agreed: 'Agreed',
  'partly-agreed': 'Partly agreed',
  'not-agreed': 'Not agreed',
} as const;
const responseIds = Object.keys(RESPONSES) as [keyof typeof RESPONSES, ...(keyof typeof RESPONSES)[]];

/** The older format: recommendations with a reference code and a response of agreed, partly agreed or not agreed. */
export const RecommendationSchema = z.strictObject({
  number: z.int({ error: 'must be a whole number' }).positive({ error: 'must be 1 or more' }).describe('The position of the recommendation in the plan, counting from 1.'),
  category: text.describe('The grouping the report puts it under, as written, for example "Main recommendations" or "Safety".'),
  reference: text.optional().describe('The report\'s reference code for the recommendation, for example "S40".'),
  text: text.describe('The recommendation, word for word from the source, as Markdown.'),
  response: z.strictObject({
    decision: z.enum(responseIds, { error: `must be one of: ${responseIds.join(', ')}` }).describe('HMPPS\'s response.'),
    text: text.optional().describe('The explanation given with the response, word for word, as Markdown.'),
  }),
  themes,
  actions: z.array(ActionSchema).default([]).describe('Actions listed with their own owner and date, where the plan gives them.'),
  ...followUp,
});

/** One entry in a plan page's change log. */
export const ChangeSchema = z.strictObject({
  date: isoDate.describe('The date of the change, as YYYY-MM-DD.'),
  note: text.describe('What changed, for example "First published." or "Added progress updates from the 2025 review."'),
});

const planFields = {
  id: slug.describe('The plan\'s id, also its file name and web address, for example "chelmsford-2024".'),
  establishment: slug.describe('The id of the establishment, as in content/establishments/<id>.yaml.'),
  title: text.describe('The document\'s title as written, for example "Action Plan: HMP Chelmsford".'),
  inspection: InspectionSchema.describe('When the inspection took place.'),
  reportPublished: DatedSchema.describe('When HMIP published the inspection report.'),
  planSubmitted: DatedSchema.describe('When HMPPS submitted this action plan (it can precede the report\'s publication).'),
  reportUrl: url.optional().describe('Web address of the HMIP inspection report.'),
  provenance: ProvenanceSchema.describe('Where this transcription comes from.'),
  notes: z.array(text).default([]).describe('Plan-level notes from the source, word for word, for example about delays.'),
  changes: z
    .array(ChangeSchema)
    .default([])
    .describe('Editorial: the page\'s change log ("Updates to this page"), oldest first: when it was first published and each update since.'),
};

export const PlanSchema = z.discriminatedUnion(
  'format',
  [
    z.strictObject({
      format: z.literal('concerns').describe('"concerns": the 2022+ format of priority and key concerns.'),
      ...planFields,
      concerns: z.array(ConcernSchema).min(1, { error: 'must list at least one concern' }).describe('The concerns, in the source\'s order.'),
    }),
    z.strictObject({
      format: z.literal('recommendations').describe('"recommendations": the older format of recommendations with responses.'),
      ...planFields,
      concerns: z
        .array(RecommendationSchema)
        .min(1, { error: 'must list at least one recommendation' })
        .describe('The recommendations, in the source\'s order.'),
    }),
  ],
  {
    // Only for the `format` field: a frontmatter that is not a block of fields at all (a list, a
    // single value) gets the ordinary "must be a block of fields" message instead.
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'must say which format the plan is in: "concerns" (2022 onwards) or "recommendations" (older plans)'
        : undefined,
  },
);

export const EstablishmentSchema = z.strictObject({
  id: slug.describe('The establishment\'s id, also its file name and web address, for example "chelmsford".'),
  name: text.describe('The name as used, for example "HMP Chelmsford".'),
  type: text.optional().describe('Its type or function, for example "Category B local, adult men".'),
  group: text.optional().describe('The prison group or region it belongs to.'),
  operator: text.optional().describe('Who runs it, for example "HM Prison and Probation Service" or a contractor.'),
  hmipUrl: url.optional().describe('Web address of its page on the HM Inspectorate of Prisons website.'),
});

/** HMIP's four healthy prison areas: every theme belongs to one. */
export const AREAS = {
  safety: 'Safety',
  respect: 'Respect',
  'purposeful-activity': 'Purposeful activity',
  'rehabilitation-and-release-planning': 'Rehabilitation and release planning',
} as const;
export type AreaId = keyof typeof AREAS;
const areaIds = Object.keys(AREAS) as [AreaId, ...AreaId[]];

export const ThemeSchema = z.strictObject({
  id: slug.describe('The theme\'s id, used in plans\' `themes` lists.'),
  label: text.describe('The theme\'s name as readers see it.'),
  description: text.describe('One sentence on what the theme covers.'),
  area: z.enum(areaIds, { error: `must be one of: ${areaIds.join(', ')}` }).describe('The HMIP healthy prison area it belongs to.'),
});

export const ThemesFileSchema = z.strictObject({
  themes: z.array(ThemeSchema).min(1, { error: 'must list at least one theme' }).describe('The controlled vocabulary of themes.'),
});

/** A term of the search vocabulary: words, with the punctuation names are written with. */
const term = z.string({ error: 'must be text' }).regex(/^[\p{L}\p{N}](?:[\p{L}\p{N} '’&,.-]*[\p{L}\p{N}.])?$/u, {
  error: 'must be a word or phrase: letters, digits, spaces, hyphens and apostrophes, for example "Prison Offender Manager"',
});

export const EquivalentSchema = z.strictObject({
  terms: z
    .array(term)
    .min(2, { error: 'must list at least two terms that mean the same' })
    .describe('Terms a reader may type for the same thing: an abbreviation and its expansion, or joined and split spellings ("healthcare", "health care"). A search for any of them finds every one.'),
});

export const VocabularyFileSchema = z.strictObject({
  equivalents: z.array(EquivalentSchema).describe('Editorial: groups of equivalent terms that search treats as one.'),
});

export type PlanData = z.infer<typeof PlanSchema>;
export type ConcernData = PlanData['concerns'][number];
export type ActionData = z.infer<typeof ActionSchema>;
export type UpdateData = z.infer<typeof UpdateSchema>;
export type RevisedTargetData = z.infer<typeof RevisedTargetSchema>;
export type ReviewData = z.infer<typeof ReviewSchema>;
export type ChangeData = z.infer<typeof ChangeSchema>;
export type EstablishmentData = z.infer<typeof EstablishmentSchema>;
export type ThemeData = z.infer<typeof ThemeSchema>;
