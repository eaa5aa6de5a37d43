/**
 * The open data downloads, made from the same validated model as the pages, so a download can
 * never say something the site does not. The site-wide files (/data/actions.csv,
 * /data/action-plans.json) and each plan's own (/data/plans/<id>.csv and .json) come from the same
 * two functions, given every plan or one.
 *
 * Progress (statuses, revised targets, reviews) is as at the site's "as at" date, like the pages.
 */
import type { Action, Concern, ConcernRef, Plan, Site } from '../content/model.ts';
import { JUDGEMENTS, STATUSES } from '../content/statuses.ts';
import { toCsv } from './csv.ts';

/**
 * The columns of the actions CSV, in order. The first 17 were the file's first columns and stay
 * as they are; progress columns follow them. The /data/ page documents each one
 * (src/data/documentation.ts).
 */
export const ACTIONS_CSV_COLUMNS = [
  'establishment',
  'establishment_id',
  'plan_id',
  'inspection_start',
  'inspection_end',
  'report_published',
  'plan_submitted',
  'concern_number',
  'concern_category',
  'concern',
  'themes',
  'action_number',
  'action',
  'owner',
  'target_date',
  'target_month',
  'status',
  // Progress, as at the "as at" date.
  'status_label',
  'status_date',
  'status_note',
  'status_source',
  'update_count',
  'current_target',
  'current_target_month',
  'target_revisions',
  'target_revised_date',
  'target_revised_reason',
  'target_passed',
  'irp_judgement',
  'irp_judgement_label',
  'irp_date',
  'irp_url',
  'repeats',
  'repeated_by',
  'as_at',
] as const;

export type ActionsCsvColumn = (typeof ACTIONS_CSV_COLUMNS)[number];

/** A concern of a plan as the downloads refer to it: its plan's id and its anchor, "chelmsford-2021#concern-3". */
export function concernKey(ref: { plan: Pick<Plan, 'id'>; concern: Pick<Concern, 'anchor'> }): string {
  return `${ref.plan.id}#${ref.concern.anchor}`;
}

/** One action's row, column by column. Missing values are empty cells; the /data/ page says what each means. */
export function actionRow(site: Site, plan: Plan, concern: Concern, action: Action): Record<ActionsCsvColumn, string | number | null> {
  const update = action.updates.at(-1);
  const revision = action.revisedTargets.at(-1);
  const review = concern.reviews.at(-1);
  return {
    establishment: plan.establishment.name,
    establishment_id: plan.establishment.id,
    plan_id: plan.id,
    inspection_start: plan.inspectionStart,
    inspection_end: plan.inspectionEnd,
    report_published: plan.reportPublished.date,
    plan_submitted: plan.planSubmitted.date,
    concern_number: concern.number,
    concern_category: concern.category,
    concern: concern.text,
    themes: concern.themes.map((t) => t.id).join(';'),
    action_number: action.number,
    action: action.text,
    owner: action.owner,
    target_date: action.target,
    target_month: action.targetMonth,
    status: action.status,
    status_label: action.statusLabel,
    status_date: update?.date ?? null,
    status_note: update?.note ?? null,
    status_source: update?.source ?? null,
    update_count: action.updates.length,
    current_target: action.currentTarget.asWritten,
    current_target_month: action.currentTarget.month,
    target_revisions: action.revisedTargets.length,
    target_revised_date: revision?.date ?? null,
    target_revised_reason: revision?.reason ?? null,
    target_passed: String(action.targetPassed),
    irp_judgement: review?.judgement ?? null,
    irp_judgement_label: review?.label ?? null,
    irp_date: review?.date ?? null,
    irp_url: review?.url ?? null,
    repeats: concern.repeats ? concernKey(concern.repeats) : null,
    repeated_by: concern.repeatedBy.map(concernKey).join(';'),
    as_at: site.asAt.date,
  };
}

