// Prints figures as a plain-text table: a title, a header row, aligned
// columns (numbers right-aligned), readable in a terminal and pasteable into Markdown.

export type Cell = string | number;

function isNumeric(cell: string): boolean {
  return /^[-+]?[\d.,]+( ?(ms|s|MiB|x|%))?$/.test(cell);
}

export function renderTable(title: string, header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((row) => row.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[], alignNumbers: boolean): string =>
    '| ' +
    widths
      .map((w, i) => {
        const cell = cells[i] ?? '';
        return alignNumbers && isNumeric(cell) ? cell.padStart(w) : cell.padEnd(w);
      })
      .join(' | ') +
    ' |';
  const rule = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|';
  return [`\n${title}\n`, line(header, false), rule, ...text.map((r) => line(r, true))].join('\n') + '\n';
}

export function printTable(title: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
  process.stdout.write(renderTable(title, header, rows));
}
