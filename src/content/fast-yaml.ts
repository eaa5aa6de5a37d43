/**
 * Reads YAML about ten times faster than parse-file.ts's exact reading (js-yaml instead of the
 * `yaml` package's syntax tree), for content that has no problem, which is nearly all of it. It
 * reads plain values by the `yaml` package's YAML 1.2 core schema, so both give the same data, and
 * it gives no answer (undefined) wherever the two could differ or the exact reading would have
 * something to say: then the file is read the exact way, with positions for the messages.
 */
import jsyaml from 'js-yaml';
import { ITEM_FIELDS, NULLABLE_FIELDS } from './fields.ts';

/** A plain (unquoted) value read as the `yaml` package's core schema reads it (yaml/dist/schema/core). */
const plainValue = (name: string, read: (text: string) => unknown) =>
  new jsyaml.Type(`tag:yaml.org,2002:${name}`, {
    kind: 'scalar',
    resolve: (text: unknown) => typeof text === 'string' && read(text) !== undefined,
    construct: (text: string) => read(text),
  });

const CORE_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    plainValue('null', (text) => (/^(?:~|[Nn]ull|NULL)?$/.test(text) ? null : undefined)),
    plainValue('bool', (text) => (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text) ? text[0] === 't' || text[0] === 'T' : undefined)),
    plainValue('int', (text) => {
      if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
      if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
      if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
      return undefined;
    }),
    plainValue('float', (text) => {
      if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
        return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
      }
      if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
      return undefined;
    }),
  ],
});

/**
 * An alias (*name), a tag (!name or !!type), an explicit key (? key), a directive (%YAML) or a tab:
 * each read differently by the two readers, or allowed by js-yaml where the exact reading finds a mistake.
 */
const UNSHARED_SYNTAX = /(?:^|[\s[{,])(?:[*!][^\s,[\]{}]|\?(?:\s|$))|^%|\t/m;

/** A field of a concern or an action inside a text: a field line the exact reading may say was swallowed by the text above it. */
const FIELD_IN_TEXT = new RegExp(`(?:^|\\s)(?:${[...ITEM_FIELDS].join('|')}):(?:\\s|$)`);

/** A line that writes an owner or target as null explicitly ("owner: null"), as opposed to leaving it empty. */
const EXPLICIT_NULL = new RegExp(`^[ \\t]*(?:-[ \\t]+)?(?:${[...NULLABLE_FIELDS].join('|')})[ \\t]*:[ \\t]+(?:~|[Nn]ull|NULL)[ \\t]*(?:#.*)?$`, 'gm');

/**
 * The data of a YAML text, or undefined where the exact reading is needed: the text does not read,
 * or it uses syntax the two readers treat differently, or it has what the exact reading reports
 * though it reads (an empty owner or target, a field line read as part of a text).
 */
export function readYamlFast(text: string): unknown {
  if (UNSHARED_SYNTAX.test(text)) return undefined;
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  let nulls = 0;
  let doubt = false;
  const walk = (value: unknown, key?: string): void => {
    if (doubt) return;
    if (typeof value === 'string') doubt = FIELD_IN_TEXT.test(value);
    else if (value === null) {
      if (key !== undefined && NULLABLE_FIELDS.has(key)) nulls++;
    } else if (Array.isArray(value)) value.forEach((item) => walk(item));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(data);
  // Every null owner or target must be written as null: an empty one is a problem the exact reading tells.
  if (doubt || (nulls > 0 && nulls !== (text.match(EXPLICIT_NULL)?.length ?? 0))) return undefined;
  return data;
}
