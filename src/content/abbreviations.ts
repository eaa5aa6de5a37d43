/**
 * The abbreviations the plans define in brackets, such as "Prison Offender Managers (POMs)", for
 * editors seeding content/vocabulary.yaml (`npm run vocabulary`, scripts/vocabulary.ts).
 *
 * An abbreviation is one or more capital letters in brackets (a lower-case letter may stand among
 * them, as in "(UoF)", and a plural "s" may end it). Its expansion is the run of words just before
 * the bracket whose initials spell it, right to left; a short joining word ("of", "and", "the")
 * may stand between them, and spells a letter only when the abbreviation has it ("Suicide and
 * Self-Harm (SASH)"). Brackets whose words do not spell them ("(LSM)" after "Skills Manager") are
 * left out rather than guessed.
 */
import type { Equivalents } from '../search/vocabulary.ts';
import { termWords } from '../search/vocabulary.ts';

export interface Abbreviation {
  abbreviation: string;
  expansion: string;
}

const JOINING = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', '&']);

/** The letters a word gives, last first: "Self-Harm" gives H then S, "HM" gives M then H. */
function lettersOf(word: string): string[] {
  if (/^\p{Lu}{2,}$/u.test(word)) return [...word].reverse();
  return word
    .split(/[-‐]/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase())
    .reverse();
}

/** The expansion of `letters` in the words before it, or undefined when they do not spell it. */
function expansionOf(before: string, letters: string): string | undefined {
  const words = before.trimEnd().split(/\s+/);
  let remaining = letters;
  let first = words.length;
  for (let i = words.length - 1; i >= 0 && remaining; i--) {
    const word = words[i]!.replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&]+$/gu, '');
    if (!word) return undefined;
    const joining = JOINING.has(word.toLowerCase());
    const gives = lettersOf(word);
    const spells = gives.length <= remaining.length && gives.every((letter, k) => remaining[remaining.length - 1 - k] === letter);
    // The words of a name are capitalised; a joining word counts only where its letter is needed.
    if (spells && (joining || /^\p{Lu}/u.test(word))) remaining = remaining.slice(0, remaining.length - gives.length);
    else if (!joining) return undefined;
    first = i;
  }
  if (remaining) return undefined;
  return words
    .slice(first)
    .join(' ')
    .replace(/^[^\p{L}\p{N}]+/u, '');
}

/** Every abbreviation `text` defines in brackets, in order, each once (the first definition). */
export function bracketedAbbreviations(text: string): Abbreviation[] {
  const found = new Map<string, Abbreviation>();
  for (const match of text.matchAll(/\(\s*(\p{Lu}[\p{Lu}\p{Ll}]*?\p{Lu})(s?)\s*\)/gu)) {
    const abbreviation = match[1]!;
    if (found.has(abbreviation)) continue;
    const line = text.slice(0, match.index).split('\n').pop()!;
    const expansion = expansionOf(line, abbreviation.toUpperCase());
    if (expansion) found.set(abbreviation, { abbreviation, expansion });
  }
  return [...found.values()];
}

/** Whether the vocabulary already has the abbreviation as a term of some group. */
export function inVocabulary(abbreviation: string, vocabulary: Equivalents): boolean {
  const words = termWords(abbreviation).join(' ');
  return vocabulary.some((group) => group.some((term) => termWords(term).join(' ') === words));
}

export interface AbbreviationListing extends Abbreviation {
  /** The plan files that define it, as given. */
  files: string[];
  listed: boolean;
}

/**
 * Every abbreviation the plan files define, with the files and whether the vocabulary lists it:
 * what `npm run vocabulary` shows editors. Sorted by abbreviation.
 */
export function listAbbreviations(planFiles: [string, string][], vocabulary: Equivalents): AbbreviationListing[] {
  const all = new Map<string, AbbreviationListing>();
  for (const [file, text] of planFiles) {
    for (const found of bracketedAbbreviations(text)) {
      const entry = all.get(found.abbreviation) ?? { ...found, files: [], listed: inVocabulary(found.abbreviation, vocabulary) };
      entry.files.push(file);
      all.set(found.abbreviation, entry);
    }
  }
  return [...all.values()].sort((a, b) => a.abbreviation.localeCompare(b.abbreviation, 'en-GB'));
}
