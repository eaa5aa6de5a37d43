/**
 * A generated estate: a realistic but clearly fictional content folder of many establishments and
 * plans, for measuring the site (build time, search index size, search speed) at the scale of the
 * whole prison estate. Every establishment is called "HMP Example <place>", every plan says it is
 * generated fiction, and the folder's README.md says so too.
 *
 * Plans carry progress where the model has it (addProgress): dated updates, revised targets,
 * HMIP's review judgements, repeated concerns and change logs, in realistic shares.
 *
 * The output depends only on the seed and the number of plans (its own seeded PRNG, no clock, no
 * Math.random), so the same command always writes the same bytes.
 *
 * Used by scripts/generate-estate.ts (the command), scripts/bench.ts and scripts/bench-search.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Document, isScalar, isSeq, Scalar, parse as parseYaml, visit } from 'yaml';
import { loadContent } from '../content/load.ts';
import { formatProblem, type Problem } from '../content/problems.ts';
import { ThemesFileSchema, type ThemeData } from '../content/schema.ts';
import { MONTHS, parseTargetMonth } from '../lib/dates.ts';
import {
  CONTRACTORS,
  ESTABLISHMENT_TYPES,
  FILL,
  GENERIC_ACTIONS,
  GENERIC_FINDINGS,
  GENERIC_RECOMMENDATIONS,
  GROUPS,
  LIST_LEADS,
  NAME_ENDS,
  NAME_STARTS,
  OTHER_OWNERS,
  PLAN_NOTES,
  RESPONSE_TEXTS,
  REVISION_REASONS,
  THEME_WEIGHTS,
  THEME_WORDS,
  type ThemeWords,
  UPDATE_NOTES,
} from './vocabulary.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
export const REAL_CONTENT = path.join(PROJECT_ROOT, 'content');

/** The first line of the README.md of every generated estate: how a previous estate is recognised. */
export const README_MARKER = '<!-- generated-estate: fictional test data written by scripts/generate-estate.ts -->';
const OWN_ENTRIES = new Set(['README.md', 'themes.yaml', 'establishments', 'plans']);

export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2025;
/** Plans of inspections from this year on use the "concerns" format; earlier ones "recommendations". */
export const CONCERNS_FORMAT_FROM = 2022;
export const MAX_ESTABLISHMENTS = 120;

export interface EstateOptions {
  /** How many plans to write (at least 1). */
  plans: number;
  /** Any integer; the same seed and plan count always give the same files. Default 1. */
  seed?: number;
  /** The folder to write. It must be outside content/, and new, empty or a previous generated estate. */
  out: string;
  /** The themes file to copy (default: the real content/themes.yaml). */
  themesFile?: string;
}

export interface EstateSummary {
  out: string;
  seed: number;
  establishments: number;
  plans: number;
  concerns: number;
  actions: number;
  formats: { concerns: number; recommendations: number };
  /** The progress recorded: updates and revised targets of actions, reviews and repeats of concerns, change log entries of plans. */
  progress: { updates: number; actionsWithUpdates: number; revisedTargets: number; reviews: number; plansReviewed: number; repeats: number; changes: number };
  files: number;
}

/** A refusal or failure the command reports in plain words, without a stack trace. */
export class EstateError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'EstateError';
  }
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** A small seeded PRNG (mulberry32, seeded through a string hash), so output never depends on Math.random. */
export class Random {
  private state: number;

  constructor(seed: string | number) {
    // xmur3 string hash, then a few rounds of mixing, to turn any seed into a 32-bit state.
    const text = String(seed);
    let h = 1779033703 ^ text.length;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    this.state = (h ^= h >>> 16) >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  /** Up to `n` different items. */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY = 86_400_000;
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthName = (d: Date) => MONTHS[d.getUTCMonth()]!;

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** "8th May 2024" or "8 May 2024". */
function writeDate(d: Date, withOrdinal: boolean): string {
  const day = withOrdinal ? ordinal(d.getUTCDate()) : String(d.getUTCDate());
  return `${day} ${monthName(d)} ${d.getUTCFullYear()}`;
}

type Period = { start: Date; end: Date };

/** The inspection dates as an inspection report's cover writes them, in one of a few house styles. */
function writeInspection(periods: Period[], rng: Random): string {
  const year = periods[periods.length - 1]!.end.getUTCFullYear();
  if (periods.length === 2) {
    // "24-25th February; 2-6th March 2020"
    const part = ({ start, end }: Period) =>
      start.getUTCMonth() === end.getUTCMonth()
        ? `${start.getUTCDate()}-${ordinal(end.getUTCDate())} ${monthName(end)}`
        : `${ordinal(start.getUTCDate())} ${monthName(start)} - ${ordinal(end.getUTCDate())} ${monthName(end)}`;
    return `${periods.map(part).join('; ')} ${year}`;
  }
  const { start, end } = periods[0]!;
  const withOrdinal = rng.chance(0.6);
  const day = (d: Date) => (withOrdinal ? ordinal(d.getUTCDate()) : String(d.getUTCDate()));
  const dash = rng.pick([' – ', ' - ', ' to ']);
  if (start.getUTCMonth() === end.getUTCMonth()) return `${day(start)}${dash}${day(end)} ${monthName(end)} ${year}`;
  return `${day(start)} ${monthName(start)}${dash}${day(end)} ${monthName(end)} ${year}`;
}

// ---------------------------------------------------------------------------------------------
// Text

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Vars = Record<string, string>;

/** Fills {placeholders} from `vars`, or with a random choice from FILL; an unknown one is a bug. */
function fill(template: string, vars: Vars, rng: Random): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name in vars) return vars[name]!;
    const choices = (FILL as Record<string, readonly string[]>)[name];
    if (!choices) throw new Error(`unknown placeholder {${name}} in "${template}"`);
    return rng.pick(choices);
  });
  // A sentence that starts with a placeholder ("{topic} ...") starts with a capital.
  return capitalise(filled);
}

