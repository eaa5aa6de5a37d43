/**
 * The search page's behaviour (src/pages/search.astro renders everything it works on): searching
 * with Pagefind's JavaScript API as you type and on submit, filters with their counts, results in
 * pages of PAGE_SIZE, and the address kept in step so that reload and back/forward work.
 * The decisions are pure functions in ./search-state.ts; this file only reads and writes the page.
 *
 * Pagefind runs twice over, each in a worker of its own, so that counting never holds up results:
 *
 * - The results instance loads Pagefind's script, WebAssembly and metadata as the page loads, and
 *   a search fetches only the index chunks of its words and the filter indexes of the groups it
 *   filters by. It shows the first results as soon as they come.
 * - The counts instance loads every filter's index (about 190 kB at 500 plans), once, after the
 *   first results are shown (on a phone, not until the reader opens the filters), and then counts
 *   the options for each search after its results are shown. Pagefind counts every value of every
 *   filter it has loaded on every search, and the time that takes grows with the number of records
 *   times the number of results (hundreds of milliseconds at 500 plans): done in the same instance,
 *   it would slow every search.
 *
 * While the counts are on their way the filters are marked busy (aria-busy) and the counts left
 * blank rather than shown wrong. With nothing searched for, the counts are the totals the page was
 * built with.
 *
 * What the reader types is first written in the site's vocabulary (src/search/vocabulary.ts: "POMs"
 * → "pom", "health care" → "healthcare"), and results are shown only when the first one really has
 * every word searched for (./search-match.ts explains why the first one says it for all).
 */
import {
  chosenFilters,
  chosenGroups,
  categoryTagClass,
  inRankOrder,
  unquoted,
  isBlank,
  optionCounts,
  pagefindFilters,
  pagefindTerm,
  PAGE_SIZE,
  queryFromState,
  resultCountText,
  resultView,
  stateFromQuery,
  visibleOptions,
  type FilterCounts,
  type Options,
  type PagefindFilters,
  type ResultData,
  type ResultView,
  type SearchState,
} from './search-state.ts';
import { missingWords } from './search-match.ts';
import { rewriteQuery, type Equivalents } from '../search/vocabulary.ts';

/** The part of Pagefind's browser API the page uses (pagefind.js has no types of its own). */
interface PagefindResult {
  id: string;
  data(): Promise<ResultData & { content: string }>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindResponse>;
  preload(term: string): Promise<void>;
}

/** How long typing pauses before the page searches. */
const TYPING_DELAY_MS = 300;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The search page has no #${id}.`);
  return element as T;
}

/**
 * Pagefind from `url`. Each distinct `url` is a module of its own, with a worker of its own: the
 * counts instance is the same script at `pagefind.js?counts`.
 */
async function loadPagefind(url: string): Promise<Pagefind> {
  // Built at run time so that Vite leaves it alone: pagefind.js is written after the site is built.
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  // The index's URLs already start with the site's base path.
  await pagefind.options({ baseUrl: '/', excerptLength: 30 });
  // Starts fetching the WebAssembly and the metadata now, not at the first search.
  await pagefind.init();
  return pagefind;
}

