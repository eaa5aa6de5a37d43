/**
 * The JSON Schemas that editors' YAML tools use (src/content/json-schema.ts) agree with the Zod
 * schema that `npm run validate` and the build use: both accept the real content and a set of valid
 * variants, and both refuse every broken input that the schema alone can catch. (Checks across files,
 * such as unknown theme ids, duplicate numbers, dates out of order and file locations, are the
 * validator's alone: a JSON Schema sees one file at a time.)
 *
 * The JSON Schemas are checked with the small validator below. It knows exactly the keywords the
 * generated schemas use and throws on any other, so a new keyword can never be silently ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isRealDate } from '../../src/lib/dates.ts';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CONTENT_KINDS,
  contentJsonSchema,
  establishmentJsonSchema,
  jsonSchemaText,
  planJsonSchema,
  schemaFileName,
  schemaModeline,
  themesJsonSchema,
  type ContentKind,
  type JsonSchema,
} from '../../src/content/json-schema.ts';
import { readContentFiles } from '../../src/content/load.ts';
import { parseFile } from '../../src/content/parse-file.ts';
import { EstablishmentSchema, PlanSchema, ThemesFileSchema, VocabularyFileSchema } from '../../src/content/schema.ts';
import { FORMATS as PLAN_FORMATS, scaffoldPlan } from '../../src/scaffold/new-plan.ts';
import { FIXTURE_PLAN } from '../support/fixture-plan.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

// ---------------------------------------------------------------------------------------------------
// A small, strict JSON Schema (draft 7) validator
// ---------------------------------------------------------------------------------------------------

/** Keywords that describe rather than constrain. */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default', 'errorMessage', 'patternErrorMessage']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(type: string, value: unknown): boolean {
  const actual = jsonType(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

const FORMATS: Record<string, (text: string) => boolean> = {
  date: isRealDate,
  // RFC 3986: an absolute URI is a scheme, a colon and characters allowed in a URI.
  uri: (text) => /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}]*$/i.test(text),
};

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every way `value` breaks `schema`, as "path: what", or none. */
function jsonSchemaErrors(schema: JsonSchema, value: unknown, at = '(root)'): string[] {
  const errors: string[] = [];
  const fail = (what: string) => errors.push(`${at}: ${what}`);
  for (const [keyword, rule] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    switch (keyword) {
      case 'type': {
        const types = Array.isArray(rule) ? (rule as string[]) : [rule as string];
        if (!types.some((t) => typeMatches(t, value))) fail(`is ${jsonType(value)}, not ${types.join(' or ')}`);
        break;
      }
      case 'properties':
        if (isObject(value)) {
          for (const [key, sub] of Object.entries(rule as Record<string, JsonSchema>)) {
            if (key in value) errors.push(...jsonSchemaErrors(sub, value[key], `${at}.${key}`));
          }
        }
        break;
      case 'required':
        if (isObject(value)) for (const key of rule as string[]) if (!(key in value)) fail(`"${key}" is missing`);
        break;
      case 'additionalProperties':
        if (isObject(value)) {
          const known = new Set(Object.keys(schema.properties ?? {}));
          for (const key of Object.keys(value)) {
            if (known.has(key)) continue;
            if (rule === false) fail(`"${key}" is not allowed`);
            else if (isObject(rule)) errors.push(...jsonSchemaErrors(rule as JsonSchema, value[key], `${at}.${key}`));
          }
        }
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((item, i) => errors.push(...jsonSchemaErrors(rule as JsonSchema, item, `${at}.${i}`)));
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (rule as number)) fail(`has fewer than ${rule as number} items`);
        break;
      case 'minLength':
        if (typeof value === 'string' && [...value].length < (rule as number)) fail(`is shorter than ${rule as number}`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(rule as string, 'u').test(value)) fail(`does not match ${rule as string}`);
        break;
      case 'format': {
        const check = FORMATS[rule as string];
        if (!check) throw new Error(`The test's validator does not know the format "${rule as string}"`);
        if (typeof value === 'string' && !check(value)) fail(`is not a ${rule as string}`);
        break;
      }
      case 'enum':
        if (!(rule as unknown[]).some((option) => equal(option, value))) fail(`is not one of ${JSON.stringify(rule)}`);
        break;
      case 'const':
        if (!equal(rule, value)) fail(`is not ${JSON.stringify(rule)}`);
        break;
      case 'anyOf':
        if (!(rule as JsonSchema[]).some((sub) => jsonSchemaErrors(sub, value, at).length === 0)) fail('matches none of anyOf');
        break;
      case 'oneOf': {
        const matches = (rule as JsonSchema[]).filter((sub) => jsonSchemaErrors(sub, value, at).length === 0).length;
        if (matches !== 1) fail(`matches ${matches} of oneOf, not exactly 1`);
        break;
      }
      case 'allOf':
        for (const sub of rule as JsonSchema[]) errors.push(...jsonSchemaErrors(sub, value, at));
        break;
      case 'if':
        // Draft 7: `then` applies when the value matches `if`; `if` alone reports nothing.
        if (schema.then && jsonSchemaErrors(rule as JsonSchema, value, at).length === 0) errors.push(...jsonSchemaErrors(schema.then, value, at));
        break;
      case 'then':
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (rule as number)) fail(`is below ${rule as number}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (rule as number)) fail(`is above ${rule as number}`);
        break;
      case 'exclusiveMinimum':
        if (typeof value === 'number' && value <= (rule as number)) fail(`is not above ${rule as number}`);
        break;
      default:
        throw new Error(`The generated JSON Schema uses "${keyword}", which the test's validator does not know: teach it, so that it is checked`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------
// Both schemas on one file
// ---------------------------------------------------------------------------------------------------

const ZOD: Record<ContentKind, z.ZodType> = { plan: PlanSchema, establishment: EstablishmentSchema, themes: ThemesFileSchema, vocabulary: VocabularyFileSchema };
const FILES: Record<ContentKind, string> = {
  plan: 'content/plans/chelmsford/chelmsford-2024.md',
  establishment: 'content/establishments/chelmsford.yaml',
  themes: 'content/themes.yaml',
  vocabulary: 'content/vocabulary.yaml',
};

function kindOf(rel: string): ContentKind {
  if (rel === 'themes.yaml') return 'themes';
  if (rel === 'vocabulary.yaml') return 'vocabulary';
  if (rel.startsWith('establishments/')) return 'establishment';
  if (rel.startsWith('plans/')) return 'plan';
  throw new Error(`no schema for ${rel}`);
}

/** What each schema makes of a file's text: whether Zod accepts it, and the JSON Schema's errors. */
function judge(kind: ContentKind, text: string, file = FILES[kind]) {
  const parsed = parseFile(file, text);
  if (parsed.data === undefined) throw new Error(`${file} cannot be read as YAML: ${parsed.problems.map((p) => p.message).join('; ')}`);
  const zod = ZOD[kind].safeParse(parsed.data);
  const json = jsonSchemaErrors(contentJsonSchema(kind), parsed.data);
  return { zodOk: zod.success, zodIssues: zod.success ? [] : zod.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), jsonErrors: json };
}

// ---------------------------------------------------------------------------------------------------
// Fixtures: one valid file of each kind, and changes to them
// ---------------------------------------------------------------------------------------------------

// The shared fixture, with the schema line every content file starts with.
const PLAN = FIXTURE_PLAN.replace('---\n', '---\n# yaml-language-server: $schema=../../../schemas/plan.schema.json\n');

const RECOMMENDATIONS_PLAN = `---
id: chelmsford-2019
establishment: chelmsford
format: recommendations
title: "Action Plan: HMP Chelmsford"
inspection:
  asWritten: "24-25th February; 2-6th March 2019"
  periods:
    - start: "2019-02-24"
      end: "2019-02-25"
    - start: "2019-03-02"
      end: "2019-03-06"
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
    reference: S40
    text: Prisoners should be safe.
    response:
      decision: partly-agreed
      text: The prison will do what it can.
    themes: [self-harm]
---
`;

const ESTABLISHMENT = `# yaml-language-server: $schema=../../schemas/establishment.schema.json
id: chelmsford
name: HMP Chelmsford
type: Category B local
hmipUrl: https://www.justiceinspectorates.gov.uk/hmiprisons/inspections/hmp-chelmsford/
`;

const THEMES = `# yaml-language-server: $schema=../schemas/themes.schema.json
themes:
  - id: self-harm
    label: Self-harm
    description: Self-harm and suicide prevention.
    area: safety
  - id: living-conditions
    label: Living conditions
    description: Cells, showers, heating and repairs.
    area: respect
`;

const VOCABULARY = `# yaml-language-server: $schema=../schemas/vocabulary.schema.json
equivalents:
  - terms: [POM, Prison Offender Manager]
  - terms: [healthcare, health care]
`;
const FIXTURES: Record<ContentKind, string> = { plan: PLAN, establishment: ESTABLISHMENT, themes: THEMES, vocabulary: VOCABULARY };

/** The part of the plan schema that applies to a plan in the concerns format. */
const concernsFormat = () => planJsonSchema().allOf![0]!.then!;

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
function change(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`${JSON.stringify(from)} occurs ${count} times in the fixture, not once`);
  return text.replace(from, to);
}

