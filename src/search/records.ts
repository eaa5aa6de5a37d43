/**
 * The search index's records, made from the model: one per concern (pointing at its anchor on the
 * plan page), one per plan and one per establishment. Filter values are the labels readers see on
 * the pages, so a filter and a page never disagree.
 */
import type { Concern, Establishment, Plan, Site } from '../content/model.ts';
import { markdownToPlainText } from '../govuk/markdown.ts';
import { firstWords } from '../lib/format.ts';
import { NOT_STATED, TARGET_PASSED } from '../components/wording.ts';
import { href } from '../lib/urls.ts';
import { OWNER_SEPARATOR, OWNERS_FIELD, TERMS_FIELD } from './fields.ts';
import { vocabularyKeys, type Equivalents } from './vocabulary.ts';

/** The filters every record may carry, in the order the search page shows them. */
export const FILTERS = [
  { name: 'type', label: 'Type' },
  { name: 'establishment', label: 'Establishment' },
  { name: 'category', label: 'Category' },
  { name: 'theme', label: 'Theme' },
  { name: 'area', label: 'Healthy prison area' },
  { name: 'status', label: 'Status' },
  { name: 'owner', label: 'Responsible owner' },
  { name: 'target_year', label: 'Target year' },
  { name: 'plan_year', label: 'Inspection year' },
] as const;

export type FilterName = (typeof FILTERS)[number]['name'];

export const RECORD_TYPES = { concern: 'Concern', plan: 'Plan', establishment: 'Establishment' } as const;

/** A record as Pagefind's `addCustomRecord` takes it. */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'en';
  meta: Record<string, string>;
  filters: Partial<Record<FilterName, string[]>>;
}

// One collator for every record: localeCompare with a locale builds a new one at each comparison.
const inOrder = new Intl.Collator('en-GB', { numeric: true }).compare;
const unique = (values: (string | number)[]) => [...new Set(values.map(String))].sort(inOrder);

/** A category as a filter value: the concern format's "Priority"/"Key", or an older plan's grouping as written. */
export function categoryValue(concern: Pick<Concern, 'category' | 'categoryLabel'>): string {
  return concern.categoryLabel.replace(/ concern$/, '');
}

/**
 * The meta fields that make a record findable beyond its content: its owners (searched, and shown
 * when a match is in one) and the keys of the vocabulary's groups it says (src/search/vocabulary.ts).
 */
function findableMeta(content: string, owners: string[], vocabulary: Equivalents): Record<string, string> {
  const keys = vocabularyKeys([content, ...owners].join('\n'), vocabulary);
  return {
    ...(owners.length ? { [OWNERS_FIELD]: owners.join(OWNER_SEPARATOR) } : {}),
    ...(keys.length ? { [TERMS_FIELD]: keys.join(' ') } : {}),
  };
}

function concernRecord(plan: Plan, concern: Concern, vocabulary: Equivalents): SearchRecord {
  const text = markdownToPlainText(concern.text);
  // Each action's owner counts in the content (a concern whose every action is the Head of
  // Healthcare's ranks first for that owner); the owners meta field lets the page say a match is in one.
  const actions = concern.actions.map((a) => [markdownToPlainText(a.text), a.owner ?? '', a.target ?? ''].join(' '));
  const owners = unique(concern.actions.flatMap((a) => (a.owner ? [a.owner] : [])));
  const content = [text, ...actions].join('\n');
  return {
    url: href(concern.path),
    content,
    language: 'en',
    meta: {
      ...findableMeta(content, owners, vocabulary),
      title: `${plan.shortName}, concern ${concern.number}: ${firstWords(text, 70)}`,
      establishment: plan.establishment.name,
      plan: plan.displayName,
      concern: String(concern.number),
      category: concern.categoryLabel,
      themes: concern.themes.map((t) => t.label).join(', '),
      type: RECORD_TYPES.concern,
    },
    filters: {
      type: [RECORD_TYPES.concern],
      establishment: [plan.establishment.name],
      category: [categoryValue(concern)],
      theme: unique(concern.themes.map((t) => t.label)),
      area: unique(concern.themes.map((t) => t.areaLabel)),
      // "Target date passed" sits with the statuses, so the progress page's counts link to a search for it.
      status: unique([...concern.actions.map((a) => a.statusLabel), ...(concern.actions.some((a) => a.targetPassed) ? [TARGET_PASSED] : [])]),
      owner: unique(concern.actions.map((a) => a.owner ?? NOT_STATED)),
      target_year: unique(concern.actions.flatMap((a) => (a.targetMonth ? [a.targetMonth.slice(0, 4)] : []))),
      plan_year: [String(plan.year)],
    },
  };
}