function wordsFor(theme: ThemeData): ThemeWords {
  return (
    THEME_WORDS[theme.id] ?? {
      topics: [theme.label.toLowerCase()],
      findings: [],
      recommendations: [],
      actions: [],
      items: [],
      meetings: ['Senior Leadership Team meeting'],
      owners: [],
      related: [],
    }
  );
}

// ---------------------------------------------------------------------------------------------
// The estate

interface EstablishmentOut {
  id: string;
  name: string;
  type: string;
  group: string;
  operator: string;
}

function makeEstablishments(count: number, rng: Random): EstablishmentOut[] {
  const places = rng.shuffle(NAME_STARTS.flatMap((a) => NAME_ENDS.map((b) => `${a}${b}`))).slice(0, count);
  return places.map((place) => {
    const type = rng.weighted(ESTABLISHMENT_TYPES.map((t, i) => [t, [30, 15, 30, 7, 7, 5, 4, 2][i] ?? 1] as const));
    const group = /women/i.test(type)
      ? GROUPS.find((g) => /Women/.test(g))!
      : /High security/.test(type)
        ? GROUPS.find((g) => /High Security/.test(g))!
        : rng.pick(GROUPS.filter((g) => !/Women|High Security/.test(g)));
    return {
      id: `example-${place.toLowerCase()}`,
      name: `HMP Example ${place}`,
      type,
      group,
      operator: rng.chance(0.12) ? rng.pick(CONTRACTORS) : 'HM Prison and Probation Service',
    };
  });
}

interface PlanSlot {
  establishment: EstablishmentOut;
  year: number;
  id: string;
}

/** Spreads `plans` over the establishments, each at least one, with different inspection years where it can. */
function makeSlots(establishments: EstablishmentOut[], plans: number, rng: Random): PlanSlot[] {
  const counts = establishments.map(() => 1);
  for (let i = establishments.length; i < plans; i++) counts[rng.int(0, establishments.length - 1)]! += 1;
  const allYears = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const years = counts.map((k) => {
    const chosen: number[] = [];
    while (chosen.length < k) chosen.push(...rng.shuffle(allYears));
    return chosen.slice(0, k).sort((a, b) => a - b);
  });

  // Both formats always appear (from two plans up), whatever the draw.
  const flat = years.flat();
  const isNew = (y: number) => y >= CONCERNS_FORMAT_FROM;
  if (plans >= 2 && (flat.every(isNew) || !flat.some(isNew))) {
    const wantNew = !isNew(flat[0]!);
    const ys = years.find((y) => y.length < allYears.length) ?? years[0]!;
    const replacement = allYears.find((y) => isNew(y) === wantNew && !ys.includes(y))!;
    ys[ys.length - 1] = replacement;
    ys.sort((a, b) => a - b);
  }

  return establishments.flatMap((establishment, i) => {
    const seen = new Map<number, number>();
    return years[i]!.map((year) => {
      const n = (seen.get(year) ?? 0) + 1;
      seen.set(year, n);
      return { establishment, year, id: `${establishment.id}-${year}${n > 1 ? `-${n}` : ''}` };
    });
  });
}

type Target = string | null;

/** A target as plans write them, about `months` after the plan was submitted. */
function makeTarget(submitted: Date, months: number, estatesWork: boolean, rng: Random): Target {
  const d = utc(submitted.getUTCFullYear(), submitted.getUTCMonth() + 1 + months, 1);
  const month = `${monthName(d)} ${d.getUTCFullYear()}`;
  const kind = rng.weighted([
    ['month', 52],
    ['end-of', 8],
    ['by', 4],
    ['abbreviated', 3],
    ['bid', estatesWork ? 12 : 1],
    ['completed', 9],
    ['ongoing', 8],
    ['day', 4],
    ['quarterly', 2],
    ['immediate', 2],
    ['none', 2],
  ] as const);
  switch (kind) {
    case 'month':
      return month;
    case 'end-of':
      return `End of ${month}`;
    case 'by':
      return `By ${month}`;
    case 'abbreviated':
      return `${monthName(d) === 'September' ? 'Sept' : monthName(d).slice(0, 3)} ${d.getUTCFullYear()}`;
    case 'bid':
      return `${month} (For bid process)`;
    case 'completed':
      return 'Completed';
    case 'ongoing':
      return 'Ongoing';
    case 'day':
      return `${ordinal(addDays(utc(d.getUTCFullYear(), d.getUTCMonth() + 2, 1), -1).getUTCDate())} ${month}`;
    case 'quarterly':
      return 'Quarterly review';
    case 'immediate':
      return 'Immediate and ongoing';
    case 'none':
      return null;
  }
}

