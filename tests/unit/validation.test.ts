/**
 * The content editor's experience of `npm run validate`: for each mistake an editor can make, the
 * problem is reported on the right file, line and field, in plain English, and nothing else is
 * reported alongside it.
 *
 * Every broken input is a small valid fixture set (below) with one change applied. Each change names
 * the line it edits and the text that line must hold, so a case can never quietly miss its target.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentDir, loadContent, validateContent } from '../../src/content/load.ts';
import { formatProblem, type Problem } from '../../src/content/problems.ts';
import { FIXTURE_PLAN, FIXTURE_THEMES } from '../support/fixture-plan.ts';

// ---------------------------------------------------------------------------------------------------
// The valid fixture set. Line numbers are given in the margin comments of the cases below.
// ---------------------------------------------------------------------------------------------------

const THEMES = FIXTURE_THEMES;
//  1 themes:
//  2   - id: self-harm            (id value at column 9)
//  6   - id: mental-health
// 10   - id: living-conditions
// 13     area: respect            (last line)

const ESTABLISHMENT = `id: chelmsford
name: HMP Chelmsford
type: Category B local
hmipUrl: https://www.justiceinspectorates.gov.uk/hmiprisons/inspections/hmp-chelmsford/
`;

const PLAN = FIXTURE_PLAN;
//  1 ---                  24   - number: 1            (value at column 13)
//  2 id: ...  (col 5)     25     category: priority   (value at column 15)
//  3 establishment (c16)  26     text: ...
//  4 format (col 9)       27     themes: [self-harm, mental-health]   (items at columns 14 and 25)
//  5 title (col 8)        28     actions:
//  9 - start (col 14)     29       - text: ...        (action block at column 9, value at 15)
// 10   end (col 12)       30         owner: Governor  (value at column 16)
// 13 date (col 9)         31         target: July 2024
// 16 date (col 9)         35   - number: 2
// 19 url (col 8)          39       - living-conditions (column 9)
// 20 publisher            42         owner: null
// 23 concerns: (col 1)    44 ---

const T = 'themes.yaml';
const E = 'establishments/chelmsford.yaml';
const P = 'plans/chelmsford/chelmsford-2024.md';
/** Paths as the editor sees them in problems. */
const shown = (rel: string) => `content/${rel}`;

type Files = Record<string, string>;
const VALID: Files = { [T]: THEMES, [E]: ESTABLISHMENT, [P]: PLAN };

/** The fixture set with some files replaced (or, with `undefined`, removed). */
function withFiles(changes: Record<string, string | undefined>): Files {
  const files: Files = { ...VALID };
  for (const [rel, text] of Object.entries(changes)) {
    if (text === undefined) delete files[rel];
    else files[rel] = text;
  }
  return files;
}

/**
 * Changes line `line` (1-based) of `text`: the line must contain `from`, which becomes `to`. `to` may
 * hold several lines; `null` deletes the line.
 */
function edit(text: string, line: number, from: string, to: string | null): string {
  const lines = text.split('\n');
  const old = lines[line - 1];
  if (old === undefined || !old.includes(from)) throw new Error(`line ${line} is ${JSON.stringify(old)}, not one with ${JSON.stringify(from)}`);
  if (to === null) lines.splice(line - 1, 1);
  else lines[line - 1] = old.replace(from, to);
  return lines.join('\n');
}

/** Replaces lines `first` to `last` (inclusive); the first of them must contain `firstHolds`. */
function replaceLines(text: string, first: number, last: number, firstHolds: string, to: string): string {
  const lines = text.split('\n');
  if (!lines[first - 1]?.includes(firstHolds)) throw new Error(`line ${first} does not hold ${JSON.stringify(firstHolds)}`);
  lines.splice(first - 1, last - first + 1, ...to.split('\n'));
  return lines.join('\n');
}

const plan = (text: string) => withFiles({ [P]: text });

/** The same plan three years earlier, for concerns that are raised again. */
const EARLIER_P = 'plans/chelmsford/chelmsford-2021.md';
const EARLIER = PLAN.replaceAll('2024', '2021');
/** The fixture plan with its first concern repeating concern `concern` of plan `id` (lines 28 to 30). */
const repeating = (id: string, concern: number) =>
  edit(PLAN, 27, 'themes: [self-harm, mental-health]', `themes: [self-harm, mental-health]\n    repeats:\n      plan: ${id}\n      concern: ${concern}`);
const editPlan = (line: number, from: string, to: string | null) => plan(edit(PLAN, line, from, to));

function validate(files: Files) {
  return validateContent(Object.entries(files), 'content');
}

interface Expected {
  file: string;
  line: number;
  /** Left out where the exact column is the YAML parser's business rather than the editor's. */
  column?: number;
  /** The field path, list items counted from 1 (GitHub annotations show it). */
  path: string;
  /** The place as a reader would name it ("concern 1, action 1, owner"). */
  place: string;
  /** A distinctive fragment of the plain-English message. */
  message: string;
}

interface Case {
  name: string;
  files: Files;
  expected: Expected[];
}

const inPlan = (line: number, column: number | undefined, fieldPath: string, place: string, message: string): Expected => ({
  file: shown(P),
  line,
  ...(column === undefined ? {} : { column }),
  path: fieldPath,
  place,
  message,
});

