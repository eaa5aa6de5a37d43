/**
 * Rows of the plan's table → the draft plan, for both formats, with a flag wherever the importer
 * is not sure of what it wrote.
 *
 * How the table is read (the same in both formats):
 * - A row with a Rec No (or, in older plans, a decision or a new recommendation after one that
 *   ended with its reference code) starts an entry; a row without continues the entry above, as
 *   when a page break splits a row.
 * - Each paragraph of the response column is one action; a list belongs to the paragraph before it.
 *   Owners and targets are parallel lists, paired with the actions by position across all the rows.
 * - The first paragraph after a page break may finish the paragraph cut by it (see
 *   continuesAcrossBreak): both signs are a join, one is a join to check.
 * - A block with no paragraph markup may hold several actions run together. When the owners and
 *   targets say there are more actions than paragraphs, it is split at sentence boundaries into as
 *   many actions as are missing, and flagged: the split is a best attempt, not the source's.
 */
import {
  cellItems,
  cellText,
  continuesAcrossBreak,
  groupSentences,
  joinAcrossBreak,
  listMarkdown,
  readCell,
  sentences,
  splitRepeated,
  splitTargets,
  type Block,
  type List,
} from './cells.ts';
import { unreadableTarget, unreadableTargetMessage } from '../content/target-warnings.ts';
import type { Cover } from './cover.ts';
import type { Period } from './dates.ts';
import type { Flag } from './errors.ts';
import type { Role, SourceDocument, SourceRow } from './source.ts';

export type Decision = 'agreed' | 'partly-agreed' | 'not-agreed';

export interface DraftAction {
  text: string;
  owner: string | null;
  target: string | null;
}
export interface DraftConcern {
  number: number;
  category: 'priority' | 'key' | null;
  text: string | null;
  actions: DraftAction[];
}
export interface DraftRecommendation {
  number: number;
  category: string | null;
  reference?: string;
  text: string | null;
  response: { decision: Decision | null; text?: string };
  actions: DraftAction[];
}
export interface DraftPlan {
  id: string | null;
  establishment: string | null;
  format: 'concerns' | 'recommendations';
  title: string | null;
  inspection: { asWritten: string | null; periods: Period[] };
  reportPublished: { asWritten: string | null; date: string | null };
  planSubmitted: { asWritten: string | null; date: string | null };
  documentTitle: string;
  publisher: string;
  concerns: DraftConcern[] | DraftRecommendation[];
  /** The document's introduction, paragraphs separated by blank lines. */
  introduction: string;
  flags: Flag[];
}

export interface KnownEstablishment {
  id: string;
  name: string;
}

export interface BuildOptions {
  /** The establishments in content/establishments: the draft uses the id of the one the cover names. */
  establishments?: KnownEstablishment[];
  /** Used as the document title where the cover has none. */
  fileName?: string;
  /**
   * The ids the draft's path gives (`--out content/plans/<establishment>/<id>.md`): they decide,
   * because the validator requires the file's place to match them; a cover that disagrees is flagged.
   */
  ids?: { establishment: string; id: string };
}

const PUBLISHER = 'HM Prison and Probation Service';

