/**
 * The typed model every page, search record and download is made from. It is built only from
 * content that has passed validation, and adds what can be derived (labels, parsed months,
 * anchors, names, paths, links between establishments and plans) so that no page, feed or
 * download derives it again.
 *
 * Paths are from the site's root ("/plans/chelmsford-2024/"): pages put them under the base path
 * with `href`, and the feed and the sitemap make full addresses of them.
 */
import { latestDate, parseTargetMonth, yearOf } from '../lib/dates.ts';
import { asAtDate, countProgress, currentStatus, currentTarget, targetPassed, type ProgressCounts, type Target } from './progress.ts';
import {
  AREAS,
  RESPONSES,
  type ActionData,
  type AreaId,
  type ChangeData,
  type EstablishmentData,
  type PlanData,
  type ThemeData,
  type UpdateData,
} from './schema.ts';
import { JUDGEMENTS, STATUSES, type JudgementId, type StatusId } from './statuses.ts';

export interface Theme extends ThemeData {
  areaLabel: string;
  /** Its page: "/themes/self-harm/". */
  path: string;
}

export interface Area {
  id: AreaId;
  label: string;
  themes: Theme[];
}

export interface Update extends UpdateData {
  statusLabel: string;
}

export interface RevisedTarget {
  date: string;
  target: string;
  /** The month the new target refers to (YYYY-MM), where one can be read or was given. */
  targetMonth: string | null;
  reason: string;
  source?: string;
}

export interface Action extends Omit<ActionData, 'targetMonth' | 'updates' | 'revisedTargets'> {
  /** 1-based position within its concern. */
  number: number;
  /** The id of its section on the plan page, unique on that page: "concern-3-action-2". */
  anchor: string;
  /** Its section on the plan page: "/plans/chelmsford-2024/#concern-3-action-2". */
  path: string;
  /** The month the original target refers to (YYYY-MM), from the file or read from the target as written. */
  targetMonth: string | null;
  /** Changes to the target made by the "as at" date, oldest first. */
  revisedTargets: RevisedTarget[];
  /** The target in force as at the site's "as at" date: the latest revision's, else the original. */
  currentTarget: Target;
  /** Progress updates published by the "as at" date, oldest first. */
  updates: Update[];
  /** The latest update's status as at the "as at" date, or "no-update". */
  status: StatusId;
  statusLabel: string;
  /** Derived: the current target's month has ended by the "as at" date and the action is not settled. */
  targetPassed: boolean;
}

export interface Review {
  date: string;
  judgement: JudgementId;
  label: string;
  url: string;
}

/** A concern of a particular plan, for links between plans. */
export interface ConcernRef {
  plan: Plan;
  concern: Concern;
}

export interface Concern {
  number: number;
  /** "priority" / "key" in the concerns format; the report's grouping in the recommendations format. */
  category: string;
  /** The category as a reader sees it on a tag, such as "Priority concern". */
  categoryLabel: string;
  reference?: string;
  response?: { decision: keyof typeof RESPONSES; label: string; text?: string };
  text: string;
  themes: Theme[];
  actions: Action[];
  /** The id of its section on the plan page, stable across builds: `concern-8`. */
  anchor: string;
  /** Its section on the plan page: "/plans/chelmsford-2024/#concern-8". */
  path: string;
  /** HMIP's Independent Review of Progress judgements published by the "as at" date, oldest first. */
  reviews: Review[];
  /** The earlier plan's concern that this one raises again. */
  repeats?: ConcernRef;
  /** Later plans' concerns that raise this one again, oldest first. */
  repeatedBy: ConcernRef[];
  progress: ProgressCounts;
}

/** A group of concerns under one heading, in the order the plan gives them. */
export interface ConcernGroup {
  category: string;
  heading: string;
  concerns: Concern[];
}

export interface Plan extends Omit<PlanData, 'concerns' | 'establishment'> {
  establishment: Establishment;
  concerns: Concern[];
  groups: ConcernGroup[];
  /** The document's own introduction (Markdown), where the file has one. */
  introduction: string;
  /** The first and last days of the inspection, as YYYY-MM-DD. */
  inspectionStart: string;
  inspectionEnd: string;
  /** The year the inspection started, used to name and filter plans. */
  year: number;
  /** How the site names the plan where its establishment is already named: "action plan after the 2024 inspection". */
  name: string;
  /** How the site names the plan anywhere else: "HMP Chelmsford: action plan after the 2024 inspection". */
  displayName: string;
  /** The short form, in feed titles, download lists and before a concern: "HMP Chelmsford, 2024 plan". */
  shortName: string;
  /** The date it first appeared on the site: its first change-log entry, else the date HMPPS submitted it. */
  published: string;
  /** Its page: "/plans/chelmsford-2024/". */
  path: string;
  /** Its own downloads: every action as CSV, the whole plan as JSON. */
  dataPaths: { csv: string; json: string };
  actionCount: number;
  /** The content file it came from, relative to the project root. */
  sourceFile: string;
  /** The page's change log up to the "as at" date, oldest first. */
  changes: ChangeData[];
  progress: ProgressCounts;
}

