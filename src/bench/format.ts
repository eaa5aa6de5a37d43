/** Small pure helpers the benchmarks share: statistics, units and plain-text tables. */

export const median = (xs: number[]): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Bytes in kB (1,000 bytes), one decimal: "12.3 kB". */
export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
/** Bytes in MB (1,000,000 bytes), one decimal: "9.1 MB". */
export const MB = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;
export const ms = (n: number): string => `${Math.round(n)} ms`;
export const seconds = (n: number): string => `${n.toFixed(1)} s`;
export const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(1)}×` : '–');
/** A whole number with thousands separators: "34,844". */
export const count = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** The cost of each plan between two sizes: (b − a) / (plans b − plans a), in the unit of the values. */
export function marginal(a: { plans: number; value: number }, b: { plans: number; value: number }): number {
  if (b.plans === a.plans) return NaN;
  return (b.value - a.value) / (b.plans - a.plans);
}

/**
 * A plain-text table: the first column left-aligned, the others right-aligned, a rule under the
 * headings. Cells may be strings or numbers; a missing cell is blank.
 */
export function table(headings: string[], rows: (string | number)[][]): string {
  const cells = [headings, ...rows.map((r) => r.map(String))];
  const widths = headings.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    widths
      .map((w, i) => (i === 0 ? (r[i] ?? '').padEnd(w) : (r[i] ?? '').padStart(w)))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/**
 * The same table as Markdown, for the README. Pipes in cells are escaped; a first cell indented
 * by two spaces a level (a part of the row above) starts with a dash a level instead, as Markdown
 * drops leading spaces.
 */
export function markdownTable(headings: string[], rows: (string | number)[][]): string {
  const cell = (c: string | number | undefined) =>
    String(c ?? '')
      .replace(/\|/g, '\\|')
      .replace(/^((?: {2})+)/, (indent) => '– '.repeat(indent.length / 2));
  const line = (r: (string | number)[]) => `| ${headings.map((_, i) => cell(r[i])).join(' | ')} |`;
  return [line(headings), `| ${headings.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** A command-line option that must be a whole number of at least `min`; otherwise says so with the usage and exits with 2. */
export function wholeOption(name: string, value: string, min: number, usage: string): number {
  if (!/^\d+$/.test(value) || Number(value) < min) {
    console.error(`--${name} must be a whole number of ${min} or more, not "${value}".\n${usage}`);
    process.exit(2);
  }
  return Number(value);
}
