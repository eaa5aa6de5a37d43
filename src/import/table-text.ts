/**
 * The text layout of a published plan (as in tests/fixtures/source/): the cover and introduction as lines,
 * then the table, one row per line with its columns separated by tabs and HTML fragments in the
 * cells. Blank lines are page breaks. Some rows lose their leading empty cells in extraction, so a
 * short row is aligned to the right (the target date is always the last cell), unless it starts
 * with a Rec No, when it is a row cut short and is read from the left and flagged.
 */
import { ImportError } from './errors.ts';
import { EXPECTED_COLUMNS, matchHeader, wrongColumns, type CoverLine, type SourceDocument, type SourceRow } from './source.ts';
import { cellText } from './cells.ts';
import { normalise } from './html.ts';

export function readTextLayout(text: string): SourceDocument {
  const lines = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines.every((line) => line.trim() === '')) throw new ImportError('the file is empty');

  const headerAt = lines.findIndex((line) => line.includes('\t') && matchHeader(line.split('\t')) !== undefined);
  if (headerAt === -1) {
    const firstRow = lines.find((line) => line.split('\t').filter((c) => c.trim() !== '').length >= 2);
    if (firstRow !== undefined) {
      throw new ImportError(wrongColumns(firstRow.split('\t')));
    }
    throw new ImportError(`no action plan table found: no line holds the column headings separated by tabs; expected ${EXPECTED_COLUMNS}`);
  }
  const header = lines[headerAt]!.split('\t');
  const columns = matchHeader(header)!;
  const headerKey = normalise(lines[headerAt]!);

  const cover: CoverLine[] = lines.slice(0, headerAt).map((line) =>
    line.includes('\t') ? { text: line.split('\t').map(normalise).filter(Boolean).join(' | '), table: true } : { text: normalise(line) },
  );

  const rows: SourceRow[] = [];
  const notImported: SourceDocument['notImported'] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const where = `line ${i + 1}`;
    if (line.trim() === '') continue;
    if (!line.includes('\t')) {
      notImported.push({ where, text: normalise(line) });
      continue;
    }
    // A table that repeats its header on every page.
    if (normalise(line) === headerKey) continue;
    rows.push(align(line.split('\t'), columns.count, columns.index.number === 0, where));
  }
  // A file cut short stops mid-line; a short last row with its line break is one that lost its
  // leading empty cells, as any row can.
  const last = rows.at(-1);
  const lastLine = lines.length - 1;
  if (last && !last.problem && lines[lastLine] !== '' && lines[lastLine]!.split('\t').length < columns.count && `line ${lastLine + 1}` === last.where) {
    last.problem = `the last row (${last.where}) has only ${lines[lastLine]!.split('\t').length} of the table's ${columns.count} columns: the file may be cut short; check it against the source`;
  }
  if (rows.length === 0) throw new ImportError('the action plan table has its column headings but no rows: the file may be cut short');
  return { cover, columns, rows, notImported };
}

function align(cells: string[], count: number, numberFirst: boolean, where: string): SourceRow {
  if (cells.length === count) return { cells, where };
  if (cells.length < count) {
    if (numberFirst && /^\s*\d+\.?\s*$/.test(cells[0]!)) {
      return {
        cells: [...cells, ...Array<string>(count - cells.length).fill('')],
        where,
        problem: `this row (${where}) has only ${cells.length} of the table's ${count} columns and starts with a Rec No, so it may be cut short: check it against the source`,
      };
    }
    const aligned = [...Array<string>(count - cells.length).fill(''), ...cells];
    // Right-aligned, the last cell is taken as the target date: if it reads like prose, the row was
    // more likely cut short than missing its first cells.
    const target = cellText(cells.at(-1)!);
    if (target.length > 60 || /[.!?]\s+[A-Z]/.test(target)) {
      return { cells: aligned, where, problem: `this row (${where}) has only ${cells.length} of the table's ${count} columns, and its last cell ("${target.slice(0, 40)}...") does not read like a target date: the row may be cut short; check it against the source` };
    }
    return { cells: aligned, where };
  }
  // More tabs than columns: a tab inside a cell. The last columns are the surest (owner, target).
  const extra = cells.length - count;
  return {
    cells: [cells.slice(0, extra + 1).join(' '), ...cells.slice(extra + 1)],
    where,
    problem: `this row (${where}) has ${cells.length} cells for ${count} columns: its first ${extra + 1} cells were read as one; check this row against the source`,
  };
}
