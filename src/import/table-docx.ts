/**
 * A plan written in Word: mammoth turns the .docx into HTML, and the table is read from that. The
 * paragraphs before the table are the cover and introduction. A plan may be one table or several
 * (one per page or section, each with the same header row); their rows are read as one table.
 * Merged cells are spread back over the rows and columns they cover, empty beyond the first, which
 * is how a merged "Rec No" reads in the text layout too: a row that continues the one above.
 */
import mammoth from 'mammoth';
import { ImportError } from './errors.ts';
import { normalise, parseHtml, serialize, textOf, type HtmlElement, type HtmlNode } from './html.ts';
import { describeRow, EXPECTED_COLUMNS, matchHeader, wrongColumns, type Columns, type CoverLine, type SourceDocument, type SourceRow } from './source.ts';

export async function docxToHtml(buffer: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(buffer) });
    return result.value;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
    throw new ImportError(`cannot read the Word document, it may be damaged or cut short (${reason})`);
  }
}

export async function readDocx(buffer: Uint8Array): Promise<SourceDocument> {
  return readDocxHtml(await docxToHtml(buffer));
}

const elements = (nodes: HtmlNode[], name?: string) =>
  nodes.filter((n): n is HtmlElement => typeof n !== 'string' && (name === undefined || n.name === name));

/** The rows of a table as HTML cells, merged cells spread over the grid they cover. */
function tableRows(table: HtmlElement): string[][] {
  // mammoth writes <tr> straight under <table>, or under <thead>/<tbody> when a header row repeats.
  const trs = elements(table.children).flatMap((child) => (child.name === 'tr' ? [child] : elements(child.children, 'tr')));
  const spanning = new Map<number, number>();
  return trs.map((tr) => {
    const row: string[] = [];
    const fillSpanned = () => {
      while ((spanning.get(row.length) ?? 0) > 0) {
        spanning.set(row.length, spanning.get(row.length)! - 1);
        row.push('');
      }
    };
    for (const cell of elements(tr.children).filter((c) => c.name === 'td' || c.name === 'th')) {
      fillSpanned();
      const colspan = Math.max(1, Number(cell.attributes.colspan) || 1);
      const rowspan = Math.max(1, Number(cell.attributes.rowspan) || 1);
      for (let k = 0; k < colspan; k++) {
        if (rowspan > 1) spanning.set(row.length, rowspan - 1);
        row.push(k === 0 ? serialize(cell.children) : '');
      }
    }
    // Cells merged down from the row above at the end of this row, after its last cell of its own.
    const lastSpanned = Math.max(-1, ...[...spanning].filter(([, left]) => left > 0).map(([column]) => column));
    for (let column = row.length; column <= lastSpanned; column++) {
      const left = spanning.get(column) ?? 0;
      if (left > 0) spanning.set(column, left - 1);
      row.push('');
    }
    return row;
  });
}

export function readDocxHtml(html: string): SourceDocument {
  const root = parseHtml(html);
  const cover: CoverLine[] = [];
  const rows: SourceRow[] = [];
  const notImported: SourceDocument['notImported'] = [];
  let columns: Columns | undefined;
  let headerKey = '';
  let firstTable: string[] | undefined;
  let tableNumber = 0;
  let rowNumber = 0;

  for (const node of root.children) {
    if (typeof node === 'string') {
      const text = normalise(node);
      if (text && columns) notImported.push({ where: 'after the table', text });
      else if (text) cover.push({ text }, { text: '' });
      continue;
    }
    if (node.name === 'table') {
      tableNumber++;
      const table = tableRows(node);
      const [head, ...body] = table;
      if (!head) continue;
      firstTable ??= head;
      const matched = matchHeader(head);
      const key = head.map((c) => normalise(textOf(parseHtml(c)))).join('|');
      if (matched && (!columns || (key === headerKey && matched.count === columns.count))) {
        columns ??= matched;
        headerKey = key;
        rowNumber++;
        for (const cells of body) {
          rowNumber++;
          if (cells.map((c) => normalise(textOf(parseHtml(c)))).join('|') === headerKey) continue;
          rows.push(fit(cells, columns.count, `table row ${rowNumber}`));
        }
      } else if (columns) {
        notImported.push({ where: `table ${tableNumber}`, text: `a table after the plan's table, first row "${describeRow(head)}"` });
      } else {
        for (const cells of table) cover.push({ text: cells.map((c) => normalise(textOf(parseHtml(c)))).filter(Boolean).join(' | '), table: true });
        cover.push({ text: '' });
      }
      continue;
    }
    const lines =
      node.name === 'ul' || node.name === 'ol' ? elements(node.children, 'li').map((li) => normalise(textOf(li))) : [normalise(textOf(node))];
    for (const text of lines.filter(Boolean)) {
      if (columns) notImported.push({ where: 'after the table', text });
      else cover.push({ text }, { text: '' });
    }
  }

  if (!columns) {
    if (firstTable) {
      throw new ImportError(wrongColumns(firstTable));
    }
    throw new ImportError(`the Word document has no table: an action plan is a table with the columns ${EXPECTED_COLUMNS}`);
  }
  if (rows.length === 0) throw new ImportError('the action plan table has its column headings but no rows');
  return { cover, columns, rows, notImported };
}

function fit(cells: string[], count: number, where: string): SourceRow {
  if (cells.length === count) return { cells, where };
  if (cells.length < count) return { cells: [...cells, ...Array<string>(count - cells.length).fill('')], where, problem: `this row (${where}) has only ${cells.length} of the table's ${count} columns: check it against the source` };
  return { cells: cells.slice(0, count), where, problem: `this row (${where}) has ${cells.length} cells for ${count} columns: the cells after column ${count} were not imported` };
}
