import { describe, it, expect } from 'vitest';
import { GOVUK_CLASSES, renderInline, renderMarkdown } from '../../src/govuk/markdown';

const BULLETS = 'govuk-list govuk-list--bullet';
const NUMBERS = 'govuk-list govuk-list--number';

interface Case {
  name: string;
  markdown: string;
  html: string;
}

const blockCases: Case[] = [
  {
    name: 'paragraphs',
    markdown: 'The prison will recruit staff.\n\nProgress will be reviewed monthly.',
    html: [
      '<p class="govuk-body">The prison will recruit staff.</p>',
      '<p class="govuk-body">Progress will be reviewed monthly.</p>',
    ].join('\n'),
  },
  {
    name: 'bullet list',
    markdown: '- Education\n- Work\n- Health',
    html: [`<ul class="${BULLETS}">`, '<li>Education</li>', '<li>Work</li>', '<li>Health</li>', '</ul>'].join('\n'),
  },
  {
    name: 'numbered list',
    markdown: '1. Agree the plan\n2. Publish it',
    html: [`<ol class="${NUMBERS}">`, '<li>Agree the plan</li>', '<li>Publish it</li>', '</ol>'].join('\n'),
  },
  {
    name: 'numbered list starting at 3 keeps its start',
    markdown: '3. Third\n4. Fourth',
    html: [`<ol start="3" class="${NUMBERS}">`, '<li>Third</li>', '<li>Fourth</li>', '</ol>'].join('\n'),
  },
  {
    name: 'loose list wraps items in GOV.UK paragraphs',
    markdown: '- One\n\n- Two',
    html: [
      `<ul class="${BULLETS}">`,
      '<li>',
      '<p class="govuk-body">One</p>',
      '</li>',
      '<li>',
      '<p class="govuk-body">Two</p>',
      '</li>',
      '</ul>',
    ].join('\n'),
  },
  {
    name: 'nested list',
    markdown: '- Safety\n  - Use of force\n  - Self-harm\n- Respect',
    html: [
      `<ul class="${BULLETS}">`,
      '<li>Safety',
      `<ul class="${BULLETS}">`,
      '<li>Use of force</li>',
      '<li>Self-harm</li>',
      '</ul>',
      '</li>',
      '<li>Respect</li>',
      '</ul>',
    ].join('\n'),
  },
  {
    name: 'numbered list nested in a bullet list',
    markdown: '- Steps\n  1. First\n  2. Second',
    html: [
      `<ul class="${BULLETS}">`,
      '<li>Steps',
      `<ol class="${NUMBERS}">`,
      '<li>First</li>',
      '<li>Second</li>',
      '</ol>',
      '</li>',
      '</ul>',
    ].join('\n'),
  },
  {
    name: 'links: https, relative and mailto',
    markdown: 'See [the report](https://www.gov.uk/report), [the plan](/plans/hmp-example) or [email us](mailto:team@example.gov.uk).',
    html:
      '<p class="govuk-body">See <a href="https://www.gov.uk/report" class="govuk-link">the report</a>, ' +
      '<a href="/plans/hmp-example" class="govuk-link">the plan</a> or ' +
      '<a href="mailto:team@example.gov.uk" class="govuk-link">email us</a>.</p>',
  },
  {
    name: 'autolink',
    markdown: '<https://www.gov.uk>',
    html: '<p class="govuk-body"><a href="https://www.gov.uk" class="govuk-link">https://www.gov.uk</a></p>',
  },
  {
    name: 'bare URL is not linked (linkify off)',
    markdown: 'Visit www.gov.uk or https://www.gov.uk today',
    html: '<p class="govuk-body">Visit www.gov.uk or https://www.gov.uk today</p>',
  },
  {
    name: 'headings without offset',
    markdown: '# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six',
    html: [
      '<h1 class="govuk-heading-xl">One</h1>',
      '<h2 class="govuk-heading-l">Two</h2>',
      '<h3 class="govuk-heading-m">Three</h3>',
      '<h4 class="govuk-heading-s">Four</h4>',
      '<h5 class="govuk-heading-s">Five</h5>',
      '<h6 class="govuk-heading-s">Six</h6>',
    ].join('\n'),
  },
  {
    name: 'table',
    markdown: '| Recommendation | Status |\n| --- | --- |\n| 1.1 | Agreed |\n| 1.2 | Not agreed |',
    html: [
      '<table class="govuk-table">',
      '<thead class="govuk-table__head">',
      '<tr class="govuk-table__row">',
      '<th class="govuk-table__header" scope="col">Recommendation</th>',
      '<th class="govuk-table__header" scope="col">Status</th>',
      '</tr>',
      '</thead>',
      '<tbody class="govuk-table__body">',
      '<tr class="govuk-table__row">',
      '<td class="govuk-table__cell">1.1</td>',
      '<td class="govuk-table__cell">Agreed</td>',
      '</tr>',
      '<tr class="govuk-table__row">',
      '<td class="govuk-table__cell">1.2</td>',
      '<td class="govuk-table__cell">Not agreed</td>',
      '</tr>',
      '</tbody>',
      '</table>',
    ].join('\n'),
  },
  {
    name: 'blockquote becomes inset text',
    markdown: '> The governor accepted this.',
    html: ['<blockquote class="govuk-inset-text">', '<p class="govuk-body">The governor accepted this.</p>', '</blockquote>'].join(
      '\n',
    ),
  },
  {
    name: 'emphasis stays plain',
    markdown: 'This is *important* and **urgent**.',
    html: '<p class="govuk-body">This is <em>important</em> and <strong>urgent</strong>.</p>',
  },
  {
    name: 'thematic break',
    markdown: 'Above\n\n---\n\nBelow',
    html: [
      '<p class="govuk-body">Above</p>',
      '<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible">',
      '<p class="govuk-body">Below</p>',
    ].join('\n'),
  },
];