const CASES: Case[] = [
  // Missing required fields
  {
    name: 'a concern without its text',
    files: editPlan(26, '    text: The level of reported self-harm was very high.', null),
    expected: [inPlan(24, 5, 'concerns.1.text', 'concern 1, text', '"text" is missing: add a line "text: ..." here')],
  },
  {
    name: 'an action without an owner line',
    files: editPlan(30, 'owner: Governor', null),
    expected: [inPlan(29, 9, 'concerns.1.actions.1.owner', 'concern 1, action 1, owner', '"owner" is missing: add a line "owner: ..." here (it must be text, or null where the source names no owner)')],
  },
  {
    name: 'a plan without a title',
    files: editPlan(5, 'title: "Action Plan: HMP Chelmsford"', null),
    expected: [inPlan(2, 1, 'title', 'title', '"title" is missing: add a line "title: ..." here')],
  },
  {
    name: 'a plan without its format line',
    files: editPlan(4, 'format: concerns', null),
    expected: [inPlan(2, 1, 'format', 'format', '"format" is missing: add a line "format: ..." here (it must say which format the plan is in')],
  },
  // Wrong types
  {
    name: 'a number where text is expected (owner)',
    files: editPlan(30, 'owner: Governor', 'owner: 42'),
    expected: [inPlan(30, 16, 'concerns.1.actions.1.owner', 'concern 1, action 1, owner', 'found the number 42, but it must be text')],
  },
  {
    name: 'a number where text is expected (title)',
    files: editPlan(5, '"Action Plan: HMP Chelmsford"', '2024'),
    expected: [inPlan(5, 8, 'title', 'title', 'found the number 2024, but it must be text')],
  },
  {
    name: 'text where a list is expected (themes)',
    files: editPlan(27, '[self-harm, mental-health]', 'self-harm'),
    expected: [inPlan(27, 13, 'concerns.1.themes', 'concern 1, themes', 'found "self-harm", but it must be a list (lines starting with "- ")')],
  },
  {
    name: 'a list where text is expected (owner)',
    files: editPlan(30, 'owner: Governor', 'owner: [Governor, Head of Safety]'),
    expected: [inPlan(30, 16, 'concerns.1.actions.1.owner', 'concern 1, action 1, owner', 'found a list, but it must be text')],
  },
  {
    name: 'a concern number that is not a whole number',
    files: editPlan(24, 'number: 1', 'number: 1.5'),
    expected: [inPlan(24, 13, 'concerns.1.number', 'concern 1, number', 'found the number 1.5, but it must be a whole number')],
  },
  {
    name: 'an owner left as empty text instead of null',
    files: editPlan(30, 'owner: Governor', 'owner: ""'),
    expected: [inPlan(30, 16, 'concerns.1.actions.1.owner', 'concern 1, action 1, owner', 'found empty text, but it must not be empty: write `owner: null`')],
  },
  // Unknown fields: reported on the field's own name
  {
    name: 'a misspelt required field (ownr:)',
    files: editPlan(30, 'owner: Governor', 'ownr: Governor'),
    expected: [
      inPlan(29, 9, 'concerns.1.actions.1.owner', 'concern 1, action 1, owner', '"owner" is missing'),
      inPlan(30, 9, 'concerns.1.actions.1.ownr', 'concern 1, action 1, ownr', 'unknown field "ownr": check its spelling'),
    ],
  },
  {
    name: 'a misspelt optional field at the top level (reportURL:)',
    files: editPlan(16, '  date: "2024-06-11"', '  date: "2024-06-11"\nreportURL: https://hmiprisons.justiceinspectorates.gov.uk/report.pdf'),
    expected: [inPlan(17, 1, 'reportURL', 'reportURL', 'unknown field "reportURL": check its spelling against the content format, or remove it')],
  },
  {
    name: 'a misspelt field in an establishment (only the establishment is reported)',
    files: withFiles({ [E]: edit(ESTABLISHMENT, 3, 'type:', 'tpye:') }),
    expected: [{ file: shown(E), line: 3, column: 1, path: 'tpye', place: 'tpye', message: 'unknown field "tpye"' }],
  },
  // References to other files
  {
    name: 'an unknown theme id, with a suggestion',
    files: editPlan(27, 'mental-health]', 'mental-helth]'),
    expected: [inPlan(27, 25, 'concerns.1.themes.2', 'concern 1, theme 2', 'the theme "mental-helth" is not in content/themes.yaml: did you mean "mental-health"?')],
  },
  {
    name: 'an unknown theme id, too far from any to suggest one',
    files: editPlan(39, '- living-conditions', '- prison-food'),
    expected: [inPlan(39, 9, 'concerns.2.themes.1', 'concern 2, theme 1', 'the theme "prison-food" is not in content/themes.yaml: use an id listed there')],
  },
  {
    name: 'an unknown establishment, with a suggestion',
    files: editPlan(3, 'establishment: chelmsford', 'establishment: chelmsfrod'),
    expected: [inPlan(3, 16, 'establishment', 'establishment', 'the establishment "chelmsfrod" does not exist: did you mean "chelmsford"?')],
  },
  {
    name: 'the themes file is missing (plans are not also told their themes do not exist)',
    files: withFiles({ [T]: undefined }),
    expected: [{ file: shown(T), line: 1, column: 1, path: '', place: '', message: 'the themes file is missing' }],
  },
  // Concern numbers
  {
    name: 'a duplicate concern number',
    files: editPlan(35, 'number: 2', 'number: 1'),
    expected: [inPlan(35, 13, 'concerns.2.number', 'concern 2, number', 'concern number 1 is used twice (also the 1st concern)')],
  },
  {
    name: 'concerns out of order',
    files: editPlan(24, 'number: 1', 'number: 3'),
    expected: [inPlan(35, 13, 'concerns.2.number', 'concern 2, number', 'concern number 2 comes after concern 3')],
  },
  // Dates
  {
    name: 'an impossible date (2024-02-30)',
    files: editPlan(10, '"2024-02-08"', '"2024-02-30"'),
    expected: [inPlan(10, 12, 'inspection.periods.1.end', 'inspection, period 1, end', 'found "2024-02-30", but it must be a real date written as YYYY-MM-DD')],
  },
  {
    name: 'a date written as 22/01/2024',
    files: editPlan(9, '"2024-01-22"', '22/01/2024'),
    expected: [inPlan(9, 14, 'inspection.periods.1.start', 'inspection, period 1, start', 'found "22/01/2024", but it must be a real date written as YYYY-MM-DD')],
  },
  {
    name: 'an inspection that ends before it starts',
    files: editPlan(10, '"2024-02-08"', '"2024-01-20"'),
    expected: [inPlan(10, 12, 'inspection.periods.1.end', 'inspection, period 1, end', 'the inspection ends (2024-01-20) before it starts (2024-01-22)')],
  },
  {
    name: 'a report published before the inspection ended',
    files: editPlan(13, '"2024-05-08"', '"2024-02-01"'),
    expected: [inPlan(13, 9, 'reportPublished.date', 'reportPublished, date', 'the report is published (2024-02-01) before the inspection ends (2024-02-08)')],
  },
  {
    name: 'a plan submitted before the inspection ended',
    files: editPlan(16, '"2024-06-11"', '"2024-02-07"'),
    expected: [inPlan(16, 9, 'planSubmitted.date', 'planSubmitted, date', 'the plan is submitted (2024-02-07) before the inspection ends (2024-02-08)')],
  },
  {
    name: 'a second inspection period overlapping the first',
    files: editPlan(10, '      end: "2024-02-08"', '      end: "2024-02-08"\n    - start: "2024-02-01"\n      end: "2024-02-09"'),
    expected: [inPlan(11, 14, 'inspection.periods.2.start', 'inspection, period 2, start', 'this period starts (2024-02-01) before the one above it ends (2024-02-08)')],
  },
  // Values from a fixed list
  {
    name: 'an invalid category',
    files: editPlan(25, 'category: priority', 'category: urgent'),
    expected: [inPlan(25, 15, 'concerns.1.category', 'concern 1, category', 'found "urgent", but it must be "priority" or "key"')],
  },
  {
    name: 'a YAML tag that would make the value something other than text (!!js/function)',
    files: editPlan(5, 'title: "Action Plan: HMP Chelmsford"', 'title: !!js/function "function () {}"'),
    expected: [inPlan(5, 8, '', '', 'the YAML cannot be read: the tag on this value is not one YAML knows: remove it')],
  },
  // Progress (editorial): updates, revised targets, reviews and repeated concerns
  {
    name: 'an update with an unknown status',
    files: editPlan(31, 'target: July 2024', 'target: July 2024\n        updates:\n          - date: 2024-09-01\n            status: done'),
    expected: [inPlan(34, 21, 'concerns.1.actions.1.updates.1.status', 'concern 1, action 1, update 1, status', 'found "done", but it must be one of: not-started, in-progress, completed, not-completed, no-longer-applicable')],
  },
  {
    name: 'an update dated before the plan was submitted',
    files: editPlan(31, 'target: July 2024', 'target: July 2024\n        updates:\n          - date: 2024-06-01\n            status: in-progress'),
    expected: [inPlan(33, 19, 'concerns.1.actions.1.updates.1.date', 'concern 1, action 1, update 1, date', 'this update is dated 2024-06-01, before the plan was submitted (2024-06-11)')],
  },
  {
    name: 'updates out of date order',
    files: editPlan(
      31,
      'target: July 2024',
      'target: July 2024\n        updates:\n          - date: 2024-10-01\n            status: completed\n          - date: 2024-09-01\n            status: in-progress',
    ),
    expected: [inPlan(35, 19, 'concerns.1.actions.1.updates.2.date', 'concern 1, action 1, update 2, date', 'this update is dated 2024-09-01, before the one above it (2024-10-01): list them oldest first')],
  },
  {
    name: 'a revised target without a reason',
    files: editPlan(31, 'target: July 2024', 'target: July 2024\n        revisedTargets:\n          - date: 2024-07-15\n            target: December 2024'),
    expected: [inPlan(33, 13, 'concerns.1.actions.1.revisedTargets.1.reason', 'concern 1, action 1, revised target 1, reason', '"reason" is missing')],
  },
  {
    name: 'a revised target with an empty reason',
    files: editPlan(31, 'target: July 2024', 'target: July 2024\n        revisedTargets:\n          - date: 2024-07-15\n            target: December 2024\n            reason: ""'),
    expected: [inPlan(35, 21, 'concerns.1.actions.1.revisedTargets.1.reason', 'concern 1, action 1, revised target 1, reason', 'must not be empty')],
  },
  {
    name: 'a status written on the action instead of in an update',
    files: editPlan(31, 'target: July 2024', 'target: July 2024\n        status: completed'),
    expected: [inPlan(32, 9, 'concerns.1.actions.1.status', 'concern 1, action 1, status', 'its status comes from its latest update. Write it under "updates:"')],
  },
  {
    name: 'a review with an unknown judgement',
    files: editPlan(27, 'themes: [self-harm, mental-health]', 'themes: [self-harm, mental-health]\n    reviews:\n      - date: 2025-03-01\n        judgement: some progress\n        url: https://example.org/irp'),
    expected: [inPlan(30, 20, 'concerns.1.reviews.1.judgement', 'concern 1, review 1, judgement', 'found "some progress", but it must be one of: no-meaningful-progress, insufficient-progress, reasonable-progress, good-progress')],
  },
  {
    name: 'a concern repeating a plan that does not exist',
    files: editPlan(27, 'themes: [self-harm, mental-health]', 'themes: [self-harm, mental-health]\n    repeats:\n      plan: chelmsford-2019\n      concern: 3'),
    expected: [inPlan(29, 13, 'concerns.1.repeats.plan', 'concern 1, repeats, plan', 'the plan "chelmsford-2019" does not exist')],
  },
  {
    name: 'an invalid format value',
    files: editPlan(4, 'format: concerns', 'format: concern'),
    expected: [inPlan(4, 9, 'format', 'format', 'found "concern", but it must say which format the plan is in: "concerns" (2022 onwards) or "recommendations"')],
  },
  {
    name: 'a target month not written as YYYY-MM',
    files: editPlan(31, 'target: July 2024', 'target: July 2024\n        targetMonth: 2024-7'),
    expected: [inPlan(32, 22, 'concerns.1.actions.1.targetMonth', 'concern 1, action 1, targetMonth', 'found "2024-7", but it must be a month written as YYYY-MM')],
  },
  {
    name: 'an invalid URL in provenance',
    files: editPlan(19, 'https://assets', 'assets'),
    expected: [inPlan(19, 8, 'provenance.url', 'provenance, url', 'but it must be a full web address starting with https:// or http://')],
  },
  {
    name: 'a URL that is not a web address (ftp:)',
    files: editPlan(19, 'https://', 'ftp://'),
    expected: [inPlan(19, 8, 'provenance.url', 'provenance, url', 'found "ftp://assets.publishing.service.gov.uk/media/chelmsford-a...", but it must be a full web address')],
  },
  // Empty lists
  {
    name: 'an empty concerns list',
    files: plan(replaceLines(PLAN, 23, 43, 'concerns:', 'concerns: []')),
    expected: [inPlan(23, 11, 'concerns', 'concerns', 'found an empty list, but it must list at least one concern')],
  },
  {
    name: 'a concern with no actions',
    files: plan(replaceLines(PLAN, 40, 43, '    actions:', '    actions: []')),
    expected: [inPlan(40, 14, 'concerns.2.actions', 'concern 2, actions', 'found an empty list, but it must list at least one action')],
  },
  // YAML syntax
  {
    name: 'malformed YAML: a field indented too little',
    files: editPlan(20, '  publisher:', ' publisher:'),
    expected: [inPlan(20, undefined, '', '', 'the YAML cannot be read: the indentation is wrong here')],
  },
  {
    name: 'malformed YAML: an unclosed quote',
    files: editPlan(5, 'HMP Chelmsford"', 'HMP Chelmsford'),
    expected: [inPlan(5, undefined, '', '', 'the YAML cannot be read: a quoted text is not closed')],
  },
  {
    name: 'malformed YAML: a tab used for indentation',
    files: editPlan(20, '  publisher:', '\tpublisher:'),
    expected: [inPlan(20, undefined, '', '', 'the YAML cannot be read: a tab is used for indentation: use spaces instead')],
  },
  {
    name: 'a field written twice in one block',
    files: editPlan(30, 'owner: Governor', 'owner: Governor\n        owner: Head of Safety'),
    expected: [inPlan(31, 9, '', '', 'the YAML cannot be read: this field is written twice in the same block')],
  },
  // Frontmatter and whole files
  {
    name: 'unclosed frontmatter',
    files: editPlan(44, '---', null),
    expected: [inPlan(1, 1, '', '', 'the frontmatter is not closed: add a line "---" after the last field')],
  },
  {
    name: 'missing frontmatter',
    files: editPlan(1, '---', null),
    expected: [inPlan(1, 1, '', '', 'the frontmatter is missing: the file must start with a line "---"')],
  },
  {
    name: 'frontmatter that is a list rather than fields',
    files: plan('---\n- id: chelmsford-2024\n---\n'),
    expected: [inPlan(2, 1, '', '', 'found a list, but it must be a block of fields (lines of "name: value")')],
  },
  {
    name: 'an empty plan file',
    files: plan(''),
    expected: [inPlan(1, 1, '', '', 'the file is empty: a plan file starts with a line "---"')],
  },
  {
    name: 'an empty themes file (plans are not also told their themes do not exist)',
    files: withFiles({ [T]: '\n' }),
    expected: [{ file: shown(T), line: 1, column: 1, path: '', place: '', message: 'the file is empty: it should hold YAML fields' }],
  },
  {
    name: 'a binary file',
    files: plan(`${PLAN.slice(0, 40)}\0\0\x01${PLAN.slice(40)}`),
    expected: [inPlan(1, 1, '', '', 'this is not a text file')],
  },
  // File locations and ids
  {
    name: 'a plan directly in plans/ (plans/foo.md)',
    files: withFiles({ [P]: undefined, 'plans/foo.md': PLAN }),
    expected: [{ file: 'content/plans/foo.md', line: 1, column: 1, path: '', place: '', message: 'this file is not where content is read from: plans go in plans/<establishment-id>/<plan-id>.md' }],
  },
  {
    name: 'a stray text file in a plan folder (plans/chelmsford/x.txt)',
    files: withFiles({ 'plans/chelmsford/x.txt': 'notes' }),
    expected: [{ file: 'content/plans/chelmsford/x.txt', line: 1, column: 1, path: '', place: '', message: 'this file is not where content is read from' }],
  },
  {
    name: 'a plan id that does not match its file name',
    files: editPlan(2, 'id: chelmsford-2024', 'id: chelmsford-2023'),
    expected: [inPlan(2, 5, 'id', 'id', 'the id "chelmsford-2023" does not match the file name "chelmsford-2024.md": rename the file to chelmsford-2023.md, or change the id')],
  },
  {
    name: 'a plan in the wrong establishment folder',
    files: withFiles({ [P]: undefined, 'plans/norwich/chelmsford-2024.md': PLAN }),
    expected: [{ file: 'content/plans/norwich/chelmsford-2024.md', line: 3, column: 16, path: 'establishment', place: 'establishment', message: 'this plan is for "chelmsford" but is in the folder plans/norwich/: move it to plans/chelmsford/' }],
  },
  {
    name: 'an establishment id that does not match its file name (its plans are not also told it does not exist)',
    files: withFiles({ [E]: edit(ESTABLISHMENT, 1, 'id: chelmsford', 'id: hmp-chelmsford') }),
    expected: [{ file: shown(E), line: 1, column: 5, path: 'id', place: 'id', message: 'the id "hmp-chelmsford" does not match the file name "chelmsford.yaml"' }],
  },
  {
    name: 'an id that is not a slug',
    files: withFiles({ [E]: edit(ESTABLISHMENT, 1, 'id: chelmsford', 'id: HMP Chelmsford') }),
    expected: [{ file: shown(E), line: 1, column: 5, path: 'id', place: 'id', message: 'found "HMP Chelmsford", but it must be an id made of lower-case letters, digits and single hyphens' }],
  },
  {
    name: 'a duplicate theme id in themes.yaml',
    files: withFiles({ [T]: `${THEMES}  - id: mental-health\n    label: Mental health again\n    description: Pasted twice.\n    area: respect\n` }),
    expected: [{ file: shown(T), line: 14, column: 9, path: 'themes.4.id', place: 'theme 4, id', message: 'the theme id "mental-health" is used twice (also theme 2): each id must be unique' }],
  },
  {
    name: 'a concern repeating a concern number the earlier plan does not have',
    files: withFiles({ [P]: repeating('chelmsford-2021', 5), [EARLIER_P]: EARLIER }),
    expected: [inPlan(30, 16, 'concerns.1.repeats.concern', 'concern 1, repeats, concern', 'the plan "chelmsford-2021" has no concern number 5: its numbers are 1, 2')],
  },
  {
    name: 'a concern repeating a later plan',
    files: withFiles({ [EARLIER_P]: edit(EARLIER, 27, 'themes: [self-harm, mental-health]', 'themes: [self-harm, mental-health]\n    repeats:\n      plan: chelmsford-2024\n      concern: 1') }),
    expected: [{ file: shown(EARLIER_P), line: 29, column: 13, path: 'concerns.1.repeats.plan', place: 'concern 1, repeats, plan', message: 'the plan "chelmsford-2024" is not from an earlier inspection than this one' }],
  },
  {
    name: "a concern repeating another establishment's plan",
    files: withFiles({
      [P]: repeating('norwich-2021', 1),
      'establishments/norwich.yaml': ESTABLISHMENT.replaceAll('chelmsford', 'norwich').replace('Chelmsford', 'Norwich'),
      'plans/norwich/norwich-2021.md': EARLIER.replaceAll('chelmsford', 'norwich'),
    }),
    expected: [inPlan(29, 13, 'concerns.1.repeats.plan', 'concern 1, repeats, plan', 'the plan "norwich-2021" is for "norwich", not "chelmsford"')],
  },
  {
    name: 'an invalid area in themes.yaml (plans are not also told their themes do not exist)',
    files: withFiles({ [T]: edit(THEMES, 5, 'area: safety', 'area: safty') }),
    expected: [{ file: shown(T), line: 5, column: 11, path: 'themes.1.area', place: 'theme 1, area', message: 'found "safty", but it must be one of: safety, respect, purposeful-activity, rehabilitation-and-release-planning' }],
  },
];

