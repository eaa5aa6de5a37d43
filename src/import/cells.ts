/**
 * One table cell, given as an HTML fragment, read into paragraphs and lists, and the helpers that
 * turn those into the draft's Markdown and split cells that lost their markup.
 *
 * The text layout's fragments are not always well formed: a list can be opened with <ul> or <ol>
 * and never closed, its items written inline with "•" bullets or "1. " numbers instead of <li>
 * (HMP Chelmsford, concerns 1 and 4). Such a list runs until the next <p> or the end of the cell.
 * Text outside any <p> or list is kept as an unmarked paragraph, because the importer has to treat
 * it differently: an unmarked block can hold several actions that the source no longer separates.
 */
import { normalise, stripControls, tokenize } from './html.ts';

export interface Paragraph {
  kind: 'paragraph';
  /** Normalised text; "\n" where the source had a line break (<br>) inside the paragraph. */
  text: string;
  /** False for text outside any <p> or list: the source did not mark where paragraphs begin. */
  marked: boolean;
}
export interface ListItem {
  text: string;
  lists: List[];
}
export interface List {
  kind: 'list';
  ordered: boolean;
  /** The number of the first item of an ordered list. */
  start: number;
  items: ListItem[];
}
export type Block = Paragraph | List;

/** Bullet characters that start a list item written inline. */
const BULLETS = /[•▪◦●■]/;

interface OpenList {
  list: List;
  item: ListItem | undefined;
  /** Text inside the list but outside any <li>: the items themselves, for a list written inline. */
  inline: string;
  /** Whether an <li> has been seen: if not, the items are written inline. */
  explicit: boolean;
}

/** Paragraph text: white space collapsed, but line breaks (<br>) kept as "\n". */
function cleanParagraph(text: string): string {
  return stripControls(text)
    .split('\n')
    .map((line) => normalise(line))
    .filter((line) => line !== '')
    .join('\n');
}

export function readCell(html: string): Block[] {
  const blocks: Block[] = [];
  let raw = '';
  let paragraph: string | undefined;
  const open: OpenList[] = [];

  const flushRaw = () => {
    const text = cleanParagraph(raw);
    if (text) blocks.push({ kind: 'paragraph', text, marked: false });
    raw = '';
  };
  const closeParagraph = () => {
    if (paragraph === undefined) return;
    const text = cleanParagraph(paragraph);
    if (text) blocks.push({ kind: 'paragraph', text, marked: true });
    paragraph = undefined;
  };
  const closeList = () => {
    const top = open.pop();
    if (!top) return;
    if (top.explicit && normalise(top.inline)) top.list.items.push({ text: top.inline, lists: [] });
    const finished: Block[] = top.explicit ? [top.list] : inlineList(top.inline, top.list.ordered);
    const parent = open.at(-1);
    for (const block of finished) {
      if (block.kind === 'list' && block.items.length === 0) continue;
      if (parent?.item) {
        if (block.kind === 'list') parent.item.lists.push(block);
        else parent.item.text += ` ${block.text}`;
      } else blocks.push(block);
    }
  };
  const closeLists = () => {
    while (open.length) closeList();
  };
  const write = (text: string) => {
    const top = open.at(-1);
    if (top?.item) top.item.text += text;
    else if (top) top.inline += text;
    else if (paragraph !== undefined) paragraph += text;
    else raw += text;
  };

  for (const token of tokenize(html)) {
    if (token.kind === 'text') {
      write(token.text);
      continue;
    }
    const top = open.at(-1);
    switch (token.name) {
      case 'p':
        if (token.kind === 'close') {
          if (top?.item) write(' ');
          else closeParagraph();
        } else if (top?.item) write(' ');
        else {
          // A <p> after a list with inline items ends that list: it has no closing tag of its own.
          closeLists();
          closeParagraph();
          flushRaw();
          paragraph = '';
        }
        break;
      case 'ul':
      case 'ol':
        if (token.kind === 'open') {
          if (!top?.item) {
            closeLists();
            closeParagraph();
            flushRaw();
          }
          const start = Number(token.attributes.start);
          open.push({
            list: { kind: 'list', ordered: token.name === 'ol', start: Number.isInteger(start) && start > 0 ? start : 1, items: [] },
            item: undefined,
            inline: '',
            explicit: false,
          });
        } else if (top) closeList();
        break;
      case 'li': {
        if (token.kind === 'close') {
          if (top?.item) top.item = undefined;
          else if (open.length > 1) {
            closeList();
            open.at(-1)!.item = undefined;
          }
          break;
        }
        let list = top;
        if (!list) {
          closeParagraph();
          flushRaw();
          list = { list: { kind: 'list', ordered: false, start: 1, items: [] }, item: undefined, inline: '', explicit: true };
          open.push(list);
        }
        // Text written inside the list before its first <li> is kept as an item of its own.
        if (normalise(list.inline)) list.list.items.push({ text: list.inline, lists: [] });
        list.inline = '';
        list.explicit = true;
        list.item = { text: '', lists: [] };
        list.list.items.push(list.item);
        break;
      }
      case 'br':
        write('\n');
        break;
      default:
        // Inline markup (<strong>, <span>, <sup>, <a>) keeps its words; anything block-like is a word break.
        if (!['strong', 'b', 'em', 'i', 'u', 'span', 'sup', 'sub', 'a', 's', 'font', 'mark', 'small'].includes(token.name)) write(' ');
    }
  }
  closeLists();
  closeParagraph();
  flushRaw();
  // Items can turn out empty once cleaned ("<li> </li>", a lone "•"): a list of none is no list.
  return splitBulletParagraphs(blocks)
    .map(cleanBlock)
    .filter((b) => b.kind === 'paragraph' || b.items.length > 0);
}

