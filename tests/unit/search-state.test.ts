import { describe, expect, it } from 'vitest';
import { FILTERS } from '../../src/search/records.ts';
import {
  categoryTagClass,
  chosenFilters,
  excerptParts,
  isBlank,
  matchOption,
  optionCounts,
  pagefindFilters,
  pagefindTerm,
  queryFromState,
  resultCountText,
  resultView,
  safeUrl,
  searchTerm,
  stateFromQuery,
  visibleOptions,
  type Options,
  type SearchState,
} from '../../src/client/search-state.ts';

const NAMES = FILTERS.map((f) => f.name);
const LABELS = Object.fromEntries(FILTERS.map((f) => [f.name, f.label]));

const OPTIONS: Options = {
  type: ['Concern', 'Establishment', 'Plan'],
  establishment: ['HMP Chelmsford', 'HMP Leeds'],
  category: ['Key', 'Priority'],
  theme: ['Mental health', 'Reading', 'Self-harm and suicide prevention'],
  area: ['Respect', 'Safety'],
  status: ['No update published'],
  owner: ['Governor', 'Head of Healthcare'],
  target_year: ['2024', '2025'],
  plan_year: ['2024'],
};

const none = () => Object.fromEntries(NAMES.map((name) => [name, [] as string[]]));
const state = (q: string, filters: Record<string, string[]> = {}): SearchState => ({ q, filters: { ...none(), ...filters } });

describe('searchTerm', () => {
  it('trims and collapses spaces, and is null for a blank term', () => {
    expect(searchTerm('  self-harm  ')).toBe('self-harm');
    expect(searchTerm('mental   health')).toBe('mental health');
    expect(searchTerm('   ')).toBeNull();
    expect(searchTerm('')).toBeNull();
  });
});

describe('pagefindTerm', () => {
  it('leaves out the stop words of a term with other words, whatever their case or punctuation', () => {
    expect(pagefindTerm('use of force')).toBe('use force');
    expect(pagefindTerm('  Use  OF   the Force ')).toBe('Use Force');
    expect(pagefindTerm('the staff, and the prisoners')).toBe('staff, prisoners');
    expect(pagefindTerm('Head of Healthcare')).toBe('Head Healthcare');
  });

  it('keeps a term of stop words alone, and words that mean something ("not agreed")', () => {
    expect(pagefindTerm('of')).toBe('of');
    expect(pagefindTerm('to the')).toBe('to the');
    expect(pagefindTerm('not agreed')).toBe('not agreed');
    expect(pagefindTerm('in-cell telephones')).toBe('in-cell telephones');
    expect(pagefindTerm('self-harm')).toBe('self-harm');
  });

  it('gives a phrase in quotes (an exact search) as typed, and null for a blank term', () => {
    expect(pagefindTerm('"use of force"')).toBe('"use of force"');
    expect(pagefindTerm('   ')).toBeNull();
  });
});

describe('isBlank', () => {
  it('is true with no term and no filter, false with either', () => {
    expect(isBlank(state(' '))).toBe(true);
    expect(isBlank(state('x'))).toBe(false);
    expect(isBlank(state('', { category: ['Priority'] }))).toBe(false);
  });
});

describe('matchOption', () => {
  it('matches regardless of case and spacing, and gives undefined for no match', () => {
    expect(matchOption('priority', OPTIONS.category!)).toBe('Priority');
    expect(matchOption(' hmp   chelmsford ', OPTIONS.establishment!)).toBe('HMP Chelmsford');
    expect(matchOption('Urgent', OPTIONS.category!)).toBeUndefined();
  });
});