function problemsOf(files: Files): Problem[] {
  const result = validate(files);
  if (result.ok) throw new Error('expected problems, but the content validated');
  return result.problems;
}

describe('the real content', () => {
  it('passes validation with 1 establishment, 1 plan and 15 concerns', () => {
    const result = loadContent(path.resolve('content'));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.site.establishments).toHaveLength(1);
    expect(result.site.plans).toHaveLength(1);
    expect(result.site.plans[0]!.concerns).toHaveLength(15);
  });
});

describe('the fixture set', () => {
  it('is valid before any change, so every problem below comes from its one change', () => {
    const result = validate(VALID);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.site.plans.map((p) => p.id)).toEqual(['chelmsford-2024']);
    expect(result.site.plans[0]!.actionCount).toBe(3);
  });
});

describe('one mistake, one clear problem', () => {
  it('covers at least 24 broken inputs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(24);
  });

  it.each(CASES)('$name', ({ files, expected }) => {
    const problems = problemsOf(files);
    expect(problems).toEqual(
      expected.map((e) => ({
        file: e.file,
        line: e.line,
        column: e.column ?? expect.any(Number),
        path: e.path,
        place: e.place,
        message: expect.stringContaining(e.message),
      })),
    );
  });
});

describe('all problems at once', () => {
  it('lists every mistake across files, sorted by file then line', () => {
    let planText = PLAN;
    planText = edit(planText, 39, '- living-conditions', '- living-condition'); // unknown theme (needs themes.yaml)
    planText = edit(planText, 36, 'category: key', 'category: major');
    planText = edit(planText, 30, 'owner: Governor', null); // lines below move up by one from here
    planText = edit(planText, 19, 'https://assets', 'assets');
    planText = edit(planText, 13, '"2024-05-08"', '"2024-05-32"');
    planText = edit(planText, 3, 'establishment: chelmsford', 'establishment: chelmsfrod');
    const themesText = `${THEMES}  - id: self-harm\n    label: Self harm\n    description: Again.\n    area: safety\n`;

    const problems = problemsOf(withFiles({ [P]: planText, [T]: themesText }));

    expect(problems.map((p) => [p.file, p.line, p.path])).toEqual([
      [shown(P), 3, 'establishment'],
      [shown(P), 13, 'reportPublished.date'],
      [shown(P), 19, 'provenance.url'],
      [shown(P), 29, 'concerns.1.actions.1.owner'],
      [shown(P), 35, 'concerns.2.category'],
      [shown(P), 38, 'concerns.2.themes.1'],
      [shown(T), 14, 'themes.4.id'],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('did you mean "chelmsford"?'),
      expect.stringContaining('must be a real date'),
      expect.stringContaining('must be a full web address'),
      expect.stringContaining('"owner" is missing'),
      expect.stringContaining('must be "priority" or "key"'),
      expect.stringContaining('did you mean "living-conditions"?'),
      expect.stringContaining('the theme id "self-harm" is used twice'),
    ]);
    const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    expect(problems).toEqual(sorted);
  });

  it('lists problems in three files in file order, whatever order the files come in', () => {
    const files: [string, string][] = [
      [P, edit(PLAN, 25, 'category: priority', 'category: urgent')],
      [T, edit(THEMES, 9, 'area: respect', 'area: respekt')],
      [E, edit(ESTABLISHMENT, 2, 'name:', 'nmae:')],
    ];
    const result = validateContent(files, 'content');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.file}:${p.line}  ${p.path}`)).toEqual([
      `${shown(E)}:1  name`, // "name" is missing: pointed at the block it belongs in
      `${shown(E)}:2  nmae`,
      `${shown(P)}:25  concerns.1.category`,
      `${shown(T)}:9  themes.2.area`,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Robustness: hostile or unusual input never throws, and either validates or gives a clear problem.
// ---------------------------------------------------------------------------------------------------

const BILLION_LAUGHS = `id: chelmsford
name: &a HMP Chelmsford
l1: &l1 [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
l2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]
l3: &l3 [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]
l4: &l4 [*l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3]
l5: &l5 [*l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4]
l6: &l6 [*l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5]
l7: &l7 [*l6, *l6, *l6, *l6, *l6, *l6, *l6, *l6, *l6, *l6]
l8: &l8 [*l7, *l7, *l7, *l7, *l7, *l7, *l7, *l7, *l7, *l7]
l9: &l9 [*l8, *l8, *l8, *l8, *l8, *l8, *l8, *l8, *l8, *l8]
`;

describe('robustness', () => {
  it('stops a "billion laughs" alias bomb with a problem about aliases, quickly', () => {
    const started = Date.now();
    const problems = problemsOf(withFiles({ [E]: BILLION_LAUGHS }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(problems).toEqual([
      { file: shown(E), line: 1, column: 1, path: '', place: '', message: expect.stringContaining('too many aliases: write the values out') },
    ]);
  });

  it('accepts a harmless anchor and alias, reading the aliased value', () => {
    let text = edit(PLAN, 5, 'title: "Action', 'title: &title "Action');
    text = edit(text, 18, 'documentTitle: "Action Plan: HMP Chelmsford"', 'documentTitle: *title');
    const result = validate(plan(text));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.site.plans[0]!.provenance.documentTitle).toBe('Action Plan: HMP Chelmsford');
  });

  it('reports an alias to an anchor that does not exist', () => {
    const problems = problemsOf(editPlan(18, '"Action Plan: HMP Chelmsford"', '*nowhere'));
    expect(problems).toEqual([
      inPlan(18, 18, '', '', 'the YAML cannot be read: an alias (*name) refers to an anchor (&name) that does not exist'),
    ].map((e) => ({ ...e, message: expect.stringContaining(e.message) })));
  });

  it.each([
    ['!!js/function', 'title: !!js/function "function () { return process.exit(1) }"'],
    ['!!js/undefined', 'title: !!js/undefined ~'],
    ['!foo', 'title: !foo "Action Plan: HMP Chelmsford"'],
    ['!!binary', 'title: !!binary aGVsbG8='],
  ])('never runs or throws on a custom tag (%s): the value stays plain data or is reported', (_tag, line) => {
    const files = editPlan(5, 'title: "Action Plan: HMP Chelmsford"', line);
    let result: ReturnType<typeof validate> | undefined;
    expect(() => (result = validate(files))).not.toThrow();
    if (result!.ok) {
      // Whatever the tag, the title is inert text.
      expect(typeof result!.site.plans[0]!.title).toBe('string');
    } else {
      for (const problem of result!.problems) {
        expect(problem.file).toBe(shown(P));
        expect(problem.line).toBe(5);
        expect(problem.message.length).toBeGreaterThan(20);
      }
    }
  });

  it('validates a plan with very long text (a 2 MB action)', () => {
    const huge = 'The prison will improve. '.repeat(80_000).trim();
    const result = validate(editPlan(29, 'Screening for self-harm risk will be enhanced.', JSON.stringify(huge)));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.site.plans[0]!.concerns[0]!.actions[0]!.text).toBe(huge);
  });

  it('validates a plan with Windows line endings and a byte order mark', () => {
    const result = validate(plan(`\uFEFF${PLAN.replace(/\n/g, '\r\n')}`));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.site.plans[0]!.concerns).toHaveLength(2);
  });

  it.each(CASES)('never throws: $name', ({ files }) => {
    expect(() => validate(files)).not.toThrow();
    // The same mistake in a YAML plan or as a lone file still does not throw.
    for (const [rel, text] of Object.entries(files)) {
      expect(() => validateContent([[rel, text]], 'content')).not.toThrow();
      expect(() => validateContent([[rel.replace(/\.md$/, '.yaml'), text]], 'content')).not.toThrow();
    }
  });
});

describe('the output format', () => {
  it('is "path:line:column  place  message", one line per problem, counting from 1 as a reader does', () => {
    const [problem] = problemsOf(editPlan(25, 'category: priority', 'category: urgent'));
    expect(formatProblem(problem!)).toBe(
      'content/plans/chelmsford/chelmsford-2024.md:25:15  concern 1, category  found "urgent", but it must be "priority" or "key"',
    );
    expect(formatProblem(problem!)).not.toContain('\n');
  });

  it('names the whole file as "(file)" where a problem has no field', () => {
    const [problem] = problemsOf(plan(''));
    expect(formatProblem(problem!)).toMatch(/^content\/plans\/chelmsford\/chelmsford-2024\.md:1:1 {2}\(file\) {2}the file is empty/);
  });
});

// ---------------------------------------------------------------------------------------------------
// Unfinished work and mistakes that would silently change the words: each is refused with its exact
// message, and nothing of the content is published (no site is built from it).
// ---------------------------------------------------------------------------------------------------

/** The fixture plan with its transcription still "partial", so only the change itself is told. */
const PARTIAL = edit(PLAN, 22, 'transcription: complete', 'transcription: partial');

/** A plan in the older format, as `npm run new-plan` leaves it before its placeholders are replaced. */
const RECOMMENDATIONS = `---
id: chelmsford-2019
establishment: chelmsford
format: recommendations
title: "Action Plan: HMP Chelmsford"
inspection:
  asWritten: "4-8th March 2019"
  periods:
    - start: "2019-03-04"
      end: "2019-03-08"
reportPublished:
  date: "2019-07-01"
planSubmitted:
  date: "2019-08-01"
provenance:
  documentTitle: "Action Plan: HMP Chelmsford"
  publisher: HM Prison and Probation Service
  retrieved: "2024-07-01"
  transcription: partial
concerns:
  - number: 1
    category: Main recommendations
    text: >-
      Recommendation text, word for word from the plan.
    response:
      decision: agreed
      text: >-
        Response text, word for word from the plan.
    themes: [self-harm]
---
`;
const R = 'plans/chelmsford/chelmsford-2019.md';

interface Refused {
  name: string;
  files: Files;
  /** Every problem, whole: file, line, column, path, place and the exact message. */
  expected: Problem[];
}

const problem = (line: number, column: number, fieldPath: string, place: string, message: string, file = shown(P)): Problem => ({
  file,
  line,
  column,
  path: fieldPath,
  place,
  message,
});

const REFUSED: Refused[] = [
  // Every placeholder `npm run new-plan` writes
  {
    name: 'the concern text placeholder',
    files: plan(edit(PARTIAL, 26, 'The level of reported self-harm was very high.', 'Concern text, word for word from the plan.')),
    expected: [problem(26, 11, 'concerns.1.text', 'concern 1, text', '"Concern text, word for word from the plan." is a placeholder written by npm run new-plan: replace it with the concern\'s words, exactly as the plan writes them')],
  },
  {
    name: 'the action text placeholder',
    files: plan(edit(PARTIAL, 29, 'Screening for self-harm risk will be enhanced.', 'Action text, word for word from the plan.')),
    expected: [problem(29, 15, 'concerns.1.actions.1.text', 'concern 1, action 1, text', '"Action text, word for word from the plan." is a placeholder written by npm run new-plan: replace it with the action\'s words, exactly as the plan writes them')],
  },
  {
    name: 'the owner placeholder',
    files: plan(edit(PARTIAL, 30, 'owner: Governor', 'owner: Owner as written in the plan')),
    expected: [problem(30, 16, 'concerns.1.actions.1.owner', 'concern 1, action 1, owner', '"Owner as written in the plan" is a placeholder written by npm run new-plan: replace it with the owner exactly as the plan writes it, or null where the plan names none')],
  },
  {
    name: 'the target placeholder',
    files: plan(edit(PARTIAL, 31, 'target: July 2024', 'target: Target date as written in the plan')),
    expected: [problem(31, 17, 'concerns.1.actions.1.target', 'concern 1, action 1, target', '"Target date as written in the plan" is a placeholder written by npm run new-plan: replace it with the target date exactly as the plan writes it, or null where the plan gives none')],
  },
  {
    name: 'the introduction placeholder',
    files: plan(edit(PARTIAL, 45, 'An introduction written by HMPPS.', 'Introduction, word for word from the plan: the text before its table of concerns.')),
    expected: [problem(45, 1, '', 'introduction', '"Introduction, word for word from the plan: the text before its table of concerns." is a placeholder written by npm run new-plan: replace it with the plan\'s introduction, word for word, or delete it if the plan has none')],
  },
  {
    name: 'the recommendation and response placeholders',
    files: withFiles({ [R]: RECOMMENDATIONS }),
    expected: [
      problem(23, 11, 'concerns.1.text', 'recommendation 1, text', '"Recommendation text, word for word from the plan." is a placeholder written by npm run new-plan: replace it with the recommendation\'s words, exactly as the plan writes them', shown(R)),
      problem(27, 13, 'concerns.1.response.text', 'recommendation 1, response, text', '"Response text, word for word from the plan." is a placeholder written by npm run new-plan: replace it with the response\'s words, exactly as the plan writes them', shown(R)),
    ],
  },
  {
    name: 'a placeholder in a plan marked complete',
    files: editPlan(30, 'owner: Governor', 'owner: Owner as written in the plan'),
    expected: [
      problem(22, 18, 'provenance.transcription', 'provenance, transcription', 'the transcription is marked "complete", but the file still has 1 placeholder: finish it, or write "partial" until it is done'),
      problem(30, 16, 'concerns.1.actions.1.owner', 'concern 1, action 1, owner', '"Owner as written in the plan" is a placeholder written by npm run new-plan: replace it with the owner exactly as the plan writes it, or null where the plan names none'),
    ],
  },
  // A leftover # CHECK: comment
  {
    name: 'a leftover "# CHECK:" comment, in a plan marked complete',
    files: editPlan(30, '        owner: Governor', '        # CHECK: the owner runs over the page break.\n        owner: Governor'),
    expected: [
      problem(22, 18, 'provenance.transcription', 'provenance, transcription', 'the transcription is marked "complete", but the file still has 1 "# CHECK:" comment: finish it, or write "partial" until it is done'),
      problem(30, 9, '', 'comment', 'a "# CHECK:" comment is still here ("the owner runs over the page break."): check the line below it against the plan, correct it if needed, then delete the comment'),
    ],
  },
  {
    name: 'a "# CHECK:" comment at the end of a line, in an establishment',
    files: withFiles({ [E]: edit(ESTABLISHMENT, 3, 'type: Category B local', 'type: Category B local # CHECK: the type on the HMIP page') }),
    expected: [problem(3, 24, '', 'comment', 'a "# CHECK:" comment is still here ("the type on the HMIP page"): check the line below it against the plan, correct it if needed, then delete the comment', shown(E))],
  },
  // What YAML reads without complaint, but not as the editor meant
  {
    name: 'an owner line indented into the folded text above it',
    files: plan(replaceLines(PLAN, 29, 30, '- text: Screening', '      - text: >-\n          Screening for self-harm risk will be enhanced.\n          owner: Governor')),
    expected: [problem(31, 11, 'concerns.1.actions.1.text', 'concern 1, action 1, text', 'the line "owner: Governor" is read as part of the text above it, because it is indented further than that text\'s field name: if it is the "owner" field, line it up with the field names above it; if it really is part of the text, put the whole text in double quotes')],
  },
  {
    name: 'an owner line indented one step too far under a plain text',
    files: editPlan(30, '        owner: Governor', '          owner: Governor'),
    expected: [problem(30, 11, '', '', 'the YAML cannot be read: the line "owner: Governor" is read as part of the text above it, because it is indented further than that text\'s field name: if it is the "owner" field, line it up with the field names above it; if it really is part of the text, put the whole text in double quotes. Fix this first: it can hide other mistakes below it')],
  },
  {
    name: 'an empty owner',
    files: editPlan(30, 'owner: Governor', 'owner:'),
    expected: [problem(30, 9, 'concerns.1.actions.1.owner', 'concern 1, action 1, owner', '"owner" is empty: write the owner exactly as the plan writes it, or "owner: null" where the plan names no owner')],
  },
  {
    name: 'an empty target',
    files: editPlan(31, 'target: July 2024', 'target:'),
    expected: [problem(31, 9, 'concerns.1.actions.1.target', 'concern 1, action 1, target', '"target" is empty: write the target date exactly as the plan writes it, or "target: null" where the plan gives no target date')],
  },
  {
    name: 'a value with ": " in it',
    files: editPlan(30, 'owner: Governor', 'owner: Governor: Safer Custody'),
    expected: [problem(30, 16, '', '', 'the YAML cannot be read: the value of "owner" holds ": ", which YAML reads as the start of another field: put the whole value in double quotes, for example owner: "Governor: Safer Custody". Fix this first: it can hide other mistakes below it')],
  },
  {
    name: "an action's target lined up with its concern",
    files: editPlan(43, '        target: Completed', '    target: Completed'),
    expected: [problem(43, 5, 'concerns.2.target', 'concern 2, target', '"target" is indented wrongly: it is a field of an action, not of the concern. Indent it further, to line up with "text:" and "owner:" of the action it belongs to')],
  },
  {
    name: "a concern's themes indented into its last action",
    files: plan(edit(edit(PLAN, 27, '    themes: [self-harm, mental-health]', null), 33, '        target: August 2024 (For bid process)', '        target: August 2024 (For bid process)\n        themes: [self-harm, mental-health]')),
    expected: [problem(34, 9, 'concerns.1.actions.2.themes', 'concern 1, action 2, themes', '"themes" is indented wrongly: it is a field of the concern, not of an action. Indent it less, to line up with "number:" and "category:" of the concern it belongs to')],
  },
];

describe('unfinished work and silent changes are refused, with the exact message, and nothing is published', () => {
  it.each(REFUSED)('$name', ({ files, expected }) => {
    const result = validate(files);
    expect(result.ok).toBe(false);
    expect('site' in result).toBe(false);
    if (!result.ok) expect(result.problems).toEqual(expected);
  });

  it('the build refuses what validate refuses: loading the content for a build gives no site', () => {
    const result = validateContent(Object.entries(editPlan(30, '        owner: Governor', '        # CHECK: owner\n        owner: Governor')), 'content', {});
    expect(result.ok).toBe(false);
  });
});

describe('--draft: unfinished work is allowed, as warnings', () => {
  it('a "# CHECK:" comment and a placeholder are warnings, and the content is used', () => {
    const files = plan(edit(edit(PARTIAL, 30, '        owner: Governor', '        # CHECK: the owner.\n        owner: Governor'), 27, 'themes: [self-harm, mental-health]', 'themes: [self-harm, mental-health]'));
    const result = validateContent(Object.entries(files), 'content', { draft: true });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.warnings.map(formatProblem)).toEqual([
      'content/plans/chelmsford/chelmsford-2024.md:30:9  comment  warning: a "# CHECK:" comment is still here ("the owner."): check the line below it against the plan, correct it if needed, then delete the comment',
    ]);
    expect(result.site.plans.map((p) => p.id)).toEqual(['chelmsford-2024']);
  });

  it('still refuses the mistakes that change the words', () => {
    const result = validateContent(Object.entries(editPlan(30, 'owner: Governor', 'owner:')), 'content', { draft: true });
    expect(result.ok).toBe(false);
  });
});

describe('places are counted from 1', () => {
  it.each([...CASES, ...REFUSED].map((c) => [c.name, c.files] as const))('no problem names a 0-based index: %s', (_name, files) => {
    const result = validate(files);
    for (const p of result.ok ? [] : result.problems) {
      expect(p.path).not.toMatch(/(^|\.)0(\.|$)/);
      expect(p.place).not.toMatch(/\b0\b/);
      expect(p.message).not.toMatch(/\b[a-z]+\.0\./);
    }
  });
});

describe('the content folder', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is ./content, or ACTION_PLANS_CONTENT when set, and ./content when that is set but empty', () => {
    vi.stubEnv('ACTION_PLANS_CONTENT', undefined);
    expect(contentDir()).toBe(path.resolve('content'));
    vi.stubEnv('ACTION_PLANS_CONTENT', 'tests/fixtures/progress-content');
    expect(contentDir()).toBe(path.resolve('tests/fixtures/progress-content'));
    vi.stubEnv('ACTION_PLANS_CONTENT', '');
    expect(contentDir()).toBe(path.resolve('content'));
  });
});