/** The actions CSV: one row per action of the plans given (every plan by default), in the site's order. */
export function actionsCsv(site: Site, plans: readonly Plan[] = site.plans): string {
  const rows = plans.flatMap((plan) =>
    plan.concerns.flatMap((concern) =>
      concern.actions.map((action) => {
        const row = actionRow(site, plan, concern, action);
        return ACTIONS_CSV_COLUMNS.map((column) => row[column]);
      }),
    ),
  );
  return toCsv(ACTIONS_CSV_COLUMNS, rows);
}

/** A concern of another plan, as ids: the JSON names plans rather than nesting them, so it has no cycles. */
function concernRef(ref: ConcernRef): { plan: string; concern: number } {
  return { plan: ref.plan.id, concern: ref.concern.number };
}

function actionRecord(action: Action) {
  return {
    number: action.number,
    text: action.text,
    owner: action.owner,
    target: action.target,
    targetMonth: action.targetMonth,
    revisedTargets: action.revisedTargets.map((r) => ({
      date: r.date,
      target: r.target,
      targetMonth: r.targetMonth,
      reason: r.reason,
      source: r.source ?? null,
    })),
    currentTarget: { asWritten: action.currentTarget.asWritten, month: action.currentTarget.month },
    updates: action.updates.map((u) => ({ date: u.date, status: u.status, note: u.note ?? null, source: u.source ?? null })),
    status: action.status,
    targetPassed: action.targetPassed,
  };
}

function concernRecord(concern: Concern) {
  return {
    number: concern.number,
    category: concern.category,
    ...(concern.reference ? { reference: concern.reference } : {}),
    ...(concern.response ? { response: concern.response } : {}),
    text: concern.text,
    themes: concern.themes.map((t) => t.id),
    reviews: concern.reviews.map((r) => ({ date: r.date, judgement: r.judgement, url: r.url })),
    repeats: concern.repeats ? concernRef(concern.repeats) : null,
    repeatedBy: concern.repeatedBy.map(concernRef),
    progress: concern.progress,
    actions: concern.actions.map(actionRecord),
  };
}

/**
 * One plan in full, as plain data: references become ids so the JSON has no cycles. What only the
 * site needs (names, paths, its grouping for the page, its source file) is left out.
 */
export function planRecord(plan: Plan) {
  const {
    establishment,
    groups: _groups,
    sourceFile: _file,
    inspectionStart: _start,
    inspectionEnd: _end,
    name: _name,
    displayName: _displayName,
    shortName: _shortName,
    published: _published,
    path: _path,
    dataPaths: _dataPaths,
    concerns,
    changes,
    progress,
    ...rest
  } = plan;
  // The establishment's own counts cover its other plans too, so they are left to its page.
  const { plans: _plans, progress: _progress, path: _page, ...establishmentFields } = establishment;
  return {
    ...rest,
    establishment: establishmentFields,
    changes: changes.map((c) => ({ date: c.date, note: c.note })),
    progress,
    concerns: concerns.map(concernRecord),
  };
}

export const DATASET_DESCRIPTION =
  'HMPPS action plans written after HM Inspectorate of Prisons inspections. Official text is Crown copyright, published under the Open Government Licence v3.0; themes, statuses, revised targets as recorded here and "target date passed" are editorial. Progress is as at the date in "asAt".';

/** The JSON download of the plans given (every plan by default): the same shape for the whole site and for one plan. */
export function plansJson(site: Site, plans: readonly Plan[] = site.plans) {
  return {
    description: DATASET_DESCRIPTION,
    asAt: { date: site.asAt.date, source: site.asAt.source },
    statuses: Object.entries(STATUSES).map(([id, label]) => ({ id, label })),
    judgements: Object.entries(JUDGEMENTS).map(([id, label]) => ({ id, label })),
    themes: site.themes.map(({ areaLabel: _label, path: _path, ...theme }) => theme),
    plans: plans.map(planRecord),
  };
}
