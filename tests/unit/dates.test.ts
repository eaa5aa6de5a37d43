/**
 * Dates as readers see them (GOV.UK style: "8 May 2024") and target dates as the site reads them
 * from the free text HMPPS writes ("August 2024 (For bid process)").
 */
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatMonth, isRealDate, parseTargetMonth, yearOf } from '../../src/lib/dates.ts';

describe('parseTargetMonth: the month a target date as written refers to', () => {
  it.each<[string | null | undefined, string | null]>([
    ['July 2024', '2024-07'],
    ['August 2024 (For bid process)', '2024-08'],
    ['Sept 2024', '2024-09'],
    ['Sep 2024', '2024-09'],
    ['End of March 2025', '2025-03'],
    ['end of december 2024', '2024-12'],
    ['Dec. 2024', '2024-12'],
    ['March, 2025', '2025-03'],
    ['31st January 2025', '2025-01'],
    ['03/2025', '2025-03'],
    ['3/2025', '2025-03'],
    ['12/2024', '2024-12'],
  ])('reads %j as %j', (target, month) => {
    expect(parseTargetMonth(target)).toBe(month);
  });

  it.each<[string | null | undefined]>([
    ['Completed'],
    [''],
    [null],
    [undefined],
    ['Ongoing'],
    ['May'], // a month with no year
    ['2024'], // a year with no month
    ['13/2025'], // no thirteenth month
    ['Summer 2024'], // a season is not a month
    ['Q3 2024'],
  ])('gives no month for %j rather than guessing one', (target) => {
    expect(parseTargetMonth(target)).toBeNull();
  });

  it('takes the first month where a target names two', () => {
    expect(parseTargetMonth('March 2025 – April 2025')).toBe('2025-03');
  });
});

describe('formatDate', () => {
  it.each([
    ['2024-05-08', '8 May 2024'],
    ['2024-01-22', '22 January 2024'],
    ['2024-12-31', '31 December 2024'],
    ['2024-02-29', '29 February 2024'],
  ])('shows %s as "%s", without a leading zero', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown);
  });

  it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/London'])('keeps the day in the %s time zone', (zone) => {
    const saved = process.env.TZ;
    process.env.TZ = zone;
    try {
      expect(formatDate('2024-01-01')).toBe('1 January 2024');
      expect(formatDate('2024-03-31')).toBe('31 March 2024');
      expect(formatDateRange('2024-10-27', '2024-10-27')).toBe('27 October 2024');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('formatMonth', () => {
  it.each([
    ['2024-07', 'July 2024'],
    ['2025-01', 'January 2025'],
    ['2024-12', 'December 2024'],
  ])('shows %s as "%s"', (month, shown) => {
    expect(formatMonth(month)).toBe(shown);
  });

  it('is the inverse of parseTargetMonth for a plain "Month YYYY" target', () => {
    for (const target of ['January 2024', 'June 2025', 'November 2026']) {
      expect(formatMonth(parseTargetMonth(target)!)).toBe(target);
    }
  });
});

describe('formatDateRange', () => {
  it('shows one date for a one-day inspection', () => {
    expect(formatDateRange('2024-01-22', '2024-01-22')).toBe('22 January 2024');
  });

  it('shares the month and year within a month', () => {
    expect(formatDateRange('2024-01-22', '2024-01-26')).toBe('22 to 26 January 2024');
  });

  it('shares the year within a year', () => {
    expect(formatDateRange('2024-01-22', '2024-02-08')).toBe('22 January to 8 February 2024');
  });

  it('writes both dates in full across years', () => {
    expect(formatDateRange('2023-12-30', '2024-01-02')).toBe('30 December 2023 to 2 January 2024');
  });

  it('does not share the month when only the month number matches in different years', () => {
    expect(formatDateRange('2023-05-01', '2024-05-03')).toBe('1 May 2023 to 3 May 2024');
  });
});

describe('yearOf', () => {
  it.each([
    ['2024-01-22', 2024],
    ['2019-12-31', 2019],
    ['2025-07', 2025],
  ])('%s is in %i', (iso, year) => {
    expect(yearOf(iso)).toBe(year);
  });
});

describe('isRealDate', () => {
  it.each(['2024-01-22', '2024-02-29', '2000-02-29', '1999-12-31', '0024-01-01'])('%s is a real date', (iso) => {
    expect(isRealDate(iso)).toBe(true);
  });

  it.each(['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-1-22', '22/01/2024', '2024-01-22T00:00', ''])(
    '"%s" is not',
    (text) => {
      expect(isRealDate(text)).toBe(false);
    },
  );
});