const STATUS_WEIGHTS = [
  ['completed', 35],
  ['in-progress', 25],
  ['not-started', 8],
  ['not-completed', 10],
  ['no-longer-applicable', 5],
  ['no-update', 17],
] as const;

/** An action as generated, with the status its updates are to reach (removed before writing). */
interface GeneratedAction {
  text: string;
  owner: string | null;
  target: string | null;
  status?: string;
  revisedTargets?: { date: string; target: string; reason: string; source?: string }[];
  updates?: { date: string; status: string; note?: string; source?: string }[];
}

interface GeneratedConcern {
  number: number;
  themes: string[];
  actions: GeneratedAction[];
  reviews?: { date: string; judgement: string; url: string }[];
  repeats?: { plan: string; concern: number };
  [field: string]: unknown;
}

interface GeneratedPlan {
  id: string;
  format: string;
  inspection: { periods: { start: string; end: string }[] };
  reportPublished: { date: string };
  planSubmitted: { date: string };
  provenance: { retrieved: string };
  changes?: { date: string; note: string }[];
  concerns: GeneratedConcern[];
  [field: string]: unknown;
}

interface Context {
  rng: Random;
  seed: number;
  est: EstablishmentOut;
  themes: ThemeData[];
  themeById: Map<string, ThemeData>;
  ownerStyle: 'governor' | 'varied';
  hasUpdates: boolean;
  submitted: Date;
}

function makeOwner(ctx: Context, words: ThemeWords): string | null {
  const { rng } = ctx;
  if (rng.chance(0.025)) return null;
  if (ctx.ownerStyle === 'governor') return rng.chance(0.85) || !words.owners.length ? 'Governor' : rng.pick(words.owners);
  return rng.weighted([
    ['Governor', 35],
    [words.owners.length ? rng.pick(words.owners) : 'Governor', 45],
    [rng.pick(OTHER_OWNERS), 20],
  ] as const);
}

function makeActionText(ctx: Context, theme: ThemeData, used: Set<string>): string {
  const { rng } = ctx;
  const words = wordsFor(theme);
  const vars = (): Vars => ({ est: ctx.est.name, topic: rng.pick(words.topics), meeting: rng.pick(words.meetings) });
  for (let attempt = 0; attempt < 8; attempt++) {
    let text: string;
    if (words.items.length >= 3 && rng.chance(0.13)) {
      const numbered = rng.chance(0.4);
      const items = rng.sample(words.items, rng.int(3, Math.min(5, words.items.length)));
      const lines = items.map((item, i) => `${numbered ? `${i + 1}.` : '-'} ${capitalise(item)}.`);
      text = `${fill(rng.pick(LIST_LEADS), vars(), rng)}\n\n${lines.join('\n')}`;
    } else if (words.actions.length && rng.chance(0.55)) {
      text = fill(rng.pick(words.actions), vars(), rng);
    } else {
      text = fill(rng.pick(GENERIC_ACTIONS), vars(), rng);
    }
    if (!used.has(text)) {
      used.add(text);
      return text;
    }
  }
  // Eight draws all taken: vary a generic sentence until it is new.
  let text = fill(rng.pick(GENERIC_ACTIONS), vars(), rng);
  for (let n = 2; used.has(text); n++) text = `${text} This is the ${ordinal(n)} stage of this work.`;
  used.add(text);
  return text;
}

function makeActions(ctx: Context, themes: ThemeData[]) {
  const { rng } = ctx;
  const count = rng.weighted([
    [2, 14],
    [3, 20],
    [4, 20],
    [5, 15],
    [6, 11],
    [7, 8],
    [8, 6],
    [9, 6],
  ] as const);
  const base = rng.int(1, 9);
  const used = new Set<string>();
  return Array.from({ length: count }, () => {
    const theme = rng.chance(0.75) ? themes[0]! : rng.pick(themes);
    const words = wordsFor(theme);
    const text = makeActionText(ctx, theme, used);
    const owner = makeOwner(ctx, words);
    const estatesWork = owner === 'HMPPS Estates' || ['living-conditions', 'food-and-shop', 'segregation'].includes(theme.id);
    const target = makeTarget(ctx.submitted, Math.max(0, base + rng.int(-1, 3)), estatesWork, rng);
    let status: string = 'no-update';
    if (ctx.hasUpdates) status = target === 'Completed' ? (rng.chance(0.85) ? 'completed' : 'in-progress') : rng.weighted(STATUS_WEIGHTS);
    // Drawn as before (the estate's text stays the same); the progress pass (addProgress) writes the
    // updates that lead to this status, on the plan's progress report dates.
    if (status !== 'no-update') rng.int(90, 400);
    return { text, owner, target, status } as GeneratedAction;
  });
}

