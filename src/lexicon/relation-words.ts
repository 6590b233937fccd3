/**
 * Quan hệ giữa các văn bản: the words around a citation that say how the citing document
 * relates to the cited one ("Căn cứ …", "Thực hiện …", "… hết hiệu lực"). Data only: the
 * reading lives in src/link/classify-relation.ts.
 *
 * Every entry is lower case in classic tone placement; the reader folds the text the same way
 * (foldKey) before looking, so "hoà"/"hòa" and capitals match alike.
 */

/** The relation kinds, in the order the issue lists them. */
export const RELATION_KINDS = [
  "legal_basis", // căn cứ
  "implements", // thực hiện, triển khai
  "amends", // sửa đổi, bổ sung
  "replaces", // thay thế
  "repeals", // bãi bỏ, hết hiệu lực
  "reports_or_answers", // báo cáo, trả lời
  "attached_to", // kèm theo
  "other",
] as const;
export type RelationKindName = (typeof RELATION_KINDS)[number];

/** A cue: words printed before the citation (or after it, `after: true`) that name the relation. */
export interface RelationCue {
  kind: RelationKindName;
  words: string;
  after?: boolean;
}

export const RELATION_CUES: readonly RelationCue[] = [
  { kind: "legal_basis", words: "căn cứ" },
  { kind: "legal_basis", words: "trên cơ sở" },
  { kind: "legal_basis", words: "quy định tại" },
  { kind: "legal_basis", words: "theo quy định của" },
  { kind: "implements", words: "thực hiện" },
  { kind: "implements", words: "triển khai" },
  { kind: "implements", words: "thi hành" },
  { kind: "implements", words: "quán triệt" },
  { kind: "implements", words: "hướng dẫn tại" },
  { kind: "implements", words: "theo hướng dẫn" },
  { kind: "implements", words: "theo chỉ đạo" },
  { kind: "implements", words: "chỉ đạo tại" },
  { kind: "amends", words: "sửa đổi" },
  { kind: "amends", words: "bổ sung" },
  { kind: "amends", words: "đính chính" },
  { kind: "replaces", words: "thay thế" },
  { kind: "repeals", words: "bãi bỏ" },
  { kind: "repeals", words: "hủy bỏ" },
  { kind: "repeals", words: "hết hiệu lực" },
  { kind: "reports_or_answers", words: "báo cáo" },
  { kind: "reports_or_answers", words: "trả lời" },
  { kind: "reports_or_answers", words: "phúc đáp" },
  // A decision issued "Theo đề nghị của Sở … tại Tờ trình số …" answers that proposal.
  { kind: "reports_or_answers", words: "đề nghị" },
  { kind: "reports_or_answers", words: "tiếp nhận" },
  { kind: "reports_or_answers", words: "ý kiến" },
  // "Sở Nội vụ nhận được Công văn số …": the opening of an answer.
  { kind: "reports_or_answers", words: "nhận được" },
  // Part of a decree's name ("… quy định chi tiết và biện pháp thi hành Luật …"), not "thi hành" alone.
  { kind: "legal_basis", words: "biện pháp thi hành" },
  { kind: "attached_to", words: "kèm theo" },
  // After the citation: "Quyết định số 12/2020/QĐ-UBND … hết hiệu lực kể từ ngày …".
  { kind: "repeals", words: "hết hiệu lực", after: true },
  { kind: "repeals", words: "bị bãi bỏ", after: true },
  { kind: "replaces", words: "được thay thế", after: true },
  { kind: "replaces", words: "bị thay thế", after: true },
  // "Tại khoản 6 Điều 21 Nghị định số 126/2024/NĐ-CP quy định: …" (used only when no cue precedes).
  { kind: "legal_basis", words: "quy định", after: true },
];

/** Cues that only qualify a list item ("Thực hiện quy định tại A và B"): a cue opening the clause outranks them. */
export const WEAK_CUES: readonly string[] = ["quy định tại", "theo quy định của"];

/** Kinds that, read after the citation ("… được thay thế"), outrank any cue before it; other after-cues are a fallback. */
export const STRONG_KINDS: readonly RelationKindName[] = ["amends", "replaces", "repeals"];

/**
 * Words between "kèm theo" and the citation that mean the attachment belongs to the cited
 * document ("theo Mẫu số 16 Phụ lục II ban hành kèm theo Nghị định …"), not to the citing one.
 */
export const FOREIGN_ATTACHMENT_WORDS: readonly string[] = ["mẫu", "phụ lục", "biểu", "danh mục", "quy chế", "quy định"];

/**
 * Abbreviations of issuing bodies, expanded before a citation's issuer ("UBND tỉnh") is compared
 * with a record's header ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"). Keys and values are folded words.
 */
export const ISSUER_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["ubnd", "ủy ban nhân dân"],
  ["hđnd", "hội đồng nhân dân"],
  ["mttq", "mặt trận tổ quốc"],
  ["tp", "thành phố"],
  ["tp.", "thành phố"],
]);

/** Words naming the person who signs for a body ("Chủ tịch Ủy ban nhân dân tỉnh"): dropped before comparing issuers. */
export const ISSUER_PERSON_WORDS: readonly string[] = ["chủ tịch", "giám đốc", "bộ trưởng", "chánh văn phòng"];
