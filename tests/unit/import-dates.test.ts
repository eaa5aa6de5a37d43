/**
 * The importer's cover dates (src/import/dates.ts): every style real plans use, the text as written
 * kept exactly, periods as ISO start/end, years inferred only where that is safe, and text that
 * cannot be read reported rather than guessed.
 */
import { describe, expect, it } from 'vitest';
import { parseCoverDate, parseInspectionDates } from '../../src/import/dates.ts';

describe('inspection dates', () => {
  it.each([
    ['22nd January – 8th February 2024', [['2024-01-22', '2024-02-08']]],
    ['23 April – 3 May 2019', [['2019-04-23', '2019-05-03']]],
    ['24-25th February; 2-6th March 2020', [['2020-02-24', '2020-02-25'], ['2020-03-02', '2020-03-06']]],
    // December is written without a year: it is the December before the January of 2019.
    ['17, 18 December & 7-11 January 2019', [['2018-12-17', '2018-12-18'], ['2019-01-07', '2019-01-11']]],
    ['12-22 November 2018', [['2018-11-12', '2018-11-22']]],
    ['10-21 February 2020', [['2020-02-10', '2020-02-21']]],
    ['05 November 2019', [['2019-11-05', '2019-11-05']]],
    ['22/05/2019', [['2019-05-22', '2019-05-22']]],
    ['22/05/2019 – 31/05/2019', [['2019-05-22', '2019-05-31']]],
    ['1st, 2nd and 3rd March 2021', [['2021-03-01', '2021-03-03']]],
    ['1, 3 March 2021', [['2021-03-01', '2021-03-01'], ['2021-03-03', '2021-03-03']]],
    ['Monday 22nd of January to Friday 2nd February 2024', [['2024-01-22', '2024-02-02']]],
    ['22 Jan. – 8 Feb. 2024', [['2024-01-22', '2024-02-08']]],
    ['28 Sept – 2 Oct 2020', [['2020-09-28', '2020-10-02']]],
    ['22 December 2023 – 5 January', [['2023-12-22', '2024-01-05']]],
    ['29 February – 1 March 2024', [['2024-02-29', '2024-03-01']]],
  ])('reads "%s"', (text, periods) => {
    const result = parseInspectionDates(text);
    expect(result).toEqual({ ok: true, asWritten: text, periods: periods.map(([start, end]) => ({ start, end })) });
  });

  it('keeps the text as written exactly, only making runs of white space single', () => {
    const result = parseInspectionDates('  22nd January  –\n8th February 2024 ');
    expect(result.asWritten).toBe('22nd January – 8th February 2024');
    expect(result.ok).toBe(true);
  });

  it('infers a missing year from the report\'s publication when it is close', () => {
    const result = parseInspectionDates('22nd January – 8th February', { notAfter: { date: '2024-05-08', what: "the report's publication" } });
    expect(result).toMatchObject({ ok: true, asWritten: '22nd January – 8th February', periods: [{ start: '2024-01-22', end: '2024-02-08' }] });
    expect(result.ok && result.yearFrom).toMatch(/2024/);
    expect(result.ok && result.doubt).toBeUndefined();
  });

  it('crosses a year end when inferring: November before a March report is the year before', () => {
    const result = parseInspectionDates('18-29 November', { notAfter: { date: '2024-03-12', what: "the report's publication" } });
    expect(result).toMatchObject({ ok: true, periods: [{ start: '2023-11-18', end: '2023-11-29' }] });
  });

  it('infers a year from a distant date only with a doubt for the editor', () => {
    const result = parseInspectionDates('2-6 March', { notAfter: { date: '2024-12-20', what: "the report's publication" } });
    expect(result).toMatchObject({ ok: true, periods: [{ start: '2024-03-02', end: '2024-03-06' }] });
    expect(result.ok && result.doubt).toMatch(/check the year/);
  });

  it('reports a missing year it has nothing to infer from, rather than guessing', () => {
    expect(parseInspectionDates('22nd January – 8th February')).toEqual({
      ok: false,
      asWritten: '22nd January – 8th February',
      problem: expect.stringMatching(/has no year/),
      yearMissing: true,
    });
  });

  it.each([
    ['soon', /"soon" is not a day, month or year/],
    ['28-3 March 2020', /which month day 28 is in/],
    ['30 February 2020', /not a real date/],
    ['March 2020', /without a day/],
    ['8-2 March 2020', /which month day 8 is in/],
    ['5 March 2020 – 1 March 2020', /is before/],
    ['10 March 2020; 2 March 2020', /not in order/],
    ['1-2-3 March 2020', /more than two ends/],
    ['– 3 March 2020', /dash is not between two dates/],
    ['3 March 2020 –', /ends with a dash/],
    ['', /there is no date/],
  ])('does not read "%s"', (text, problem) => {
    const result = parseInspectionDates(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(problem);
  });
});

describe('single cover dates', () => {
  it.each([
    ['11th June 2024', '2024-06-11'],
    ['8th May 2024', '2024-05-08'],
    ['05 November 2019', '2019-11-05'],
    ['22/05/2019', '2019-05-22'],
    ['22/05/19', '2019-05-22'],
    ['1st April 2020', '2020-04-01'],
    ['2nd April 2020', '2020-04-02'],
    ['3rd April 2020', '2020-04-03'],
    ['26 th August 2020', '2020-08-26'],
    ['8 May, 2024', '2024-05-08'],
    ['8th May 2024.', '2024-05-08'],
    ['Wednesday 8 May 2024', '2024-05-08'],
    ['May 8th 2024', '2024-05-08'],
  ])('reads "%s"', (text, date) => {
    expect(parseCoverDate(text)).toEqual({ ok: true, asWritten: text, date });
  });

  it('infers a missing year from the end of the inspection', () => {
    const result = parseCoverDate('8th May', { notBefore: { date: '2024-02-08', what: 'the end of the inspection' } });
    expect(result).toMatchObject({ ok: true, asWritten: '8th May', date: '2024-05-08' });
    expect(result.ok && result.doubt).toBeUndefined();
  });

  it('infers the next year when the date would otherwise come before the inspection', () => {
    expect(parseCoverDate('14 January', { notBefore: { date: '2023-11-29', what: 'the end of the inspection' } })).toMatchObject({ ok: true, date: '2024-01-14' });
  });

  it('flags a year inferred from a distant date', () => {
    const result = parseCoverDate('1 January', { notBefore: { date: '2024-02-08', what: 'the end of the inspection' } });
    expect(result).toMatchObject({ ok: true, date: '2025-01-01' });
    expect(result.ok && result.doubt).toMatch(/check the year/);
  });

  it.each([
    ['8th May', /has no year/],
    ['13/13/2019', /not a real date/],
    ['8-9 May 2024', /more than one date/],
    ['TBC', /"tbc" is not a day/],
  ])('does not read "%s"', (text, problem) => {
    const result = parseCoverDate(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(problem);
  });
});