export function buildPlan(source: SourceDocument, cover: Cover, options: BuildOptions = {}): DraftPlan {
  const flags: Flag[] = [...cover.flags];
  const coverFlags: Flag[] = [];
  const coverEstablishment = establishmentId(cover.establishmentName, options.establishments, coverFlags);
  const inspection = cover.inspection?.ok ? cover.inspection : undefined;
  const year = inspection?.periods[0]!.start.slice(0, 4) ?? (cover.reportPublished?.ok ? cover.reportPublished.date.slice(0, 4) : undefined);
  const coverId = coverEstablishment && year ? `${coverEstablishment}-${year}` : null;
  let establishment = coverEstablishment;
  let id = coverId;
  if (options.ids) {
    ({ establishment, id } = options.ids);
    if (options.establishments && !options.establishments.some((e) => e.id === establishment)) {
      flags.push({ path: ['establishment'], message: `there is no content/establishments/${establishment}.yaml: add it, or import to the folder of the right establishment` });
    }
    if (coverEstablishment && coverEstablishment !== establishment) {
      flags.push({ path: ['establishment'], message: `the cover names "${cover.establishmentName}" (${coverEstablishment}) but --out puts the plan under ${establishment}: the ids follow --out; check which establishment this plan is for` });
    } else if (coverId && coverId !== id) {
      flags.push({ path: ['id'], message: `the cover's dates make the id ${coverId} but --out names the file ${id}: the id follows --out; check the year` });
    }
  } else {
    flags.push(...coverFlags);
    if (establishment && !year) flags.push({ path: ['id'], message: 'the id needs the year of the inspection, which the cover does not give: write it as <establishment>-<year>' });
  }

  const entries = groupRows(source, flags);
  const concerns =
    source.columns.format === 'concerns'
      ? entries.map((entry, i) => buildConcern(entry, i, source, flags))
      : entries.map((entry, i) => buildRecommendation(entry, i, source, flags));
  for (const { where, text } of source.notImported) {
    flags.push({ path: [], message: `not imported (${where}, outside the table's cells): "${text.length > 100 ? `${text.slice(0, 97)}...` : text}"` });
  }

  return {
    id,
    establishment,
    format: source.columns.format,
    title: cover.title ?? null,
    inspection: { asWritten: cover.inspection?.asWritten ?? null, periods: inspection?.periods ?? [] },
    reportPublished: { asWritten: cover.reportPublished?.asWritten ?? null, date: cover.reportPublished?.ok ? cover.reportPublished.date : null },
    planSubmitted: { asWritten: cover.planSubmitted?.asWritten ?? null, date: cover.planSubmitted?.ok ? cover.planSubmitted.date : null },
    documentTitle: cover.title ?? options.fileName ?? 'Action plan',
    publisher: PUBLISHER,
    concerns: concerns as DraftConcern[] | DraftRecommendation[],
    introduction: cover.introduction.join('\n\n'),
    flags,
  };
}

/** "HMP Chelmsford" → the id of the establishment file of that name, or a slug of the name. */
function establishmentId(name: string | undefined, known: KnownEstablishment[] | undefined, flags: Flag[]): string | null {
  if (!name) {
    flags.push({ path: ['establishment'], message: 'the cover does not name the establishment: write the id of its file in content/establishments/' });
    return null;
  }
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const bare = name.replace(/^(?:HMP\s*(?:\/|&|and)\s*YOI|HMP\s*YOI|HMYOI|HMP|HM Prison|YOI|HMIRC|IRC|STC|SCH)\s+/i, '');
  const slug = squash(bare).replace(/ /g, '-');
  if (!known) return slug || null;
  const match = known.find((e) => squash(e.name) === squash(name)) ?? known.find((e) => e.id === slug);
  if (match) return match.id;
  flags.push({ path: ['establishment'], message: `no file in content/establishments/ is for "${name}": add content/establishments/${slug}.yaml, or change this id to the right one` });
  return slug || null;
}

// ---------------------------------------------------------------------------------------------------
// Rows → entries
// ---------------------------------------------------------------------------------------------------

interface Entry {
  number?: number;
  /** The report's own number for a recommendation ("1.9", "S34"), from a number column in the older format. */
  reference?: string;
  category?: string;
  rows: SourceRow[];
  /** Flags about the rows themselves, placed on the entry once its index is known. */
  messages: string[];
}

const cell = (row: SourceRow, source: SourceDocument, role: Role) => {
  const i = source.columns.index[role];
  return i === undefined ? '' : row.cells[i] ?? '';
};

/** A paragraph typed as a list item: "1. ", "2) ", "a) ", "• ", "- ". */
const LITERAL_ITEM = /^(\d{1,2}[.)]|[a-z][.)]|[•-])\s+([\s\S]+)$/;

const REFERENCE = /\s*\(([A-Z]{0,3}\s?\d+(?:\.\d+)*)\)\s*\.?$/;
const HEADING_CATEGORY = /^(priority|key)\s+concerns?:?$/i;