/** The themes of one concern: a leading theme, sometimes with one or two more. */
function concernThemes(ctx: Context, lead: ThemeData): ThemeData[] {
  const { rng } = ctx;
  const extra = rng.weighted([
    [0, 55],
    [1, 35],
    [2, 10],
  ] as const);
  const chosen = [lead];
  for (let i = 0; i < extra * 3 && chosen.length < 1 + extra; i++) {
    const related = wordsFor(lead).related.map((id) => ctx.themeById.get(id)).filter((t): t is ThemeData => !!t);
    const candidate = related.length && rng.chance(0.7) ? rng.pick(related) : rng.pick(ctx.themes);
    if (!chosen.includes(candidate)) chosen.push(candidate);
  }
  return chosen;
}

/** The leading themes of `n` concerns, common themes more often, no repeat until every theme is used. */
function leadThemes(ctx: Context, n: number): ThemeData[] {
  const out: ThemeData[] = [];
  let pool = [...ctx.themes];
  while (out.length < n) {
    if (!pool.length) pool = [...ctx.themes];
    const theme = ctx.rng.weighted(pool.map((t) => [t, THEME_WEIGHTS[t.id] ?? 1] as const));
    out.push(theme);
    pool = pool.filter((t) => t !== theme);
  }
  return out;
}

function sentences(ctx: Context, theme: ThemeData, own: string[], generic: string[], count: number): string {
  const { rng } = ctx;
  const words = wordsFor(theme);
  const vars: Vars = { est: ctx.est.name, topic: rng.pick(words.topics) };
  const chosen = rng.sample(own, count);
  if (!chosen.length || rng.chance(0.25)) chosen.push(rng.pick(generic));
  return chosen.map((s) => fill(s, vars, rng)).join(' ');
}

const AREA_ORDER = ['safety', 'respect', 'purposeful-activity', 'rehabilitation-and-release-planning'];
const AREA_HEADINGS: Record<string, string> = {
  safety: 'Safety',
  respect: 'Respect',
  'purposeful-activity': 'Purposeful activity',
  'rehabilitation-and-release-planning': 'Rehabilitation and release planning',
};

function makeConcerns(ctx: Context) {
  const { rng } = ctx;
  const leads = leadThemes(ctx, rng.int(10, 20));
  return leads.map((lead, i) => {
    const themes = concernThemes(ctx, lead);
    return {
      number: i + 1,
      category: i < 6 ? 'priority' : 'key',
      text: sentences(ctx, lead, wordsFor(lead).findings, GENERIC_FINDINGS, rng.int(1, 3)),
      themes: themes.map((t) => t.id),
      actions: makeActions(ctx, themes),
    };
  });
}

function makeRecommendations(ctx: Context) {
  const { rng } = ctx;
  const leads = leadThemes(ctx, rng.int(10, 20));
  const main = rng.chance(0.7) ? rng.int(3, 6) : 0;
  const areaRank = (t: ThemeData) => AREA_ORDER.indexOf(t.area);
  const ordered = [
    ...leads.slice(0, main).map((t) => ({ lead: t, category: 'Main recommendations' })),
    ...leads
      .slice(main)
      .sort((a, b) => areaRank(a) - areaRank(b))
      .map((t) => ({ lead: t, category: AREA_HEADINGS[t.area] ?? 'Other recommendations' })),
  ];
  const withReferences = rng.chance(0.85);
  let summaryNumber = rng.int(20, 45);
  const paragraph = new Map<string, number>();
  return ordered.map(({ lead, category }, i) => {
    const themes = concernThemes(ctx, lead);
    let reference: string | undefined;
    if (withReferences) {
      if (category === 'Main recommendations') reference = `S${summaryNumber++}`;
      else {
        const next = (paragraph.get(lead.area) ?? rng.int(5, 25)) + rng.int(1, 9);
        paragraph.set(lead.area, next);
        reference = `${AREA_ORDER.indexOf(lead.area) + 1}.${next}`;
      }
    }
    const words = wordsFor(lead);
    const decision = rng.weighted([
      ['agreed', 75],
      ['partly-agreed', 17],
      ['not-agreed', 8],
    ] as const);
    const explain = decision !== 'agreed' || rng.chance(0.4);
    const vars: Vars = { est: ctx.est.name, topic: rng.pick(words.topics) };
    return {
      number: i + 1,
      category,
      ...(reference ? { reference } : {}),
      text: sentences(ctx, lead, words.recommendations, GENERIC_RECOMMENDATIONS, rng.chance(0.8) ? 1 : 0),
      response: { decision, ...(explain ? { text: fill(rng.pick(RESPONSE_TEXTS[decision]), vars, rng) } : {}) },
      themes: themes.map((t) => t.id),
      actions: makeActions(ctx, themes),
    };
  });
}

