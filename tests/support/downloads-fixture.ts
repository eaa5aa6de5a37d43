/**
 * What tests/fixtures/downloads-content publishes as at 2025-06-30, worked out by hand from its plan
 * files: the feed's entries (newest first) and the sitemap's pages. The unit tests check the feed and
 * sitemap functions against it, and the build tests the built feed.xml and sitemap.xml.
 */

export const DOWNLOADS_CONTENT = 'tests/fixtures/downloads-content';
export const DOWNLOADS_AS_AT = '2025-06-30';

/** [date, title, path from the site's root] of each feed entry; nothing dated after the "as at" date. */
export const DOWNLOADS_FEED: [string, string, string][] = [
  ['2025-03-10', 'HMP Fairfield, 2024 plan: HMIP review of progress on 1 concern', '/plans/fairfield-2024/#concern-1'],
  ['2025-02-01', 'HMP Fairfield, 2024 plan: 2 actions updated', '/plans/fairfield-2024/#concern-1-action-1'],
  ['2025-02-01', 'HMP & YOI Rivermoor, 2023 plan: 1 action updated', '/plans/rivermoor-2023/#concern-1-action-1'],
  ['2024-10-01', 'HMP & YOI Rivermoor, 2023 plan: 1 action updated', '/plans/rivermoor-2023/#concern-1-action-2'],
  ['2024-09-20', 'HMP Fairfield, 2024 plan: 1 target date revised', '/plans/fairfield-2024/#concern-1-action-2'],
  ['2024-08-01', 'HMP Fairfield, 2024 plan: 1 action updated', '/plans/fairfield-2024/#concern-1-action-1'],
  ['2024-06-01', 'New action plan: HMP Fairfield, 2024 plan', '/plans/fairfield-2024/'],
  ['2023-09-01', 'New action plan: HMP & YOI Rivermoor, 2023 plan', '/plans/rivermoor-2023/'],
  ['2022-02-01', 'HMP Fairfield, 2021 plan: HMIP review of progress on 1 concern', '/plans/fairfield-2021/#concern-1'],
  ['2022-01-10', 'New action plan: HMP Fairfield, 2021 plan', '/plans/fairfield-2021/'],
  ['2021-12-15', 'HMP Fairfield, 2021 plan: 1 action updated', '/plans/fairfield-2021/#concern-1-action-1'],
];

/** Every page but the 404 page, in the order it is browsed. */
export const DOWNLOADS_PAGES = [
  '/',
  '/establishments/',
  // By name: "HMP & YOI Rivermoor" before "HMP Fairfield".
  '/establishments/rivermoor/',
  '/establishments/fairfield/',
  '/plans/fairfield-2024/',
  '/plans/rivermoor-2023/',
  '/plans/fairfield-2021/',
  '/themes/',
  '/themes/violence-reduction/',
  '/themes/living-conditions/',
  '/themes/education/',
  '/progress/',
  '/progress/themes/',
  '/search/',
  '/data/',
  '/about/',
  '/accessibility/',
];

/** The sitemap's date of some pages: the latest content each shows by the "as at" date (none for pages with no content). */
export const DOWNLOADS_LASTMOD: Record<string, string | undefined> = {
  // The review of 10 March 2025 is the latest thing by the "as at" date.
  '/': '2025-03-10',
  '/plans/fairfield-2024/': '2025-03-10',
  '/plans/rivermoor-2023/': '2025-02-01',
  // Its own latest date is the review of 2022, but fairfield-2024 (published 2024-06-01) repeats its concern 1.
  '/plans/fairfield-2021/': '2024-06-01',
  '/establishments/rivermoor/': '2025-02-01',
  '/establishments/fairfield/': '2025-03-10',
  '/themes/education/': '2025-03-10',
  '/data/': '2025-03-10',
  '/progress/': '2025-03-10',
  '/progress/themes/': '2025-03-10',
  '/search/': undefined,
  '/about/': undefined,
  '/accessibility/': undefined,
};
