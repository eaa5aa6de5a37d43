/**
 * Whether a search result really has the words searched for (src/client/search-match.ts): a word
 * occurs when a word of the record starts with it or shares its stem, never when only a shorter
 * word does (what Pagefind's cutting back to a prefix would give).
 */
import { describe, expect, it } from 'vitest';
import { missingWords, occurs, ownersMatching, searchWords, textWords } from '../../src/client/search-match.ts';
import { inRankOrder, unquoted } from '../../src/client/search-state.ts';

const SELF_HARM = {
  content: 'The level of reported self-harm was very high. Too many prisoners struggled to get help with their education.',
  meta: { title: 'HMP Chelmsford, 2024 plan, concern 1', owners: 'Governor; Head of Healthcare', terms: 'selfharm' },
};

describe('textWords', () => {
  it('has each word, and a hyphenated word both whole and in parts', () => {
    expect([...textWords('Self-harm, (POMs) and 2024.')].sort()).toEqual(['2024', 'and', 'harm', 'poms', 'self', 'selfharm']);
  });
});

describe('occurs', () => {
  const words = textWords(SELF_HARM.content);
  it('accepts the word itself, a prefix a reader types, and another form of its stem', () => {
    expect(occurs('prisoners', words)).toBe(true);
    expect(occurs('educat', words)).toBe(true);
    expect(occurs('harming', words)).toBe(true);
    expect(occurs('struggling', words)).toBe(true);
    expect(occurs('selfharm', words)).toBe(true);
  });

  it('refuses a word that only a shorter word of the record begins', () => {
    expect(occurs('aaaaaaaa', textWords('a cat'))).toBe(false);
    expect(occurs('sdafadsfasdf', textWords('SD cards'))).toBe(false);
    expect(occurs('helthcare', words)).toBe(false);
    expect(occurs('levels', textWords('level'))).toBe(true);
  });
});

describe('missingWords', () => {
  it('is empty when every word of the term is in the content or a searched meta field', () => {
    expect(missingWords('selfharm governor', SELF_HARM)).toEqual([]);
    expect(missingWords('head healthcare', SELF_HARM)).toEqual([]);
  });

  it('lists the words the result does not have', () => {
    expect(missingWords('aaaaaaaa', SELF_HARM)).toEqual(['aaaaaaaa']);
    expect(missingWords('self-harm drones', SELF_HARM)).toEqual(['drones']);
    // "1" is in the title, "concern 1".
    expect(missingWords('<img src=x onerror=alert(1)>', SELF_HARM)).toEqual(['img', 'src', 'x', 'onerror', 'alert']);
  });

  it('splits a search into words as Pagefind does', () => {
    expect(searchWords('"Use of Force" self-harm')).toEqual(['use', 'of', 'force', 'self', 'harm']);
  });
});

describe('ownersMatching', () => {
  it('gives the owners a word of the search occurs in', () => {
    expect(ownersMatching('head healthcare', ['Governor', 'Head of Healthcare'])).toEqual(['Head of Healthcare']);
    expect(ownersMatching('governor', ['Governor', 'Head of Healthcare'])).toEqual(['Governor']);
    expect(ownersMatching('kitchen', ['Governor'])).toEqual([]);
  });
});

describe('a phrase in quotes, ranked as its words are', () => {
  it('gives the words of a quoted term, and null for a term without quotes', () => {
    expect(unquoted('"social care"')).toBe('social care');
    expect(unquoted('"use of force" staff')).toBe('use of force staff');
    expect(unquoted('social care')).toBeNull();
    expect(unquoted('""')).toBeNull();
    expect(unquoted(null)).toBeNull();
  });

  it('orders the exact matches as the ranked search has them', () => {
    const exact = [{ id: 'c3' }, { id: 'c11' }, { id: 'c9' }];
    expect(inRankOrder(exact, [{ id: 'c11' }, { id: 'c5' }, { id: 'c3' }]).map((r) => r.id)).toEqual(['c11', 'c3', 'c9']);
  });
});
