/**
 * One table cell at a time (src/import/cells.ts): HTML fragments as the text layout and mammoth
 * write them, into paragraphs and Markdown lists, and the helpers that decide joins across page
 * breaks and split cells that lost their markup.
 */
import { describe, expect, it } from 'vitest';
import {
  cellItems,
  continuesAcrossBreak,
  groupSentences,
  joinAcrossBreak,
  listMarkdown,
  readCell,
  sentences,
  splitNumbered,
  splitRepeated,
  splitTargets,
  type List,
} from '../../src/import/cells.ts';

const markdownOf = (html: string) =>
  readCell(html).map((b) => (b.kind === 'paragraph' ? `${b.marked ? '' : '(unmarked) '}${b.text}` : listMarkdown(b).join('\n')));

describe('reading a cell', () => {
  it('reads each <p> as a paragraph, with white space made single', () => {
    expect(markdownOf('<p>One  two.</p> <p>\n Three.</p>')).toEqual(['One two.', 'Three.']);
  });

  it('keeps text outside any <p> as an unmarked paragraph', () => {
    expect(markdownOf('Two reading specialists will be appointed.')).toEqual(['(unmarked) Two reading specialists will be appointed.']);
    expect(markdownOf('<p>Marked.</p> stray text <p>Marked again.</p>')).toEqual(['Marked.', '(unmarked) stray text', 'Marked again.']);
  });

  it('reads a <ul> with inline "•" bullets and no closing tag (HMP Chelmsford, concern 1)', () => {
    expect(markdownOf('<p>HCRG will:</p> <ul style="list-style-type: none"> • Create an audit. • Train staff. ')).toEqual([
      'HCRG will:',
      '- Create an audit.\n- Train staff.',
    ]);
  });

  it('reads an <ol> with inline numbers, ended by the next <p> (HMP Chelmsford, concern 4)', () => {
    expect(
      markdownOf('<ol style="list-style-type: none"> 1. Clarify referrals. 2. Clarify risk for bands 3-5 in 2024. 3. Confirm meetings. – Terms of reference. <p>The service will recruit.</p>'),
    ).toEqual(['1. Clarify referrals.\n2. Clarify risk for bands 3-5 in 2024.\n3. Confirm meetings. – Terms of reference.', 'The service will recruit.']);
  });

  it('reads well-formed lists as mammoth writes them, nested lists included', () => {
    expect(markdownOf('<p>Lead:</p><ul><li>a</li><li>b<ul><li>b1</li></ul></li></ul><ol start="3"><li>c</li></ol>')).toEqual([
      'Lead:',
      '- a\n- b\n  - b1',
      '3. c',
    ]);
  });

  it('turns paragraphs typed with "•" into a list', () => {
    expect(markdownOf('<p>• One.</p><p>• Two.</p>')).toEqual(['- One.\n- Two.']);
  });

  it('keeps words of inline markup, decodes entities and leaves a bare "&" alone', () => {
    expect(markdownOf('<p><strong>D&amp;I</strong> and D&I lead, 8<sup>th</sup> May &lt;soon&gt;</p>')).toEqual(['D&I and D&I lead, 8th May <soon>']);
  });

  it('keeps a line break inside a paragraph, so owners on separate lines stay separate', () => {
    expect(cellItems('<p>Governor<br/>Head of Safety</p>')).toEqual({ items: ['Governor', 'Head of Safety'], marked: true });
  });

  it('never throws on broken markup', () => {
    expect(() => readCell('<p><ul><li>x</p></ol></li><p')).not.toThrow();
    expect(readCell('')).toEqual([]);
  });
});

