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

interface Token {
  word: string;
  start: number;
  end: number;
}

/**
 * The words of `text` in lower case, with where each stands; "&" is the word "and". Lower case is
 * toLowerCase(): English has no casing rules of its own, so toLocaleLowerCase('en-GB') gives the
 * same for every character (checked over all of Unicode), at about four times the cost, and this
 * runs on every word of every search record (seconds of a 600-plan build).
 */
function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+|&/gu)].map((match) => ({
    word: match[0] === '&' ? 'and' : match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The words a term is matched by. */
export function termWords(term: string): string[] {
  return tokens(term).map((t) => t.word);
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


/** The terms that may start at a word: those whose first word it is, or whose only word it is in the plural. */
function candidates(word: string, terms: Map<string, Term[]>): Term[] {
  const singulars = [word.replace(/s$/, ''), word.replace(/es$/, '')].filter((w) => w !== word);
  return [...(terms.get(word) ?? []), ...singulars.flatMap((w) => (terms.get(w) ?? []).filter((t) => t.words.length === 1))];
}

interface Found {
  key: string;
  start: number;
  end: number;
}

/**
 * Where the terms stand in `text`, left to right: the longest at each word, and after it the next
 * term that starts beyond it, or (`overlapping`) at the next word, so a term inside a longer one
 * ("Self-Harm" in "Suicide and Self-Harm") is found too.
 */
function find(text: string, terms: Map<string, Term[]>, overlapping = false): Found[] {
  const words = tokens(text);
  const found: Found[] = [];
  for (let i = 0; i < words.length; ) {
    const term = candidates(words[i]!.word, terms).find(
      (t) => i + t.words.length <= words.length && t.words.every((w, j) => sameWord(words[i + j]!.word, w, j === t.words.length - 1)),
    );
    if (!term) {
      i++;
      continue;
    }
    found.push({ key: term.key, start: words[i]!.start, end: words[i + term.words.length - 1]!.end });
    i += overlapping ? 1 : term.words.length;
  }
  return found;
}

/** The keys of the groups whose terms `text` says, sorted: what the index adds to a record. */
export function vocabularyKeys(text: string, vocabulary: Equivalents): string[] {
  return [...new Set(find(text, termsOf(vocabulary), true).map((f) => f.key))].sort();
}

/**
 * The query with every term of the vocabulary written as its group's key: "health care staff" →
 * "healthcare staff", "POMs" → "pom". A query with quotes is an exact phrase and is left as typed.
 */
export function rewriteQuery(query: string, vocabulary: Equivalents): string {
  if (query.includes('"')) return query;
  let rewritten = '';
  let from = 0;
  for (const { key, start, end } of find(query, termsOf(vocabulary))) {
    rewritten += query.slice(from, start) + key;
    from = end;
  }
  return rewritten + query.slice(from);
}
