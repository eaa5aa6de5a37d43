/**
 * Checks on content/vocabulary.yaml beyond its schema: a term may stand in one group only, or a
 * search for it could not say which group it means.
 */
import { termWords } from '../search/vocabulary.ts';
import type { z } from 'zod';
import type { VocabularyFileSchema } from './schema.ts';

export function checkVocabulary(data: z.output<typeof VocabularyFileSchema>, report: (path: PropertyKey[], message: string) => void): void {
  const seen = new Map<string, { group: number; term: string }>();
  data.equivalents.forEach((group, i) => {
    group.terms.forEach((term, j) => {
      const words = termWords(term).join(' ');
      const earlier = seen.get(words);
      if (earlier) {
        const where = earlier.group === i ? 'earlier in this group' : `in group ${earlier.group + 1}`;
        report(['equivalents', i, 'terms', j], `the term "${term}" is already listed ${where} (as "${earlier.term}"): list each term once, in one group`);
      } else {
        seen.set(words, { group: i, term });
      }
    });
  });
}
