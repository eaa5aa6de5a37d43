/**
 * Importing the published HMP Chelmsford plan (tests/fixtures/source/chelmsford-2024.txt) reproduces the
 * committed transcription content/plans/chelmsford/chelmsford-2024.md, field by field, apart from the
 * editorial fields (themes, statuses), the YAML comments, the provenance of the draft itself, and the
 * spots the importer flags for an editor. The flagged spots are exactly the ones the source leaves
 * open: concern 10's fourth action has no owner, and concerns 13 and 14 have no paragraph markup.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/load.ts';
import { importPlan } from '../../src/import/index.ts';
import { today } from '../../src/lib/dates.ts';
import { SOURCE_FILE } from '../support/source-plan.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONTENT_FILE = path.join(ROOT, 'content/plans/chelmsford/chelmsford-2024.md');
const ESTABLISHMENT_FILE = path.join(ROOT, 'content/establishments/chelmsford.yaml');
const THEMES_FILE = path.join(ROOT, 'content/themes.yaml');

const readMatter = (text: string) => matter(text, { engines: { yaml: (s: string) => YAML.parse(s) as object } });

interface Action {
  text: string;
  owner: string | null;
  target: string | null;
  status?: string;
}
interface Concern {
  number: number;
  category: string;
  text: string;
  themes: string[];
  actions: Action[];
}

const establishment = YAML.parse(fs.readFileSync(ESTABLISHMENT_FILE, 'utf8')) as { id: string; name: string };
const result = await importPlan(fs.readFileSync(SOURCE_FILE), {
  fileName: path.basename(SOURCE_FILE),
  establishments: [{ id: establishment.id, name: establishment.name }],
});
const draft = readMatter(result.text);
const committed = readMatter(fs.readFileSync(CONTENT_FILE, 'utf8'));
const draftConcerns = draft.data.concerns as Concern[];
const committedConcerns = committed.data.concerns as Concern[];

/** The flagged spots, as "concern N: what": the list an editor works through. */
const EXPECTED_FLAGS: [string, RegExp][] = [
  ['concerns.9.actions.3.owner', /4 actions but 3 owners; paired in order, this action has none/],
  ['concerns.12.actions', /one block of text with no paragraph markup; it was split at sentence boundaries into 2 to match the 2 owners\/target dates/],
  ['concerns.13.actions', /one block of text with no paragraph markup; it was split at sentence boundaries into 3 to match the 3 owners\/target dates/],
];

/** Every field that differs between the draft and the committed file, as a dotted path. */
function differences(a: unknown, b: unknown, at: string, out: string[]) {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k, out);
  } else out.push(at);
}