function planRecord(plan: Plan, vocabulary: Equivalents): SearchRecord {
  const content = [plan.displayName, plan.title, plan.inspection.asWritten, markdownToPlainText(plan.introduction)].join('\n');
  return {
    url: href(plan.path),
    content,
    language: 'en',
    meta: { ...findableMeta(content, [], vocabulary), title: plan.displayName, establishment: plan.establishment.name, type: RECORD_TYPES.plan },
    filters: { type: [RECORD_TYPES.plan], establishment: [plan.establishment.name], plan_year: [String(plan.year)] },
  };
}

function establishmentRecord(establishment: Establishment, vocabulary: Equivalents): SearchRecord {
  const content = [establishment.name, establishment.type, establishment.group, establishment.operator].filter(Boolean).join('\n');
  return {
    url: href(establishment.path),
    content,
    language: 'en',
    meta: { ...findableMeta(content, [], vocabulary), title: establishment.name, establishment: establishment.name, type: RECORD_TYPES.establishment },
    filters: { type: [RECORD_TYPES.establishment], establishment: [establishment.name] },
  };
}

/** How many records have each value of each filter. */
export type FilterTotals = Record<FilterName, Record<string, number>>;

/**
 * A build makes the records once, for Pagefind (src/integration.ts). The search page runs in the same
 * process but from a bundled copy of this module, so their totals are kept on globalThis, keyed by
 * the site, for the page to read instead of making every record again (34 s of a 600-plan build).
 */
const SHARED_TOTALS = Symbol.for('action-plans/filter-totals');

function sharedTotals(): WeakMap<Site, FilterTotals> {
  const shared = globalThis as { [SHARED_TOTALS]?: WeakMap<Site, FilterTotals> };
  return (shared[SHARED_TOTALS] ??= new WeakMap());
}

/** The site's search records; their filter totals are kept for `siteFilterTotals`. */
export function searchRecords(site: Site): SearchRecord[] {
  const records = [
    ...site.establishments.map((establishment) => establishmentRecord(establishment, site.vocabulary)),
    ...site.plans.map((plan) => planRecord(plan, site.vocabulary)),
    ...site.plans.flatMap((plan) => plan.concerns.map((concern) => concernRecord(plan, concern, site.vocabulary))),
  ];
  sharedTotals().set(site, filterTotals(records));
  return records;
}

/** The filter totals of the site's records: those the build made for Pagefind, or made now (the dev server). */
export function siteFilterTotals(site: Site): FilterTotals {
  if (!sharedTotals().has(site)) searchRecords(site);
  return sharedTotals().get(site)!;
}

/** Every value of every filter, sorted, for the search page's checkboxes. */
export function filterOptions(totals: FilterTotals): Record<FilterName, string[]> {
  return Object.fromEntries(FILTERS.map(({ name }) => [name, unique(Object.keys(totals[name]))])) as Record<FilterName, string[]>;
}

/**
 * How many records have each value of each filter: the counts the search page shows beside its
 * checkboxes before anything is chosen (what Pagefind's `filters()` would give, without loading
 * every filter's index to get them).
 */
export function filterTotals(records: SearchRecord[]): FilterTotals {
  const totals = Object.fromEntries(FILTERS.map(({ name }) => [name, {}])) as FilterTotals;
  for (const record of records) {
    for (const { name } of FILTERS) for (const value of record.filters[name] ?? []) totals[name][value] = (totals[name][value] ?? 0) + 1;
  }
  return totals;
}
