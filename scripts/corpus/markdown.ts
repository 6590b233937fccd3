// Markdown tables for the corpus reports: cells escaped so file names and values stay in one cell.

export function markdownTable(head: string[], rows: Array<Array<string | number>>): string {
  const cell = (v: string | number): string => String(v).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
  const line = (cells: Array<string | number>): string => `| ${cells.map(cell).join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

export function percent(n: number, of: number): string {
  return of === 0 ? "–" : `${((100 * n) / of).toFixed(1)}%`;
}