interface Case {
  name: string;
  kind: ContentKind;
  text: string;
}

const planCase = (name: string, from: string, to: string): Case => ({ name, kind: 'plan', text: change(PLAN, from, to) });
const recommendationsCase = (name: string, from: string, to: string): Case => ({ name, kind: 'plan', text: change(RECOMMENDATIONS_PLAN, from, to) });
const establishmentCase = (name: string, from: string, to: string): Case => ({ name, kind: 'establishment', text: change(ESTABLISHMENT, from, to) });
const themesCase = (name: string, from: string, to: string): Case => ({ name, kind: 'themes', text: change(THEMES, from, to) });

const OWNER = '        owner: Governor\n';
const FIRST_ACTIONS = `    actions:
      - text: Screening for self-harm risk will be enhanced.
        owner: Governor
        target: July 2024
      - text: Safety officers will attend the induction wing.
        owner: Head of Safety
        target: August 2024 (For bid process)
`;

/** Inputs both schemas must accept: what an editor may validly write. */
const VALID: Case[] = [
  { name: 'the plan fixture (concerns format)', kind: 'plan', text: PLAN },
  { name: 'a plan in the recommendations format, with no actions', kind: 'plan', text: RECOMMENDATIONS_PLAN },
  { name: 'the establishment fixture', kind: 'establishment', text: ESTABLISHMENT },
  { name: 'the themes fixture', kind: 'themes', text: THEMES },
  planCase('an owner and a target of null', 'target: July 2024', 'target: null'),
  planCase('a status and a target month', 'target: July 2024\n', 'target: July 2024\n        targetMonth: "2024-07"\n        updates:\n          - date: "2024-09-01"\n            status: in-progress\n'),
  planCase(
    'a revised target with its reason',
    'target: July 2024\n',
    'target: July 2024\n        revisedTargets:\n          - date: "2024-07-20"\n            target: December 2024\n            reason: Started late.\n',
  ),
  planCase('dates without their written form, and a report address', 'reportPublished:\n  asWritten: "8th May 2024"\n', 'reportUrl: http://example.org/report.pdf\nreportPublished:\n'),
  planCase('text as a folded block with spaces around it', 'text: The level of reported self-harm was very high.', 'text: >\n      The level of reported self-harm was very high.\n'),
  planCase('notes and a provenance note', 'concerns:\n', 'notes:\n  - Published late.\nconcerns:\n'),
  planCase('no provenance address', '  url: https://assets.publishing.service.gov.uk/media/chelmsford-action-plan.pdf\n', ''),
  recommendationsCase('a recommendation with actions and no reference', '    reference: S40\n', '    actions:\n      - text: Do it.\n        owner: Governor\n        target: null\n'),
  establishmentCase('an establishment with only an id and a name', 'type: Category B local\nhmipUrl: https://www.justiceinspectorates.gov.uk/hmiprisons/inspections/hmp-chelmsford/\n', ''),
];

