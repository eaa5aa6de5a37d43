/**
 * JSON Schemas of the content files, generated from the Zod schema (src/content/schema.ts), never
 * written by hand. Editors' YAML tools (VS Code's YAML extension, through the
 * `# yaml-language-server: $schema=…` line at the top of each content file) read them to offer
 * completion, show each field's description and mark mistakes as they are typed.
 *
 * They are written to schemas/ by `npm run json-schema` (a test fails when those copies are out of
 * date) and published with the site at /schemas/<name>.schema.json.
 *
 * Zod checks a few things a plain JSON Schema conversion leaves out. Each is added here from the Zod
 * schema's own definition, so the two agree (tests/unit/json-schema.test.ts proves it):
 * - text that is trimmed before its length is checked (`.trim().min(1)`) must hold a character
 *   that is not white space, so "   " is refused as empty;
 * - a web address limited to some protocols (`z.url({ protocol })`) must start with one of them.
 * The Zod schema's error messages go into `errorMessage` and `patternErrorMessage`, which VS Code
 * shows in place of its generic ones ("Incorrect type. Expected string").
 */
import { z } from 'zod';
import { EstablishmentSchema, PlanSchema, ThemesFileSchema, VocabularyFileSchema } from './schema.ts';

/** The part of JSON Schema (draft 7) the content schemas use, plus VS Code's message keywords. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
  errorMessage?: string;
  patternErrorMessage?: string;
  [keyword: string]: unknown;
}

export type ContentKind = 'plan' | 'establishment' | 'themes' | 'vocabulary';

/** Where the schemas are kept: `schemas/` at the root of the project, and `/schemas/` on the site. */
export const SCHEMA_FOLDER = 'schemas';

export const schemaFileName = (kind: ContentKind) => `${kind}.schema.json`;

const SOURCES: Record<ContentKind, { schema: z.ZodType; title: string; description: string }> = {
  plan: {
    schema: PlanSchema,
    title: 'Action plan',
    description:
      'One HMPPS action plan: the YAML frontmatter of content/plans/<establishment-id>/<plan-id>.md. Generated from src/content/schema.ts: see docs/content-format.md.',
  },
  establishment: {
    schema: EstablishmentSchema,
    title: 'Establishment',
    description: 'One prison: content/establishments/<establishment-id>.yaml. Generated from src/content/schema.ts: see docs/content-format.md.',
  },
  themes: {
    schema: ThemesFileSchema,
    title: 'Themes',
    description: 'The editorial vocabulary of themes: content/themes.yaml. Generated from src/content/schema.ts: see docs/content-format.md.',
  },
  vocabulary: {
    schema: VocabularyFileSchema,
    title: 'Search vocabulary',
    description: 'Editorial: equivalent search terms, content/vocabulary.yaml. Generated from src/content/schema.ts: see docs/content-format.md.',
  },
};

/** A Zod error setting (`{ error: '...' }`) as the text it gives, where it is a fixed text. */
function messageOf(error: unknown): string | undefined {
  if (typeof error !== 'function') return undefined;
  try {
    const message: unknown = error({ code: 'custom', input: undefined, path: [] });
    const text = typeof message === 'string' ? message : (message as { message?: unknown } | undefined)?.message;
    return typeof text === 'string' && text && !text.startsWith('Invalid') ? text : undefined;
  } catch {
    return undefined;
  }
}

type CheckDef = { check?: string; format?: string; tx?: (value: string) => string; error?: unknown };
const defOf = (check: unknown): CheckDef => (check as { _zod: { def: CheckDef } })._zod.def;

/** Whether an overwrite check trims text (`.trim()`): it is told apart by what it does. */
function trims(check: CheckDef): boolean {
  if (check.check !== 'overwrite' || typeof check.tx !== 'function') return false;
  try {
    return check.tx(' \n x \t') === 'x';
  } catch {
    return false;
  }
}

