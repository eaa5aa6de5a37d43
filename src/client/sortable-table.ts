/**
 * Makes tables marked data-module="app-sortable-table" sortable, as the MOJ sortable table
 * pattern does: each column header becomes a button, aria-sort says the current order, and a
 * polite status says what changed. The table works without it, in its built order.
 */
import { nextDirection, sortBy } from '../lib/sort.ts';

function cellValue(row: HTMLTableRowElement, column: number): string {
  const cell = row.cells[column];
  return cell?.dataset.sortValue ?? cell?.textContent?.trim() ?? '';
}

function enhance(table: HTMLTableElement) {
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
  const body = table.tBodies[0];
  if (!body) return;
  const status = document.createElement('div');
  status.className = 'govuk-visually-hidden';
  status.setAttribute('role', 'status');
  table.after(status);

  headers.forEach((header, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'app-sort-button';
    button.textContent = header.textContent?.trim() ?? '';
    header.replaceChildren(button);
    button.addEventListener('click', () => {
      const rows = [...body.rows];
      const numeric = rows.every((r) => !Number.isNaN(Number(cellValue(r, column))));
      const direction = nextDirection(header.getAttribute('aria-sort'), numeric);
      for (const other of headers) other.setAttribute('aria-sort', 'none');
      header.setAttribute('aria-sort', direction);
      body.append(...sortBy(rows, (r) => cellValue(r, column), direction));
      status.textContent = `${table.caption?.textContent?.trim() ?? 'Table'} sorted by ${button.textContent}: ${direction}.`;
    });
  });
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-module="app-sortable-table"]')) enhance(table);
