/**
 * Reads YAML several times faster than parse-file.ts's exact reading (js-yaml instead of the
 * `yaml` package's syntax tree; figures in docs/performance.md), for content that has no problem,
 * which is nearly all of it. It reads plain values by the `yaml` package's YAML 1.2 core schema, so
 * both give the same data, and it gives no answer (undefined) wherever the two could differ or the
 * exact reading would have something to say: then the file is read the exact way, with positions
 * for the messages.
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
 * An alias (*name), a tag (!name or !!type), an explicit key (? key), a list or block as a key
 * ([a, b]: ...), a directive (%YAML), a tab or a byte order mark: each read differently by the two
 * readers, or allowed by js-yaml where the exact reading finds a mistake. An alias, a tag or a key
 * starts a value: at the start of a line, or after "key:", "- ", "? " or a bracket or comma (so
 * "**not begun**" is no alias).
 */
const UNSHARED_SYNTAX = /(?:\*(?=[^\s,[\]{}])|!|\?(?=\s|$))(?<=(?:^|[-:?[{,])[ ]*.)|[\]}](?=[ ]*:(?:\s|$))|^%|[\t\uFEFF]/m;

/** A field of a concern or an action inside a text: a field line the exact reading may say was swallowed by the text above it. */
const FIELD_IN_TEXT = new RegExp(`(?:^|\\s)(?:${[...ITEM_FIELDS].join('|')}):(?:\\s|$)`);

/** A key read as null: the exact reading names it "", js-yaml "null". */
const NULL_KEY = /^(?:~|[Nn]ull|NULL)?$/;

/** What comes before a value's first character: spaces, line breaks, comments and an anchor (&name). */
const BEFORE_VALUE = /(?:\s+|#[^\n]*|&\S+)*/y;

/** The first character of a quoted text or of a list or block written in brackets. */
const FLOW_START = new Set(['"', "'", '[', '{']);

/**
 * The data of a YAML text, or undefined where the exact reading is needed: the text does not read,
 * or it uses syntax the two readers treat differently, or it has what the exact reading reports
 * though it reads (an empty value, such as an empty owner, or a field line read as part of a text).
 */
export function readYamlFast(text: string): unknown {
  if (UNSHARED_SYNTAX.test(text)) return undefined;
  const opened: number[] = [];
  let acrossLines = false;
  let writtenNulls = 0;
  function listener(event: 'open' | 'close', state: { input: string; position: number; kind: string | null; result: unknown }) {
    if (event === 'open') {
      opened.push(state.position);
      return;
    }
    const { input, position } = state;
    const from = opened.pop()!;
    // "null" or "~" written out; an empty value is null too, but read from nothing (kind null).
    if (state.result === null && state.kind === 'scalar') writtenNulls++;
    // js-yaml reads a quoted text or a bracketed list that runs onto further lines even where those
    // lines are indented less than its field, which the exact reading refuses: leave any to it.
    // Most values end on the line they start on; only a value that does not needs a closer look.
    const lineEnd = input.indexOf('\n', from);
    if (acrossLines || lineEnd === -1 || lineEnd >= position) return;
    BEFORE_VALUE.lastIndex = from;
    BEFORE_VALUE.exec(input);
    const start = BEFORE_VALUE.lastIndex;
    if (FLOW_START.has(input.charAt(start)) && input.indexOf('\n', start) < position) acrossLines = true;
  }
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: CORE_SCHEMA, listener });
  } catch {
    return undefined;
  }
  let nulls = 0;
  let doubt = acrossLines;
  const walk = (value: unknown): void => {
    if (doubt) return;
    if (typeof value === 'string') doubt = value.includes(':') && FIELD_IN_TEXT.test(value);
    else if (value === null) nulls++;
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.length <= 4 && NULL_KEY.test(key)) doubt = true;
        walk(item);
      }
    }
  };
  walk(data);
  // A null in the data that was not written as "null" is an empty value (an empty "owner:", which
  // the exact reading tells the editor about, or "- " with nothing after it).
  return doubt || nulls !== writtenNulls ? undefined : data;
}