function cleanBlock(block: Block): Block {
  if (block.kind === 'paragraph') return block;
  return { ...block, items: block.items.map(cleanItem).filter((item) => item.text !== '' || item.lists.length > 0) };
}
function cleanItem(item: ListItem): ListItem {
  return { text: normalise(item.text), lists: item.lists.map((l) => cleanBlock(l) as List).filter((l) => l.items.length > 0) };
}

/** A list whose items are written inline ("• a • b", "1. a 2. b"), as text before it and the list. */
function inlineList(text: string, ordered: boolean): Block[] {
  const clean = normalise(text);
  if (!clean) return [];
  const pieces = ordered ? splitNumbered(clean) : clean.split(BULLETS).map((s) => s.trim());
  const [lead, ...items] = pieces;
  if (items.length === 0) return [{ kind: 'paragraph', text: clean, marked: false }];
  const list: List = { kind: 'list', ordered, start: 1, items: items.filter((s) => s !== '').map((s) => ({ text: s, lists: [] })) };
  return lead ? [{ kind: 'paragraph', text: lead, marked: false }, list] : [list];
}

/**
 * Splits "a 1. b 2. c" at the numbers 1, 2, 3… in turn, and only there, so a number in the text
 * ("bands 3-5", "in 2024. The") is never taken for an item number. The first piece is any text
 * before item 1.
 */
export function splitNumbered(text: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  let cut = 0;
  for (let n = 1; ; n++) {
    const match = new RegExp(`(?:^|\\s)${n}[.)]\\s`).exec(text.slice(from));
    if (!match) break;
    const at = from + match.index;
    pieces.push(text.slice(cut, at).trim());
    cut = at + match[0].length;
    from = cut;
  }
  pieces.push(text.slice(cut).trim());
  return pieces;
}

/** Paragraphs written as "• item" (a list typed by hand in Word) become a list. */
function splitBulletParagraphs(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph' && /^[•▪◦●■]/.test(block.text)) {
      const items = block.text
        .split(BULLETS)
        .map((s) => normalise(s))
        .filter((s) => s !== '')
        .map((text) => ({ text, lists: [] }));
      const previous = out.at(-1);
      if (items.length === 0) continue;
      if (previous?.kind === 'list' && !previous.ordered) previous.items.push(...items);
      else out.push({ kind: 'list', ordered: false, start: 1, items });
    } else out.push(block);
  }
  return out;
}

/** A list as Markdown lines: "- " or "1. " items, nested lists indented under their item. */
export function listMarkdown(list: List, indent = ''): string[] {
  return list.items.flatMap((item, i) => {
    const marker = list.ordered ? `${list.start + i}.` : '-';
    return [`${indent}${marker} ${item.text}`, ...item.lists.flatMap((sub) => listMarkdown(sub, `${indent}${' '.repeat(marker.length + 1)}`))];
  });
}

/** The plain text of a cell, one string: for headings, numbers and decisions. */
export function cellText(html: string): string {
  return normalise(
    readCell(html)
      .map((b) => (b.kind === 'paragraph' ? b.text : b.items.map((i) => i.text).join(' ')))
      .join(' '),
  );
}

/**
 * The items of an owner or target cell: one per paragraph, list item or line. `marked` is false
 * where the cell is one block of text with no markup, which may hold several items run together.
 */
export function cellItems(html: string): { items: string[]; marked: boolean } {
  const blocks = readCell(html);
  const items: string[] = [];
  let marked = true;
  for (const block of blocks) {
    if (block.kind === 'list') items.push(...block.items.map((i) => i.text));
    else {
      if (!block.marked) marked = false;
      items.push(...block.text.split('\n'));
    }
  }
  return { items: items.map((s) => normalise(s)).filter((s) => s !== ''), marked };
}

/**
 * "Governor Governor Governor" → three "Governor"s; "Head of Healthcare Head of Healthcare" → two.
 * Only a name repeated exactly can be split without knowing the names: anything else is one item.
 */
export function splitRepeated(text: string): string[] {
  const words = text.split(' ');
  for (let size = 1; size <= words.length / 2; size++) {
    if (words.length % size !== 0) continue;
    const phrase = words.slice(0, size).join(' ');
    const times = words.length / size;
    if (Array.from({ length: times }, (_, i) => words.slice(i * size, (i + 1) * size).join(' ')).every((p) => p === phrase)) {
      return Array.from({ length: times }, () => phrase);
    }
  }
  return [text];
}