describe('importing the HMP Chelmsford source', () => {
  it('reads the plan-level fields the committed file has', () => {
    for (const field of ['id', 'establishment', 'format', 'title', 'inspection', 'reportPublished', 'planSubmitted'] as const) {
      expect(draft.data[field], field).toEqual(committed.data[field]);
    }
    expect(draft.data.provenance.documentTitle).toBe(committed.data.provenance.documentTitle);
    expect(draft.data.provenance.publisher).toBe(committed.data.provenance.publisher);
  });

  it('records today as the retrieval date and the transcription as partial, because spots are flagged', () => {
    expect(draft.data.provenance.retrieved).toBe(today());
    expect(draft.data.provenance.transcription).toBe('partial');
  });

  it('has every concern with its number, category and text word for word', () => {
    expect(draftConcerns.map((c) => c.number)).toEqual(committedConcerns.map((c) => c.number));
    draftConcerns.forEach((concern, i) => {
      const expected = committedConcerns[i]!;
      expect(concern.category, `concern ${concern.number}`).toBe(expected.category);
      expect(concern.text, `concern ${concern.number}`).toBe(expected.text);
    });
  });

  it('has every action with its text, owner and target as committed, or differs only where flagged', () => {
    const flagged = result.checks.map((c) => c.path.join('.'));
    const unflagged: string[] = [];
    draftConcerns.forEach((concern, i) => {
      const expected = committedConcerns[i]!;
      const diffs: string[] = [];
      differences(
        concern.actions.map((a) => ({ text: a.text, owner: a.owner, target: a.target })),
        expected.actions.map((a) => ({ text: a.text, owner: a.owner, target: a.target })),
        `concerns.${i}.actions`,
        diffs,
      );
      unflagged.push(...diffs.filter((d) => !flagged.some((f) => d === f || d.startsWith(`${f}.`))));
    });
    expect(unflagged).toEqual([]);
  });

  it('matches the committed judgement calls even at the flagged spots', () => {
    // Not required (a flagged spot may differ), but the importer's attempt is worth keeping honest.
    for (const n of [10, 13, 14]) {
      const i = n - 1;
      expect(draftConcerns[i]!.actions).toEqual(committedConcerns[i]!.actions.map(({ text, owner, target }) => ({ text, owner, target })));
    }
  });

  it('flags exactly the spots the source leaves open', () => {
    expect(result.checks.map((c) => c.path.join('.'))).toEqual(EXPECTED_FLAGS.map(([p]) => p));
    result.checks.forEach((check, i) => expect(check.message).toMatch(EXPECTED_FLAGS[i]![1]));
  });

  it('writes each flag as a "# CHECK:" comment on the line it reports, just above the field', () => {
    const lines = result.text.split('\n');
    for (const check of result.checks) {
      expect(lines[check.line - 1]).toMatch(/^\s*# CHECK: /);
      expect(lines[check.line - 1]).toContain(check.message);
    }
    const [owner, split13, split14] = result.checks;
    expect(lines[owner!.line]).toMatch(/^\s+owner: null$/);
    expect(lines[split13!.line]).toMatch(/^\s+actions:$/);
    expect(lines[split14!.line]).toMatch(/^\s+actions:$/);
  });

  it('leaves the editorial fields to the editor: no themes, no statuses', () => {
    for (const concern of draftConcerns) {
      expect(concern.themes).toEqual([]);
      for (const action of concern.actions) expect(action).not.toHaveProperty('status');
    }
    const reminders = result.text.split('\n').filter((l) => /^\s+themes: \[\] # CHECK: add themes/.test(l));
    expect(reminders).toHaveLength(draftConcerns.length);
  });

  it('publishes the introduction as the body', () => {
    expect(draft.content.trim()).toBe(committed.content.trim());
  });

  it('validates once the editor adds themes', () => {
    // The committed file's themes, one concern at a time, as an editor would add them.
    let themed = result.text;
    for (const concern of committedConcerns) {
      themed = themed.replace(/themes: \[\] # CHECK: add themes[^\n]*/, `themes: [${concern.themes.join(', ')}]`);
    }
    const files: [string, string][] = [
      ['themes.yaml', fs.readFileSync(THEMES_FILE, 'utf8')],
      ['establishments/chelmsford.yaml', fs.readFileSync(ESTABLISHMENT_FILE, 'utf8')],
      ['plans/chelmsford/chelmsford-2024.md', themed],
    ];
    // As a draft: its "# CHECK:" comments are still to resolve, which plain validation refuses.
    const loaded = validateContent(files, 'content', { draft: true });
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  it('is reminded of themes by validation until they are added', () => {
    const loaded = validateContent([
      ['themes.yaml', fs.readFileSync(THEMES_FILE, 'utf8')],
      ['establishments/chelmsford.yaml', fs.readFileSync(ESTABLISHMENT_FILE, 'utf8')],
      ['plans/chelmsford/chelmsford-2024.md', result.text],
    ]);
    expect(loaded.ok).toBe(false);
    const paths = loaded.ok ? [] : loaded.problems.map((p) => p.path).filter((p) => p !== '');
    expect(paths).toEqual(draftConcerns.map((_, i) => `concerns.${i + 1}.themes`));
  });
});