function groupRows(source: SourceDocument, flags: Flag[]): Entry[] {
  const entries: Entry[] = [];
  let category: string | undefined;
  const recommendations = source.columns.format === 'recommendations';
  for (const row of source.rows) {
    const filled = row.cells.map((c) => cellText(c)).filter((t) => t !== '');
    if (filled.length === 0) continue;
    const last = entries.at(-1);
    // A row with one short line in it is a section heading ("Priority concerns", "Safety").
    if (filled.length === 1) {
      const text = filled[0]!;
      if (!recommendations && HEADING_CATEGORY.test(text)) {
        category = /^priority/i.test(text) ? 'priority' : 'key';
        continue;
      }
      if (recommendations && cellText(cell(row, source, 'response')) === '' && looksLikeHeading(text)) {
        const previous = last ? textOfEntry(last, source) : '';
        if (!last || REFERENCE.test(previous) || /[.!?]["')]*$/.test(previous)) {
          category = text;
          continue;
        }
        if (last) last.messages.push(`"${text}" (${row.where}) was read as part of this recommendation, but it may be a section heading: check the source`);
      }
    }
    const numberText = cellText(cell(row, source, 'number'));
    let starts = numberText !== '';
    if (recommendations) {
      const decision = cellText(cell(row, source, 'decision'));
      const text = cellText(cell(row, source, 'recommendation'));
      starts ||= decision !== '' || (text !== '' && (!last || REFERENCE.test(textOfEntry(last, source))));
    }
    if (starts || !last) {
      const entry: Entry = { rows: [row], messages: [], ...(category !== undefined ? { category } : {}) };
      if (numberText !== '' && recommendations) {
        // Older plans number recommendations as the report does ("1.9", "S34"): that is their reference.
        entry.reference = numberText.replace(/\.$/, '');
      } else if (numberText !== '') {
        if (/^\d+\.?$/.test(numberText)) entry.number = parseInt(numberText, 10);
        else entry.messages.push(`the Rec No "${numberText}" (${row.where}) is not a whole number, so this was numbered by its place in the table`);
      } else if (!recommendations) {
        entry.messages.push(`the row at ${row.where} has no Rec No and no concern above it, so it was taken as a concern of its own and numbered by its place in the table`);
      }
      entries.push(entry);
    } else last.rows.push(row);
    if (row.problem) entries.at(-1)!.messages.push(row.problem);
  }
  entries.forEach((entry, i) => {
    for (const message of entry.messages) flags.push({ path: ['concerns', i], message });
  });
  return entries;
}

function looksLikeHeading(text: string): boolean {
  return text.split(' ').length <= 10 && /^[A-Z]/.test(text) && !/[.,;:]$/.test(text) && !REFERENCE.test(text);
}

function textOfEntry(entry: Entry, source: SourceDocument): string {
  return entry.rows.map((r) => cellText(cell(r, source, 'recommendation'))).filter(Boolean).join(' ');
}

// ---------------------------------------------------------------------------------------------------
// Text cells: paragraphs joined across page breaks, lists as Markdown
// ---------------------------------------------------------------------------------------------------

type Part = { kind: 'paragraph'; text: string; marked: boolean } | List;

const partMarkdown = (part: Part) => (part.kind === 'paragraph' ? part.text.replace(/\n/g, ' ') : listMarkdown(part).join('\n'));
const markdown = (parts: Part[]) => parts.map(partMarkdown).filter((m) => m !== '').join('\n\n');
const quote = (text: string, end: 'start' | 'end') => {
  const t = text.replace(/\n/g, ' ');
  if (t.length <= 40) return `"${t}"`;
  return end === 'end' ? `"...${t.slice(-37)}"` : `"${t.slice(0, 37)}..."`;
};

/** The concern or recommendation text: one cell's blocks per row, joined where a page break cut a paragraph. */
function assembleText(rowsBlocks: Block[][], where: string, flag: (message: string) => void): Part[] {
  const parts: Part[] = [];
  rowsBlocks.forEach((blocks, r) => {
    blocks.forEach((block, i) => {
      const last = parts.at(-1);
      if (i === 0 && r > 0 && last) {
        if (block.kind === 'paragraph' && last.kind === 'paragraph') {
          const decision = continuesAcrossBreak(last.text, block.text);
          if (decision !== 'new') {
            if (decision === 'guess') flag(joinMessage(where, last.text, block.text));
            last.text = joinAcrossBreak(last.text, block.text);
            return;
          }
        }
        if (block.kind === 'list' && last.kind === 'list' && block.ordered === last.ordered) {
          last.items.push(...block.items);
          return;
        }
      }
      parts.push(block.kind === 'paragraph' ? { ...block } : { ...block, items: [...block.items] });
    });
  });
  return parts;
}

const joinMessage = (where: string, before: string, after: string) =>
  `${where} continues after a page break: ${quote(before, 'end')} was joined to ${quote(after, 'start')} as one paragraph; check that it is one (if not, make them two)`;

// ---------------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------------

interface Building {
  parts: Part[];
  /** True while every paragraph of it came from text with no paragraph markup. */
  unmarked: boolean;
  row: number;
  /** A list with no paragraph before it, which could be one action per item. */
  leadingList: boolean;
}

/** The owners (or targets) of one row's cell, and whether the cell was one item split ("Governor Governor"). */
interface RowItems {
  items: string[];
  /** The cell was one block of text, split into several items by repeated names or a run of dates. */
  split: boolean;
  /** The cell had no markup and was read as one item: it may hold several run together. */
  unmarkedText?: string;
}

/** A line ending in a comma, "&", "/" or "and" goes on in the next: "GFSL, HMPPS Estates," / "MoJ Property Services.". */
function joinContinued(items: string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const previous = out.at(-1);
    if (previous !== undefined && /(?:[,&/]|\band)$/.test(previous)) out[out.length - 1] = `${previous} ${item}`;
    else out.push(item);
  }
  return out;
}

