/** One CSV line (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled. */
export function formatCsvRow(fields: ReadonlyArray<string | number | boolean | null>): string {
  return fields
    .map((f) => {
      const s = f === null ? "" : String(f);
      return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
    })
    .join(",");
}