function refine({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: unknown }): void {
  const json = jsonSchema as JsonSchema;
  const def = (zodSchema as { _zod: { def: Record<string, unknown> } })._zod.def;
  const typeMessage = messageOf(def.error);

  if (def.type === 'string') {
    const checks = ((def.checks as unknown[] | undefined) ?? []).map(defOf);
    if (typeMessage) json.errorMessage = typeMessage;

    const regex = checks.find((c) => c.check === 'string_format' && c.format === 'regex');
    const regexMessage = messageOf(regex?.error) ?? (def.format ? typeMessage : undefined);
    if (json.pattern && regexMessage) json.patternErrorMessage = regexMessage;
    // An id or a month that is not text at all (id: 2024) gets the same words, not "Incorrect type".
    if (json.pattern && regexMessage && !json.errorMessage) json.errorMessage = regexMessage;

    const trimIndex = checks.findIndex(trims);
    if (trimIndex !== -1) {
      const minLength = checks.slice(trimIndex + 1).find((c) => c.check === 'min_length');
      if (minLength && json.minLength !== undefined) {
        if (json.minLength !== 1 || json.pattern) {
          throw new Error('json-schema.ts: trimmed text with a minimum length other than 1, or with a pattern, needs its own rule here');
        }
        json.pattern = '\\S';
        const emptyMessage = messageOf(minLength.error);
        if (emptyMessage) json.patternErrorMessage = emptyMessage;
      }
    }

    if (def.format === 'url' && def.protocol instanceof RegExp) {
      if (json.pattern) throw new Error('json-schema.ts: a web address with a pattern of its own needs its own rule here');
      const protocols = def.protocol.source.replace(/^\^/, '').replace(/\$$/, '');
      json.pattern = `^(?:${protocols}):`;
      if (typeMessage) json.patternErrorMessage = typeMessage;
    }
  } else if ((def.type === 'enum' || def.type === 'number') && typeMessage) {
    json.errorMessage = typeMessage;
  }
}

/**
 * A plan is one of two formats. As a `oneOf`, an editor's YAML tools would check a plan against
 * both and show the other format's complaints beside the real one ("/format must be equal to
 * constant \"recommendations\""). Instead the `format` field chooses the one to check, with
 * `if`/`then` (which VS Code's YAML extension follows), and a wrong format is told once.
 */
function chooseByFormat(generated: JsonSchema, schema: z.ZodType): JsonSchema {
  const { oneOf, anyOf, ...rest } = generated;
  const branches = oneOf ?? anyOf;
  if (!branches) throw new Error('json-schema.ts: the plan schema is no longer a choice of formats; change chooseByFormat to match');
  const formats = branches.map((branch) => branch.properties?.format?.const);
  if (!formats.every((f): f is string => typeof f === 'string')) throw new Error('json-schema.ts: every plan format needs a constant "format" field');
  const union = (schema as unknown as { _zod: { def: { error?: (issue: { code: string }) => unknown } } })._zod.def;
  const message = union.error?.({ code: 'invalid_union' });
  return {
    ...rest,
    type: 'object',
    required: ['format'],
    properties: {
      format: {
        type: 'string',
        enum: formats,
        description: branches.map((branch) => branch.properties!.format!.description).join(' Or '),
        ...(typeof message === 'string' ? { errorMessage: message } : {}),
      },
    },
    allOf: branches.map((branch, i) => {
      const then = structuredClone(branch);
      if (typeof message === 'string') then.properties!.format!.errorMessage = message;
      return { if: { properties: { format: { const: formats[i] } }, required: ['format'] }, then };
    }),
  };
}

const cache = new Map<ContentKind, JsonSchema>();

/** The JSON Schema of one kind of content file. */
export function contentJsonSchema(kind: ContentKind): JsonSchema {
  const cached = cache.get(kind);
  if (cached) return structuredClone(cached);
  const { schema, title, description } = SOURCES[kind];
  const generated = z.toJSONSchema(schema, { io: 'input', target: 'draft-07', unrepresentable: 'throw', override: refine }) as JsonSchema;
  const { $schema, ...rest } = kind === 'plan' ? chooseByFormat(generated, schema) : generated;
  const result: JsonSchema = { $schema, $id: schemaFileName(kind), title, description, ...rest };
  cache.set(kind, result);
  return structuredClone(result);
}

export const planJsonSchema = () => contentJsonSchema('plan');
export const establishmentJsonSchema = () => contentJsonSchema('establishment');
export const themesJsonSchema = () => contentJsonSchema('themes');

export const CONTENT_KINDS: ContentKind[] = ['plan', 'establishment', 'themes', 'vocabulary'];

/** A schema as its file holds it: two-space JSON with a final newline. */
export function jsonSchemaText(kind: ContentKind): string {
  return `${JSON.stringify(contentJsonSchema(kind), null, 2)}\n`;
}

/**
 * The line that points an editor's YAML tools at the schema, from a content file at `file`
 * (relative to the project root, such as "content/plans/chelmsford/chelmsford-2024.md").
 * It is the first line of the YAML: the first line of a .yaml file, the line after a plan's "---".
 */
export function schemaModeline(kind: ContentKind, file: string): string {
  const depth = file.split('/').length - 1;
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}${SCHEMA_FOLDER}/${schemaFileName(kind)}`;
}