export interface Establishment extends EstablishmentData {
  /** Its page: "/establishments/chelmsford/". */
  path: string;
  /** Its plans, newest inspection first. */
  plans: Plan[];
  progress: ProgressCounts;
}

/** The date progress is judged at, and where it came from. */
export interface AsAt {
  date: string;
  /** "setting": ACTION_PLANS_AS_AT; "content": the latest date anywhere in the content. */
  source: 'setting' | 'content';
}

export interface Site {
  establishments: Establishment[];
  plans: Plan[];
  themes: Theme[];
  areas: Area[];
  asAt: AsAt;
  /** Editorial: groups of equivalent search terms ("POM", "Prison Offender Manager"). */
  vocabulary: string[][];
}

export interface ValidContent {
  establishments: EstablishmentData[];
  themes: ThemeData[];
  plans: { data: PlanData; introduction: string; sourceFile: string }[];
  /** Groups of equivalent search terms, from content/vocabulary.yaml (none without it). */
  vocabulary?: string[][];
}

const CONCERN_CATEGORIES: Record<string, { label: string; heading: string }> = {
  priority: { label: 'Priority concern', heading: 'Priority concerns' },
  key: { label: 'Key concern', heading: 'Key concerns' },
};

function buildAction(action: ActionData, index: number, concernAnchor: string, planPath: string, asAt: string): Action {
  const { updates, revisedTargets } = action;
  const targetMonth = action.targetMonth ?? parseTargetMonth(action.target);
  const target = currentTarget({ asWritten: action.target, month: targetMonth }, revisedTargets, asAt);
  const status = currentStatus(updates, asAt);
  const anchor = `${concernAnchor}-action-${index + 1}`;
  // The fields named rather than copied with "...rest": V8 copies an object rest slowly, and a
  // 600-plan site has 40,000 actions. `satisfies` makes the compiler name any field the schema
  // gains, so none is dropped silently.
  const written = { text: action.text, owner: action.owner, target: action.target } satisfies Required<
    Omit<ActionData, 'targetMonth' | 'updates' | 'revisedTargets'>
  >;
  return {
    ...written,
    number: index + 1,
    anchor,
    path: `${planPath}#${anchor}`,
    targetMonth,
    revisedTargets: asAtDate(revisedTargets, asAt).map((r) => ({ ...r, targetMonth: r.targetMonth ?? parseTargetMonth(r.target) })),
    currentTarget: target,
    updates: asAtDate(updates, asAt).map((u) => ({ ...u, statusLabel: STATUSES[u.status] })),
    status,
    statusLabel: STATUSES[status],
    targetPassed: targetPassed(target.month, status, asAt),
  };
}

/** Every date the content records: the default "as at" date is the latest of them. */
function contentDates(content: ValidContent): string[] {
  return content.plans.flatMap(({ data }) => [
    data.reportPublished.date,
    data.planSubmitted.date,
    ...data.changes.map((c) => c.date),
    ...data.concerns.flatMap((c) => [
      ...c.reviews.map((r) => r.date),
      ...c.actions.flatMap((a) => [...a.updates.map((u) => u.date), ...a.revisedTargets.map((r) => r.date)]),
    ]),
  ]);
}

/**
 * The "as at" date: the one given (a deployment's ACTION_PLANS_AS_AT), else the latest date in the
 * content, so the same content always gives the same statuses whatever day it is built.
 */
export function resolveAsAt(content: ValidContent, given?: string): AsAt {
  if (given) return { date: given, source: 'setting' };
  return { date: latestDate(contentDates(content)) ?? '1970-01-01', source: 'content' };
}

export interface BuildOptions {
  /** The date progress is judged at, as YYYY-MM-DD; by default the latest date in the content. */
  asAt?: string;
}

