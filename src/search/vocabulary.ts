/**
 * The prison's vocabulary in search: groups of equivalent terms from content/vocabulary.yaml
 * ("POM" and "Prison Offender Manager", "healthcare" and "health care").
 *
 * Each group has a key, one word made from its first term ("pom", "healthcare"). When the index is
 * built, a record that says any term of a group is given the group's key (src/search/records.ts);
 * when a reader searches, every term of a group in the query becomes the key (src/client/search.ts).
 * So either form finds the same records, and a phrase ("health care") is matched as a phrase, not as
 * two words that may stand apart.
 *
 * Terms match whole words, ignoring case and punctuation, with "&" for "and" (so "Education, Skills
 * & Work" is "Education Skills and Work") and a plural ending on the last word ("POMs").
 * Pure and free of Node, so the build and the browser share it.
 */

/** The groups as the content gives them: each a list of equivalent terms. */
export type Equivalents = readonly (readonly string[])[];

/** A word of a text, or "&" (the word "and"), as the index and the query split them. */
const WORD = /[\p{L}\p{N}]+|&/gu;

/**
 * A word in lower case. Plain `toLowerCase` is British English's lower case too (only Turkish,
 * Azeri and Lithuanian have their own), and several times faster than asking for the locale:
 * the build lower-cases every word of every record.
 */
const lower = (word: string) => (word === '&' ? 'and' : word.toLowerCase());

/**
 * The words of `text` in lower case. The whole text is lower-cased at once, which is the same as
 * word by word unless a letter's lower case is longer (only "İ", whose dot becomes a mark that
 * would split the word): then the text is split first.
 */
function words(text: string): string[] {
  const lowered = text.toLowerCase();
  if (lowered.length !== text.length) return (text.match(WORD) ?? []).map(lower);
  const found = lowered.match(WORD) ?? [];
  for (let i = 0; i < found.length; i++) if (found[i] === '&') found[i] = 'and';
  return found;
}

/** The words of a term ("Education, Skills & Work" → education, skills, and, work). */
export function termWords(term: string): string[] {
  return words(term);
}

/** A group's key: its first term as one lower-case word ("Prison Offender Manager" → "prisonoffendermanager"). */
export function groupKey(group: readonly string[]): string {
  return termWords(group[0] ?? '').join('');
}

/** The forms a term's last word stands for: itself and its plural ("POM", "POMs"). */
const PLURAL = /(?:s|es)$/;

/** Whether a word of the text is the term's word, or (for its last word) the word's plural. */
function sameWord(textWord: string, termWord: string, last: boolean): boolean {
  return textWord === termWord || (last && textWord.startsWith(termWord) && PLURAL.test(textWord) && textWord.length - termWord.length <= 2);
}

interface Term {
  words: string[];
  key: string;
}

const compiled = new WeakMap<Equivalents, Map<string, Term[]>>();

/**
 * The terms by their first word (and a one-word term also by its plural's stem), each list longest
 * first, so "Prison Offender Manager" wins over "Prison": a record's words are looked up, not
 * compared with every term.
 */
function termsOf(vocabulary: Equivalents): Map<string, Term[]> {
  const cached = compiled.get(vocabulary);
  if (cached) return cached;
  const byFirst = new Map<string, Term[]>();
  for (const group of vocabulary) {
    for (const term of group) {
      const words = termWords(term);
      if (words.length === 0) continue;
      const list = byFirst.get(words[0]!) ?? [];
      list.push({ words, key: groupKey(group) });
      list.sort((a, b) => b.words.length - a.words.length);
      byFirst.set(words[0]!, list);
    }
  }
  compiled.set(vocabulary, byFirst);
  return byFirst;
}

const NONE: readonly Term[] = [];

/**
 * The terms that may start at a word: those whose first word it is, or whose only word it is in the
 * plural ("POMs", "classes"). Most words start no term, and cost one lookup.
 */
function candidates(word: string, terms: Map<string, Term[]>): readonly Term[] {
  const own = terms.get(word) ?? NONE;
  if (!word.endsWith('s')) return own;
  const oneWord = (stem: string) => (terms.get(stem) ?? NONE).filter((t) => t.words.length === 1);
  return [...own, ...oneWord(word.slice(0, -1)), ...(word.endsWith('es') ? oneWord(word.slice(0, -2)) : NONE)];
}

interface Found {
  key: string;
  /** The term's first and last word, as indexes into the words searched. */
  first: number;
  last: number;
}

/**
 * Where the terms stand in `words`, left to right: the longest at each word, and after it the next
 * term that starts beyond it, or (`overlapping`) at the next word, so a term inside a longer one
 * ("Self-Harm" in "Suicide and Self-Harm") is found too.
 */
function find(words: readonly string[], terms: Map<string, Term[]>, overlapping = false): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < words.length; ) {
    const term = candidates(words[i]!, terms).find(
      (t) => i + t.words.length <= words.length && t.words.every((w, j) => sameWord(words[i + j]!, w, j === t.words.length - 1)),
    );
    if (!term) {
      i++;
      continue;
    }
    found.push({ key: term.key, first: i, last: i + term.words.length - 1 });
    i += overlapping ? 1 : term.words.length;
  }
  return found;
}

/** The keys of the groups whose terms `text` says, sorted: what the index adds to a record. */
export function vocabularyKeys(text: string, vocabulary: Equivalents): string[] {
  if (vocabulary.length === 0) return [];
  return [...new Set(find(words(text), termsOf(vocabulary), true).map((f) => f.key))].sort();
}

/**
 * The query with every term of the vocabulary written as its group's key: "health care staff" →
 * "healthcare staff", "POMs" → "pom". A query with quotes is an exact phrase and is left as typed.
 */
export function rewriteQuery(query: string, vocabulary: Equivalents): string {
  if (query.includes('"')) return query;
  const matches = [...query.matchAll(WORD)];
  let rewritten = '';
  let from = 0;
  for (const { key, first, last } of find(matches.map((m) => lower(m[0])), termsOf(vocabulary))) {
    rewritten += query.slice(from, matches[first]!.index) + key;
    from = matches[last]!.index + matches[last]![0].length;
  }
  return rewritten + query.slice(from);
}
