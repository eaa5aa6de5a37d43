/**
 * The header row: the wordings real plans use are recognised, and a header that is still not an
 * action plan's is refused with the column at fault named.
 */
import { describe, expect, it } from 'vitest';
import { ImportError, importPlan } from '../../src/import/index.ts';
import { headerProblem, matchHeader } from '../../src/import/source.ts';

const COVER = 'Action Plan: HMP Testford\n\nAction Plan Submitted: 3rd March 2023\n\nA Response to the HMIP Inspection: 28th November – 2nd December 2022\n\nReport Published: 14th February 2023\n\nINTRODUCTION\n\nIntroduction.';
const withHeader = (header: string, ...rows: string[]) => `${COVER}\n\n${header}\n\tPriority concerns\t\t\t\n${rows.join('\n')}\n`;

describe('header wordings', () => {
  it.each([
    ['Concern number | Concern | Action | Responsible owner | Target date', 'concerns'],
    ['Concern No. | Concerns | Actions | Owner | Timescale', 'concerns'],
    ['1. Rec No | 2. Concerns | 3. Response Action Taken/Planned | 4. Responsible Owner | 5. Target Date', 'concerns'],
    ['No. | Issues identified | Action to be taken | Lead | By when', 'concerns'],
    ['Rec No | Recommendation | Agreed/Partly Agreed/Not Agreed | Response Action Taken/Planned | Responsible Owner | Target Date', 'recommendations'],
    ['Recommendation | Response | Owner | Deadline', 'recommendations'],
  ])('"%s" is the %s format', (header, format) => {
    expect(matchHeader(header.split(' | '))?.format).toBe(format);
  });

  it('imports a plan whose header reads "Concern number | Concern | Action | Responsible owner | Target date"', async () => {
    const text = withHeader('Concern number\tConcern\tAction\tResponsible owner\tTarget date', '1\tA concern.\t<p>An action.</p>\t<p>Governor</p>\t<p>May 2024</p>');
    const result = await importPlan(Buffer.from(text), { fileName: 'plan.txt', retrieved: '2025-01-01' });
    expect(result.plan.concerns[0]!.actions).toEqual([{ text: 'An action.', owner: 'Governor', target: 'May 2024' }]);
  });
});

describe('a header that is not an action plan’s', () => {
  it.each([
    ['Rec No | Concerns | Progress | Responsible Owner | Target Date', 'column 3, "Progress", is not a heading the importer recognises'],
    ['Rec No | Concerns | Action | Target Date', 'no column is for the owner ("Responsible Owner", "Owner")'],
    ['Rec No | Concerns | Action | Owner | Lead | Target Date', 'columns 4 and 5 both read as the owner ("Responsible Owner", "Owner")'],
  ])('"%s": %s', (header, problem) => {
    expect(headerProblem(header.split(' | '))).toBe(problem);
  });

  it('is refused in one line that names the column', async () => {
    const text = withHeader('Rec No\tConcerns\tProgress\tResponsible Owner\tTarget Date', '1\tA.\t<p>B.</p>\t<p>Governor</p>\t<p>May 2024</p>');
    const error = await importPlan(Buffer.from(text), { fileName: 'plan.txt' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/^the table's columns are not those of an action plan: found "Rec No \| Concerns \| Progress \| Responsible Owner \| Target Date"; column 3, "Progress", is not a heading the importer recognises; expected /);
  });
});

describe('the older format with a number column', () => {
  it('keeps each recommendation’s own number ("1.9", "S34") as its reference', async () => {
    const text = withHeader(
      'Rec No\tRecommendation\tAgreed/Partly Agreed/Not Agreed\tResponse Action Taken/Planned\tResponsible Owner\tTarget Date',
      '1.9\tThe prison should reduce violence.\tAgreed\t<p>A violence reduction strategy will be published.</p>\t<p>Governor</p>\t<p>May 2020</p>',
      'S34\tPrisoners should be able to shower daily.\tPartly Agreed\t<p>Showers will be refurbished.</p>\t<p>Head of Residence</p>\t<p>June 2020</p>',
    ).replace('\tPriority concerns\t\t\t\n', 'Main recommendations\n');
    const result = await importPlan(Buffer.from(text), { fileName: 'plan.txt', retrieved: '2025-01-01' });
    const concerns = result.plan.concerns as { number: number; reference?: string; text: string | null }[];
    expect(concerns.map((c) => [c.number, c.reference, c.text])).toEqual([
      [1, '1.9', 'The prison should reduce violence.'],
      [2, 'S34', 'Prisoners should be able to shower daily.'],
    ]);
    expect(result.checks.filter((c) => /whole number/.test(c.message))).toEqual([]);
  });
});
