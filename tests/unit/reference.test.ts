import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentReference } from '../../src/content/reference.ts';
import { PlanSchema } from '../../src/content/schema.ts';

describe('the content format reference (docs/content-format.md)', () => {
  const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/content-format.md'), 'utf8');

  it('is up to date with the schema (run `npm run docs` after changing it)', () => {
    expect(committed).toBe(contentReference());
  });

  it('documents every field of a plan with its description', () => {
    for (const [field, schema] of Object.entries(PlanSchema.options[0].shape)) {
      expect(committed).toContain(`| \`${field}\` |`);
      if (schema.description) expect(committed).toContain(schema.description);
    }
  });

  it('says which action fields an editor must write and which may be left out', () => {
    expect(committed).toMatch(/\| `owner` \| text, or `null` \| required \|/);
    expect(committed).toMatch(/\| `status` \| one of `not-started`.* \| required \|/);
    expect(committed).toMatch(/\| `reason` \| text \| required \|/);
    expect(committed).toMatch(/\| `targetMonth` \| text \(YYYY-MM\) \| optional \|/);
  });
});
