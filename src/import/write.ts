/**
 * The draft plan → the text of a content file: YAML frontmatter laid out like the hand-made
 * transcriptions (official text in block scalars, a blank line between concerns), then the
 * introduction. The `yaml` package's Document API writes it, so every value is quoted as YAML
 * needs, and each `# CHECK:` comment is placed on the node it is about: the field in doubt, or the
 * action, concern or plan when no single field is.
 */
import { Document, isMap, isScalar, isSeq, visit, type Node, type Pair } from 'yaml';
import type { Flag } from './errors.ts';
import type { DraftPlan } from './plan.ts';

export interface Check {
  /** 1-based line of the `# CHECK:` comment in the written file. */
  line: number;
  path: (string | number)[];
  message: string;
}

export interface Written {
  text: string;
  /** Every flag, where it was written: the editor's list of things to check. */
  checks: Check[];
}

export interface WriteOptions {
  /** The day the source was retrieved for transcription, YYYY-MM-DD. */
  retrieved: string;
  /** The source file's name, for the comment at the top of the draft. */
  sourceName: string;
  /**
   * The plan JSON Schema's path relative to the draft, for the `yaml-language-server` line every
   * content file starts with (editors get completion and checks from it; the tests require it).
   */
  schemaPath?: string;
}

export const THEMES_REMINDER = 'CHECK: add themes (ids from content/themes.yaml)';

/**
 * Text as a block scalar holds it: no white space at the ends of lines or of the text. The importer
 * makes no such text, but a block scalar cannot hold it, so it is never left to chance.
 */
function blockText<T extends string | null | undefined>(text: T): T {
  if (typeof text !== 'string') return text;
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim() as T;
}

/** The frontmatter as data: what the written YAML must read back as. */
export function draftData(plan: DraftPlan, retrieved: string): Record<string, unknown> {
  const dated = (d: { asWritten: string | null; date: string | null }) => ({ ...(d.asWritten !== null ? { asWritten: d.asWritten } : {}), date: d.date });
  return {
    id: plan.id,
    establishment: plan.establishment,
    format: plan.format,
    title: plan.title,
    inspection: { asWritten: plan.inspection.asWritten, periods: plan.inspection.periods.map((p) => ({ start: p.start, end: p.end })) },
    reportPublished: dated(plan.reportPublished),
    planSubmitted: dated(plan.planSubmitted),
    provenance: {
      documentTitle: plan.documentTitle,
      publisher: plan.publisher,
      retrieved,
      transcription: plan.flags.length === 0 ? 'complete' : 'partial',
    },
    concerns: plan.concerns.map((c) => {
      const actions = c.actions.map((a) => ({ text: blockText(a.text), owner: a.owner, target: a.target }));
      if ('response' in c) {
        return {
          number: c.number,
          category: c.category,
          ...(c.reference !== undefined ? { reference: c.reference } : {}),
          text: blockText(c.text),
          response: { decision: c.response.decision, ...(c.response.text !== undefined ? { text: blockText(c.response.text) } : {}) },
          themes: [],
          actions,
        };
      }
      return { number: c.number, category: c.category, text: blockText(c.text), themes: [], actions };
    }),
  };
}

/**
 * Marks each flag's comment until the text is written, to find the line it landed on: characters
 * from Unicode's private use area, which no official text uses (checked, so a marker never collides).
 */
const MARK = '\u{F0000}';
const marker = (i: number) => `${MARK}${i}${MARK}`;

/** The node a flag's comment goes on: its own field's key, or the nearest enclosing field or item. */
function commentTarget(doc: Document, path: (string | number)[]): { commentBefore?: string | null | undefined } {
  for (let n = path.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    const last = path[n - 1]!;
    if (isMap(parent)) {
      const pair = (parent.items as Pair[]).find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
      if (!pair) continue;
      // A comment before the key is written above the field's line; one before the value would split it.
      if (!isScalar(pair.key)) pair.key = doc.createNode(pair.key);
      return pair.key as Node;
    }
    if (isSeq(parent) && typeof last === 'number' && parent.items[last]) return parent.items[last] as Node;
  }
  return doc;
}

export function writeDraft(plan: DraftPlan, options: WriteOptions): Written {
  const data = draftData(plan, options.retrieved);
  if (JSON.stringify(data).includes(MARK)) throw new Error('the source holds a private-use character the importer uses to place its comments: remove it from the source and import again');
  const doc = new Document(data);
  // Dates in quotes, as the hand-made files write them: YAML 1.1 tools would read them as timestamps.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^\d{4}-\d{2}(?:-\d{2})?$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  // Official text in block scalars, as the hand-made files have it: folded, or literal where it holds lists.
  for (const [i, concern] of plan.concerns.entries()) {
    const blocks: (string | number)[][] = [['text'], ...concern.actions.map((_, j) => ['actions', j, 'text']), ...('response' in concern ? [['response', 'text']] : [])];
    for (const at of blocks) {
      const node = doc.getIn(['concerns', i, ...at], true);
      if (isScalar(node) && typeof node.value === 'string') node.type = node.value.includes('\n') ? 'BLOCK_LITERAL' : 'BLOCK_FOLDED';
    }
    const themes = doc.getIn(['concerns', i, 'themes'], true);
    if (isSeq(themes)) {
      themes.flow = true;
      themes.comment = ` ${THEMES_REMINDER}`;
    }
    // A blank line between concerns, as in the hand-made files, to make them easy to find.
    const item = doc.getIn(['concerns', i], true);
    if (i > 0 && isMap(item)) item.spaceBefore = true;
  }
  plan.flags.forEach((flag, i) => {
    // A comment is one line: a message quoting the source must not let the source's text out of it.
    const target = commentTarget(doc, flag.path);
    const line = ` ${marker(i)} ${flag.message.replace(/\s+/g, ' ').trim()}`;
    target.commentBefore = target.commentBefore ? `${target.commentBefore}\n${line}` : line;
  });
  const header = [
    ...(options.schemaPath ? [` yaml-language-server: $schema=${options.schemaPath}`] : []),
    ` Draft imported by \`npm run import\` from ${options.sourceName.replace(/\s+/g, ' ')} on ${options.retrieved}.`,
    ' Official text is word for word from the source; owners and target dates are paired with the actions table row by table row.',
    ' Before publishing: resolve every "# CHECK:" comment and delete it, add themes to every concern, set',
    ' provenance.transcription to complete once nothing is left to check, then run `npm run validate`.',
  ];
  if (doc.commentBefore) header.push(...doc.commentBefore.split('\n'));
  doc.commentBefore = header.join('\n');

  const lines = `---\n${doc.toString({ lineWidth: 0 })}---\n`.split('\n');
  const checks: Check[] = [];
  lines.forEach((text, n) => {
    const m = new RegExp(`^(\\s*)# ${MARK}(\\d+)${MARK} `).exec(text);
    if (!m) return;
    const flag = plan.flags[Number(m[2])]!;
    lines[n] = `${m[1]}# CHECK: ${text.slice(m[0].length)}`;
    checks.push({ line: n + 1, path: flag.path, message: text.slice(m[0].length) });
  });
  checks.sort((a, b) => a.line - b.line);
  const body = plan.introduction ? `${plan.introduction}\n` : '';
  return { text: `${lines.join('\n')}${body}`, checks };
}