function makePlan(slot: PlanSlot, seed: number, themes: ThemeData[]) {
  const rng = new Random(`${seed}:${slot.id}`);
  const { establishment: est, year } = slot;
  const format = year >= CONCERNS_FORMAT_FROM ? 'concerns' : 'recommendations';

  // Inspections start on a Monday between early January and mid November.
  let start = addDays(utc(year, 1, 6), rng.int(0, 310));
  start = addDays(start, (8 - start.getUTCDay()) % 7);
  const shape = rng.weighted([
    ['two-weeks', 60],
    ['split', 25],
    ['one-week', 15],
  ] as const);
  const weeks = rng.int(1, 2);
  const periods: Period[] =
    shape === 'two-weeks'
      ? [{ start, end: addDays(start, rng.pick([10, 11, 14, 15, 16, 17])) }]
      : shape === 'one-week'
        ? [{ start, end: addDays(start, 4) }]
        : // Two days' visit, then a working week one or two weeks later.
          [
            { start, end: addDays(start, 1) },
            { start: addDays(start, 7 * weeks), end: addDays(start, 7 * weeks + 4) },
          ];
  const lastDay = periods[periods.length - 1]!.end;
  const published = addDays(lastDay, rng.int(70, 112));
  const submitted = rng.chance(0.88) ? addDays(published, rng.int(14, 56)) : addDays(published, -rng.int(7, 21));
  const retrieved = addDays(submitted, rng.int(7, 60));
  const ordinals = rng.chance(0.6);

  const themeById = new Map(themes.map((t) => [t.id, t]));
  const ctx: Context = {
    rng,
    seed,
    est,
    themes,
    themeById,
    ownerStyle: rng.chance(0.3) ? 'governor' : 'varied',
    hasUpdates: rng.chance(year <= 2020 ? 0.4 : 0.2),
    submitted,
  };

  const notes: string[] = [];
  if ((year === 2020 || year === 2021) && rng.chance(0.5)) notes.push('Some actions were delayed by the restricted regimes in place during the COVID-19 pandemic.');
  if (rng.chance(0.2)) notes.push(rng.pick(PLAN_NOTES));

  const title =
    format === 'concerns' || rng.chance(0.5) ? `Action Plan: ${est.name}` : `${est.name}: action plan in response to the HMIP inspection report`;
  const data = {
    id: slot.id,
    establishment: est.id,
    format,
    title,
    inspection: {
      asWritten: writeInspection(periods, rng),
      periods: periods.map((p) => ({ start: iso(p.start), end: iso(p.end) })),
    },
    reportPublished: { asWritten: writeDate(published, ordinals), date: iso(published) },
    planSubmitted: { asWritten: writeDate(submitted, ordinals), date: iso(submitted) },
    provenance: {
      documentTitle: title,
      publisher: 'Generated test data',
      retrieved: iso(retrieved),
      transcription: 'complete',
      note: `Fictional: generated by scripts/generate-estate.ts (seed ${seed}) for testing. ${est.name} does not exist, and this plan, its inspection and every concern and action in it are invented.`,
    },
    ...(notes.length ? { notes } : {}),
    concerns: format === 'concerns' ? makeConcerns(ctx) : makeRecommendations(ctx),
  };
  const body = [
    `This is **generated test data**: ${est.name} does not exist, and this plan, its inspection and every concern and action in it are invented by scripts/generate-estate.ts.`,
    `HM Inspectorate of Prisons inspects prisons and reports on the treatment of and conditions for prisoners. HMPPS answers each report with an action plan that says what will be done about each ${format === 'concerns' ? 'concern' : 'recommendation'}, who is responsible and by when.`,
  ].join('\n\n');
  return { data: data as GeneratedPlan, body };
}

// ---------------------------------------------------------------------------------------------
// Progress

/**
 * The last day anything in the estate happens: progress is reported up to it and no later, so the
 * site's "as at" date (the latest date in the content) is the same whatever the draw.
 */
export const PROGRESS_UNTIL = '2026-06-30';

/** The updates that lead to each final status, oldest first: one is chosen, and as many as there are reports. */
const STATUS_PATHS: Record<string, readonly (readonly string[])[]> = {
  completed: [['completed'], ['in-progress', 'completed'], ['not-started', 'in-progress', 'completed']],
  'in-progress': [['in-progress'], ['not-started', 'in-progress'], ['in-progress', 'in-progress']],
  'not-started': [['not-started']],
  'not-completed': [['not-completed'], ['in-progress', 'not-completed']],
  'no-longer-applicable': [['no-longer-applicable'], ['in-progress', 'no-longer-applicable']],
};

