/**
 * The search vocabulary: content/vocabulary.yaml validated like every content file, its terms found
 * in records and queries (src/search/vocabulary.ts), and the abbreviations the plans define listed
 * for editors (src/content/abbreviations.ts, `npm run vocabulary`). Expectations come from reading
 * the Chelmsford plan, whose abbreviations are quoted below as it writes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bracketedAbbreviations, listAbbreviations } from '../../src/content/abbreviations.ts';
import { loadContent, readContentFiles, validateContent } from '../../src/content/load.ts';
import { groupKey, rewriteQuery, vocabularyKeys } from '../../src/search/vocabulary.ts';
import { ROOT } from '../support/build-site.ts';

const VOCABULARY = [
  ['healthcare', 'health care'],
  ['keywork', 'key work', 'keyworker'],
  ['POM', 'Prison Offender Manager'],
  ['CSU', 'Care and Separation Unit'],
  ['ESW', 'Education Skills and Work'],
  ['self-harm', 'selfharm'],
];

describe('vocabularyKeys: the groups a record says', () => {
  it('finds an abbreviation, its expansion in the plural, and a phrase across punctuation', () => {
    expect(vocabularyKeys('completed by Prison Offender Managers (POMs).', VOCABULARY)).toEqual(['pom']);
    expect(vocabularyKeys('The Head of Education, Skills & Work (HoESW)', VOCABULARY)).toEqual(['esw']);
    expect(vocabularyKeys('located in the Care and Separation Unit (CSU)', VOCABULARY)).toEqual(['csu']);
    expect(vocabularyKeys('HCRG (Health Care Resourcing Group)', VOCABULARY)).toEqual(['healthcare']);
  });

  it('finds a term inside a longer one, and several groups in one text', () => {
    const vocabulary = [...VOCABULARY, ['SASH', 'Suicide and Self-Harm']];
    expect(vocabularyKeys('Suicide and Self-Harm (SASH) refresher, with healthcare', vocabulary)).toEqual(['healthcare', 'sash', 'selfharm']);
  });

  it('matches whole words only, and not words that merely stand near each other', () => {
    expect(vocabularyKeys('Pompey and the CSUs staff', VOCABULARY)).toEqual(['csu']);
    expect(vocabularyKeys('mental health and social care', VOCABULARY)).toEqual([]);
    expect(vocabularyKeys('health, care', VOCABULARY)).toEqual(['healthcare']);
    expect(vocabularyKeys('', VOCABULARY)).toEqual([]);
  });

  it('reads words whose capital has a longer lower case ("İ") as the same words', () => {
    expect(vocabularyKeys('İstanbul office, Prison Offender Managers', VOCABULARY)).toEqual(['pom']);
    expect(rewriteQuery('İstanbul POMs', VOCABULARY)).toBe('İstanbul pom');
  });

  it('makes a group key of its first term as one word', () => {
    expect(groupKey(['Prison Offender Manager', 'POM'])).toBe('prisonoffendermanager');
    expect(groupKey(['self-harm'])).toBe('selfharm');
  });
});

describe('rewriteQuery: what a reader types, in the vocabulary', () => {
  it('writes every form of a group as its key, so each finds the same records', () => {
    expect(rewriteQuery('health care', VOCABULARY)).toBe('healthcare');
    expect(rewriteQuery('Healthcare', VOCABULARY)).toBe('healthcare');
    expect(rewriteQuery('prison offender managers', VOCABULARY)).toBe('pom');
    expect(rewriteQuery('POMs', VOCABULARY)).toBe('pom');
    expect(rewriteQuery('key work quality', VOCABULARY)).toBe('keywork quality');
    expect(rewriteQuery('self harm', VOCABULARY)).toBe('selfharm');
  });

  it('leaves other words as typed, and a phrase in quotes alone', () => {
    expect(rewriteQuery('use of force', VOCABULARY)).toBe('use of force');
    expect(rewriteQuery('"health care"', VOCABULARY)).toBe('"health care"');
    expect(rewriteQuery('mental health care staff', VOCABULARY)).toBe('mental healthcare staff');
  });
});

describe('content/vocabulary.yaml is validated like every content file', () => {
  const files = readContentFiles(path.join(ROOT, 'content'));
  const withVocabulary = (text: string) => validateContent([...files.filter(([rel]) => rel !== 'vocabulary.yaml'), ['vocabulary.yaml', text]], 'content');

  it('loads the real content with its vocabulary', () => {
    const loaded = loadContent(path.join(ROOT, 'content'));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.site.vocabulary).toContainEqual(['POM', 'Prison Offender Manager']);
  });

  it('is optional: without it there are no equivalents', () => {
    const loaded = validateContent(files.filter(([rel]) => rel !== 'vocabulary.yaml'), 'content');
    expect(loaded.ok && loaded.site.vocabulary).toEqual([]);
  });

  it('says where a term is listed twice', () => {
    const result = withVocabulary('equivalents:\n  - terms: [POM, Prison Offender Manager]\n  - terms: [OMU, Offender Management Unit, pom]\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        {
          file: 'content/vocabulary.yaml',
          line: 3,
          column: 44,
          path: 'equivalents.2.terms.3',
          place: 'group 2, term 3',
          message: 'the term "pom" is already listed in group 1 (as "POM"): list each term once, in one group',
        },
      ]);
    }
  });

  it('says a group needs two terms, and a term must be words', () => {
    const result = withVocabulary('equivalents:\n  - terms: [POM]\n  - terms: [OMU, "<b>unit</b>"]\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => `${p.line} ${p.place}: ${p.message}`)).toEqual([
        '2 group 1, terms: found a list, but it must list at least two terms that mean the same',
        '3 group 2, term 2: found "<b>unit</b>", but it must be a word or phrase: letters, digits, spaces, hyphens and apostrophes, for example "Prison Offender Manager"',
      ]);
    }
  });
});

describe('the abbreviations the plans define, listed for editors', () => {
  const chelmsford = fs.readFileSync(path.join(ROOT, 'content/plans/chelmsford/chelmsford-2024.md'), 'utf8');

  it('finds an abbreviation in brackets with the words that spell it, as the plan writes them', () => {
    const found = bracketedAbbreviations(chelmsford);
    expect(found).toContainEqual({ abbreviation: 'POM', expansion: 'Prison Offender Managers' });
    expect(found).toContainEqual({ abbreviation: 'SASH', expansion: 'Suicide and Self-Harm' });
    expect(found).toContainEqual({ abbreviation: 'UoF', expansion: 'Use of Force' });
    expect(found).toContainEqual({ abbreviation: 'HMIP', expansion: 'HM Inspectorate of Prisons' });
    expect(found).toContainEqual({ abbreviation: 'HOMS', expansion: 'Head of Offender Management Services' });
    expect(found).toContainEqual({ abbreviation: 'LSM', expansion: 'Learning & Skills Manager' });
  });

  it('leaves out brackets whose words do not spell them', () => {
    expect(bracketedAbbreviations('each protected characteristic (PC). Skills Manager (LSM). A (B)')).toEqual([]);
    expect(bracketedAbbreviations('Band 6 (HMPPS) staff')).toEqual([]);
  });

  it('says which abbreviations the vocabulary lists, and in which files they are defined', () => {
    const listing = listAbbreviations([['plans/a/a-2024.md', 'the Offender Management Unit (OMU) and the Care and Separation Unit (CSU)']], VOCABULARY);
    expect(listing).toEqual([
      { abbreviation: 'CSU', expansion: 'Care and Separation Unit', files: ['plans/a/a-2024.md'], listed: true },
      { abbreviation: 'OMU', expansion: 'Offender Management Unit', files: ['plans/a/a-2024.md'], listed: false },
    ]);
  });

  it('finds every abbreviation the Chelmsford plan defines in the real vocabulary', () => {
    const loaded = loadContent(path.join(ROOT, 'content'));
    if (!loaded.ok) throw new Error('the content does not load');
    const missing = listAbbreviations([['plans/chelmsford/chelmsford-2024.md', chelmsford]], loaded.site.vocabulary).filter((a) => !a.listed);
    expect(missing).toEqual([]);
  });
});
