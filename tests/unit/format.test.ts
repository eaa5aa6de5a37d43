/**
 * The words pages put around numbers and excerpts, and how statuses look.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusTagClass } from '../../src/components/wording.ts';
import { STATUSES, type StatusId } from '../../src/content/statuses.ts';
import { markdownToPlainText } from '../../src/govuk/markdown.ts';
import { decodeEntities, escapeHtml, linkHtml } from '../../src/lib/html.ts';
import { firstWords, plural } from '../../src/lib/format.ts';

describe('plural', () => {
  it.each<[number, string, string | undefined, string]>([
    [0, 'plan', undefined, '0 plans'],
    [1, 'plan', undefined, '1 plan'],
    [2, 'plan', undefined, '2 plans'],
    [15, 'concern', undefined, '15 concerns'],
    [1, 'child', 'children', '1 child'],
    [3, 'child', 'children', '3 children'],
  ])('%i %s (plural %s) reads "%s"', (count, singular, pluralForm, expected) => {
    expect(plural(count, singular, pluralForm)).toBe(expected);
  });
});

describe('markdownToPlainText', () => {
  const action = [
    'To improve the mental health provision, the local healthcare provider will:',
    '',
    '- Create mental health referrals audit.',
    '* Train staff on self-harm pathways.',
    '+ Review the dual diagnosis policy.',
    '1. Clarify priorities.',
    '2) Report progress.',
  ].join('\n');

  it('removes bullet and number markers but keeps every word, on one line', () => {
    expect(markdownToPlainText(action)).toBe(
      'To improve the mental health provision, the local healthcare provider will: Create mental health referrals audit. Train staff on self-harm pathways. Review the dual diagnosis policy. Clarify priorities. Report progress.',
    );
  });

  it('removes emphasis and code marks', () => {
    expect(markdownToPlainText('This is **very** _important_ and `urgent`.')).toBe('This is very important and urgent.');
  });

  it('keeps hyphens, numbers and percentages inside the text', () => {
    const text = 'Self-harm fell by 20% in 2024 - a 3-year low.';
    expect(markdownToPlainText(text)).toBe(text);
  });

  it('collapses line breaks and indentation, and trims', () => {
    expect(markdownToPlainText('  First line\n   second line  \n\n')).toBe('First line second line');
  });

  it('keeps underscores, asterisks and HTML-like text that are words, not markup', () => {
    expect(markdownToPlainText('Set window.__injected to 2 * 3 <b>now</b>')).toBe('Set window.__injected to 2 * 3 <b>now</b>');
  });
});

describe('escapeHtml and linkHtml', () => {
  it('escapes every character that could end an attribute or start markup', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps a hostile address inside the href and its text as text', () => {
    expect(linkHtml('https://example.org/"><script>x</script>', 'HMP <Example>')).toBe(
      '<a class="govuk-link" href="https://example.org/&quot;&gt;&lt;script&gt;x&lt;/script&gt;">HMP &lt;Example&gt;</a>',
    );
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities, and leaves unknown ones', () => {
    expect(decodeEntities('&#39;&#x27;&apos;&nbsp;&bogus;')).toBe("'''\u00a0&bogus;");
  });

  it('decodes the typographic entities a document uses, in any case', () => {
    expect(decodeEntities('22 January &ndash; 8 February, &lsquo;safe&rsquo; &AMP; &hellip;')).toBe('22 January – 8 February, ‘safe’ & …');
  });

  it('leaves an "&" that starts no reference, and a code point beyond Unicode, as written', () => {
    expect(decodeEntities('D&I lead & Safer Custody; &#1114112;')).toBe('D&I lead & Safer Custody; &#1114112;');
  });

  it('gives back what escapeHtml escaped', () => {
    const text = `Fewer than 5 < 10 & "quotes" aren't markup`;
    expect(decodeEntities(escapeHtml(text))).toBe(text);
  });
});

describe('firstWords', () => {
  const concern = 'The level of reported self-harm was very high. Too many prisoners struggled to get help with their mental health.';

  it('leaves short text unchanged', () => {
    expect(firstWords('Short text.', 80)).toBe('Short text.');
    expect(firstWords(concern, concern.length)).toBe(concern);
  });

  it('cuts long text at a word boundary and adds an ellipsis', () => {
    const cut = firstWords(concern, 20);
    expect(cut).toBe('The level of…');
  });

  it.each([10, 25, 40, 60, 80, 100])('at %i characters: a prefix of whole words, no longer than allowed', (max) => {
    const cut = firstWords(concern, max);
    expect(cut.endsWith('…')).toBe(true);
    const kept = cut.slice(0, -1);
    expect(kept.length).toBeLessThanOrEqual(max);
    expect(concern.startsWith(kept)).toBe(true);
    // The next character in the original is not a letter: no word was cut in half.
    expect(concern[kept.length]).toMatch(/[\s,.;:]/);
    // No dangling punctuation or space before the ellipsis.
    expect(kept).not.toMatch(/[\s,;:.]$/);
  });

  it('keeps a word that ends exactly at the limit', () => {
    expect(firstWords('aaaa bbbb cccc', 9)).toBe('aaaa bbbb…');
  });

  it('cuts a single word longer than the limit rather than returning nothing', () => {
    expect(firstWords('Supercalifragilisticexpialidocious', 10)).toBe('Supercalif…');
  });
});

describe('statusTagClass', () => {
  const statuses = Object.keys(STATUSES) as StatusId[];

  // The tag modifier classes GOV.UK Frontend's own stylesheet defines.
  const frontendCss = fs.readFileSync(path.resolve('node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css'), 'utf8');
  const definedModifiers = new Set(frontendCss.match(/govuk-tag--[a-z]+/g));

  it.each(statuses)('gives "%s" a GOV.UK tag colour', (status) => {
    const className = statusTagClass(status);
    // Blue is the tag's default colour, which GOV.UK Frontend 6 draws without a modifier class.
    if (className !== '') expect(definedModifiers).toContain(className);
  });

  it('never shows progress the same way as its opposite', () => {
    const colours = new Set(['not-started', 'in-progress', 'completed', 'not-completed'].map((s) => statusTagClass(s as StatusId)));
    expect(colours.size).toBe(4);
  });
});