const JUDGEMENT_WEIGHTS = [
  ['no-meaningful-progress', 12],
  ['insufficient-progress', 30],
  ['reasonable-progress', 38],
  ['good-progress', 20],
] as const;

const parseIso = (d: string) => new Date(`${d}T00:00:00Z`);
const monthAfter = (month: string, add: number) => {
  const [y, m] = month.split('-').map(Number);
  return utc(y!, m! + add, 1);
};

/**
 * Adds the progress the model can hold, in realistic shares, from its own seeded draws (so the rest
 * of the estate is the same with or without it):
 * - updates: plans whose actions have a status (about a quarter) get progress reports every six to
 *   nine months after submission; each action's updates lead to its status over those reports, some
 *   with a note, and each report's updates cite it as their source;
 * - revised targets: about one open action in eight of a plan with reports (one in thirty
 *   otherwise) whose target names a month gets a later one, with a reason, sometimes twice;
 * - reviews: about a quarter of plans from 2019 get an HMIP Independent Review of Progress eight to
 *   fourteen months after the report, judging the priority concerns (or main recommendations) and
 *   some others;
 * - repeats: about one concern in seven of a later plan repeats a concern of the establishment's
 *   previous plan with the same leading theme;
 * - changes: every plan's change log starts "First published.", then notes each report and review added.
 * Nothing is dated after PROGRESS_UNTIL.
 */
function addProgress(plan: GeneratedPlan, earlier: GeneratedPlan | undefined, seed: number, est: EstablishmentOut): GeneratedPlan {
  const rng = new Random(`${seed}:${plan.id}:progress`);
  const until = parseIso(PROGRESS_UNTIL);
  const submitted = parseIso(plan.planSubmitted.date);
  const source = (what: string) => `https://example.org/generated-estate/${plan.id}/${what}`;
  const changes: { date: string; note: string }[] = [{ date: plan.provenance.retrieved, note: 'First published.' }];

  // Progress reports: dates on which HMPPS reported progress on every action with a status.
  const statused = plan.concerns.some((c) => c.actions.some((a) => a.status && a.status !== 'no-update'));
  const reports: Date[] = [];
  if (statused) {
    for (let d = addDays(submitted, rng.int(120, 240)); reports.length < 3 && d <= until; d = addDays(d, rng.int(150, 270))) reports.push(d);
  }
  const reportsUsed = new Set<number>();

  for (const concern of plan.concerns) {
    for (const action of concern.actions) {
      const status = action.status;
      delete action.status;
      // Revised targets: only where the target names a month, so the new one can be later.
      const month = parseTargetMonth(action.target);
      const revisions: NonNullable<GeneratedAction['revisedTargets']> = [];
      // Not for an action already finished with: a revision moves work that is still to do.
      const open = !status || ['no-update', 'not-started', 'in-progress'].includes(status);
      if (month && open && rng.chance(reports.length ? 1 / 8 : 1 / 30)) {
        let date = reports.length ? reports[rng.int(0, reports.length - 1)]! : addDays(submitted, rng.int(60, 200));
        let current = month;
        for (let n = 0; n < (rng.chance(0.2) ? 2 : 1) && date <= until; n++) {
          // Later than the target it replaces, and than the day it was set.
          const fromDate = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
          const target = monthAfter(current > fromDate ? current : fromDate, rng.int(2, 9));
          revisions.push({
            date: iso(date),
            target: `${monthName(target)} ${target.getUTCFullYear()}`,
            reason: rng.pick(REVISION_REASONS),
            ...(rng.chance(0.4) ? { source: source(`revised-targets-${iso(date)}`) } : {}),
          });
          current = `${target.getUTCFullYear()}-${String(target.getUTCMonth() + 1).padStart(2, '0')}`;
          date = addDays(date, rng.int(90, 240));
        }
      }
      const updates: NonNullable<GeneratedAction['updates']> = [];
      if (status && status !== 'no-update' && reports.length) {
        const path = rng.pick(STATUS_PATHS[status]!).slice(-reports.length);
        path.forEach((step, i) => {
          reportsUsed.add(i);
          const note = rng.chance(0.35) ? fill(rng.pick(UPDATE_NOTES[step]!), { est: est.name }, rng) : undefined;
          updates.push({ date: iso(reports[i]!), status: step, ...(note ? { note } : {}), ...(rng.chance(0.8) ? { source: source(`progress-report-${i + 1}`) } : {}) });
        });
      }
      const { text, owner, target } = action;
      Object.keys(action).forEach((k) => delete (action as unknown as Record<string, unknown>)[k]);
      Object.assign(action, { text, owner, target, ...(revisions.length ? { revisedTargets: revisions } : {}), ...(updates.length ? { updates } : {}) });
    }
  }
  for (const i of [...reportsUsed].sort((a, b) => a - b)) {
    changes.push({ date: iso(addDays(reports[i]!, rng.int(7, 30))), note: `Added the progress updates HMPPS reported on ${writeDate(reports[i]!, false)}.` });
  }

  // An Independent Review of Progress: HMIP's judgement on the concerns it followed up.
  const year = parseIso(plan.inspection.periods[0]!.start).getUTCFullYear();
  const reviewDate = addDays(parseIso(plan.reportPublished.date), rng.int(240, 420));
  if (year >= 2019 && reviewDate <= until && rng.chance(0.25)) {
    let reviewed = 0;
    for (const concern of plan.concerns) {
      const main = concern.category === 'priority' || concern.category === 'Main recommendations';
      if (!(main || rng.chance(0.2))) continue;
      concern.reviews = [{ date: iso(reviewDate), judgement: rng.weighted(JUDGEMENT_WEIGHTS), url: source('independent-review-of-progress') }];
      reviewed += 1;
    }
    if (reviewed) changes.push({ date: iso(addDays(reviewDate, rng.int(7, 30))), note: "Added HMIP's Independent Review of Progress judgements." });
  }

  // Repeated concerns: the previous plan for the establishment raised the same thing.
  if (earlier && earlier.inspection.periods[0]!.start < plan.inspection.periods[0]!.start) {
    for (const concern of plan.concerns) {
      if (!rng.chance(1 / 7)) continue;
      const match = earlier.concerns.find((c) => c.themes[0] === concern.themes[0]);
      if (match) concern.repeats = { plan: earlier.id, concern: match.number };
    }
  }

  changes.sort((a, b) => a.date.localeCompare(b.date));
  const { concerns, ...head } = plan;
  return { ...head, changes, concerns } as GeneratedPlan;
}