describe('stateFromQuery', () => {
  it('reads q and every filter, one parameter per value', () => {
    const result = stateFromQuery('?q=self-harm&category=Priority&establishment=HMP+Chelmsford', OPTIONS);
    expect(result.q).toBe('self-harm');
    expect(result.filters.category).toEqual(['Priority']);
    expect(result.filters.establishment).toEqual(['HMP Chelmsford']);
    expect(result.filters.theme).toEqual([]);
  });

  it('matches values case-insensitively and gives them as the options write them', () => {
    expect(stateFromQuery('category=priority&theme=MENTAL%20HEALTH', OPTIONS).filters).toMatchObject({
      category: ['Priority'],
      theme: ['Mental health'],
    });
  });

  it('keeps repeated values in the options’ order, once each', () => {
    const result = stateFromQuery('theme=Reading&theme=Mental+health&theme=reading', OPTIONS);
    expect(result.filters.theme).toEqual(['Mental health', 'Reading']);
  });

  it('leaves out values no option has, and parameters that are not filters', () => {
    const result = stateFromQuery('category=Urgent&colour=red&theme=', OPTIONS);
    expect(result.filters.category).toEqual([]);
    expect(result.filters.theme).toEqual([]);
    expect(result).not.toHaveProperty('filters.colour');
  });

  it('gives a blank state for an empty query', () => {
    expect(stateFromQuery('', OPTIONS)).toEqual(state(''));
  });

  it('takes URLSearchParams too', () => {
    expect(stateFromQuery(new URLSearchParams({ q: ' x ' }), OPTIONS).q).toBe('x');
  });
});

describe('queryFromState', () => {
  it('writes q, then the filters in page order, each value as a parameter', () => {
    const query = queryFromState(
      state('self-harm', { establishment: ['HMP Chelmsford'], category: ['Priority'], theme: ['Mental health', 'Reading'] }),
      NAMES,
    );
    expect(query).toBe('?q=self-harm&establishment=HMP+Chelmsford&category=Priority&theme=Mental+health&theme=Reading');
  });

  it('leaves out a blank term, and is empty for a blank state', () => {
    expect(queryFromState(state('  ', { category: ['Key'] }), NAMES)).toBe('?category=Key');
    expect(queryFromState(state(''), NAMES)).toBe('');
  });

  it('round-trips through stateFromQuery', () => {
    const original = state('food & shop?', { theme: ['Self-harm and suicide prevention'], target_year: ['2024', '2025'] });
    expect(stateFromQuery(queryFromState(original, NAMES), OPTIONS)).toEqual(original);
  });
});

describe('pagefindFilters', () => {
  const filters = { ...none(), theme: ['Mental health', 'Reading'], category: ['Priority'] };

  it('ORs the values of a group and ANDs the groups', () => {
    expect(pagefindFilters(filters)).toEqual({ category: { any: ['Priority'] }, theme: { any: ['Mental health', 'Reading'] } });
  });

  it('leaves out one group, for that group’s counts', () => {
    expect(pagefindFilters(filters, 'theme')).toEqual({ category: { any: ['Priority'] } });
  });

  it('is empty with no filter chosen', () => {
    expect(pagefindFilters(none())).toEqual({});
  });
});

describe('optionCounts', () => {
  it('takes a chosen group’s counts from the search without that group, and the others from the main search', () => {
    const main = { theme: { 'Mental health': 2, Reading: 0 }, category: { Priority: 2, Key: 0 } };
    const withoutTheme = { theme: { 'Mental health': 2, Reading: 1 }, category: { Priority: 3, Key: 0 } };
    expect(optionCounts(main, { theme: withoutTheme })).toEqual({
      theme: { 'Mental health': 2, Reading: 1 },
      category: { Priority: 2, Key: 0 },
    });
  });

  it('is the main search’s counts when nothing is chosen', () => {
    const main = { category: { Priority: 6, Key: 9 } };
    expect(optionCounts(main, {})).toEqual(main);
  });
});

describe('visibleOptions', () => {
  it('shows options that give results, and chosen ones even when they give none', () => {
    const counts = { category: { Priority: 0, Key: 4 }, theme: { Reading: 0 } };
    const visible = visibleOptions(OPTIONS, counts, { ...none(), category: ['Priority'] });
    expect(visible.category).toEqual(['Key', 'Priority']);
    expect(visible.theme).toEqual([]);
    expect(visible.establishment).toEqual([]);
  });
});

describe('resultCountText', () => {
  it('says the number, with the term where there is one', () => {
    expect(resultCountText(12, 'self-harm')).toBe('12 results for ‘self-harm’');
    expect(resultCountText(1, ' x ')).toBe('1 result for ‘x’');
    expect(resultCountText(3, '')).toBe('3 results');
    expect(resultCountText(0, '')).toBe('0 results');
  });
});

