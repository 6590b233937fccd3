/** Identity keys of citations and records, and relation kinds read from the words around a citation. */
import { describe, expect, it } from "vitest";
import { classifyRelation } from "../../src/link/classify-relation.js";
import { keySymbol, type LinkableRecord } from "../../src/link/index.js";
import type { Citation } from "../../src/schema/citation.js";

describe("identity keys", () => {
  it("reads the three symbol forms and keys the yearly-numbered ones by year", () => {
    expect(keySymbol("91/2017/NĐ-CP", null)?.id).toBe("91/2017/NĐ-CP");
    expect(keySymbol("34-CT/TW", 2024)).toMatchObject({ id: "34-CT/TW@2024", form: "party", bucket: "34-CT/TW" });
    expect(keySymbol("2973/KH-UBND", 2025)).toMatchObject({ id: "2973/KH-UBND@2025", form: "administrative" });
  });

  it("treats leading zeros, case, spaces and escaped ampersands as the same symbol", () => {
    expect(keySymbol("05/TTr-SNV", 2026)?.id).toBe(keySymbol("5/TTR-SNV", 2026)?.id);
    expect(keySymbol("2775/SNV-CCHC&amp;VTLT", 2025)?.id).toBe("2775/SNV-CCHC&VTLT@2025");
    expect(keySymbol("2442 /KH-UBND", null)?.id).toBe("2442/KH-UBND");
  });
});

describe("relation kinds", () => {
  const kindOf = (text: string, raw: string, extra: Partial<{ code: string; legalBasis: boolean }> = {}) => {
    const start = text.indexOf(raw);
    const citation = {
      raw, span: { start, end: start + raw.length }, sectionId: null, footnote: null, type: "Quyết định",
      typeCorrection: null, number: "12", symbol: "12/2020/QĐ-UBND", year: 2020, date: null, issuer: null,
      issuerTerm: null, title: null, pinpoints: [], self: false, legalBasis: extra.legalBasis ?? false, inferred: [],
    } satisfies Citation;
    const record = { text, type: { code: extra.code ?? "QĐ", name: null }, citations: [citation] } as unknown as LinkableRecord;
    return classifyRelation(record, citation, [citation.span]).kind;
  };
  const Q = "Quyết định số 12/2020/QĐ-UBND";

  it("reads the cue nearest the citation, and cues printed after it", () => {
    expect(kindOf(`Căn cứ ${Q} của UBND tỉnh;`, Q, { legalBasis: true })).toBe("legal_basis");
    expect(kindOf(`Quyết định này thay thế ${Q}.`, Q)).toBe("replaces");
    expect(kindOf(`Bãi bỏ ${Q}.`, Q)).toBe("repeals");
    expect(kindOf(`${Q} hết hiệu lực kể từ ngày Quyết định này có hiệu lực.`, Q)).toBe("repeals");
    expect(kindOf(`Sửa đổi, bổ sung một số điều của ${Q}.`, Q)).toBe("amends");
    expect(kindOf(`UBND tỉnh nhận được ${Q}. Về việc này, UBND tỉnh trả lời như sau`, Q)).toBe("reports_or_answers");
    expect(kindOf(`Triển khai ${Q}, các sở đã`, Q)).toBe("implements");
    expect(kindOf(`Báo cáo kết quả thực hiện ${Q}.`, Q)).toBe("reports_or_answers");
  });

  it("tells the document's own attachment line from a form attached to the cited one", () => {
    expect(kindOf(`QUY CHẾ\n(Ban hành kèm theo ${Q})`, Q)).toBe("attached_to");
    expect(kindOf(`Báo cáo theo Mẫu số 14 Phụ lục III ban hành kèm theo ${Q}.`, Q)).toBe("legal_basis");
    expect(kindOf(`Ngày 22/9, Chủ tịch ban hành ${Q}.`, Q)).toBe("other");
  });
});