/** The owners (or targets) of a row: paragraphs and lines, or one block split as far as is safe. */
function rowItems(html: string, split: (text: string) => string[]): RowItems {
  const { items, marked } = cellItems(html);
  const joined = joinContinued(items);
  if (joined.length !== 1) return { items: joined, split: false };
  const pieces = split(joined[0]!);
  if (pieces.length > 1) return { items: pieces, split: true };
  return marked ? { items: joined, split: false } : { items: joined, split: false, unmarkedText: joined[0]! };
}

interface Response {
  building: Building[];
  owners: string[];
  targets: string[];
  /** Each row's own owners and targets, for pairing row by row. */
  rows: { owners: RowItems; targets: RowItems; where: string }[];
  /** Owner or target cells with no markup that were read as one item each. */
  unmarked: string[];
  /** Positions in `owners` and `targets` of items that are such a whole cell. */
  wholeCells: { owner: Set<number>; target: Set<number> };
}

function readResponse(rows: SourceRow[], source: SourceDocument, path: (string | number)[], flags: Flag[]): Response {
  const building: Building[] = [];
  const owners: string[] = [];
  const targets: string[] = [];
  const ownersPerRow: number[] = [];
  const targetsPerRow: number[] = [];
  const perRow: Response['rows'] = [];
  const unmarked: string[] = [];
  const wholeCells = { owner: new Set<number>(), target: new Set<number>() };
  const flag = (message: string, at: (string | number)[] = [...path, 'actions']) => flags.push({ path: at, message });

  rows.forEach((row, r) => {
    const o = rowItems(cell(row, source, 'owner'), splitRepeated);
    const t = rowItems(cell(row, source, 'target'), splitTargets);
    perRow.push({ owners: o, targets: t, where: row.where });
    owners.push(...o.items);
    targets.push(...t.items);
    ownersPerRow.push(o.items.length);
    targetsPerRow.push(t.items.length);
    if (o.unmarkedText) {
      unmarked.push(`the owner cell "${o.unmarkedText}" (${row.where})`);
      wholeCells.owner.add(owners.length - 1);
    }
    if (t.unmarkedText) {
      unmarked.push(`the target cell "${t.unmarkedText}" (${row.where})`);
      wholeCells.target.add(targets.length - 1);
    }

    readCell(cell(row, source, 'response')).forEach((block, i) => {
      const last = building.at(-1);
      const lastPart = last?.parts.at(-1);
      const afterBreak = i === 0 && r > 0 && last !== undefined;
      if (block.kind === 'paragraph') {
        if (afterBreak && lastPart?.kind === 'paragraph') {
          const decision = continuesAcrossBreak(lastPart.text, block.text);
          if (decision !== 'new') {
            if (decision === 'guess') flag(joinMessage(`action ${building.length}`, lastPart.text, block.text), [...path, 'actions', building.length - 1]);
            lastPart.text = joinAcrossBreak(lastPart.text, block.text);
            last!.unmarked &&= !block.marked;
            return;
          }
        }
        if (afterBreak && lastPart?.kind === 'list') {
          const item = lastPart.items.at(-1);
          if (item && continuesAcrossBreak(item.text, block.text) === 'join') {
            item.text = joinAcrossBreak(item.text, block.text);
            return;
          }
        }
        const item = LITERAL_ITEM.exec(block.text);
        if (item && last) {
          const marker = item[1]!;
          const number = /^\d/.test(marker) ? parseInt(marker, 10) : undefined;
          const text = item[2]!.replace(/\n/g, ' ');
          if (lastPart?.kind === 'paragraph' && /:\s*$/.test(lastPart.text)) {
            last.parts.push({ kind: 'list', ordered: number !== undefined, start: number ?? 1, items: [{ text: number === undefined && !/^[•-]$/.test(marker) ? `${marker} ${text}` : text, lists: [] }] });
            return;
          }
          if (lastPart?.kind === 'list' && (number === undefined ? !lastPart.ordered : lastPart.ordered && number === lastPart.start + lastPart.items.length)) {
            lastPart.items.push({ text: number === undefined && !/^[•-]$/.test(marker) ? `${marker} ${text}` : text, lists: [] });
            return;
          }
          flag(
            `this action starts like a list item ("${marker}") but no lead-in ending with ":" comes before it, so it was kept as an action of its own: check whether it is one, or an item of the action before`,
            [...path, 'actions', building.length],
          );
        }
        building.push({ parts: [{ ...block }], unmarked: !block.marked, row: r, leadingList: false });
        return;
      }
      if (afterBreak && lastPart?.kind === 'list' && lastPart.ordered === block.ordered) {
        lastPart.items.push(...block.items);
        return;
      }
      if (last) {
        const lead = last.parts.filter((p) => p.kind === 'paragraph').at(-1);
        if (lead && !/:\s*$/.test(lead.text)) {
          flag(`a list follows this action's text, which does not end with ":"; it was kept with this action: check that it belongs to it`, [...path, 'actions', building.length - 1]);
        }
        last.parts.push({ ...block, items: [...block.items] });
        last.unmarked = false;
        return;
      }
      building.push({ parts: [{ ...block, items: [...block.items] }], unmarked: false, row: r, leadingList: true });
    });
  });

  const runTogether = perRow.map((row) => row.owners.split || row.targets.split);
  splitUnmarked(building, Math.max(owners.length, targets.length), ownersPerRow, targetsPerRow, runTogether, (m) => flag(m));
  return { building, owners, targets, rows: perRow, unmarked, wholeCells };
}

