/**
 * RFC 4180 CSV: fields are quoted only where they must be, quotes are doubled, and records end
 * with CRLF. Kept here rather than in a dependency because the rules fit in a few lines.
 */
export function csvField(value: string | number | null | undefined): string {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type Row = readonly (string | number | null | undefined)[];

/** Records without a header: for a file written in parts, such as one plan's rows at a time. */
export function csvRecords(rows: readonly Row[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

export function toCsv(header: readonly string[], rows: readonly Row[]): string {
  return csvRecords([header, ...rows]);
}