/** Broken inputs the schema alone can catch: both must refuse each. */
const BROKEN: Case[] = [
  // Missing fields
  planCase('a concern without its text', '    text: The level of reported self-harm was very high.\n', ''),
  planCase('an action without an owner line', OWNER, ''),
  planCase('a revised target without a reason', 'target: July 2024\n', 'target: July 2024\n        revisedTargets:\n          - date: "2024-07-20"\n            target: December 2024\n'),
  planCase('an update with an unknown status', 'target: July 2024\n', 'target: July 2024\n        updates:\n          - date: "2024-09-01"\n            status: done\n'),
  planCase('a status on the action itself', 'target: July 2024\n', 'target: July 2024\n        status: completed\n'),
  planCase('a plan without a title', 'title: "Action Plan: HMP Chelmsford"\n', ''),
  planCase('a plan without its format line', 'format: concerns\n', ''),
  planCase('provenance without its transcription', '  transcription: complete\n', ''),
  recommendationsCase('a recommendation without a response', '    response:\n      decision: partly-agreed\n      text: The prison will do what it can.\n', ''),
  establishmentCase('an establishment without a name', 'name: HMP Chelmsford\n', ''),
  themesCase('a theme without a label', '    label: Self-harm\n', ''),
  // Wrong types
  planCase('a number where text is expected (owner)', OWNER, '        owner: 42\n'),
  planCase('a number where text is expected (title)', 'title: "Action Plan: HMP Chelmsford"\n', 'title: 2024\n'),
  planCase('text where a list is expected (themes)', '[self-harm, mental-health]', 'self-harm'),
  planCase('a list where text is expected (owner)', OWNER, '        owner: [Governor, Head of Safety]\n'),
  planCase('a concern number that is not a whole number', 'number: 1\n', 'number: 1.5\n'),
  planCase('a concern number of 0', 'number: 1\n', 'number: 0\n'),
  planCase('true where text is expected (target)', 'target: July 2024', 'target: true'),
  // Empty text
  planCase('an owner left as empty text instead of null', OWNER, '        owner: ""\n'),
  planCase('an owner of only spaces', OWNER, '        owner: "   "\n'),
  planCase('a concern text of only a line break', 'text: The level of reported self-harm was very high.', 'text: "\\n"'),
  // Unknown fields
  planCase('a misspelt required field (ownr:)', OWNER, '        ownr: Governor\n'),
  planCase('a misspelt optional field at the top level (reportURL:)', 'provenance:\n', 'reportURL: https://example.org/report.pdf\nprovenance:\n'),
  establishmentCase('a misspelt field in an establishment (tpye:)', 'type:', 'tpye:'),
  themesCase('an unknown field in a theme', '    area: safety\n', '    area: safety\n    colour: red\n'),
  // Dates
  planCase('an impossible date (2024-02-30)', '"2024-02-08"', '"2024-02-30"'),
  planCase('a date written as 22/01/2024', '"2024-01-22"', '22/01/2024'),
  planCase('a 29th of February in a year that is not a leap year', '"2024-07-01"', '"2023-02-29"'),
  // Values from a fixed list
  planCase('an invalid category', 'category: priority', 'category: urgent'),
  planCase('an invalid status', 'target: July 2024\n', 'target: July 2024\n        status: done\n'),
  planCase('an invalid format value', 'format: concerns', 'format: concern'),
  planCase('a recommendations-format field in a concerns-format plan', 'format: concerns', 'format: recommendations'),
  planCase('an invalid transcription value', 'transcription: complete', 'transcription: done'),
  recommendationsCase('an invalid response', 'decision: partly-agreed', 'decision: yes'),
  planCase('a target month not written as YYYY-MM', 'target: July 2024\n', 'target: July 2024\n        targetMonth: 2024-7\n'),
  themesCase('an invalid area', 'area: safety', 'area: safty'),
  // Ids
  establishmentCase('an id that is not a slug', 'id: chelmsford', 'id: HMP Chelmsford'),
  planCase('a theme id with capitals', '[self-harm, mental-health]', '[Self-harm, mental-health]'),
  planCase('an id with a double hyphen', 'id: chelmsford-2024', 'id: chelmsford--2024'),
  // Web addresses
  planCase('a provenance address without https://', 'https://assets', 'assets'),
  planCase('a web address that is not http or https (ftp:)', 'https://assets', 'ftp://assets'),
  establishmentCase('an establishment address with spaces', 'https://www.justiceinspectorates.gov.uk/hmiprisons/inspections/hmp-chelmsford/', 'the inspectorate website'),
  // Empty lists
  planCase('an empty concerns list', PLAN.slice(PLAN.indexOf('concerns:'), PLAN.lastIndexOf('---')), 'concerns: []\n'),
  planCase('a concern with no actions', FIRST_ACTIONS, '    actions: []\n'),
  planCase('an inspection with no periods', '  periods:\n    - start: "2024-01-22"\n      end: "2024-02-08"\n', '  periods: []\n'),
  planCase('a concern with no themes', '[self-harm, mental-health]', '[]'),
  themesCase('a themes file with no themes', THEMES.slice(THEMES.indexOf('themes:')), 'themes: []\n'),
  // Whole files
  { name: 'frontmatter that is a list rather than fields', kind: 'plan', text: '---\n- id: chelmsford-2024\n---\n' },
  { name: 'an establishment file that is a single value', kind: 'establishment', text: 'HMP Chelmsford\n' },
];

