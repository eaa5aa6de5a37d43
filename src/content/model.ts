/**
 * The typed model every page, search record and download is made from. It is built only from
 * content that has passed validation, and adds what can be derived (labels, parsed months,
 * anchors, links between establishments and plans) so that no page derives it again.
 */
import { parseTargetMonth, yearOf } from '../lib/dates.ts';
import {
  AREAS,
  RESPONSES,
  STATUSES,
  type ActionData,
  type AreaId,
  type EstablishmentData,
  type PlanData,
  type StatusId,
  type ThemeData,
} from './schema.ts';

export interface Theme extends ThemeData {
  areaLabel: string;
}

export interface Area {
  id: AreaId;
  label: string;
  themes: Theme[];
}

export interface Action extends Omit<ActionData, 'targetMonth'> {
  /** 1-based position within its concern. */
  number: number;
  /** The month the target refers to (YYYY-MM), from the file or read from the target as written. */
  targetMonth: string | null;
  status: StatusId;
  statusLabel: string;
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
  /** The year the inspection started, used to name and filter plans. */
  year: number;
  actionCount: number;
  /** The content file it came from, relative to the project root. */
  sourceFile: string;
}

export interface Establishment extends EstablishmentData {
  /** Its plans, newest inspection first. */
  plans: Plan[];
}

export interface Site {
  establishments: Establishment[];
  plans: Plan[];
  themes: Theme[];
  areas: Area[];
}

export interface ValidContent {
  establishments: EstablishmentData[];
  themes: ThemeData[];
  plans: { data: PlanData; introduction: string; sourceFile: string }[];
}

const CONCERN_CATEGORIES: Record<string, { label: string; heading: string }> = {
  priority: { label: 'Priority concern', heading: 'Priority concerns' },
  key: { label: 'Key concern', heading: 'Key concerns' },
};

function buildAction(action: ActionData, index: number): Action {
  return {
    ...action,
    number: index + 1,
    targetMonth: action.targetMonth ?? parseTargetMonth(action.target),
    statusLabel: STATUSES[action.status],
  };
}

export function buildSite(content: ValidContent): Site {
  const themes: Theme[] = content.themes.map((t) => ({ ...t, areaLabel: AREAS[t.area] }));
  const themeById = new Map(themes.map((t) => [t.id, t]));
  const areas: Area[] = (Object.keys(AREAS) as AreaId[]).map((id) => ({
    id,
    label: AREAS[id],
    themes: themes.filter((t) => t.area === id),
  }));

  const establishments: Establishment[] = content.establishments
    .map((e) => ({ ...e, plans: [] as Plan[] }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const establishmentById = new Map(establishments.map((e) => [e.id, e]));

  const plans: Plan[] = content.plans.map(({ data, introduction, sourceFile }) => {
    const establishment = establishmentById.get(data.establishment)!;
    const concerns: Concern[] = data.concerns.map((c) => ({
      number: c.number,
      category: c.category,
      categoryLabel: CONCERN_CATEGORIES[c.category]?.label ?? c.category,
      ...('reference' in c && c.reference ? { reference: c.reference } : {}),
      ...('response' in c
        ? { response: { decision: c.response.decision, label: RESPONSES[c.response.decision], text: c.response.text } }
        : {}),
      text: c.text,
      themes: c.themes.map((id) => themeById.get(id)!),
      actions: c.actions.map(buildAction),
      anchor: `concern-${c.number}`,
    }));
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
    return {
      ...rest,
      establishment,
      concerns,
      groups,
      introduction: introduction.trim(),
      year: yearOf(data.inspection.periods[0]!.start),
      actionCount: concerns.reduce((n, c) => n + c.actions.length, 0),
      sourceFile,
    };
  });

  plans.sort(
    (a, b) => b.inspection.periods[0]!.start.localeCompare(a.inspection.periods[0]!.start) || a.id.localeCompare(b.id),
  );
  for (const plan of plans) plan.establishment.plans.push(plan);

  return { establishments, plans, themes, areas };
}