// ---------------------------------------------------------------------------------------------
// Writing

const QUOTED_KEYS = new Set(['date', 'start', 'end', 'retrieved']);

/** YAML in the style of the hand-written content: quoted dates, text as block scalars, themes on one line. */
function toYaml(data: unknown): string {
  const doc = new Document(data);
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      if (isScalar(value) && typeof value.value === 'string') {
        if (QUOTED_KEYS.has(key)) value.type = Scalar.QUOTE_DOUBLE;
        else if (key === 'text' || key === 'note') {
          // Long text as a block, as editors write it; a short note ("First published.") on its line.
          if (value.value.includes('\n')) value.type = Scalar.BLOCK_LITERAL;
          else if (value.value.length > 60) value.type = Scalar.BLOCK_FOLDED;
        }
      }
      if (key === 'themes' && isSeq(value)) value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

const header = (seed: number) =>
  `# GENERATED FICTION for testing: written by scripts/generate-estate.ts (seed ${seed}).\n# Not a real prison, inspection or action plan.\n`;

/** The real path of `p`, following symbolic links as far as the path exists. */
function realPath(p: string): string {
  const absolute = path.resolve(p);
  let existing = absolute;
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  return path.join(fs.realpathSync(existing), path.relative(existing, absolute));
}

const isInside = (child: string, parent: string) => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/** True where `dir` holds a README.md written by this generator. */
export function isGeneratedEstate(dir: string): boolean {
  const readme = path.join(dir, 'README.md');
  return fs.existsSync(readme) && fs.readFileSync(readme, 'utf8').startsWith(README_MARKER);
}

/** Checks `out` may be written, and empties it where it holds a previous generated estate. */
function prepareOut(out: string): string {
  const target = realPath(out);
  const content = realPath(REAL_CONTENT);
  if (isInside(target, content)) {
    throw new EstateError(`Refusing to write a generated estate into ${out}: it is inside the real content folder (${content}). Choose a folder outside it, for example /tmp/estate.`);
  }
  if (!fs.existsSync(target)) return target;
  if (!fs.statSync(target).isDirectory()) throw new EstateError(`Refusing to write into ${out}: it is a file, not a folder.`);
  const entries = fs.readdirSync(target);
  if (!entries.length) return target;
  if (!isGeneratedEstate(target)) {
    throw new EstateError(`Refusing to write into ${out}: it is not empty and is not a generated estate (it has no README.md written by this generator). Choose a new or empty folder.`);
  }
  const foreign = entries.filter((e) => !OWN_ENTRIES.has(e));
  if (foreign.length) {
    throw new EstateError(`Refusing to overwrite ${out}: it holds a generated estate but also files the generator did not write (${foreign.join(', ')}). Move them, or choose another folder.`);
  }
  for (const entry of entries) fs.rmSync(path.join(target, entry), { recursive: true, force: true });
  return target;
}

function readme(options: { seed: number; plans: number; establishments: number }): string {
  return `${README_MARKER}
# Generated estate: fiction, not real content

Everything in this folder is **made up** by \`scripts/generate-estate.ts\` for testing the site at the
scale of the whole prison estate (build time, search index size, search speed). No establishment,
inspection, concern, action, owner or date here is real: every establishment is called "HMP Example ...",
and every plan's provenance says "Generated test data".

Never copy these files into \`content/\`.

- Seed: ${options.seed}
- Plans: ${options.plans}
- Establishments: ${options.establishments}
- Themes: copied from the real \`content/themes.yaml\`
- Progress: invented updates, revised targets, HMIP reviews, repeated concerns and change logs, none
  dated after ${PROGRESS_UNTIL}; their links go to example.org

Written again, byte for byte, by:

    npx tsx scripts/generate-estate.ts --plans ${options.plans} --seed ${options.seed} --out <this folder>

The generator will overwrite this folder (only a folder whose README.md starts with its marker line).
Build a site from it with \`ACTION_PLANS_CONTENT=<this folder> npm run build -- --out-dir <site folder>\`.
`;
}

/**
 * Writes a generated estate into `out` and checks it with `loadContent`, as the build does.
 * Throws an EstateError (with the content problems, if any) rather than leave an invalid estate unreported.
 */
export function generateEstate(options: EstateOptions): EstateSummary {
  const plans = options.plans;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(plans) || plans < 1) throw new EstateError(`The number of plans must be a whole number of 1 or more, not ${plans}.`);
  if (!Number.isInteger(seed)) throw new EstateError(`The seed must be a whole number, not ${seed}.`);
  const themesFile = options.themesFile ?? path.join(REAL_CONTENT, 'themes.yaml');
  const themesText = fs.readFileSync(themesFile, 'utf8');
  const themesParsed = ThemesFileSchema.safeParse(parseYaml(themesText));
  if (!themesParsed.success) throw new EstateError(`The themes file ${themesFile} is not valid: run npm run validate.`);
  const themes = themesParsed.data.themes;

  const out = prepareOut(options.out);
  const rng = new Random(`estate:${seed}`);
  const establishments = makeEstablishments(Math.min(MAX_ESTABLISHMENTS, Math.max(1, Math.round(plans / 4)), plans), rng);
  const slots = makeSlots(establishments, plans, rng);

  const files: [string, string][] = [
    ['README.md', readme({ seed, plans, establishments: establishments.length })],
    ['themes.yaml', themesText],
  ];
  for (const est of establishments) files.push([`establishments/${est.id}.yaml`, header(seed) + toYaml(est)]);
  const summary: EstateSummary = {
    out,
    seed,
    establishments: establishments.length,
    plans: slots.length,
    concerns: 0,
    actions: 0,
    formats: { concerns: 0, recommendations: 0 },
    progress: { updates: 0, actionsWithUpdates: 0, revisedTargets: 0, reviews: 0, plansReviewed: 0, repeats: 0, changes: 0 },
    files: 0,
  };
  const previous = new Map<string, GeneratedPlan[]>();
  for (const slot of slots) {
    const made = makePlan(slot, seed, themes);
    // The establishment's latest plan from an earlier inspection, for repeated concerns.
    const before = (previous.get(slot.establishment.id) ?? [])
      .filter((p) => p.inspection.periods[0]!.start < made.data.inspection.periods[0]!.start)
      .sort((a, b) => a.inspection.periods[0]!.start.localeCompare(b.inspection.periods[0]!.start))
      .at(-1);
    const data = addProgress(made.data, before, seed, slot.establishment);
    previous.set(slot.establishment.id, [...(previous.get(slot.establishment.id) ?? []), data]);
    summary.formats[data.format as 'concerns' | 'recommendations'] += 1;
    summary.concerns += data.concerns.length;
    const actions = data.concerns.flatMap((c) => c.actions);
    summary.actions += actions.length;
    const p = summary.progress;
    p.updates += actions.reduce((n, a) => n + (a.updates?.length ?? 0), 0);
    p.actionsWithUpdates += actions.filter((a) => a.updates?.length).length;
    p.revisedTargets += actions.reduce((n, a) => n + (a.revisedTargets?.length ?? 0), 0);
    p.reviews += data.concerns.reduce((n, c) => n + (c.reviews?.length ?? 0), 0);
    p.plansReviewed += data.concerns.some((c) => c.reviews?.length) ? 1 : 0;
    p.repeats += data.concerns.filter((c) => c.repeats).length;
    p.changes += data.changes?.length ?? 0;
    files.push([`plans/${slot.establishment.id}/${slot.id}.md`, `---\n${header(seed)}${toYaml(data)}---\n${made.body}\n`]);
  }

  for (const [rel, text] of files) {
    const file = path.join(out, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  summary.files = files.length;

  const result = loadContent(out);
  if (!result.ok) {
    const shown = result.problems.slice(0, 50).map(formatProblem);
    const more = result.problems.length > shown.length ? `\n... and ${result.problems.length - shown.length} more` : '';
    throw new EstateError(
      `The generated estate in ${out} is not valid content (${result.problems.length} problems): this is a bug in the generator.\n${shown.join('\n')}${more}`,
      result.problems,
    );
  }
  return summary;
}