/**
 * Splits blocks that hold several actions run together, where the owners and targets show it: a
 * block with no paragraph markup, or one paragraph in a row whose owner or target cell is itself
 * several run together ("Governor Governor", "September 2024 October 2024"), as a PDF conversion
 * leaves a row. With one such block in an entry, the count is what the rest of the entry leaves
 * over; with several (one per row, as when every row lost its markup), each row's own count is used.
 */
function splitUnmarked(building: Building[], wanted: number, ownersPerRow: number[], targetsPerRow: number[], runTogether: boolean[], flag: (message: string) => void) {
  const isBlock = (b: Building) =>
    (b.unmarked || (runTogether[b.row]! && building.filter((x) => x.row === b.row).length === 1)) && b.parts.length === 1 && b.parts[0]!.kind === 'paragraph';
  const blocks = building.filter(isBlock);
  const slotsFor = (b: Building) =>
    blocks.length === 1
      ? wanted - (building.length - 1)
      : building.filter((x) => x.row === b.row).length === 1
        ? Math.max(ownersPerRow[b.row]!, targetsPerRow[b.row]!)
        : 1;
  for (const block of blocks) {
    const slots = slotsFor(block);
    if (slots <= 1) continue;
    const text = (block.parts[0] as { text: string }).text.replace(/\n/g, ' ');
    const groups = groupSentences(sentences(text), slots);
    const at = building.indexOf(block);
    building.splice(
      at,
      1,
      ...groups.map((g) => ({ parts: [{ kind: 'paragraph' as const, text: g.join(' '), marked: false }], unmarked: true, row: block.row, leadingList: false })),
    );
    const numbers = groups.length === 1 ? `action ${at + 1}` : `actions ${at + 1}–${at + groups.length}`;
    flag(
      `the source gives ${numbers} as one block of text${block.unmarked ? ' with no paragraph markup' : ', with its owners or target dates run together on one line'}; it was split at sentence boundaries into ${groups.length} to match the ${slots} owners/target dates` +
        `${groups.length < slots ? ` (it has only ${groups.length} sentences)` : ''}: check where each action begins and ends`,
    );
  }
  // A list with no lead-in whose items match the owners one for one: each item is an action.
  const [only] = building;
  if (building.length === 1 && only!.leadingList && only!.parts.length === 1) {
    const list = only!.parts[0] as List;
    if (list.items.length > 1 && list.items.length === wanted) {
      building.splice(0, 1, ...list.items.map((item) => ({ parts: [{ ...list, items: [item] }] as Part[], unmarked: false, row: only!.row, leadingList: false })));
      flag(`the actions are list items with no paragraph before them; each of the ${wanted} items was taken as an action of its own, one per owner: check this`);
    }
  }
}