describe('owner and target cells', () => {
  it('reads marked items one by one, and says when a cell had no markup', () => {
    expect(cellItems('<p>Governor</p> <p>Head of Healthcare</p>')).toEqual({ items: ['Governor', 'Head of Healthcare'], marked: true });
    expect(cellItems('Governor Governor')).toEqual({ items: ['Governor Governor'], marked: false });
  });

  it('splits a name repeated exactly, and nothing else', () => {
    expect(splitRepeated('Governor Governor Governor')).toEqual(['Governor', 'Governor', 'Governor']);
    expect(splitRepeated('Head of Healthcare Head of Healthcare')).toEqual(['Head of Healthcare', 'Head of Healthcare']);
    expect(splitRepeated('Governor Head of Healthcare')).toEqual(['Governor Head of Healthcare']);
    expect(splitRepeated('Governor')).toEqual(['Governor']);
  });

  it('splits a run of target dates, and only when the whole cell is dates', () => {
    expect(splitTargets('September 2024 September 2024 November 2024')).toEqual(['September 2024', 'September 2024', 'November 2024']);
    expect(splitTargets('Completed August 2024 (For bid process)')).toEqual(['Completed', 'August 2024 (For bid process)']);
    expect(splitTargets('End of Sept 2024 31/03/2025 Q3 2024/25 Ongoing')).toEqual(['End of Sept 2024', '31/03/2025', 'Q3 2024/25', 'Ongoing']);
    expect(splitTargets('July 2024 subject to funding')).toEqual(['July 2024 subject to funding']);
    expect(splitTargets('July 2024')).toEqual(['July 2024']);
  });
});

describe('splitting a block with no paragraph markup', () => {
  it('finds sentences, keeping every character, and not after abbreviations or in numbers', () => {
    expect(sentences('Unlocked for 2.5 hours, e.g. on Mondays. Staff (POMs) will help. "Quoted." Last without a stop')).toEqual([
      'Unlocked for 2.5 hours, e.g. on Mondays.',
      'Staff (POMs) will help.',
      '"Quoted."',
      'Last without a stop',
    ]);
  });

  it('groups sentences into runs of similar length, not starting a run on "This…"', () => {
    const parts = ['A plan was made.', 'This will help a great deal with many things.', 'Meetings will be held.', 'Progress will be tracked daily.'];
    expect(groupSentences(parts, 2)).toEqual([parts.slice(0, 2), parts.slice(2)]);
    expect(groupSentences(parts, 1)).toEqual([parts]);
    expect(groupSentences(parts.slice(0, 2), 3)).toEqual([[parts[0]], [parts[1]]]);
  });

  it('splits an ordered list only at the numbers 1, 2, 3… in turn', () => {
    expect(splitNumbered('Lead 1. a in 2024. b 2. c 12. d 3. e')).toEqual(['Lead', 'a in 2024. b', 'c 12. d', 'e']);
  });
});

describe('paragraphs cut by a page break', () => {
  it.each([
    ['The monthly review group', '(SMARG) meeting will', 'join'],
    ['better access to applications,', 'complaints, meals choices', 'join'],
    ['Mental health provision. This', 'created a gap', 'join'],
    ['enough day-to-', 'day support.', 'join'],
    ['the Head of', 'Safety will chair it.', 'guess'],
    ['It will be painted.', 'then cleaned.', 'guess'],
    ['enough day-to-', 'Day support.', 'guess'],
    ['It will be painted.', 'Showers will be fixed.', 'new'],
    ['three main priorities:', 'Clarify referrals.', 'new'],
  ] as const)('"%s" + "%s" → %s', (before, after, expected) => {
    expect(continuesAcrossBreak(before, after)).toBe(expected);
  });

  it('joins with a space, or without one after a word broken at its hyphen', () => {
    expect(joinAcrossBreak('review group', '(SMARG)')).toBe('review group (SMARG)');
    expect(joinAcrossBreak('day-to-', 'day')).toBe('day-to-day');
    expect(joinAcrossBreak('activities -', 'these are')).toBe('activities - these are');
  });
});

describe('lists as Markdown', () => {
  it('writes "- " and "1. " items, nested items indented under their marker', () => {
    const list: List = {
      kind: 'list',
      ordered: true,
      start: 9,
      items: [{ text: 'nine', lists: [{ kind: 'list', ordered: false, start: 1, items: [{ text: 'sub', lists: [] }] }] }, { text: 'ten', lists: [] }],
    };
    expect(listMarkdown(list)).toEqual(['9. nine', '   - sub', '10. ten']);
  });
});
