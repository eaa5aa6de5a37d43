import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { govuk, macroName } from '../../src/govuk/render';

// The proof that our component markup IS govuk-frontend's: every fixture the
// package ships (its own regression examples, including the hidden edge
// cases) must render identically through govuk().

/** Every govuk-frontend component the site renders. */
const COMPONENTS = [
  'skip-link',
  'header',
  'generic-header',
  'service-navigation',
  'phase-banner',
  'breadcrumbs',
  'footer',
  'summary-list',
  'tag',
  'table',
  'details',
  'inset-text',
  'warning-text',
  'notification-banner',
  'pagination',
  'back-link',
  'button',
  'checkboxes',
  'input',
] as const;

interface Fixture {
  name: string;
  options: Record<string, unknown>;
  hidden?: boolean;
  html: string;
}

const require = createRequire(import.meta.url);
const componentsDir = path.join(
  path.dirname(require.resolve('govuk-frontend/package.json')),
  'dist/govuk/components',
);

function loadFixtures(component: string): Fixture[] {
  const file = path.join(componentsDir, component, 'fixtures.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { fixtures: Fixture[] }).fixtures;
}

/**
 * Makes insignificant white space comparable: any run of white space becomes
 * one space, white space between two tags is dropped, and the ends are
 * trimmed. Everything else (attribute order, quoting, entities, text) must
 * match exactly.
 */
function normaliseHtml(html: string): string {
  return html.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
}

const cases = COMPONENTS.flatMap((component) =>
  loadFixtures(component).map((fixture) => ({ component, fixture, title: `${component}: ${fixture.name}` })),
);

describe('govuk() renders exactly what govuk-frontend publishes in fixtures.json', () => {
  it.each(cases)('$title', ({ component, fixture }) => {
    expect(normaliseHtml(govuk(component, fixture.options))).toBe(normaliseHtml(fixture.html));
  });

  it.each(COMPONENTS)('%s has fixtures to test', (component) => {
    expect(loadFixtures(component).length).toBeGreaterThan(0);
  });
});

describe('normaliseHtml', () => {
  it('ignores white space between tags, inside tags and at the ends', () => {
    expect(normaliseHtml('\n <p class="a"\n   id="b">\n  Some\n   text\n</p>\n <br>\n')).toBe(
      '<p class="a" id="b"> Some text </p><br>',
    );
  });

  it('still tells different markup apart', () => {
    expect(normaliseHtml('<p>Some text</p>')).not.toBe(normaliseHtml('<p>Sometext</p>'));
    expect(normaliseHtml('<p class="a">x</p>')).not.toBe(normaliseHtml('<p class="b">x</p>'));
  });
});

describe('govuk()', () => {
  it.each([
    ['summary-list', 'govukSummaryList'],
    ['phase-banner', 'govukPhaseBanner'],
    ['service-navigation', 'govukServiceNavigation'],
    ['generic-header', 'govukGenericHeader'],
    ['tag', 'govukTag'],
  ])('maps %s to the %s macro', (component, macro) => {
    expect(macroName(component)).toBe(macro);
  });

  it('escapes text params', () => {
    expect(govuk('tag', { text: '<script>alert(1)</script>' })).toBe(
      '<strong class="govuk-tag">\n  &lt;script&gt;alert(1)&lt;/script&gt;\n</strong>',
    );
  });

  it('gives the same output on repeated calls (cached template)', () => {
    const params = { rows: [{ key: { text: 'Prison' }, value: { text: 'HMP Example' } }] };
    const first = govuk('summary-list', params);
    expect(govuk('summary-list', params)).toBe(first);
    expect(first).toContain('<dd class="govuk-summary-list__value">');
  });

  it('returns trimmed HTML', () => {
    const html = govuk('inset-text', { text: 'Note' });
    expect(html).toBe(html.trim());
  });

  it('rejects names that are not component folder names', () => {
    expect(() => govuk('../../template', {})).toThrow(/Invalid govuk-frontend component name/);
    expect(() => govuk('SummaryList', {})).toThrow(/Invalid govuk-frontend component name/);
  });

  it('throws for a component govuk-frontend does not have', () => {
    expect(() => govuk('no-such-component', {})).toThrow(/template not found/);
  });
});
