/**
 * Plan-versus-report reconciliation on small synthetic records: the fixture corpus holds no
 * plan–report pair with comparable targets and results (its plans are drafts without chỉ tiêu
 * the reports answer), so three pairs are built in synthetic-plans.ts and checked by hand here.
 */
import { describe, expect, it } from "vitest";
import { linkCorpus } from "../../src/link/index.js";
import { plan, plan2, report1, report2, report3 } from "./synthetic-plans.js";

describe("plan-versus-report reconciliation", () => {
  const { reconciliation, edges } = linkCorpus([plan, report1, report2, plan2, report3]);
  const row = (planId: string, t: number) => {
    const found = reconciliation.targets.find((x) => x.plan === planId && x.target === t);
    if (!found) throw new Error(`no row for ${planId} #${t}`);
    return found;
  };

  it("finds the reports by citation and by shared issuer, period and indicators", () => {
    expect(edges.map((e) => [e.from, e.to, e.kind])).toEqual([
      ["450/BC-UBND@2025", "213/KH-UBND@2025", "reports_or_answers"],
      ["12/BC-UBND@2025", "77/KH-UBND@2024", "reports_or_answers"],
    ]);
    expect(reconciliation.pairs).toEqual(
      expect.arrayContaining([
        { plan: "213/KH-UBND@2025", report: "450/BC-UBND@2025", via: "citation" },
        { plan: "213/KH-UBND@2025", report: "900/BC-UBND@2025", via: "shared_indicators" },
        { plan: "77/KH-UBND@2024", report: "12/BC-UBND@2025", via: "citation" },
      ]),
    );
  });

  it("pair 1 and 2: the latest report decides; each match carries spans in both documents", () => {
    const online = row("213/KH-UBND@2025", 0);
    expect(online.matches.map((m) => [m.report, m.value, m.status])).toEqual([
      ["900/BC-UBND@2025", 78, "not_met"],
      ["450/BC-UBND@2025", 85, "exceeded"],
    ]);
    expect(online.status).toBe("not_met");
    expect(plan.text.slice(online.span.start, online.span.end)).toBe(online.indicator);
    expect(report2.text.slice(online.matches[0].span.start, online.matches[0].span.end)).toBe(online.matches[0].indicator);
    expect(row("213/KH-UBND@2025", 1).status).toBe("not_met"); // 65% against 70%
    expect(row("213/KH-UBND@2025", 2).status).toBe("met"); // 20 xã against at least 20
  });

  it("pair 3: a ceiling is met below it; a result in an incompatible unit is no data", () => {
    expect(row("77/KH-UBND@2024", 0).status).toBe("met"); // 1.8% under 2%
    const housing = row("77/KH-UBND@2024", 1);
    expect(housing.matches).toEqual([]); // tỷ đồng does not answer căn
    expect(housing.status).toBe("no_data");
  });

  it("never pairs a report with a plan of another issuer or period without a citation", () => {
    expect(reconciliation.pairs.find((p) => p.plan === "77/KH-UBND@2024" && p.report === "900/BC-UBND@2025")).toBeUndefined();
  });
});
