/**
 * Whether a result really has the words searched for.
 *
 * Pagefind looks each word of a search up in its index as a prefix ("educat" finds "education"),
 * after stemming it ("harming" finds "harm"). A word no indexed word starts with is cut back to
 * its longest prefix that is one ("aaaaaaaa" to "a", "sdafadsfasdf" to "sd": Pagefind issues #599
 * and #793, with no option to turn it off in 1.6), so a misspelt or absent word finds unrelated
 * records as if they matched. That cutting back is decided for the word once, over the whole
 * index: then no record has the word at all. So when the first result lacks a word, no result has
 * it, and the search has found nothing.
 *
 * A word "occurs" in a record when a word of the record starts with it, or the record word's stem
 * starts with its stem: the test Pagefind itself makes (Porter2, the Snowball English stemmer that
 * Pagefind uses), without the cutting back. Pure, so it is unit-tested (tests/unit/search-match.test.ts).
 */
import { stem } from 'porter2';

/** The words of a search term as Pagefind compares them: lower case, letters and digits. */
export function searchWords(term: string): string[] {
  return [...term.toLocaleLowerCase('en-GB').matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
}

/**
 * The words of a record's text: each word as a whole ("selfharm", as Pagefind indexes "self-harm")
 * and each of its parts ("self", "harm").
 */
export function textWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const chunk of text.toLocaleLowerCase('en-GB').split(/\s+/)) {
    const parts = chunk.match(/[\p{L}\p{N}]+/gu) ?? [];
    for (const part of parts) words.add(part);
    if (parts.length > 1) words.add(parts.join(''));
  }
  return words;
}

const stemOf = (word: string) => stem(word);

/** Whether `word` (from a search) occurs among `words` (a record's), as a prefix or by its stem. */
export function occurs(word: string, words: Iterable<string>): boolean {
  const wordStem = stemOf(word);
  for (const candidate of words) {
    if (candidate.startsWith(word) || stemOf(candidate).startsWith(wordStem)) return true;
  }
  return false;
}

/** What Pagefind gives of a result, as far as matching needs: its content and meta fields. */
export interface MatchData {
  content: string;
  meta: Record<string, string | undefined>;
}

/** The words of `term` that do not occur in the result: none when it really matches. */
export function missingWords(term: string, data: MatchData): string[] {
  const words = textWords([data.content, ...Object.values(data.meta)].join('\n'));
  return searchWords(term).filter((word) => !occurs(word, words));
}

/** The owners (of `owners`) in which a word of `term` occurs: where a search matched an owner. */
export function ownersMatching(term: string, owners: readonly string[]): string[] {
  const wanted = searchWords(term);
  return owners.filter((owner) => {
    const words = textWords(owner);
    return wanted.some((word) => occurs(word, words));
  });
}
