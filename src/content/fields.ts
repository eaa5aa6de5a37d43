/**
 * Which fields belong to which block of a plan, read from the schema itself: so that a field an
 * editor indented one step too far or too little is told as "indented wrongly, it belongs to the
 * action", and a line inside a text that looks like one of these fields is caught.
 */
import type { z } from 'zod';
import { PlanSchema } from './schema.ts';

/** One kind of block in a plan: where it is (list items written as "#"), and its fields. */
export interface Block {
  /** Such as "concerns.#.actions.#"; "" for the plan itself. */
  pattern: string;
  fields: Set<string>;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function collect(schema: z.ZodType, pattern: string, blocks: Map<string, Set<string>>, nullable: Set<string>): void {
  const def = defOf(schema);
  if (def.type === 'nullable') nullable.add(pattern.split('.').pop()!);
  if (def.type === 'object') {
    const fields = blocks.get(pattern) ?? new Set<string>();
    blocks.set(pattern, fields);
    for (const [key, value] of Object.entries(def.shape!)) {
      fields.add(key);
      collect(value, pattern ? `${pattern}.${key}` : key, blocks, nullable);
    }
  } else if (def.type === 'array') collect(def.element!, `${pattern}.#`, blocks, nullable);
  else if (def.innerType) collect(def.innerType, pattern, blocks, nullable);
  else if (def.options) for (const option of def.options) collect(option, pattern, blocks, nullable);
}

const nullable = new Set<string>();

/** Every block of a plan (both formats together), from the outside in. */
export const PLAN_BLOCKS: Block[] = (() => {
  const blocks = new Map<string, Set<string>>();
  collect(PlanSchema, '', blocks, nullable);
  return [...blocks].map(([pattern, fields]) => ({ pattern, fields }));
})();

/**
 * Fields that may be `null` (an action's owner and target): YAML reads an empty `owner:` as null
 * too, so an empty one must be told rather than published as "the plan names none".
 */
export const NULLABLE_FIELDS: ReadonlySet<string> = nullable;

/** The pattern of a field path: ['concerns', 2, 'actions', 0] is "concerns.#.actions.#". */
export const patternOf = (path: readonly PropertyKey[]) => path.map((key) => (typeof key === 'number' ? '#' : String(key))).join('.');

/** The fields of an action and of a concern: the ones an editor writes line after line in a concern. */
export const ITEM_FIELDS: ReadonlySet<string> = new Set(
  PLAN_BLOCKS.filter((b) => b.pattern === 'concerns.#' || b.pattern === 'concerns.#.actions.#').flatMap((b) => [...b.fields]),
);

/** "an action" for "concerns.#.actions.#": how a block is named in a message. */
const BLOCK_NAMES: Record<string, string> = {
  '': 'the plan itself (written at the very start of the line)',
  inspection: '"inspection"',
  'inspection.periods.#': 'an inspection period',
  reportPublished: '"reportPublished"',
  planSubmitted: '"planSubmitted"',
  provenance: '"provenance"',
  'changes.#': 'a change log entry',
  'concerns.#': 'the concern',
  'concerns.#.response': 'the response',
  'concerns.#.actions.#': 'an action',
  'concerns.#.actions.#.updates.#': 'an update',
  'concerns.#.actions.#.revisedTargets.#': 'a revised target',
  'concerns.#.reviews.#': 'a review',
  'concerns.#.repeats': '"repeats"',
};

export function blockName(pattern: string, format?: unknown): string {
  const name = BLOCK_NAMES[pattern] ?? `"${pattern.split('.').filter((p) => p !== '#').pop()}"`;
  return format === 'recommendations' ? name.replace('the concern', 'the recommendation') : name;
}

/**
 * Where a field found in the wrong block belongs: the nearest block, above or below the one it is
 * in, that has a field of that name. Undefined for a field no nearby block has (a misspelling).
 */
export function rightBlockFor(field: string, blockPath: readonly PropertyKey[]): { pattern: string; deeper: boolean } | undefined {
  const here = patternOf(blockPath);
  // Blocks that hold this one (nearest first), then blocks inside it (nearest first).
  const above = PLAN_BLOCKS.filter((b) => b.pattern !== here && (b.pattern === '' || here.startsWith(`${b.pattern}.`))).reverse();
  const below = PLAN_BLOCKS.filter((b) => b.pattern.startsWith(here === '' ? '' : `${here}.`) && b.pattern !== here);
  const found = above.find((b) => b.fields.has(field)) ?? below.find((b) => b.fields.has(field));
  return found && { pattern: found.pattern, deeper: below.includes(found) };
}
