/** Tallies of a batch, for the closing line on stderr. */
export interface BatchStats {
  ok: number;
  failed: number;
  skipped: number;
  pages: number;
  failedByCode: Map<string, number>;
}

export function createStats(): BatchStats {
  return { ok: 0, failed: 0, skipped: 0, pages: 0, failedByCode: new Map() };
}

export function countFailure(stats: BatchStats, code: string): void {
  stats.failed++;
  stats.failedByCode.set(code, (stats.failedByCode.get(code) ?? 0) + 1);
}

/** "vanban: 120 ok, 2 failed (corrupt 1, timeout 1), 5 skipped, 3400 pages, 12.3 s". */
export function formatSummary(stats: BatchStats, seconds: number): string {
  const parts = [`${stats.ok} ok`];
  const codes = [...stats.failedByCode.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  parts.push(stats.failed > 0 ? `${stats.failed} failed (${codes.map(([c, n]) => `${c} ${n}`).join(", ")})` : "0 failed");
  if (stats.skipped > 0) parts.push(`${stats.skipped} skipped (up to date)`);
  parts.push(`${stats.pages} pages`, `${seconds.toFixed(1)} s`);
  return `vanban: ${parts.join(", ")}`;
}
