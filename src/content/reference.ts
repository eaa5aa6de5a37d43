/**
 * The editors' reference of every content field, written from the schema's own descriptions so it
 * cannot drift from what the validator enforces. `npm run docs` writes it to docs/content-format.md
 * and a test fails when the committed file is out of date.
 */
import { z } from 'zod';
import {
  ActionSchema,
  ChangeSchema,
  DatedSchema,
  RepeatsSchema,
  ReviewSchema,
  RevisedTargetSchema,
  UpdateSchema,
  EstablishmentSchema,
  InspectionSchema,
  PeriodSchema,
  ProvenanceSchema,
  ConcernSchema,
  RecommendationSchema,
  PlanSchema,
  ThemeSchema,
} from './schema.ts';

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
  default?: unknown;
};

const SLUG = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

/** Named blocks: where a field holds one of these, the table links to its own section. */
const BLOCKS: [string, z.ZodType][] = [
  ['Plan (concerns format)', PlanSchema.options[0]],
  ['Plan (recommendations format)', PlanSchema.options[1]],
  ['Inspection', InspectionSchema],
  ['Period', PeriodSchema],
  ['Date', DatedSchema],
  ['Provenance', ProvenanceSchema],
  ['Concern', ConcernSchema],
  ['Recommendation', RecommendationSchema],
  ['Response', RecommendationSchema.shape.response],
  ['Action', ActionSchema],
  ['Revised target', RevisedTargetSchema],
  ['Update', UpdateSchema],
  ['Review', ReviewSchema],
  ['Repeats', RepeatsSchema],
  ['Change', ChangeSchema],
  ['Establishment', EstablishmentSchema],
  ['Theme', ThemeSchema],
];

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
const anchor = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '');

/** Recognises a nested block by its set of field names. */
const blockNames = new Map(BLOCKS.map(([name, schema]) => [Object.keys(json(schema).properties ?? {}).join(','), name]));

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return `one of ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map(typeOf).join(', or ');
  if (s.type === 'null') return '`null`';
  if (s.type === 'array') return `list of ${s.items ? typeOf(s.items).replace(/ block$/, ' blocks') : 'values'}`;
  if (s.type === 'object') {
    const name = blockNames.get(Object.keys(s.properties ?? {}).join(','));
    return name ? `[${name}](#${anchor(name)}) block` : 'block';
  }
  if (s.type === 'integer') return 'whole number';
  if (s.format === 'date') return 'date (YYYY-MM-DD)';
  if (s.format === 'uri') return 'web address';
  if (s.pattern === SLUG) return 'id';
  if (s.pattern) return 'text (YYYY-MM)';
  return 'text';
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function contentReference(): string {
  const sections = BLOCKS.map(([name, schema]) => {
    const s = json(schema);
    const required = new Set(s.required ?? []);
    const rows = Object.entries(s.properties ?? {}).map(([field, f]) => {
      const need = required.has(field) && f.default === undefined ? 'required' : 'optional';
      return `| \`${field}\` | ${cell(typeOf(f))} | ${need} | ${cell(f.description ?? '')} |`;
    });
    return [`## ${name}`, '', '| Field | Type | | Meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
  });
  return [
    '# Content format',
    '',
    '<!-- Written by `npm run docs` from src/content/schema.ts: edit the schema\'s descriptions, not this file. -->',
    '',
    'Every content file is checked against these fields by `npm run validate` and by the build.',
    'Plans are `content/plans/<establishment-id>/<plan-id>.md`: the fields below go in the YAML frontmatter',
    'between two `---` lines, and the Markdown after it is the document\'s own introduction, word for word.',
    'Establishments are `content/establishments/<establishment-id>.yaml`; themes are listed in `content/themes.yaml`',
    'under `themes:`. A field marked optional may be left out; text fields hold Markdown where the meaning says so.',
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
}
