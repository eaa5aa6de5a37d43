/**
 * Proves that content/plans/chelmsford/chelmsford-2024.md is a complete and exact transcription of the
 * published action plan it came from (tests/fixtures/source/chelmsford-2024.txt).
 *
 * The expected values are not written into this test: the source table is parsed here, at run time, and
 * every concern, action, owner and target date in it is compared with the content file. The parser is in
 * tests/support/source-plan.ts; see tests/fixtures/source/README.md for how the source is laid out.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { normalise, parseSource, sentences, SOURCE_FILE, withoutListMarkers } from '../support/source-plan.ts';

const CONTENT_FILE = path.resolve(import.meta.dirname, '../../content/plans/chelmsford/chelmsford-2024.md');

/** How many Markdown list items ("- ", "1. " at the start of a line) a text holds. */
function markdownListItems(markdown: string): number {
  return (markdown.match(/^\s*(?:-|\d+\.)\s+/gm) ?? []).length;
}

// ---------------------------------------------------------------------------------------------------
// The content file
// ---------------------------------------------------------------------------------------------------

interface ContentAction {
  text: string;
  owner: string | null;
  target: string | null;
}
interface ContentConcern {
  number: number;
  category: string;
  text: string;
  actions: ContentAction[];
}

const sourceText = fs.readFileSync(SOURCE_FILE, 'utf8');
const source = parseSource(sourceText);
const content = matter(fs.readFileSync(CONTENT_FILE, 'utf8'), {
  engines: { yaml: (s: string) => YAML.parse(s) as object },
});
const contentConcerns = content.data.concerns as ContentConcern[];

// ---------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------

describe('Chelmsford 2024 action plan transcription', () => {
  it('has all 15 concerns of the source, in order', () => {
    expect(source).toHaveLength(15);
    expect(contentConcerns.map((c) => c.number)).toEqual(source.map((c) => c.number));
  });

  it('publishes the source introduction word for word as the body', () => {
    const intro = /^INTRODUCTION\n+(.+)$/m.exec(sourceText)?.[1];
    expect(intro).toBeDefined();
    expect(normalise(content.content)).toBe(normalise(intro!));
  });

  it('writes the dates as the source does', () => {
    const data = content.data as {
      inspection: { asWritten: string };
      reportPublished: { asWritten: string };
      planSubmitted: { asWritten: string };
    };
    expect(sourceText).toContain(`Inspection: ${data.inspection.asWritten}`);
    expect(sourceText).toContain(`Report Published: ${data.reportPublished.asWritten}`);
    expect(sourceText).toContain(`Action Plan Submitted: ${data.planSubmitted.asWritten}`);
  });

  describe.each(source.map((c) => [c.number, c] as const))('concern %i', (number, expected) => {
    const concern = () => {
      const found = contentConcerns.find((c) => c.number === number);
      expect(found, `concern ${number} in the content file`).toBeDefined();
      return found!;
    };

    it('has the category of its section in the source', () => {
      expect(concern().category).toBe(expected.category);
    });

    it('has the concern text word for word, with page-break pieces joined', () => {
      expect(normalise(concern().text)).toBe(expected.text);
    });

    it('has one action per target date in the source', () => {
      expect(concern().actions).toHaveLength(expected.targets.length);
    });

    it('has every sentence of the source actions, in order, and nothing else', () => {
      // Lists are Markdown in the content and inline bullets/numbers in the source: compare without them.
      const actions = concern().actions.map((a) => withoutListMarkers(a.text)).join(' ');
      let from = 0;
      for (const sentence of sentences(expected.actionsText)) {
        const at = actions.indexOf(sentence, from);
        expect(at, `"${sentence}" (in order, after character ${from})`).toBeGreaterThanOrEqual(0);
        from = at + sentence.length;
      }
      expect(actions).toBe(expected.actionsText);
    });

    it('keeps the source\'s list items as Markdown list items', () => {
      const items = concern().actions.reduce((sum, a) => sum + markdownListItems(a.text), 0);
      expect(items).toBe(expected.listItems);
    });

    it('has the target dates of the source, in order', () => {
      expect(concern().actions.map((a) => a.target)).toEqual(expected.targets);
    });

    it('has the owners of the source, in order, and null where the source names none', () => {
      // Owners pair with actions by position, so an action beyond the last owner the source lists has none.
      const actionCount = concern().actions.length;
      expect(expected.owners.length).toBeLessThanOrEqual(actionCount);
      const padded = [...expected.owners, ...Array<null>(actionCount - expected.owners.length).fill(null)];
      expect(concern().actions.map((a) => a.owner)).toEqual(padded);
    });
  });
});