/** A target kept as written whose month the site cannot read is flagged on its action, for the editor to give `targetMonth`. */
function flagUnreadableTargets(actions: DraftAction[], path: (string | number)[], flags: Flag[]): DraftAction[] {
  actions.forEach((action, j) => {
    if (unreadableTarget(action.target)) flags.push({ path: [...path, 'actions', j, 'target'], message: unreadableTargetMessage(action.target!) });
  });
  return actions;
}

/**
 * Pairs actions with owners and targets table row by table row, never across a concern: a row's
 * owners belong to the actions that row starts, with the rows below that start none (a merged
 * response cell beside one owner per row). Where a row's cell has as many items as the row has
 * actions they pair one for one. Fewer: they pair in order and each action left over is flagged.
 * More: the cell is kept as written, as one value, on each of the row's actions, and flagged there.
 */
function pairByRow(texts: string[], response: Response, path: (string | number)[], flags: Flag[]): DraftAction[] {
  const actions: DraftAction[] = texts.map((text) => ({ text, owner: null, target: null }));
  // The rows each action starts in, and the groups of rows that share actions.
  const startRows = response.building.map((b) => b.row);
  const groups: { actions: number[]; rows: number[] }[] = [];
  response.rows.forEach((_, r) => {
    const starting = startRows.flatMap((row, j) => (row === r ? [j] : []));
    if (starting.length > 0 || groups.length === 0) groups.push({ actions: starting, rows: [r] });
    else groups.at(-1)!.rows.push(r);
  });
  for (const group of groups) {
    for (const field of ['owner', 'target'] as const) {
      const cells = group.rows.map((r) => (field === 'owner' ? response.rows[r]!.owners : response.rows[r]!.targets));
      const items = cells.flatMap((c) => c.items);
      const where = group.rows.map((r) => response.rows[r]!.where);
      const place = where.length === 1 ? `table row (${where[0]})` : `table rows (${where[0]} to ${where.at(-1)})`;
      const n = group.actions.length;
      const noun = (k: number) => `${k} ${field}${k === 1 ? '' : 's'}`;
      const has = (k: number) => `the ${place}: ${n} action${n === 1 ? '' : 's'} but ${noun(k)}`;
      if (n === 0) {
        if (items.length > 0) {
          flags.push({ path: [...path, 'actions'], message: `${has(items.length)} (${items.map((i) => `"${i}"`).join(', ')}): check the source for the action they belong to` });
        }
        continue;
      }
      if (items.length === n) {
        group.actions.forEach((j, k) => (actions[j]![field] = items[k]!));
      } else if (items.length < n) {
        const unmarked = cells.find((c) => c.unmarkedText !== undefined);
        group.actions.forEach((j, k) => {
          if (k < items.length) {
            actions[j]![field] = items[k]!;
            if (unmarked && k === items.length - 1) {
              flags.push({
                path: [...path, 'actions', j, field],
                message: `this ${field} is the whole of a cell with no markup ("${items[k]}") in the ${place}, which has ${n} actions: it may name the ${field}s of several actions run together; check the source`,
              });
            }
            return;
          }
          flags.push({
            path: [...path, 'actions', j, field],
            message: `${has(items.length)}; paired in order, this action has none: check the source, and if it names this action's ${field} (or another action is the one without), move the ${field}s to match`,
          });
        });
      } else {
        const whole = items.join(' ');
        for (const j of group.actions) {
          actions[j]![field] = whole;
          flags.push({
            path: [...path, 'actions', j, field],
            message: `${has(items.length)} (${items.map((i) => `"${i}"`).join(', ')}), so the cell was kept as written, as one value: check whether they are joint ${field}s or belong to different actions`,
          });
        }
      }
    }
  }
  return actions;
}