function start(root: HTMLElement): void {
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('search-q');
  const toggle = byId<HTMLButtonElement>('search-filters-toggle');
  const panel = byId('search-filters');
  const filtersNone = byId('search-filters-none');
  const resultsHeading = byId('search-results-heading');
  const status = byId('search-status');
  const chosen = byId('search-chosen');
  const chosenList = byId<HTMLUListElement>('search-chosen-list');
  const clear = byId<HTMLButtonElement>('search-clear');
  const prompt = byId('search-prompt');
  const noResults = byId('search-none');
  const list = byId<HTMLOListElement>('search-results');
  const more = byId<HTMLButtonElement>('search-more');
  const template = byId<HTMLTemplateElement>('search-result-template');

  const groups = [...panel.querySelectorAll<HTMLElement>('[data-filter]')];
  const names = groups.map((group) => group.dataset.filter!);
  const boxes = [...panel.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const labels = Object.fromEntries(
    groups.map((group) => [group.dataset.filter!, group.querySelector('legend')?.textContent?.trim() ?? '']),
  );
  const options: Options = Object.fromEntries(
    names.map((name) => [name, boxes.filter((box) => box.name === name).map((box) => box.value)]),
  );
  // The counts with nothing chosen, which the page was built with.
  const totals: FilterCounts = Object.fromEntries(
    names.map((name) => [
      name,
      Object.fromEntries(boxes.filter((box) => box.name === name).map((box) => [box.value, Number(box.dataset.total) || 0])),
    ]),
  );

  /** The vocabulary's groups of equivalent terms, which the page was built with. */
  const vocabulary = JSON.parse(root.dataset.vocabulary ?? '[]') as Equivalents;
  /** The term to give Pagefind for what the reader typed, in the site's vocabulary (null: none). */
  const termFor = (q: string) => pagefindTerm(rewriteQuery(q, vocabulary));

  /** The results instance, loading as the page does. */
  const ready = loadPagefind(root.dataset.pagefind!);
  ready.catch(unavailable);
  /** The counts instance, with every filter's index, loaded when first wanted. */
  let counter: Promise<Pagefind> | undefined;
  const counting = (): Promise<Pagefind> =>
    (counter ??= loadPagefind(`${root.dataset.pagefind!}?counts`).then(async (pagefind) => {
      await pagefind.filters();
      return pagefind;
    }));

  let latest = 0; // the newest search: answers to older ones are dropped
  let shownQuery: string | undefined; // the query whose results are on the page, or on their way
  let results: PagefindResult[] = [];
  let resultsTerm: string | null = null; // the term the results on the page are for
  let shown = 0;
  let loadingMore = false;
  let typingEntry = false; // whether the current history entry is one typing made
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** A search whose counts wait for every filter's index, and for the filters to be on the screen. */
  let countsWaiting: { state: SearchState; run: number } | null = null;

  const readForm = (): SearchState => ({
    q: input.value,
    filters: Object.fromEntries(
      names.map((name) => [name, boxes.filter((box) => box.name === name && box.checked).map((box) => box.value)]),
    ),
  });

  function writeForm(state: SearchState): void {
    input.value = state.q;
    for (const box of boxes) box.checked = state.filters[box.name]?.includes(box.value) ?? false;
  }

  function setAddress(state: SearchState, how: 'push' | 'replace', entry: unknown = null): void {
    const url = location.pathname + queryFromState(state, names);
    if (url === location.pathname + location.search) return;
    if (how === 'push') history.pushState(entry, '', url);
    else history.replaceState(entry, '', url);
  }

  /**
   * Searches for what the form holds, and shows it; `how` says what to do with the address. Coming
   * back to an entry ('none': load, reload, back/forward) shows as many results as it last showed.
   */
  function update(how: 'push' | 'replace' | 'none'): void {
    clearTimeout(typingTimer);
    const state = readForm();
    if (how !== 'none') setAddress(state, how);
    const query = queryFromState(state, names);
    if (query === shownQuery) return;
    shownQuery = query;
    showChosen(state);
    const restored = how === 'none' ? Number((history.state as { shown?: unknown } | null)?.shown) || 0 : 0;
    void search(state, ++latest, Math.max(PAGE_SIZE, restored)).catch(unavailable);
  }

  /**
   * Pagefind's searches for a state: `results()` for its results, and `counts()` for the count
   * beside each option: the results' counts, and for each chosen group, those of a search without
   * the group's own filter (options in a group widen).
   */
  function searchesFor(pagefind: Pagefind, state: SearchState) {
    const term = termFor(state.q);
    // A search with neither term nor filter would list every record: its counts are the totals.
    const find = (filters: PagefindFilters): Promise<PagefindResponse> =>
      term === null && Object.keys(filters).length === 0
        ? Promise.resolve({ results: [], filters: totals })
        : pagefind.search(term, { filters });
    const withChoices = chosenGroups(state.filters);
    const words = unquoted(term);
    return {
      async results(): Promise<PagefindResponse> {
        const filters = pagefindFilters(state.filters);
        if (words === null) return find(filters);
        const [exact, ranked] = await Promise.all([find(filters), pagefind.search(words, { filters })]);
        return { ...exact, results: inRankOrder(exact.results, ranked.results) };
      },
      async counts(): Promise<FilterCounts> {
        const [main, ...without] = await Promise.all([
          find(pagefindFilters(state.filters)),
          ...withChoices.map((name) => find(pagefindFilters(state.filters, name))),
        ]);
        return optionCounts(main!.filters, Object.fromEntries(withChoices.map((name, i) => [name, without[i]!.filters])));
      },
    };
  }

  async function search(state: SearchState, run: number, count: number): Promise<void> {
    countsWaiting = null;
    if (isBlank(state)) {
      if (run !== latest) return;
      showCounts(totals, state);
      showResults(null, [], state);
      return;
    }
    const main = await searchesFor(await ready, state).results();
    const firstPage = await Promise.all(main.results.slice(0, count).map((result) => result.data()));
    if (run !== latest) return;
    const term = termFor(state.q);
    if (term !== null && firstPage[0] && missingWords(term, firstPage[0]).length > 0) {
      // A word no record has: Pagefind matched a shorter word in its place, in every result.
      showResults([], [], state, term);
      showCounts({}, state);
      return;
    }
    showResults(main.results, firstPage, state, term);
    // Then the counts, once the filters are on the screen (on a phone, when the reader opens them).
    showCounts(null, state);
    countsWaiting = { state, run };
    countWhenSeen();
  }

  /** Counts the options for the search waiting for them, if the filters are on the screen. */
  function countWhenSeen(): void {
    if (!countsWaiting || panel.getClientRects().length === 0) return;
    const { state, run } = countsWaiting;
    countsWaiting = null;
    void (async () => {
      const pagefind = await counting();
      // A newer search has come while the counts loaded or counted an older one: it counts its own.
      if (run !== latest) return;
      const counts = await searchesFor(pagefind, state).counts();
      if (run === latest) showCounts(counts, state);
    })().catch(countsUnavailable);
  }

  /** Without counts, search still works: the counts are left out rather than shown wrong. */
  function countsUnavailable(error: unknown): void {
    console.error('Search cannot count the filters:', error);
    panel.removeAttribute('aria-busy');
    blankCounts();
  }

  function blankCounts(): void {
    for (const count of panel.querySelectorAll('.app-search-filter__count')) count.textContent = '';
  }

  /**
   * Shows the count beside each option, and hides those that would give nothing. Null while new
   * counts are on their way: the filters are marked busy and the counts left blank, not shown wrong.
   */
  function showCounts(counts: FilterCounts | null, state: SearchState): void {
    if (counts === null) {
      panel.setAttribute('aria-busy', 'true');
      blankCounts();
      return;
    }
    panel.removeAttribute('aria-busy');
    const visible = visibleOptions(options, counts, state.filters);
    for (const group of groups) {
      const name = group.dataset.filter!;
      const values = new Set(visible[name]);
      let any = false;
      for (const box of group.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
        const item = box.closest<HTMLElement>('.govuk-checkboxes__item')!;
        // Never hide the option in use, even when it would give nothing.
        const show = values.has(box.value) || box === document.activeElement;
        item.hidden = !show;
        any ||= show;
        const count = item.querySelector('.app-search-filter__count');
        if (count) count.textContent = ` (${counts[name]?.[box.value] ?? 0})`;
      }
      group.hidden = !any;
    }
    filtersNone.hidden = groups.some((group) => !group.hidden);
  }

  /** Shows the results (null when there is nothing to search for) with their first page loaded. */
  function showResults(found: PagefindResult[] | null, firstPage: ResultData[], state: SearchState, term: string | null = null): void {
    results = found ?? [];
    resultsTerm = term;
    shown = firstPage.length;
    list.replaceChildren(...firstPage.map((data) => resultItem(resultView(data, term))));
    more.hidden = shown >= results.length;
    prompt.hidden = found !== null;
    noResults.hidden = found === null || found.length > 0;
    // The live region changes only when the words do, so the same count is not announced twice.
    const text = found === null ? '' : resultCountText(found.length, state.q);
    if (status.textContent !== text) status.textContent = text;
  }

  async function showMore(): Promise<void> {
    if (loadingMore) return;
    loadingMore = true;
    const run = latest;
    const page = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((result) => result.data())).finally(
      () => (loadingMore = false),
    );
    if (run !== latest) return;
    const items = page.map((data) => resultItem(resultView(data, resultsTerm)));
    list.append(...items);
    shown += items.length;
    // Remembered with the history entry, so coming back to it shows these results again.
    history.replaceState({ shown }, '');
    // Focus goes to the first new result, before the button goes when there are no more.
    items[0]?.querySelector('a')?.focus();
    more.hidden = shown >= results.length;
  }

  function resultItem(view: ResultView): HTMLLIElement {
    const item = template.content.firstElementChild!.cloneNode(true) as HTMLLIElement;
    const link = item.querySelector<HTMLAnchorElement>('.app-search-result__link')!;
    link.href = view.url;
    link.textContent = view.title;

    const details = item.querySelector('.app-search-result__details')!;
    const categoryItem = details.querySelector('.app-search-result__detail--category')!;
    for (const detail of view.details) {
      const li = document.createElement('li');
      li.className = 'app-search-result__detail';
      li.textContent = detail;
      details.insertBefore(li, categoryItem);
    }
    if (view.category) {
      const tag = categoryItem.querySelector('.govuk-tag')!;
      tag.textContent = view.category;
      const colour = categoryTagClass(view.category);
      if (colour) tag.classList.add(colour);
    } else {
      categoryItem.remove();
    }
    if (!details.children.length) details.remove();

    const owners = item.querySelector('.app-search-result__owners')!;
    if (view.owners) {
      // Owners are joined by semicolons: an owner may itself be a list ("GFSL, HMPPS Estates").
      owners.querySelector('.app-search-result__owner-label')!.textContent = `Matches the responsible ${view.owners.length > 1 ? 'owners' : 'owner'}:`;
      owners.querySelector('.app-search-result__owner-list')!.textContent = view.owners.join('; ');
    } else {
      owners.remove();
    }

    const themes = item.querySelector('.app-search-result__themes')!;
    if (view.themes) themes.querySelector('.app-search-result__theme-list')!.textContent = view.themes;
    else themes.remove();

    const excerpt = item.querySelector('.app-search-result__excerpt')!;
    if (view.excerpt.length) {
      excerpt.replaceChildren(
        ...view.excerpt.map((part) => {
          if (!part.mark) return document.createTextNode(part.text);
          const mark = document.createElement('mark');
          mark.textContent = part.text;
          return mark;
        }),
      );
    } else {
      excerpt.remove();
    }
    return item;
  }

  function showChosen(state: SearchState): void {
    const items = chosenFilters(state.filters, labels);
    chosen.hidden = items.length === 0;
    chosenList.replaceChildren(
      ...items.map(({ name, label, value }) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'app-search-chosen__remove';
        button.dataset.filter = name;
        button.dataset.value = value;
        const hidden = document.createElement('span');
        hidden.className = 'govuk-visually-hidden';
        hidden.textContent = 'Remove filter ';
        const cross = document.createElement('span');
        cross.className = 'app-search-chosen__cross';
        cross.setAttribute('aria-hidden', 'true');
        cross.textContent = '×';
        button.append(hidden, `${label}: ${value}`, cross);
        const li = document.createElement('li');
        li.className = 'app-search-chosen__item';
        li.append(button);
        return li;
      }),
    );
  }

  function unavailable(error: unknown): void {
    console.error('Search is not working:', error);
    root.classList.add('app-search--unavailable');
    byId('search-unavailable').hidden = false;
  }

  function setFiltersShown(shownNow: boolean): void {
    toggle.setAttribute('aria-expanded', String(shownNow));
    toggle.textContent = shownNow ? 'Hide filters' : 'Show filters';
    panel.classList.toggle('app-search__filters--collapsed', !shownNow);
  }

  // Typing searches when it pauses. The first pause adds a history entry, later ones replace it.
  input.addEventListener('input', () => {
    const term = termFor(input.value);
    if (term) void ready.then((pagefind) => pagefind.preload(term)).catch(() => {});
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      const before = location.search;
      update(typingEntry ? 'replace' : 'push');
      if (location.search !== before) typingEntry = true;
    }, TYPING_DELAY_MS);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    typingEntry = false;
    update('push');
  });

  panel.addEventListener('change', (event) => {
    if (!(event.target instanceof HTMLInputElement)) return;
    typingEntry = false;
    update('push');
  });

  chosenList.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('.app-search-chosen__remove');
    if (!button) return;
    const buttons = [...chosenList.querySelectorAll('button')];
    const index = buttons.indexOf(button);
    const box = boxes.find((b) => b.name === button.dataset.filter && b.value === button.dataset.value);
    if (box) box.checked = false;
    typingEntry = false;
    update('push');
    // Focus stays among the chosen filters while there are any, then goes to the results.
    const left = [...chosenList.querySelectorAll('button')];
    (left[Math.min(index, left.length - 1)] ?? resultsHeading).focus();
  });

  clear.addEventListener('click', () => {
    for (const box of boxes) box.checked = false;
    typingEntry = false;
    update('push');
    resultsHeading.focus();
  });

  more.addEventListener('click', () => void showMore().catch(unavailable));

  toggle.addEventListener('click', () => {
    setFiltersShown(toggle.getAttribute('aria-expanded') !== 'true');
    countWhenSeen();
  });
  // A phone turned, or a window widened, may show the filters without the toggle.
  window.addEventListener('resize', countWhenSeen);

  window.addEventListener('popstate', () => {
    typingEntry = false;
    writeForm(stateFromQuery(location.search, options));
    update('none');
  });

  // The address holds the state: show it, written the page's way ("category=priority" → "Priority").
  const initial = stateFromQuery(location.search, options);
  writeForm(initial);
  setAddress(initial, 'replace', history.state);
  setFiltersShown(false);
  update('none');
}

const root = document.getElementById('search');
if (root) start(root);
