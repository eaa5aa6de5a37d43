/**
 * `--out content/plans/<establishment>/<id>.md` decides the draft's ids, because the validator
 * requires a plan file's place to match them; a cover that says otherwise is flagged, not obeyed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idsFromPath, importPlan } from '../../src/import/index.ts';
import { SOURCE_FILE } from '../support/source-plan.ts';

const KNOWN = [
  { id: 'chelmsford', name: 'HMP Chelmsford' },
  { id: 'exampleton', name: 'HMP Exampleton' },
];
const source = fs.readFileSync(SOURCE_FILE);
const run = (ids: { establishment: string; id: string }) => importPlan(source, { fileName: path.basename(SOURCE_FILE), retrieved: '2026-12-07', establishments: KNOWN, ids });

describe('ids from --out', () => {
  it('reads the establishment from the folder and the plan id from the file name', () => {
    expect(idsFromPath('content/plans/chelmsford/chelmsford-2024.md')).toEqual({ establishment: 'chelmsford', id: 'chelmsford-2024' });
    expect(idsFromPath('content/plans/chelmsford/')).toBeUndefined();
  });

  it('agreeing with the cover, adds no flag', async () => {
    const result = await run({ establishment: 'chelmsford', id: 'chelmsford-2024' });
    expect(result.plan).toMatchObject({ id: 'chelmsford-2024', establishment: 'chelmsford' });
    expect(result.checks.filter((c) => c.path[0] === 'id' || c.path[0] === 'establishment')).toEqual([]);
  });

  it('decides a plan id the cover disagrees with, and flags it on the id', async () => {
    const result = await run({ establishment: 'chelmsford', id: 'chelmsford-2023' });
    expect(result.plan.id).toBe('chelmsford-2023');
    expect(result.text).toMatch(/# CHECK: the cover's dates make the id chelmsford-2024 but --out names the file chelmsford-2023: the id follows --out; check the year\nid: chelmsford-2023\n/);
  });

  it('decides an establishment the cover disagrees with, and flags it on the establishment', async () => {
    const result = await run({ establishment: 'exampleton', id: 'exampleton-2024' });
    expect(result.plan).toMatchObject({ id: 'exampleton-2024', establishment: 'exampleton' });
    expect(result.checks.map((c) => [c.path.join('.'), c.message])).toContainEqual([
      'establishment',
      'the cover names "HMP Chelmsford" (chelmsford) but --out puts the plan under exampleton: the ids follow --out; check which establishment this plan is for',
    ]);
  });

  it('flags a folder with no establishment file', async () => {
    const result = await run({ establishment: 'nowhere', id: 'nowhere-2024' });
    expect(result.checks.map((c) => c.message)).toContain('there is no content/establishments/nowhere.yaml: add it, or import to the folder of the right establishment');
  });
});
