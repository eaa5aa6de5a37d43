/**
 * The generated estate (scripts/generate-estate.ts): valid content in both plan formats, clearly
 * fictional, the same bytes for the same seed, and never written into the real content folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EstateError, generateEstate } from '../../scripts/generate-estate.ts';
import { README_MARKER, REAL_CONTENT } from '../../src/bench/estate.ts';
import { loadContent } from '../../src/content/load.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'generate-estate-test-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Every file below `dir` as relative path → text. */
function snapshot(dir: string): Map<string, string> {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  return new Map(files.map((f) => [f.split(path.sep).join('/'), fs.readFileSync(path.join(dir, f), 'utf8')]));
}

describe('generateEstate', () => {
  const out = path.join(work, 'seed-1');
  const summary = generateEstate({ plans: 12, seed: 1, out });
  const result = loadContent(out);
  const site = result.ok ? result.site : undefined;

  it('writes content that passes validation', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(site!.plans).toHaveLength(12);
    expect(summary).toMatchObject({ plans: 12, establishments: 3 });
  });

  it('has plans in both formats, with the shape of real plans', () => {
    const formats = new Set(site!.plans.map((p) => p.format));
    expect([...formats].sort()).toEqual(['concerns', 'recommendations']);
    for (const plan of site!.plans) {
      expect(plan.concerns.length).toBeGreaterThanOrEqual(10);
      expect(plan.concerns.length).toBeLessThanOrEqual(20);
      for (const concern of plan.concerns) {
        expect(concern.actions.length).toBeGreaterThanOrEqual(2);
        expect(concern.actions.length).toBeLessThanOrEqual(9);
        expect(concern.themes.length).toBeGreaterThanOrEqual(1);
        expect(concern.themes.length).toBeLessThanOrEqual(3);
      }
      if (plan.format === 'concerns') {
        expect(plan.concerns.slice(0, 6).every((c) => c.category === 'priority')).toBe(true);
        expect(plan.concerns.slice(6).every((c) => c.category === 'key')).toBe(true);
      } else {
        expect(plan.concerns.every((c) => c.response)).toBe(true);
      }
      expect(plan.year).toBeGreaterThanOrEqual(2016);
      expect(plan.year).toBeLessThanOrEqual(2025);
    }
    const actions = site!.plans.flatMap((p) => p.concerns.flatMap((c) => c.actions));
    expect(actions.some((a) => a.owner === null)).toBe(true);
    expect(actions.some((a) => a.status !== 'no-update')).toBe(true);
    expect(actions.filter((a) => a.status === 'no-update').length).toBeGreaterThan(actions.length / 2);
    expect(actions.some((a) => /^- /m.test(a.text))).toBe(true);
    expect(actions.some((a) => /^1\. /m.test(a.text))).toBe(true);
    expect(site!.plans.some((p) => p.concerns.some((c) => /self-harm/i.test(c.text)))).toBe(true);
  });

  it('carries progress of every kind the model holds, in realistic shares', () => {
    // A larger estate, so every kind appears whatever the draw: 40 plans, another seed.
    const dir = path.join(work, 'progress');
    const estate = generateEstate({ plans: 40, seed: 3, out: dir });
    const loaded = loadContent(dir);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    if (!loaded.ok) return;
    const plans = loaded.site.plans;
    const concerns = plans.flatMap((p) => p.concerns);
    const actions = concerns.flatMap((c) => c.actions);
    const share = (n: number, of: number) => n / of;

    // Updates: a minority of actions, some with a history of more than one, oldest first and dated.
    const updated = actions.filter((a) => a.updates.length > 0);
    expect(share(updated.length, actions.length)).toBeGreaterThan(0.1);
    expect(share(updated.length, actions.length)).toBeLessThan(0.5);
    expect(updated.some((a) => a.updates.length > 1)).toBe(true);
    expect(updated.some((a) => a.updates.some((u) => u.note))).toBe(true);
    expect(updated.some((a) => a.updates.some((u) => u.source?.startsWith('https://example.org/')))).toBe(true);
    for (const a of updated) expect(a.status).toBe(a.updates.at(-1)!.status);

    // Revised targets: a few actions, each later than the target it replaces, with a reason.
    const revised = actions.filter((a) => a.revisedTargets.length > 0);
    expect(share(revised.length, actions.length)).toBeGreaterThan(0.005);
    expect(share(revised.length, actions.length)).toBeLessThan(0.15);
    for (const a of revised) {
      for (const r of a.revisedTargets) {
        expect(r.reason).not.toBe('');
        expect(r.targetMonth! >= r.date.slice(0, 7)).toBe(true);
      }
    }

    // Reviews, repeats and change logs.
    expect(plans.some((p) => p.concerns.some((c) => c.reviews.length > 0))).toBe(true);
    expect(plans.filter((p) => p.concerns.some((c) => c.reviews.length > 0)).length).toBeLessThan(plans.length / 2);
    expect(concerns.some((c) => c.repeats)).toBe(true);
    expect(share(concerns.filter((c) => c.repeats).length, concerns.length)).toBeLessThan(0.2);
    for (const p of plans) expect(p.changes[0]?.note).toBe('First published.');
    expect(plans.some((p) => p.changes.length > 1)).toBe(true);

    expect(estate.progress.updates).toBe(actions.reduce((n, a) => n + a.updates.length, 0));
    expect(estate.progress.repeats).toBe(concerns.filter((c) => c.repeats).length);
  });

  it('is plainly fiction', () => {
    for (const establishment of site!.establishments) expect(establishment.name).toMatch(/^HMP Example /);
    for (const plan of site!.plans) {
      expect(plan.provenance.publisher).toBe('Generated test data');
      expect(plan.provenance.note).toMatch(/Fictional/);
    }
    expect(fs.readFileSync(path.join(out, 'README.md'), 'utf8')).toContain(README_MARKER);
    expect(fs.readFileSync(path.join(out, 'themes.yaml'), 'utf8')).toBe(fs.readFileSync(path.join(REAL_CONTENT, 'themes.yaml'), 'utf8'));
  });

  it('writes the same bytes for the same seed, and different ones for another seed', () => {
    const again = path.join(work, 'seed-1-again');
    const other = path.join(work, 'seed-2');
    generateEstate({ plans: 12, seed: 1, out: again });
    generateEstate({ plans: 12, seed: 2, out: other });
    expect(snapshot(again)).toEqual(snapshot(out));
    const plans = (m: Map<string, string>) => [...m].filter(([f]) => f.startsWith('plans/'));
    expect(plans(snapshot(other))).not.toEqual(plans(snapshot(out)));
  });

  it('overwrites a previous generated estate', () => {
    const dir = path.join(work, 'rewrite');
    generateEstate({ plans: 3, seed: 5, out: dir });
    generateEstate({ plans: 12, seed: 1, out: dir });
    expect(snapshot(dir)).toEqual(snapshot(out));
  });

  it('refuses a folder inside content/, and writes nothing there', () => {
    const inside = path.join(REAL_CONTENT, 'generated-estate-test');
    expect(() => generateEstate({ plans: 12, seed: 1, out: inside })).toThrow(EstateError);
    expect(() => generateEstate({ plans: 12, seed: 1, out: inside })).toThrow(/inside the real content folder/);
    expect(() => generateEstate({ plans: 12, seed: 1, out: REAL_CONTENT })).toThrow(/inside the real content folder/);
    expect(fs.existsSync(inside)).toBe(false);
  });

  it('refuses a folder that holds something else', () => {
    const dir = path.join(work, 'not-an-estate');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    expect(() => generateEstate({ plans: 12, seed: 1, out: dir })).toThrow(/not a generated estate/);
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']);
  });
});
