/**
 * The search page's behaviour (src/pages/search.astro renders everything it works on): searching
 * with Pagefind's JavaScript API as you type and on submit, filters with their counts, results in
 * pages of PAGE_SIZE, and the address kept in step so that reload and back/forward work.
 * The decisions are pure functions in ./search-state.ts; this file only reads and writes the page.
 */
import {
  chosenFilters,
  chosenGroups,
  categoryTagClass,
  isBlank,
  optionCounts,
  pagefindFilters,
  PAGE_SIZE,
  queryFromState,
  resultCountText,
  resultView,
  searchTerm,
  stateFromQuery,
  visibleOptions,
  type FilterCounts,
  type Options,
  type PagefindFilters,
  type ResultData,
  type ResultView,
  type SearchState,
} from './search-state.ts';

/** The part of Pagefind's browser API the page uses (pagefind.js has no types of its own). */
interface PagefindResult {
  data(): Promise<ResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
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

async function loadPagefind(url: string): Promise<{ pagefind: Pagefind; totals: FilterCounts }> {
  // Built at run time so that Vite leaves it alone: pagefind.js is written after the site is built.
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  // The index's URLs already start with the site's base path.
  await pagefind.options({ baseUrl: '/', excerptLength: 30 });
  // Loading the filters makes every search answer with counts for each filter value.
  const totals = await pagefind.filters();
  return { pagefind, totals };
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

  const ready = loadPagefind(root.dataset.pagefind!);
  ready.catch(unavailable);

  let latest = 0; // the newest search: answers to older ones are dropped
  let shownQuery: string | undefined; // the query whose results are on the page, or on their way
  let results: PagefindResult[] = [];
  let shown = 0;
  let loadingMore = false;
  let typingEntry = false; // whether the current history entry is one typing made
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

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

  async function search(state: SearchState, run: number, count: number): Promise<void> {
    const { pagefind, totals } = await ready;
    if (isBlank(state)) {
      if (run !== latest) return;
      showCounts(totals, state);
      showResults(null, [], state);
      return;
    }
    const term = searchTerm(state.q);
    // A search with neither term nor filter would list every record: its counts are the totals.
    const find = (filters: PagefindFilters): Promise<PagefindResponse> =>
      term === null && Object.keys(filters).length === 0
        ? Promise.resolve({ results: [], filters: totals })
        : pagefind.search(term, { filters });
    // One search for the results, and one without each chosen group's own filter for its counts.
    const withChoices = chosenGroups(state.filters);
    const [main, ...without] = await Promise.all([
      find(pagefindFilters(state.filters)),
      ...withChoices.map((name) => find(pagefindFilters(state.filters, name))),
    ]);
    const firstPage = await Promise.all(main!.results.slice(0, count).map((result) => result.data()));
    if (run !== latest) return;
    showCounts(optionCounts(main!.filters, Object.fromEntries(withChoices.map((name, i) => [name, without[i]!.filters]))), state);
    showResults(main!.results, firstPage, state);
  }

  function showCounts(counts: FilterCounts, state: SearchState): void {
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
  function showResults(found: PagefindResult[] | null, firstPage: ResultData[], state: SearchState): void {
    results = found ?? [];
    shown = firstPage.length;
    list.replaceChildren(...firstPage.map((data) => resultItem(resultView(data))));
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
    const items = page.map((data) => resultItem(resultView(data)));
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
    const term = searchTerm(input.value);
    if (term) void ready.then(({ pagefind }) => pagefind.preload(term)).catch(() => {});
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

  toggle.addEventListener('click', () => setFiltersShown(toggle.getAttribute('aria-expanded') !== 'true'));

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
