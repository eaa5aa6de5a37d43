/**
 * The pure parts of the search page: the address ⇄ state, Pagefind's filter objects, the counts
 * shown beside each filter option, and the words around results. No DOM and no Pagefind here, so
 * all of it is unit-tested (tests/unit/search-state.test.ts); src/client/search.ts does the rest.
 *
 * Filters OR within a group (theme A or theme B) and AND across groups (a theme and a category).
 */
import { decodeEntities } from '../lib/html.ts';
import { OWNER_SEPARATOR, OWNERS_FIELD } from '../search/fields.ts';
import { ownersMatching } from './search-match.ts';

/** Filter name → the values chosen, in the order the page lists them. */
export type Selections = Record<string, string[]>;

/** Filter name → every value the page offers, in the order it lists them. */
export type Options = Record<string, readonly string[]>;

export interface SearchState {
  /** The search term as typed (it may be blank). */
  q: string;
  filters: Selections;
}

/** Pagefind's filter counts: filter name → value → number of results. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The `filters` option of `pagefind.search`: every chosen value of a group, any of them. */
export type PagefindFilters = Record<string, { any: string[] }>;

/** How many results are shown at first, and added by each "Show more results". */
export const PAGE_SIZE = 10;

/** The term to search for, or null when there is none (Pagefind then filters without searching). */
export function searchTerm(q: string): string | null {
  const term = q.trim().replace(/\s+/g, ' ');
  return term === '' ? null : term;
}

/**
 * Words so common in the plans that a search for them narrows nothing ("use of force" finds the
 * same concerns as "use force"), while Pagefind would fetch their large index chunks: the chunk
 * with "of" alone is about 64 kB at 500 plans. "not" and "no" are not here: "not agreed" means
 * something.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be been by for from has have in into is it its of on or that the their these this those to was were will with'.split(' '),
);

/**
 * The term to give Pagefind for the term a reader typed: the words of `searchTerm`, less the
 * stop words, as long as some other word is left ("use of force" → "use force", but "of" stays
 * "of"). A phrase in quotes is an exact search in Pagefind, and is given as typed.
 */
export function pagefindTerm(q: string): string | null {
  const term = searchTerm(q);
  if (term === null || term.includes('"')) return term;
  const words = term.split(' ');
  const kept = words.filter((word) => !STOP_WORDS.has(word.toLocaleLowerCase('en-GB').replace(/[^\p{L}\p{N}]/gu, '')));
  return kept.length ? kept.join(' ') : term;
}

/**
 * The words of a term with a phrase in quotes, unquoted, or null for a term without quotes.
 * Pagefind finds a phrase exactly but gives every match the same score, so the page orders the
 * matches as a search for the same words ranks them (inRankOrder).
 */
