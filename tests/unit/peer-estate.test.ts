/**
 * The benchmark's peer workload (src/bench/peer-estate.ts): copies of the real Chelmsford plan laid
 * out as ../shared/peer-eleventy/generate.mjs lays them out. Expectations come from the Chelmsford
 * content file and the peer's README: " k" after each concern, the prison renamed, 5 plans an
 * establishment, and each establishment's plans a year apart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { generatePeerEstate, PEER_PLAN, peerPlan, shiftYears } from '../../src/bench/peer-estate.ts';
import { ROOT } from '../support/build-site.ts';

const source = fs.readFileSync(PEER_PLAN, 'utf8');

describe('shiftYears', () => {
  it('moves every year in a date or target earlier, and nothing else', () => {
    expect(shiftYears('22nd January – 8th February 2024', 2)).toBe('22nd January – 8th February 2022');
    expect(shiftYears('2024-05-08', 1)).toBe('2023-05-08');
    expect(shiftYears('August 2024 (For bid process)', 4)).toBe('August 2020 (For bid process)');
    expect(shiftYears('Completed', 3)).toBe('Completed');
  });
});

describe('peerPlan', () => {
  it('gives plan 1 to establishment 1 with the source dates, and plan 7 to establishment 2, a year earlier', () => {
    expect(peerPlan(source, 1)).toMatchObject({ establishment: 1, id: 'example-1-2024' });
    expect(peerPlan(source, 5)).toMatchObject({ establishment: 1, id: 'example-1-2020' });
    expect(peerPlan(source, 7)).toMatchObject({ establishment: 2, id: 'example-2-2023' });
  });

  it('writes " k" after each concern and renames the prison, keeping the actions as written', () => {
    const { text } = peerPlan(source, 7);
    const copy = matter(text).data;
    const original = matter(source).data;
    expect(copy.establishment).toBe('example-2');
    expect(copy.title).toBe('Action Plan: HMP Example 2');
    expect(copy.inspection.periods).toEqual([{ start: '2023-01-22', end: '2023-02-08' }]);
    expect(copy.reportPublished).toEqual({ asWritten: '8th May 2023', date: '2023-05-08' });
    expect(copy.concerns).toHaveLength(15);
    expect(copy.concerns[0].text).toBe(
      'The level of reported self-harm was very high. Too many prisoners struggled to get help with their mental health. 7',
    );
    expect(copy.concerns[0].actions[0]).toEqual({ ...original.concerns[0].actions[0], target: 'July 2023' });
    // "HMP Chelmsford will review ..." names the prison in an action: renamed as the peer renames it.
    expect(copy.concerns[0].actions[2].text).toMatch(/^HMP Example 2 will review the effectiveness/);
    // Only the YAML comments (never published) still name the source.
    expect(JSON.stringify(copy)).not.toMatch(/Chelmsford/);
    expect(matter(text).content).not.toMatch(/Chelmsford/);
  });
});

describe('generatePeerEstate', () => {
  it("gives the copies the real site's themes and search vocabulary, so the build does the real site's work", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'peer-estate-'));
    try {
      generatePeerEstate({ plans: 6, out });
      for (const file of ['themes.yaml', 'vocabulary.yaml']) {
        expect(fs.readFileSync(path.join(out, file), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'content', file), 'utf8'));
      }
      expect(fs.readdirSync(path.join(out, 'plans'))).toEqual(['example-1', 'example-2']);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