/** Pairs actions with owners and targets by position, and says where the counts differ. */
function pair(texts: string[], response: Response, path: (string | number)[], flags: Flag[]): DraftAction[] {
  const { owners, targets, unmarked } = response;
  const actions = texts.map((text, j) => ({ text, owner: owners[j] ?? null, target: targets[j] ?? null }));
  const hint = unmarked.length ? ` (${unmarked.join(' and ')} had no markup and was read as one item)` : '';
  for (const [list, what] of [
    [owners, 'owner'],
    [targets, 'target'],
  ] as const) {
    const field = what === 'owner' ? 'owner' : 'target';
    if (list.length < texts.length) {
      // A whole cell with no markup, used as one item while items are missing, may be several run together.
      for (const j of response.wholeCells[field]) {
        if (j < texts.length) {
          flags.push({
            path: [...path, 'actions', j, field],
            message: `this ${what} is the whole of a cell with no markup ("${list[j]}") while the source lists more actions than ${what}s: it may name the ${what}s of several actions run together; check the source`,
          });
        }
      }
      for (let j = list.length; j < texts.length; j++) {
        flags.push({
          path: [...path, 'actions', j, field],
          message: `the source lists ${texts.length} actions but ${list.length} ${what}${list.length === 1 ? '' : 's'}${hint}; paired by position, this action has no ${what}: check the source, and leave null if it gives none`,
        });
      }
    } else if (list.length > texts.length && texts.length > 0) {
      const left = list.slice(texts.length);
      const extra = left.map((s) => `"${s}"`).join(', ');
      flags.push({
        path: [...path, 'actions'],
        message: `the source lists ${list.length} ${what}s but only ${texts.length} action${texts.length === 1 ? '' : 's'}; paired by position, ${left.length === 1 ? `the last ${what} (${extra}) belongs` : `the last ${left.length} ${what}s (${extra}) belong`} to no action here: check the source`,
      });
    }
  }
  return actions;
}

// ---------------------------------------------------------------------------------------------------
// The two formats
// ---------------------------------------------------------------------------------------------------

function buildConcern(entry: Entry, i: number, source: SourceDocument, flags: Flag[]): DraftConcern {
  const path = ['concerns', i];
  const number = entry.number ?? i + 1;
  const parts = assembleText(
    entry.rows.map((r) => readCell(cell(r, source, 'concern'))),
    `concern ${number}`,
    (message) => flags.push({ path: [...path, 'text'], message }),
  );
  const category = entry.category === 'priority' || entry.category === 'key' ? entry.category : null;
  if (!category) flags.push({ path: [...path, 'category'], message: 'no "Priority concerns" or "Key concerns" heading comes before this concern: write priority or key' });
  const text = markdown(parts);
  if (!text) flags.push({ path: [...path, 'text'], message: 'the concern cell is empty: copy the concern from the source' });
  const response = readResponse(entry.rows, source, path, flags);
  const texts = response.building.map((b) => markdown(b.parts));
  if (texts.length === 0) flags.push({ path: [...path, 'actions'], message: 'no actions were found for this concern: copy them from the source' });
  const actions = pairByRow(texts, response, path, flags);
  flagUnreadableTargets(actions, path, flags);
  return { number, category, text: text || null, actions };
}

const DECISIONS: [RegExp, Decision][] = [
  [/^partly|^partially/i, 'partly-agreed'],
  [/^not\b|^disagreed/i, 'not-agreed'],
  [/^agreed/i, 'agreed'],
];
const DECISION_ONLY = /^(?:partly agreed|partially agreed|not agreed|agreed)\.?$/i;
const DECISION_AT_END = /\s+(partly agreed|partially agreed|not agreed|agreed)\.?$/i;

function parseDecision(text: string): Decision | undefined {
  const clean = text.trim();
  if (!clean || clean.split(' ').length > 4) return undefined;
  return DECISIONS.find(([p]) => p.test(clean))?.[1];
}

