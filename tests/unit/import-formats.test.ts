/**
 * The Chelmsford plan as editors receive it: a clean Word file, a messy one, and the PDF LibreOffice
 * makes of each (tests/fixtures/import/make-chelmsford.ts made them). Each import is compared field
 * by field with that file's truth, written by hand from the source: every difference must carry a
 * `# CHECK:` on its own action (or field), and the clean files import with no difference at all,
 * flagging only what the source itself leaves open: concern 10's fourth action names no owner.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/import/index.ts';
import type { Truth } from '../fixtures/import/make-chelmsford.ts';

const HERE = path.resolve(import.meta.dirname, '../fixtures/import/chelmsford');
const readMatter = (text: string) => matter(text, { engines: { yaml: (s: string) => YAML.parse(s) as object } });

/** Every field that differs, as a dotted path ("concerns.9.actions.3.owner"). */
function differences(a: unknown, b: unknown, at: string, out: string[]) {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) out.push(`${at}.length`);
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k, out);
  } else out.push(at);
}

/** A difference is flagged when a check sits on its own field or its own action; a missing or extra action, on the concern's actions. */
function flaggedBy(difference: string, checks: string[]): boolean {
  const own = /^(concerns\.\d+\.actions)\.(\d+|length)/.exec(difference);
  if (own && own[2] === 'length') return checks.includes(own[1]!);
  return checks.some((c) => (difference === c || difference.startsWith(`${c}.`)) && (!own || c.split('.').length >= 4));
}

async function load(file: string) {
  const truth = JSON.parse(fs.readFileSync(path.join(HERE, file.replace(/\.(docx|pdf)$/, '.truth.json')), 'utf8')) as Truth;
  const result = await importPlan(fs.readFileSync(path.join(HERE, file)), {
    fileName: file,
    retrieved: '2026-12-07',
    establishments: [{ id: 'chelmsford', name: 'HMP Chelmsford' }],
  });
  const draft = readMatter(result.text);
  const data = draft.data as Truth;
  const got = {
    title: data.title,
    inspection: data.inspection,
    reportPublished: data.reportPublished,
    planSubmitted: data.planSubmitted,
    introduction: draft.content.trim(),
    concerns: data.concerns.map((c) => ({ number: c.number, category: c.category, text: c.text, actions: c.actions.map(({ text, owner, target }) => ({ text, owner, target })) })),
  };
  const diffs: string[] = [];
  differences(got, truth, '', diffs);
  const checks = result.checks.map((c) => c.path.join('.'));
  return { result, diffs, checks, unflagged: diffs.filter((d) => !flaggedBy(d, checks)) };
}

describe.each(['chelmsford-clean.docx', 'chelmsford-clean.pdf'])('the clean plan, %s', async (file) => {
  const { diffs, result } = await load(file);

  it('imports every field exactly as the truth has it', () => {
    expect(diffs).toEqual([]);
  });

  it("flags only concern 10's fourth action, which names no owner", () => {
    expect(result.checks.map((c) => c.path.join('.'))).toEqual(['concerns.9.actions.3.owner']);
    expect(result.checks[0]!.message).toMatch(/4 actions but 3 owners/);
  });
});

describe.each(['chelmsford-messy.docx', 'chelmsford-messy.pdf'])('the messy plan, %s', async (file) => {
  const { unflagged, checks, result } = await load(file);

  it('flags every difference from the truth on its own action', () => {
    expect(unflagged).toEqual([]);
  });

  it('flags the targets whose month the site cannot read, on their own actions', () => {
    expect(checks).toContain('concerns.5.actions.1.target');
    expect(checks).toContain('concerns.10.actions.1.target');
    const q4 = result.checks.find((c) => c.path.join('.') === 'concerns.5.actions.1.target')!;
    expect(q4.message).toMatch(/"Q4 2024\/25".*targetMonth/);
  });

  it('flags the row whose joint owners are one value for two actions, on the action left without', () => {
    expect(checks).toContain('concerns.9.actions.3.owner');
  });

  it('drops the running header, the page footers and the repeated header row, and reports nothing as not imported', () => {
    expect(result.text).not.toMatch(/OFFICIAL|Page \d+ of \d+|Rec No|Response Action Taken/);
    expect(result.checks.filter((c) => c.path.length === 0)).toEqual([]);
  });

  it('splits and flags the actions run together in one paragraph (concerns 13 and 14)', () => {
    expect(checks).toContain('concerns.12.actions');
    expect(checks).toContain('concerns.13.actions');
  });
});