export function unquoted(term: string | null): string | null {
  if (term === null || !term.includes('"')) return null;
  const words = term.replace(/"/g, ' ').trim().replace(/\s+/g, ' ');
  return words === '' ? null : words;
}

/** `found` in the order `ranked` has them; any `ranked` lacks keep their order, after the rest. */
export function inRankOrder<T extends { id: string }>(found: T[], ranked: readonly { id: string }[]): T[] {
  const rank = new Map(ranked.map((r, i) => [r.id, i]));
  return found
    .map((result, i) => ({ result, key: rank.get(result.id) ?? ranked.length + i }))
    .sort((a, b) => a.key - b.key)
    .map(({ result }) => result);
}

/** The names of the groups with at least one value chosen. */
export function chosenGroups(filters: Selections): string[] {
  return Object.keys(filters).filter((name) => (filters[name] ?? []).length > 0);
}

/** Whether there is nothing to search for: no term and no filter (the page then shows no results). */
export function isBlank(state: SearchState): boolean {
  return searchTerm(state.q) === null && chosenGroups(state.filters).length === 0;
}

const fold = (value: string) => value.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

/** The option a value from an address means, ignoring case and spacing ("priority" → "Priority"). */
export function matchOption(value: string, options: readonly string[]): string | undefined {
  const wanted = fold(value);
  return options.find((option) => fold(option) === wanted);
}

/**
 * The state an address's query holds: `q`, and each filter name once per chosen value. Values are
 * matched to the options case-insensitively; values that match no option, and unknown parameters,
 * are left out.
 */
export function stateFromQuery(query: string | URLSearchParams, options: Options): SearchState {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const filters: Selections = {};
  for (const [name, values] of Object.entries(options)) {
    const chosen = new Set(params.getAll(name).map((value) => matchOption(value, values)));
    filters[name] = values.filter((value) => chosen.has(value));
  }
  return { q: searchTerm(params.get('q') ?? '') ?? '', filters };
}

/**
 * The query of the address for a state, "" or starting with "?": `q` first, then the filters in
 * the order of `names` (the page's order), each value as a parameter of its own.
 */
export function queryFromState(state: SearchState, names: readonly string[]): string {
  const params = new URLSearchParams();
  const term = searchTerm(state.q);
  if (term !== null) params.append('q', term);
  for (const name of names) for (const value of state.filters[name] ?? []) params.append(name, value);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** The filters for Pagefind: OR within a group, AND across groups, leaving out the group `without`. */
export function pagefindFilters(filters: Selections, without?: string): PagefindFilters {
  const result: PagefindFilters = {};
  for (const name of chosenGroups(filters)) if (name !== without) result[name] = { any: [...filters[name]!] };
  return result;
}

/**
 * The count to show beside each option: how many results choosing it would give.
 *
 * Pagefind counts each value as if it were added to the current filters (AND). That is right for a
 * group with nothing chosen, but in a group with choices, options OR: their counts come from a
 * search without that group's own filter (`withoutGroup[name]`, one search per chosen group).
 */
export function optionCounts(main: FilterCounts, withoutGroup: Record<string, FilterCounts>): FilterCounts {
  const names = new Set([...Object.keys(main), ...Object.keys(withoutGroup)]);
  const counts: FilterCounts = {};
  for (const name of names) counts[name] = { ...(withoutGroup[name]?.[name] ?? main[name] ?? {}) };
  return counts;
}

/**
 * The options each group shows: those that would give results, and those already chosen (so they
 * can be unchosen). A group left with none is hidden.
 */
export function visibleOptions(options: Options, counts: FilterCounts, filters: Selections): Record<string, string[]> {
  const visible: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(options)) {
    const chosen = new Set(filters[name] ?? []);
    visible[name] = values.filter((value) => (counts[name]?.[value] ?? 0) > 0 || chosen.has(value));
  }
  return visible;
}

/** "1 result", "12 results for ‘self-harm’": the words the live region says. */
export function resultCountText(count: number, q: string): string {
  const term = searchTerm(q);
  const results = `${count} ${count === 1 ? 'result' : 'results'}`;
  return term === null ? results : `${results} for ‘${term}’`;
}

export interface ChosenFilter {
  name: string;
  label: string;
  value: string;
}

/** The chosen filters in page order, each with its group's label, for the "Remove filter" buttons. */
export function chosenFilters(filters: Selections, labels: Record<string, string>): ChosenFilter[] {
  return Object.keys(labels).flatMap((name) =>
    (filters[name] ?? []).map((value) => ({ name, label: labels[name]!, value })),
  );
}

/** A result's data as Pagefind gives it (`await result.data()`), as far as the page uses it. */
export interface ResultData {
  url: string;
  excerpt: string;
  /** The record's whole text, as indexed. */
  content?: string;
  meta: Record<string, string | undefined>;
}

export interface ExcerptPart {
  text: string;
  /** Whether Pagefind highlighted it as a search term. */
  mark: boolean;
}

export interface ResultView {
  url: string;
  title: string;
  /** The line under the title: establishment, plan and "Concern N" for a concern; the type otherwise. */
  details: string[];
  /** A concern's category, shown as a tag: "Priority concern". */
  category?: string;
  themes?: string;
  /** The responsible owners the search's words occur in, when they do. */
  owners?: string[];
  excerpt: ExcerptPart[];
}

/**
 * Pagefind's excerpt as text parts, highlighted or not. Pagefind escapes the text and adds `<mark>`
 * around search terms; the page inserts the parts as text, so nothing in an excerpt is ever HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) mark = true;
    else if (/^<\/mark>$/i.test(piece)) mark = false;
    else if (piece !== '') {
      const text = decodeEntities(piece);
      const last = parts[parts.length - 1];
      if (last && last.mark === mark) last.text += text;
      else parts.push({ text, mark });
    }
  }
  return parts;
}

/** A link target from the index, or "#" for anything that is not a path or a web address. */
export function safeUrl(url: string): string {
  return /^(?:\/(?!\/)|https?:\/\/)/i.test(url) ? url : '#';
}

/** What a result shows, from its Pagefind data and the term searched for (null for none). */
export function resultView(data: ResultData, term: string | null = null): ResultView {
  const { meta } = data;
  const url = safeUrl(data.url);
  const title = meta.title || url;
  const excerpt = excerptParts(data.excerpt ?? '');
  if (meta.type !== 'Concern') return { url, title, details: meta.type ? [meta.type] : [], excerpt };
  const details = [meta.establishment, meta.plan, meta.concern && `Concern ${meta.concern}`].filter(
    (detail): detail is string => !!detail,
  );
  const owners = term && meta[OWNERS_FIELD] ? ownersMatching(term, meta[OWNERS_FIELD].split(OWNER_SEPARATOR)) : [];
  return {
    url,
    title,
    details,
    ...(meta.category ? { category: meta.category } : {}),
    ...(meta.themes ? { themes: meta.themes } : {}),
    ...(owners.length ? { owners } : {}),
    excerpt,
  };
}

/** The GOV.UK tag colour of a concern category: priority orange, key the default blue, others grey. */
export function categoryTagClass(category: string): string {
  if (/^priority\b/i.test(category)) return 'govuk-tag--orange';
  if (/^key\b/i.test(category)) return '';
  return 'govuk-tag--grey';
}
