import { z } from "zod";
import { SpanSchema } from "./span.js";

/** Thể thức văn bản: the header zone (Nghị định 30/2020, Phụ lục I). */
export const HeaderSchema = z
  .object({
    issuer: z.object({
      name: z.string().nullable().describe("Tên cơ quan ban hành, lines joined by one space."),
      parent: z.string().nullable().describe("Cơ quan chủ quản printed above the issuer."),
    }),
    nationalTitle: z.string().nullable().describe("Quốc hiệu, as printed."),
    motto: z.string().nullable().describe("Tiêu ngữ, as printed."),
    number: z.string().nullable().describe("Số, null when printed blank (signed electronically later)."),
    symbol: z.string().nullable().describe("Ký hiệu without spaces, e.g. `QĐ-UBND`."),
    place: z.string().nullable().describe("Địa danh."),
    date: z.string().nullable().describe("Ngày ban hành, ISO yyyy-mm-dd; null when blank."),
    urgency: z.string().nullable().describe("Mức độ khẩn: KHẨN, THƯỢNG KHẨN, HỎA TỐC."),
    confidentiality: z.string().nullable().describe("Độ mật or phạm vi lưu hành: MẬT, TỐI MẬT, TUYỆT MẬT …"),
    spans: z
      .object({
        issuer: SpanSchema.optional(),
        parent: SpanSchema.optional(),
        nationalTitle: SpanSchema.optional(),
        motto: SpanSchema.optional(),
        number: SpanSchema.optional(),
        symbol: SpanSchema.optional(),
        place: SpanSchema.optional(),
        date: SpanSchema.optional(),
        urgency: SpanSchema.optional(),
        confidentiality: SpanSchema.optional(),
      })
      .describe("Where each header value was read."),
    year: z.number().int().nullable().describe("Year when printed even though the day and month are blank."),
  })
  .meta({ id: "Header" });
export type Header = z.infer<typeof HeaderSchema>;

/** Loại văn bản (Nghị định 30/2020 Điều 7 and legal normative types). */
export const DocumentTypeSchema = z
  .object({
    code: z.string().nullable().describe("`BC`, `CT`, `QĐ`, `KH` …; null for công văn."),
    name: z.string().nullable().describe("Sentence case: `Báo cáo`, `Công văn`."),
    inferredFrom: z
      .enum(["title", "symbol", "none"])
      .describe("`title` when the heading names the type, `symbol` when read from the ký hiệu."),
  })
  .meta({ id: "DocumentType" });
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

/** Kính gửi: an addressee. */
export const AddresseeSchema = z.object({ name: z.string(), span: SpanSchema }).meta({ id: "Addressee" });
export type Addressee = z.infer<typeof AddresseeSchema>;

/** Nơi nhận: one recipient line. */
export const RecipientSchema = z
  .object({
    name: z.string(),
    purpose: z.string().nullable().describe("As printed in parentheses: `b/c`, `để b/c`, `t/h` …; null when none (text in parentheses that is not a purpose, such as `(Đ/c Tuấn)`, stays in `name`)."),
    purposeCode: z
      .string()
      .nullable()
      .describe("The purpose normalized: `b/c` (báo cáo), `đ/b` (để biết), `t/h` (thực hiện), `p/h` (phối hợp), `c/đ` (chỉ đạo), `t/d` (theo dõi), `k/t`, `g/s`, `t/b`, `đăng`; several joined by `, `."),
    raw: z.string(),
    span: SpanSchema,
  })
  .meta({ id: "Recipient" });
export type Recipient = z.infer<typeof RecipientSchema>;

/** Lưu: the archive line. */
export const ArchiveSchema = z
  .object({
    copies: z.array(z.string()).describe("`Lưu: VT, NC_{TTHG}.` → [`VT`, `NC`]"),
    drafter: z.string().nullable().describe("Ký hiệu người soạn thảo, e.g. `TTHG`."),
    count: z.number().int().nullable().describe("Số lượng bản when printed."),
    raw: z.string(),
    span: SpanSchema,
  })
  .meta({ id: "Archive" });
export type Archive = z.infer<typeof ArchiveSchema>;

export const AuthoritySchema = z
  .object({
    mode: z.enum(["TM", "KT", "TL", "TUQ", "Q"]).describe("TM thay mặt, KT ký thay, TL thừa lệnh, TUQ thừa ủy quyền, Q quyền."),
    title: z.string(),
  })
  .meta({ id: "Authority" });
export type Authority = z.infer<typeof AuthoritySchema>;

/** Chức vụ, họ tên và chữ ký. */
export const SignatureSchema = z
  .object({
    authorities: z.array(AuthoritySchema),
    position: z.string().nullable().describe("`CHỦ TỊCH`, `PHÓ CHỦ TỊCH` …"),
    signer: z.string().nullable().describe("The signer's name as printed, without a rank before it."),
    signerRank: z
      .string()
      .optional()
      .describe("Cấp bậc quân hàm printed before the name in the armed forces and the police (`Thiếu tướng`); absent otherwise."),
    span: SpanSchema,
  })
  .meta({ id: "Signature" });
export type Signature = z.infer<typeof SignatureSchema>;