// ---------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------

describe('the committed JSON Schemas (schemas/)', () => {
  it.each(CONTENT_KINDS)('schemas/%s.schema.json is up to date with the Zod schema (run `npm run json-schema` after changing it)', (kind) => {
    const committed = fs.readFileSync(path.join(ROOT, 'schemas', schemaFileName(kind)), 'utf8');
    expect(committed).toBe(jsonSchemaText(kind));
  });

  it('are draft 7 (the version VS Code\'s YAML extension supports), with an id and a title', () => {
    for (const schema of [planJsonSchema(), establishmentJsonSchema(), themesJsonSchema()]) {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.$id).toMatch(/^[a-z]+\.schema\.json$/);
      expect(schema.title).toBeTruthy();
    }
  });

  it('carry every field\'s description from the Zod schema, for hover help', () => {
    const concern = (concernsFormat().properties!.concerns!.items as JsonSchema).properties!;
    expect(concern.category!.description).toBe(PlanSchema.options[0].shape.concerns.element.shape.category.description);
    const action = (concern.actions!.items as JsonSchema).properties!;
    expect(action.owner!.description).toContain('never invent one');
    expect(establishmentJsonSchema().properties!.name!.description).toBe(EstablishmentSchema.shape.name.description);
  });

  it('carry the Zod schema\'s own error messages, which VS Code shows instead of its generic ones', () => {
    const concern = (concernsFormat().properties!.concerns!.items as JsonSchema).properties!;
    expect(concern.category!.errorMessage).toBe('must be "priority" or "key"');
    const retrieved = concernsFormat().properties!.provenance!.properties!.retrieved!;
    expect(retrieved.patternErrorMessage).toMatch(/^must be a real date written as YYYY-MM-DD/);
  });

  it('give a date and an id human words, never a regular expression, whether the value is mistyped or not text at all', () => {
    const plan = concernsFormat().properties!;
    for (const date of [plan.provenance!.properties!.retrieved!, (plan.inspection!.properties!.periods!.items as JsonSchema).properties!.start!]) {
      expect(date.patternErrorMessage).toBe('must be a real date written as YYYY-MM-DD, for example 2024-01-22');
      expect(date.errorMessage).toBe('must be a real date written as YYYY-MM-DD, for example 2024-01-22');
    }
    for (const id of [plan.id!, plan.establishment!, establishmentJsonSchema().properties!.id!]) {
      expect(id.patternErrorMessage).toBe('must be an id made of lower-case letters, digits and single hyphens, for example "hmp-chelmsford"');
      expect(id.errorMessage).toBe('must be an id made of lower-case letters, digits and single hyphens, for example "hmp-chelmsford"');
    }
  });

  it.each(CONTENT_KINDS)('%s: every pattern has words for the editor, and so does every text, number and list of values', (kind) => {
    const bare: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${at}/${i}`));
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
      const schema = node as JsonSchema;
      if (schema.pattern && !schema.patternErrorMessage) bare.push(`${at}: a pattern without patternErrorMessage`);
      const typed = schema.type === 'string' || schema.type === 'integer' || schema.enum;
      if (typed && !schema.errorMessage && !at.includes('/if/')) bare.push(`${at}: no errorMessage`);
      for (const [key, value] of Object.entries(schema)) walk(value, `${at}/${key}`);
    };
    walk(contentJsonSchema(kind), '');
    expect(bare).toEqual([]);
  });
});

describe('the plan schema chooses the format by the "format" field, so an editor sees only the real mistake', () => {
  it('is not a oneOf (which would report the other format\'s complaints too), but an if/then on "format"', () => {
    const plan = planJsonSchema();
    expect(plan.oneOf).toBeUndefined();
    expect(plan.anyOf).toBeUndefined();
    expect(plan.required).toEqual(['format']);
    expect(plan.properties!.format!.enum).toEqual(['concerns', 'recommendations']);
    expect(plan.allOf!.map((branch) => branch.if)).toEqual([
      { properties: { format: { const: 'concerns' } }, required: ['format'] },
      { properties: { format: { const: 'recommendations' } }, required: ['format'] },
    ]);
  });

  it('a wrong category in a concerns plan: one error, on the category', () => {
    expect(judge('plan', change(PLAN, 'category: priority', 'category: urgent')).jsonErrors).toEqual([
      '(root).concerns.0.category: is not one of ["priority","key"]',
    ]);
  });

  it('a recommendation without its response: one error, on the recommendation', () => {
    const text = change(RECOMMENDATIONS_PLAN, '    response:\n      decision: partly-agreed\n      text: The prison will do what it can.\n', '');
    expect(judge('plan', text).jsonErrors).toEqual(['(root).concerns.0: "response" is missing']);
  });

  it('a misspelt format: one error, on the format, in the words of the validator', () => {
    expect(judge('plan', change(PLAN, 'format: concerns', 'format: concern')).jsonErrors).toEqual([
      '(root).format: is not one of ["concerns","recommendations"]',
    ]);
    expect(planJsonSchema().properties!.format!.errorMessage).toBe(
      'must say which format the plan is in: "concerns" (2022 onwards) or "recommendations" (older plans)',
    );
  });

  it('no format line: one error, that it is missing', () => {
    expect(judge('plan', change(PLAN, 'format: concerns\n', '')).jsonErrors).toEqual(['(root): "format" is missing']);
  });
});

describe('every content file points editors at its schema', () => {
  const content = path.join(ROOT, 'content');
  it.each(readContentFiles(content).map(([rel, text]) => [rel, text] as const))('content/%s', (rel, text) => {
    const kind = kindOf(rel);
    const lines = text.split(/\r?\n/);
    const firstYamlLine = rel.endsWith('.md') ? lines[1] : lines[0];
    if (rel.endsWith('.md')) expect(lines[0]).toBe('---');
    const modeline = schemaModeline(kind, `content/${rel}`);
    expect(firstYamlLine).toBe(modeline);
    // The relative path in it leads to the committed schema.
    const target = path.resolve(path.dirname(path.join(content, rel)), modeline.split('$schema=')[1]!);
    expect(target).toBe(path.join(ROOT, 'schemas', schemaFileName(kind)));
    expect(fs.existsSync(target)).toBe(true);
  });
});

describe('the JSON Schema and the Zod schema agree', () => {
  it.each(readContentFiles(path.join(ROOT, 'content')).map(([rel, text]) => [rel, text] as const))('on the real content: both accept content/%s', (rel, text) => {
    const result = judge(kindOf(rel), text, `content/${rel}`);
    expect(result.zodIssues).toEqual([]);
    expect(result.jsonErrors).toEqual([]);
  });

  // What `npm run new-plan` writes (computed here, not written): editors open these files first.
  const skeletons = PLAN_FORMATS.flatMap((format) =>
    scaffoldPlan(path.join(ROOT, 'content'), { establishment: 'wandsworth', name: 'HMP Wandsworth', inspection: '8 May 2024', format }).files.map(
      (file) => [`${file.rel} (${format})`, file.text, file.rel] as const,
    ),
  );
  it.each(skeletons)('both accept the new-plan skeleton %s', (_name, text, rel) => {
    const result = judge(kindOf(rel), text, `content/${rel}`);
    expect(result.zodIssues).toEqual([]);
    expect(result.jsonErrors).toEqual([]);
  });

  it.each(VALID)('both accept: $name', ({ kind, text }) => {
    const result = judge(kind, text);
    expect(result.zodIssues).toEqual([]);
    expect(result.jsonErrors).toEqual([]);
  });

  it('on at least 40 broken inputs', () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BROKEN)('both refuse: $name', ({ kind, text }) => {
    const result = judge(kind, text);
    expect(result.zodOk, 'Zod accepted it').toBe(false);
    expect(result.jsonErrors.length, `the JSON Schema accepted it, while Zod said: ${result.zodIssues.join('; ')}`).toBeGreaterThan(0);
  });
});

describe('the test\'s own validator', () => {
  it('refuses a keyword it does not know, so none is ever silently ignored', () => {
    expect(() => jsonSchemaErrors({ maxLength: 3 }, 'text')).toThrow(/does not know/);
  });

  it('finds what a JSON Schema validator should', () => {
    const schema: JsonSchema = { type: 'object', properties: { a: { type: 'integer', exclusiveMinimum: 0 } }, required: ['a'], additionalProperties: false };
    expect(jsonSchemaErrors(schema, { a: 1 })).toEqual([]);
    expect(jsonSchemaErrors(schema, { a: 0 })).toHaveLength(1);
    expect(jsonSchemaErrors(schema, { a: 1.5 })).toHaveLength(1);
    expect(jsonSchemaErrors(schema, {})).toHaveLength(1);
    expect(jsonSchemaErrors(schema, { a: 1, b: 2 })).toHaveLength(1);
    expect(jsonSchemaErrors({ oneOf: [{ type: 'string' }, { minLength: 1 }] }, 'x')).toHaveLength(1);
    expect(jsonSchemaErrors({ type: 'string', format: 'date' }, '2024-02-29')).toEqual([]);
    expect(jsonSchemaErrors({ type: 'string', format: 'date' }, '2023-02-29')).toHaveLength(1);
    const chosen: JsonSchema = { if: { properties: { a: { const: 1 } } }, then: { required: ['b'] } };
    expect(jsonSchemaErrors(chosen, { a: 1 })).toEqual(['(root): "b" is missing']);
    expect(jsonSchemaErrors(chosen, { a: 2 })).toEqual([]);
  });
});

describe('fixtures', () => {
  it('every fixture is valid as written, so each broken input fails because of its one change', () => {
    for (const kind of CONTENT_KINDS) expect(judge(kind, FIXTURES[kind]).zodIssues).toEqual([]);
  });
});
