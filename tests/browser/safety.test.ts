/**
 * The hostile fixture site (tests/fixtures/hostile-content), whose every text tries to run script
 * through `<script>`, `<img onerror>` and `javascript:` links: in the browser, nothing of it runs
 * and the plan page shows it as the text it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { builtSite, siteUrl } from '../support/built-sites.ts';
import { sitePages } from '../support/serve.ts';
import { actionCells, address, HOSTILE_PLAN_PATH, visit, type Visit } from './helpers.ts';

const hostileUrl = siteUrl('hostile');
const pages = sitePages(builtSite('hostile').dir);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page of the hostile site, with every dialog dismissed and recorded, and every console message kept. */
async function visitHostile(path: string): Promise<Visit & { dialogs: string[]; messages: string[] }> {
  const dialogs: string[] = [];
  const messages: string[] = [];
  const visited = await visit(browser, address(hostileUrl, path), {
    // Listening before the page loads, so what its own text might do while loading is caught too.
    beforeLoad: (page) => {
      page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('console', (message) => messages.push(message.text()));
    },
  });
  return { ...visited, dialogs, messages };
}

/** What the injected text would have left behind, had any of it been taken for HTML. */
function traces(page: Page) {
  return page.evaluate(() => ({
    injected: (window as { __injected?: unknown }).__injected,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes('__injected')).map((s) => s.outerHTML),
    onerror: [...document.querySelectorAll('[onerror]')].map((e) => e.outerHTML),
    javascriptLinks: [...document.querySelectorAll('a[href^="javascript:" i]')].map((e) => e.outerHTML),
  }));
}

describe('every page of the hostile site', () => {
  it('includes the plan page', () => {
    expect(pages).toContain(HOSTILE_PLAN_PATH);
  });

  it.each(pages)('%s runs none of the injected script', async (path) => {
    const { page, problems, dialogs, messages, close } = await visitHostile(path);
    try {
      expect.soft(await traces(page)).toEqual({ injected: undefined, scripts: [], onerror: [], javascriptLinks: [] });
      expect.soft(dialogs, 'dialogs').toEqual([]);
      expect.soft(messages.filter((m) => m.includes('__injected')), 'console messages').toEqual([]);
      // An injected <img src=x> would have asked for /x, and failed.
      expect.soft(problems, 'console errors, page errors and failed requests').toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the hostile plan page', () => {
  let plan: Visit;
  let text: string;
  beforeAll(async () => {
    plan = await visitHostile(HOSTILE_PLAN_PATH);
    text = await plan.page.locator('body').innerText();
  });
  afterAll(async () => {
    await plan?.close();
  });

  it.each([
    ['a script', '<script>window.__injected = "concern"</script>'],
    ['an image with onerror', `<img src=x onerror="window.__injected = 'concern img'">`],
    ['a javascript: link, unlinked', "[a link](javascript:window.__injected='link')"],
    ['a script in a revised target', '<script>window.__injected = "revised target"</script> March 2025'],
    ['an image with onerror in the reason for a revision', `<img src=x onerror="window.__injected = 'reason'"> & delays`],
    ['a script in the change log', 'First published <script>window.__injected = "change note"</script>'],
  ])('shows %s as text', (_, literal) => {
    expect(text).toContain(literal);
  });

  it('keeps an address with markup in it as the link\'s address, whole', async () => {
    const source = plan.page.locator('a[href^="https://example.org/plan.pdf"]');
    expect(await source.getAttribute('href')).toBe(`https://example.org/plan.pdf?a="><script>window.__injected='provenance url'</script>`);
  });

  it('shows "Not stated in the plan" for the action whose owner is null', async () => {
    expect((await actionCells(plan.page, 'concern-1-action-2'))['Responsible owner']).toBe('Not stated in the plan');
  });
});
