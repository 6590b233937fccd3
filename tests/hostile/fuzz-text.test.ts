import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isVanbanError } from "../../src/errors.js";
import { parseText } from "../../src/parse-text.js";
import type { VanBanDocument } from "../../src/schema/document.js";
import { VanBanDocumentSchema } from "../../src/schema/document.js";
import { expectNoStageFailure } from "../helpers/record-checks.js";

/** Pieces of Vietnamese administrative prose, markers and the things extractors look for. */
const WORDS = ["Ủy", "ban", "nhân", "dân", "tỉnh", "Kon", "Tum", "kết", "quả", "thực", "hiện", "nhiệm", "vụ", "năm", "đạt", "tăng", "giảm", "so", "với", "cùng", "kỳ", "kế", "hoạch", "phát", "triển", "kinh", "tế", "xã", "hội", "đồng", "tỷ", "triệu", "người", "hộ", "nghèo", "trường", "học", "Sở", "Tài", "chính", "Điều", "khoản", "điểm", "của", "và", "các", "trên", "dưới", "%", "tiếp", "tục", "chỉ", "đạo", "QUYẾT", "ĐỊNH", "BÁO", "CÁO", "CỘNG", "HÒA", "Nơi", "nhận:", "Lưu:", "VT", "Kính", "gửi:"];
const MARKERS = ["I.", "II.", "III.", "IV.", "1.", "2.", "10.", "1.1.", "2.3.", "a)", "b)", "đ)", "- ", "+ ", "* ", "• ", "Điều 1.", "Điều 12.", "Chương I", "Chương II.", "Phần thứ nhất", "Mục 1.", "Khoản 2."];
const CITATIONS = [
  "Quyết định số 12/QĐ-UBND ngày 1 tháng 2 năm 2020",
  "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ",
  "Chỉ thị số 34-CT/TW",
  "Kế hoạch số 2973/KH-UBND",
  "Luật Đầu tư công",
  "Thông tư số 01/2011/TT-BNV",
  "Quyết định số 1/ 2/ 3-",
  "Nghị quyết số 01/NQ-HĐND ngày 12 tháng 7 năm 2021 của Hội đồng nhân dân tỉnh",
  "Công văn số /UBND-KT ngày tháng năm",
  "khoản 2 Điều 3 Quyết định này",
];
const NUMBERS = ["4.014,89 tỷ đồng", "7,5%", "57 triệu đồng", "100%", "1.234 người", "từ 10 đến 15%", "≥ 95%", "trên 2.000 hộ", "0,5", "12,3%/năm", "45 giường/01 vạn dân"];
const FOOTNOTES = ["(1)", "(2)", "¹", "²", "[1]", "*", "<sup>1</sup>", "<sup>(2)</sup>", "\uFFFD"];
const ODD = ["\u0301", "\u0323", "a\u0300", "\u00A0", "\t", "  ", "…", "“", "”", "—", "–", "_", "**", "#", "> ", "|", "\\", "`", "<", ">", "&amp;", "\u200B", "\uFEFF", "🙂"];

const token = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...CITATIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(...FOOTNOTES) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
);

const line = fc.tuple(
  fc.option(fc.constantFrom(...MARKERS), { freq: 3 }),
  fc.option(fc.constantFrom("", " ", "  ", "    ", "# ", "## ", "**"), { freq: 4 }),
  fc.array(token, { minLength: 0, maxLength: 18 }),
  fc.constantFrom("", ".", ";", ":", ",", " (1)", "¹", "**"),
).map(([marker, prefix, words, end]) => `${prefix ?? ""}${marker ? `${marker} ` : ""}${words.join(" ")}${end}`);

const documentText = fc
  .array(fc.oneof({ weight: 8, arbitrary: line }, { weight: 2, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constant("\f") }), { minLength: 1, maxLength: 40 })
  .map((lines) => lines.join("\n"));

/** Every {start, end} object anywhere in the record, with its path. */
function spansOf(record: VanBanDocument): Array<{ path: string; start: number; end: number }> {
  const out: Array<{ path: string; start: number; end: number }> = [];
  const stack: Array<[unknown, string]> = [[record, "$"]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, `${path}[${i}]`]));
    else if (value && typeof value === "object") {
      const o = value as Record<string, unknown>;
      if (typeof o.start === "number" && typeof o.end === "number") out.push({ path, start: o.start, end: o.end });
      for (const [key, child] of Object.entries(o)) stack.push([child, `${path}.${key}`]);
    }
  }
  return out;
}

function checkParse(text: string, format: "text" | "markdown"): VanBanDocument | null {
  let record: VanBanDocument;
  try {
    record = parseText(text, { format });
  } catch (error) {
    // Only "there is no text at all" may be refused; document content never throws.
    if (isVanbanError(error) && error.code === "empty_input" && text.trim() === "") return null;
    throw error;
  }
  // The extractors catch their own errors per unit: a record is not proof that they worked.
  expectNoStageFailure(record.warnings);
  const valid = VanBanDocumentSchema.safeParse(record);
  if (!valid.success) throw new Error(`schema: ${valid.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  for (const span of spansOf(record)) {
    if (span.start < 0 || span.end < span.start || span.end > record.text.length) {
      throw new Error(`${span.path} = [${span.start}, ${span.end}) is outside text (length ${record.text.length})`);
    }
  }
  return record;
}

describe("fuzz: the text pipeline never throws and keeps its spans inside the text", () => {
  it("plain text", () => {
    fc.assert(fc.property(documentText, (text) => void checkParse(text, "text")), { numRuns: 300, seed: 20250101 });
  });

  it("Markdown", () => {
    fc.assert(fc.property(documentText, (text) => void checkParse(text, "markdown")), { numRuns: 300, seed: 20250102 });
  });

  it("arbitrary unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.constantFrom("text" as const, "markdown" as const), (text, format) => void checkParse(text, format)),
      { numRuns: 300, seed: 20250103 },
    );
  });

  it("a fixed regression sample still reads: its section tree and its citation", () => {
    const record = checkParse("I. KẾT QUẢ\n1. Đạt 4.014,89 tỷ đồng (1)\na) Quyết định số 12/QĐ-UBND ngày 1 tháng 2 năm 2020\n\f\n(1) Chú thích", "text");
    const ids = (sections: VanBanDocument["sections"]): string[] => sections.flatMap((s) => [s.id, ...ids(s.children)]);
    expect(ids(record!.sections)).toEqual(["I", "I.1", "I.1.a"]);
    expect(record!.citations.map((c) => [c.symbol, c.date, c.sectionId])).toEqual([["12/QĐ-UBND", "2020-02-01", "I.1.a"]]);
  });
});