describe('chosenFilters', () => {
  it('lists the chosen values in page order with their group’s label', () => {
    expect(chosenFilters({ ...none(), theme: ['Reading'], category: ['Priority', 'Key'] }, LABELS)).toEqual([
      { name: 'category', label: 'Category', value: 'Priority' },
      { name: 'category', label: 'Category', value: 'Key' },
      { name: 'theme', label: 'Theme', value: 'Reading' },
    ]);
  });
});

describe('excerptParts', () => {
  it('splits the excerpt at Pagefind’s <mark> elements', () => {
    expect(excerptParts('The level of <mark>self-harm</mark> was high')).toEqual([
      { text: 'The level of ', mark: false },
      { text: 'self-harm', mark: true },
      { text: ' was high', mark: false },
    ]);
  });

  it('decodes Pagefind’s escaping, so the text shows as written and nothing in it is HTML', () => {
    expect(excerptParts('&lt;img src=x onerror=alert(1)&gt; &amp; <mark>&quot;food&quot;</mark>')).toEqual([
      { text: '<img src=x onerror=alert(1)> & ', mark: false },
      { text: '"food"', mark: true },
    ]);
  });

  it('decodes once only: an escaped entity in the text stays an entity', () => {
    expect(excerptParts('&amp;lt;b&amp;gt;')).toEqual([{ text: '&lt;b&gt;', mark: false }]);
  });

  it('gives nothing for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([]);
  });
});

describe('safeUrl', () => {
  it('keeps site paths and web addresses, and drops anything else', () => {
    expect(safeUrl('/plans/chelmsford-2024/#concern-1')).toBe('/plans/chelmsford-2024/#concern-1');
    expect(safeUrl('https://example.org/')).toBe('https://example.org/');
    expect(safeUrl('javascript:alert(1)')).toBe('#');
    expect(safeUrl('//evil.example/')).toBe('#');
  });
});

describe('resultView', () => {
  it('shows a concern with its establishment, plan, number, category and themes', () => {
    const view = resultView({
      url: '/plans/chelmsford-2024/#concern-1',
      excerpt: 'reported <mark>self-harm</mark>',
      meta: {
        title: 'HMP Chelmsford, 2024 plan, concern 1: The level of reported self-harm…',
        establishment: 'HMP Chelmsford',
        plan: 'HMP Chelmsford: action plan after the 2024 inspection',
        concern: '1',
        category: 'Priority concern',
        themes: 'Self-harm and suicide prevention, Mental health',
        type: 'Concern',
      },
    });
    expect(view).toEqual({
      url: '/plans/chelmsford-2024/#concern-1',
      title: 'HMP Chelmsford, 2024 plan, concern 1: The level of reported self-harm…',
      details: ['HMP Chelmsford', 'HMP Chelmsford: action plan after the 2024 inspection', 'Concern 1'],
      category: 'Priority concern',
      themes: 'Self-harm and suicide prevention, Mental health',
      excerpt: [
        { text: 'reported ', mark: false },
        { text: 'self-harm', mark: true },
      ],
    });
  });

  it('shows a plan or an establishment with its type instead', () => {
    const view = resultView({
      url: '/establishments/chelmsford/',
      excerpt: 'HMP Chelmsford',
      meta: { title: 'HMP Chelmsford', establishment: 'HMP Chelmsford', type: 'Establishment' },
    });
    expect(view).toEqual({
      url: '/establishments/chelmsford/',
      title: 'HMP Chelmsford',
      details: ['Establishment'],
      excerpt: [{ text: 'HMP Chelmsford', mark: false }],
    });
  });
});

describe('categoryTagClass', () => {
  it('colours priority concerns orange, key concerns the default blue, and other groupings grey', () => {
    expect(categoryTagClass('Priority concern')).toBe('govuk-tag--orange');
    expect(categoryTagClass('Key concern')).toBe('');
    expect(categoryTagClass('Recommendations')).toBe('govuk-tag--grey');
  });
});