const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** One target date as plans write them, for splitting a target cell that lost its markup. */
const TARGET = new RegExp(
  [
    `(?:(?:end of|by|from|mid|early|late)\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH_NAME}\\.?,?\\s+\\d{4}(?:\\s*\\([^)]*\\))?`,
    '\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}',
    'q[1-4]\\s+\\d{4}(?:/\\d{2,4})?',
    'completed?|on-?going|immediate(?:ly)?|implemented|quarterly|monthly|weekly|annually',
  ].join('|'),
  'giy',
);

/**
 * "September 2024 October 2024" → two targets. Split only when the whole text is a run of dates
 * (and words such as "Completed"); otherwise it is one target, as written.
 */
export function splitTargets(text: string): string[] {
  const found: string[] = [];
  TARGET.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    while (text[at] === ' ') at++;
    if (at >= text.length) break;
    TARGET.lastIndex = at;
    const m = TARGET.exec(text);
    if (!m || m[0] === '') return [text];
    const end = at + m[0].length;
    if (end < text.length && text[end] !== ' ') return [text];
    found.push(m[0]);
    at = end;
  }
  return found.length > 1 ? found : [text];
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION = /(?:^|\s)(?:e\.g|i\.e|etc|mr|mrs|ms|dr|st|no|vs|approx|incl)\.$/i;

/**
 * Sentences: a break after ".", "!" or "?" (and any closing quote or bracket) where the next word
 * starts with a capital, a digit, a quote or a bracket. Every character is kept, in order.
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const boundary = /[.!?]["'’”)\]]*\s+(?=[A-Z0-9"'‘“(])/g;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].trimEnd().length;
    if (ABBREVIATION.test(text.slice(start, end))) continue;
    out.push(text.slice(start, end));
    start = m.index + m[0].length;
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** Sentence openings that lean on the sentence before, so an action is unlikely to start there. */
const LEANS_BACK = /^(?:this|these|that|those|it|its|they|their|he|she|such|additionally|also|however|furthermore|moreover|in addition|as a result|therefore|then|which)\b/i;

/**
 * Groups sentences into `count` consecutive runs, for a block whose actions the source no longer
 * separates. The split keeps the runs close in length and avoids starting a run on a sentence that
 * refers back ("This will…"). It is a best attempt for the editor to check, never a certainty.
 */
export function groupSentences(parts: string[], count: number): string[][] {
  if (count <= 1 || parts.length <= count) return count <= 1 ? [parts] : parts.map((p) => [p]);
  const lengths = parts.map((p) => p.length);
  const total = lengths.reduce((a, b) => a + b, 0);
  const ideal = total / count;
  const cost = (from: number, to: number) => {
    let length = 0;
    for (let k = from; k < to; k++) length += lengths[k]!;
    const spread = (length - ideal) / ideal;
    return spread * spread + (LEANS_BACK.test(parts[from]!) ? 1 : 0);
  };
  // best[g][i]: the cheapest way to put the first i sentences into g runs.
  const best: number[][] = Array.from({ length: count + 1 }, () => Array<number>(parts.length + 1).fill(Infinity));
  const cut: number[][] = Array.from({ length: count + 1 }, () => Array<number>(parts.length + 1).fill(0));
  best[0]![0] = 0;
  for (let g = 1; g <= count; g++) {
    for (let i = g; i <= parts.length; i++) {
      for (let j = g - 1; j < i; j++) {
        const c = best[g - 1]![j]! + cost(j, i);
        if (c < best[g]![i]!) {
          best[g]![i] = c;
          cut[g]![i] = j;
        }
      }
    }
  }
  const groups: string[][] = [];
  for (let g = count, i = parts.length; g > 0; g--) {
    const j = cut[g]![i]!;
    groups.unshift(parts.slice(j, i));
    i = j;
  }
  return groups;
}

/**
 * Whether the first paragraph after a page break continues the paragraph before it. Two signs are
 * read: the paragraph before does not end a sentence, and the next starts in lower case or with "(".
 * Both together are a join; one alone is a join the editor is asked to check; neither is a new paragraph.
 */
export function continuesAcrossBreak(before: string, next: string): 'join' | 'guess' | 'new' {
  if (/[A-Za-z]-$/.test(before)) return /^[a-z]/.test(next) ? 'join' : 'guess';
  const open = !/[.!?:;]["'’”)\]]*$/.test(before);
  const continuing = /^[a-z(,;)]/.test(next);
  if (open && continuing) return 'join';
  if (open || continuing) return 'guess';
  return 'new';
}

/** Joins text cut by a page break: a word broken at its hyphen ("day-to-" + "day") takes no space. */
export function joinAcrossBreak(before: string, next: string): string {
  return /[A-Za-z]-$/.test(before) ? before + next : `${before} ${next}`;
}