function buildRecommendation(entry: Entry, i: number, source: SourceDocument, flags: Flag[]): DraftRecommendation {
  const path = ['concerns', i];
  const number = i + 1;
  const flag = (field: string, message: string) => flags.push({ path: [...path, field], message });
  const parts = assembleText(
    entry.rows.map((r) => readCell(cell(r, source, 'recommendation'))),
    `recommendation ${number}`,
    (message) => flag('text', message),
  );

  // The decision: its own column, or (in plans without one) the words at the end of the recommendation.
  let decisionText = entry.rows.map((r) => cellText(cell(r, source, 'decision'))).filter(Boolean).join(' ');
  const lastParagraph = [...parts].reverse().find((p) => p.kind === 'paragraph');
  if (!decisionText && source.columns.index.decision === undefined && lastParagraph) {
    const m = DECISION_AT_END.exec(lastParagraph.text);
    if (m) {
      decisionText = m[1]!;
      lastParagraph.text = lastParagraph.text.slice(0, m.index);
    }
  }
  let reference = entry.reference;
  if (lastParagraph && reference === undefined) {
    const m = REFERENCE.exec(lastParagraph.text);
    if (m) {
      reference = m[1]!.replace(/\s/g, '');
      lastParagraph.text = lastParagraph.text.slice(0, m.index);
    }
  }
  const text = markdown(parts.filter((p) => p.kind === 'list' || p.text !== ''));
  if (!text) flag('text', 'the recommendation cell is empty: copy the recommendation from the source');
  if (entry.category === undefined) {
    flag('category', 'no section heading (such as "Main recommendations" or "Safety") comes before this recommendation: write the grouping the report puts it under');
  }

  const before = flags.length;
  const response = readResponse(entry.rows, source, path, flags);
  // Flags on single actions, by their place among all the response's paragraphs: moved below
  // when some paragraphs turn out to be the decision or its explanation rather than actions.
  const actionFlags = flags.slice(before).filter((f) => f.path[2] === 'actions' && typeof f.path[3] === 'number');
  const moveActionFlags = (to: (j: number) => (string | number)[]) => {
    for (const f of actionFlags) {
      if (f.path[2] === 'actions' && typeof f.path[3] === 'number') f.path = [...path, ...to(f.path[3]), ...f.path.slice(4)];
    }
  };
  let texts = response.building.map((b) => markdown(b.parts));
  const decisionFromText = !decisionText && texts.length > 0 && DECISION_ONLY.test(texts[0]!);
  if (decisionFromText) {
    decisionText = texts.shift()!;
    moveActionFlags((j) => (j === 0 ? ['response'] : ['actions', j - 1]));
  }
  const decision = parseDecision(decisionText) ?? null;
  if (!decision) {
    flag(
      'response',
      decisionText
        ? `the response "${decisionText}" is not Agreed, Partly Agreed or Not Agreed: write decision as agreed, partly-agreed or not-agreed`
        : 'the source gives no decision (Agreed, Partly Agreed or Not Agreed) for this recommendation: write it from the source',
    );
  }

  // Older plans answer in prose; owners and targets say how much of it is actions.
  const wanted = Math.max(response.owners.length, response.targets.length);
  let explanation: string[] = [];
  if (wanted === 0) {
    explanation = texts;
    texts = [];
    moveActionFlags(() => ['response', 'text']);
  } else if (wanted === 1 && texts.length > 1) {
    flags.push({
      path: [...path, 'actions', 0],
      message: `the response has ${texts.length} paragraphs but one owner and target date, so it was kept as one action: split it if the paragraphs are separate actions, or move an explanation to response.text`,
    });
    texts = [texts.join('\n\n')];
    moveActionFlags(() => ['actions', 0]);
  } else if (texts.length > wanted && decision !== 'agreed' && decision !== null) {
    explanation = texts.slice(0, texts.length - wanted);
    texts = texts.slice(texts.length - wanted);
    const shift = explanation.length;
    moveActionFlags((j) => (j < shift ? ['response', 'text'] : ['actions', j - shift]));
    flags.push({
      path: [...path, 'response', 'text'],
      message: `the response has ${explanation.length + texts.length} paragraphs but ${wanted} owners: ${explanation.length === 1 ? 'the first paragraph was' : `the first ${explanation.length} paragraphs were`} taken as the explanation of the decision, the rest as actions: check this`,
    });
  }
  const responseText = explanation.join('\n\n');
  return {
    number,
    category: entry.category ?? null,
    ...(reference ? { reference } : {}),
    text: text || null,
    response: { decision, ...(responseText ? { text: responseText } : {}) },
    // Row by row where every paragraph is still the action it was read as; where some became the
    // decision or its explanation, or were merged, the rows no longer say which action is whose.
    actions: flagUnreadableTargets(
      texts.length === 0 ? [] : texts.length === response.building.length && !decisionFromText ? pairByRow(texts, response, path, flags) : pair(texts, response, path, flags),
      path,
      flags,
    ),
  };
}