describe('renderMarkdown', () => {
  it.each(blockCases)('$name', ({ markdown, html }) => {
    expect(renderMarkdown(markdown)).toBe(html);
  });
});

describe('heading offset', () => {
  it('shifts headings down and gives them the class of the level published', () => {
    expect(renderMarkdown('# Concern\n\n## Detail', { headingOffset: 2 })).toBe(
      ['<h3 class="govuk-heading-m">Concern</h3>', '<h4 class="govuk-heading-s">Detail</h4>'].join('\n'),
    );
  });

  it('never goes below h6', () => {
    expect(renderMarkdown('#### Deep', { headingOffset: 4 })).toBe('<h6 class="govuk-heading-s">Deep</h6>');
  });

  it('does not leak between calls', () => {
    renderMarkdown('# A', { headingOffset: 3 });
    expect(renderMarkdown('# A')).toBe('<h1 class="govuk-heading-xl">A</h1>');
  });

  it.each([-1, 1.5, 6, Number.NaN])('rejects offset %s', (headingOffset) => {
    expect(() => renderMarkdown('# A', { headingOffset })).toThrow(RangeError);
  });
});

describe('renderInline', () => {
  it('renders inline Markdown with no <p> wrapper', () => {
    expect(renderInline('Read *the* [plan](/plans/x)')).toBe(
      'Read <em>the</em> <a href="/plans/x" class="govuk-link">plan</a>',
    );
  });

  it('does not parse block syntax', () => {
    expect(renderInline('# Not a heading')).toBe('# Not a heading');
  });

  it('escapes raw HTML', () => {
    expect(renderInline('<b>bold</b>')).toBe('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('blocks javascript: links', () => {
    expect(renderInline('[x](javascript:alert(1))')).toBe('[x](javascript:alert(1))');
  });
});

describe('safety', () => {
  const safetyCases: Case[] = [
    {
      name: 'script element is shown as text',
      markdown: '<script>alert(1)</script>',
      html: '<p class="govuk-body">&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    },
    {
      name: 'img with onerror is shown as text',
      markdown: '<img src=x onerror=alert(1)>',
      html: '<p class="govuk-body">&lt;img src=x onerror=alert(1)&gt;</p>',
    },
    {
      name: 'inline HTML inside a paragraph is shown as text',
      markdown: 'Before <a href="javascript:alert(1)">click</a> after',
      html: '<p class="govuk-body">Before &lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt; after</p>',
    },
    {
      name: 'javascript: link is not a link',
      markdown: '[x](javascript:alert(1))',
      html: '<p class="govuk-body">[x](javascript:alert(1))</p>',
    },
    {
      name: 'upper-case JAVASCRIPT: link is not a link',
      markdown: '[x](JAVASCRIPT:alert(1))',
      html: '<p class="govuk-body">[x](JAVASCRIPT:alert(1))</p>',
    },
    {
      name: 'javascript: autolink is not a link',
      markdown: '<javascript:alert(1)>',
      html: '<p class="govuk-body">&lt;javascript:alert(1)&gt;</p>',
    },
    {
      name: 'javascript: reference link is not a link',
      markdown: '[x][evil]\n\n[evil]: javascript:alert(1)',
      html: '<p class="govuk-body">[x][evil]</p>\n<p class="govuk-body">[evil]: javascript:alert(1)</p>',
    },
    {
      name: 'data: link is not a link',
      markdown: '[x](data:text/html;base64,PHNjcmlwdD4=)',
      html: '<p class="govuk-body">[x](data:text/html;base64,PHNjcmlwdD4=)</p>',
    },
    {
      name: 'other schemes are not links',
      markdown: '[call](tel:0123) [files](ftp://example.com) [v](vbscript:x)',
      html: '<p class="govuk-body">[call](tel:0123) [files](ftp://example.com) [v](vbscript:x)</p>',
    },
    {
      name: 'an image is never fetched: it becomes a link a reader can choose to follow',
      markdown: '![tracker](https://example.com/pixel.png)',
      html: '<p class="govuk-body">!<a href="https://example.com/pixel.png" class="govuk-link">tracker</a></p>',
    },
    {
      name: 'table alignment uses GOV.UK classes, not inline styles a Content Security Policy would block',
      markdown: '| Item | Cost |\n| :-- | --: |\n| Windows | 10 |',
      html: [
        '<table class="govuk-table">',
        '<thead class="govuk-table__head">',
        '<tr class="govuk-table__row">',
        '<th class="govuk-table__header" scope="col">Item</th>',
        '<th class="govuk-table__header govuk-table__header--numeric" scope="col">Cost</th>',
        '</tr>',
        '</thead>',
        '<tbody class="govuk-table__body">',
        '<tr class="govuk-table__row">',
        '<td class="govuk-table__cell">Windows</td>',
        '<td class="govuk-table__cell govuk-table__cell--numeric">10</td>',
        '</tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    },
  ];

  it.each(safetyCases)('$name', ({ markdown, html }) => {
    expect(renderMarkdown(markdown)).toBe(html);
  });

  it('never emits a javascript: href or an event handler attribute', () => {
    const html = renderMarkdown(safetyCases.map((c) => c.markdown).join('\n\n'));
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
  });
});

describe('official wording is published exactly', () => {
  const wording = `The governor's "urgent" review -- within 28 days – then report...`;

  it('keeps straight quotes, double hyphens, en dashes and three dots', () => {
    // `"` is entity-encoded by the HTML escaper; it is still a straight quote.
    expect(renderMarkdown(wording)).toBe(
      '<p class="govuk-body">The governor\'s &quot;urgent&quot; review -- within 28 days – then report...</p>',
    );
    expect(renderInline(wording)).toBe(
      'The governor\'s &quot;urgent&quot; review -- within 28 days – then report...',
    );
  });

  it('substitutes no typographic characters', () => {
    const html = renderMarkdown(`${wording} (c) (tm) +- 'single'`);
    expect(html).not.toMatch(/[‘’“”—…©™±]/);
    expect(html).toContain('(c) (tm) +-');
    expect(html).toContain("'single'");
  });
});

describe('GOVUK_CLASSES', () => {
  it('is applied to every element it lists', () => {
    const html = renderMarkdown(
      '# 1\n## 2\n### 3\n#### 4\n##### 5\n###### 6\n\npara [l](/x)\n\n- a\n\n1. b\n\n> q\n\n---\n\n| A |\n| - |\n| 1 |',
    );
    for (const [tag, className] of Object.entries(GOVUK_CLASSES)) {
      expect(html, tag).toMatch(new RegExp(`<${tag}(?: [^>]*)? class="${className}"`));
    }
  });
});
