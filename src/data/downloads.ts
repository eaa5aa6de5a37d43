/**
 * The open data downloads, made from the same validated model as the pages, so a download can
 * never say something the site does not.
 */
import type { Plan, Site } from '../content/model.ts';
import { toCsv } from './csv.ts';

/** The columns of /data/actions.csv, in order. The /data/ page documents each one. */
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
] as const;

export function inspectionStart(plan: Plan): string {
  return plan.inspection.periods[0]!.start;
}

export function inspectionEnd(plan: Plan): string {
  return plan.inspection.periods[plan.inspection.periods.length - 1]!.end;
}

export function actionsCsv(site: Site): string {
  const rows = site.plans.flatMap((plan) =>
    plan.concerns.flatMap((concern) =>
      concern.actions.map((action) => [
        plan.establishment.name,
        plan.establishment.id,
        plan.id,
        inspectionStart(plan),
        inspectionEnd(plan),
        plan.reportPublished.date,
        plan.planSubmitted.date,
        concern.number,
        concern.category,
        concern.text,
        concern.themes.map((t) => t.id).join(';'),
        action.number,
        action.text,
        action.owner,
        action.target,
        action.targetMonth,
        action.status,
      ]),
    ),
  );
  return toCsv(ACTIONS_CSV_COLUMNS, rows);
}

/** One plan in full, as plain data: references become ids so the JSON has no cycles. */
export function planRecord(plan: Plan) {
  const { establishment, groups: _groups, sourceFile: _file, concerns, ...rest } = plan;
  const { plans: _plans, ...establishmentFields } = establishment;
  return {
    ...rest,
    establishment: establishmentFields,
    concerns: concerns.map(({ themes, actions, anchor: _anchor, categoryLabel: _label, ...concern }) => ({
      ...concern,
      themes: themes.map((t) => t.id),
      actions: actions.map(({ statusLabel: _status, ...action }) => action),
    })),
  };
}

export function plansJson(site: Site) {
  return {
    description:
      'HMPPS action plans written after HM Inspectorate of Prisons inspections. Official text is Crown copyright, published under the Open Government Licence v3.0; themes and statuses are editorial.',
    themes: site.themes.map(({ areaLabel: _label, ...theme }) => theme),
    plans: site.plans.map(planRecord),
  };
}
