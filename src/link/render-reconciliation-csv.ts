/** reconciliation.csv: one line per target and matched result (one line with no_data when none matched). */
import { formatCsvRow } from "./csv-row.js";
import type { Reconciliation } from "./reconciliation-schema.js";

const HEADER = [
  "plan", "plan_source", "target", "indicator", "comparator", "target_value", "target_unit", "target_start", "target_end",
  "report", "report_source", "report_date", "via", "result", "result_indicator", "result_value", "result_unit",
  "similarity", "status", "result_start", "result_end",
];

export function renderReconciliationCsv(rec: Reconciliation): string {
  const lines = [formatCsvRow(HEADER)];
  for (const t of rec.targets) {
    const head = [t.plan, t.planSource, t.target, t.indicator, t.comparator, t.value, t.unit, t.span.start, t.span.end];
    if (t.matches.length === 0) {
      lines.push(formatCsvRow([...head, null, null, null, null, null, null, null, null, null, "no_data", null, null]));
      continue;
    }
    for (const m of t.matches) {
      lines.push(formatCsvRow([...head, m.report, m.reportSource, m.reportDate, m.via, m.result, m.indicator, m.value, m.unit, m.similarity, m.status, m.span.start, m.span.end]));
    }
  }
  return `${lines.join("\n")}\n`;
}