export function buildSite(content: ValidContent, options: BuildOptions = {}): Site {
  const asAt = resolveAsAt(content, options.asAt);
  const themes: Theme[] = content.themes.map((t) => ({ ...t, areaLabel: AREAS[t.area], path: `/themes/${t.id}/` }));
  const themeById = new Map(themes.map((t) => [t.id, t]));
  const areas: Area[] = (Object.keys(AREAS) as AreaId[]).map((id) => ({
    id,
    label: AREAS[id],
    themes: themes.filter((t) => t.area === id),
  }));

  const establishments: Establishment[] = content.establishments
    .map((e) => ({ ...e, path: `/establishments/${e.id}/`, plans: [] as Plan[], progress: countProgress([]) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const establishmentById = new Map(establishments.map((e) => [e.id, e]));

  const plans: Plan[] = content.plans.map(({ data, introduction, sourceFile }) => {
    const establishment = establishmentById.get(data.establishment)!;
    const path = `/plans/${data.id}/`;
    const concerns: Concern[] = data.concerns.map((c) => {
      const anchor = `concern-${c.number}`;
      const actions = c.actions.map((a, i) => buildAction(a, i, anchor, path, asAt.date));
      return {
        number: c.number,
        category: c.category,
        categoryLabel: CONCERN_CATEGORIES[c.category]?.label ?? c.category,
        ...('reference' in c && c.reference ? { reference: c.reference } : {}),
        ...('response' in c
          ? { response: { decision: c.response.decision, label: RESPONSES[c.response.decision], text: c.response.text } }
          : {}),
        text: c.text,
        themes: c.themes.map((id) => themeById.get(id)!),
        actions,
        anchor,
        path: `${path}#${anchor}`,
        reviews: asAtDate(c.reviews, asAt.date).map((r) => ({ ...r, label: JUDGEMENTS[r.judgement] })),
        repeatedBy: [],
        progress: countProgress(actions),
      };
    });
    const groups: ConcernGroup[] = [];
    for (const concern of concerns) {
      const last = groups[groups.length - 1];
      if (last?.category === concern.category) last.concerns.push(concern);
      else {
        const known = CONCERN_CATEGORIES[concern.category];
        groups.push({ category: concern.category, heading: known?.heading ?? concern.category, concerns: [concern] });
      }
    }
    const { concerns: _raw, establishment: _id, ...rest } = data;
    const { periods } = data.inspection;
    const year = yearOf(periods[0]!.start);
    const name = `action plan after the ${year} inspection`;
    const changes = asAtDate(data.changes, asAt.date);
    return {
      ...rest,
      establishment,
      concerns,
      groups,
      introduction: introduction.trim(),
      inspectionStart: periods[0]!.start,
      inspectionEnd: periods[periods.length - 1]!.end,
      year,
      name,
      displayName: `${establishment.name}: ${name}`,
      shortName: `${establishment.name}, ${year} plan`,
      published: changes[0]?.date ?? data.planSubmitted.date,
      path,
      dataPaths: { csv: `/data/plans/${data.id}.csv`, json: `/data/plans/${data.id}.json` },
      actionCount: concerns.reduce((n, c) => n + c.actions.length, 0),
      sourceFile,
      changes,
      progress: countProgress(concerns.flatMap((c) => c.actions)),
    };
  });

  plans.sort((a, b) => b.inspectionStart.localeCompare(a.inspectionStart) || a.id.localeCompare(b.id));
  for (const plan of plans) plan.establishment.plans.push(plan);
  for (const e of establishments) e.progress = countProgress(e.plans.flatMap((p) => p.concerns.flatMap((c) => c.actions)));
  linkRepeats(content, plans);

  return { establishments, plans, themes, areas, asAt, vocabulary: content.vocabulary ?? [] };
}

/** Joins each repeated concern to the earlier one it repeats, both ways. Validation has checked every reference. */
function linkRepeats(content: ValidContent, plans: Plan[]) {
  const planById = new Map(plans.map((p) => [p.id, p]));
  const concernOf = (plan: Plan, number: number) => plan.concerns.find((c) => c.number === number)!;
  for (const { data } of content.plans) {
    const plan = planById.get(data.id)!;
    data.concerns.forEach((c) => {
      if (!c.repeats) return;
      const earlierPlan = planById.get(c.repeats.plan)!;
      const earlier = { plan: earlierPlan, concern: concernOf(earlierPlan, c.repeats.concern) };
      const later = { plan, concern: concernOf(plan, c.number) };
      later.concern.repeats = earlier;
      earlier.concern.repeatedBy.push(later);
    });
  }
  for (const plan of plans) {
    for (const concern of plan.concerns) concern.repeatedBy.sort((a, b) => a.plan.year - b.plan.year || a.plan.id.localeCompare(b.plan.id));
  }
}
