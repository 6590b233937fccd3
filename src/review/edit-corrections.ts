import { VanbanError } from "../errors.js";
import type { VanBanDocument } from "../index.js";
import type { CorrectionOperation, Corrections } from "../schema/corrections.js";
import { parsePointer } from "../util/json-pointer.js";
import type { FieldValue, ReviewField, ReviewItem } from "./build-items.js";

/** What the page asks for: a new value for a field, a mark that it is wrong, or undoing the last of these. */
export interface CorrectionRequest {
  path: string;
  action: "replace" | "wrong" | "undo";
  value?: unknown;
  by: string;
}

/**
 * The patch after one reviewer action. The patch opens with a test of the source's sha256 (it
 * belongs to these bytes); a correction inside an array is preceded by a test of the element's
 * span, so a re-parse that moved elements fails loudly instead of correcting the wrong one.
 */
export function editCorrections(
  corrections: Corrections,
  record: VanBanDocument,
  items: readonly ReviewItem[],
  request: CorrectionRequest,
  now: Date,
): Corrections {
  const owner = items.find((item) => item.fields.some((f) => f.path === request.path));
  const target = owner?.fields.find((f) => f.path === request.path);
  if (!owner || !target) throw new VanbanError("invalid_corrections", `${request.path} is not a field the review page corrects.`);
  const ops = [...corrections];
  if (request.action === "undo") return undoLast(ops, request.path);
  if (ops.length === 0) ops.push({ op: "test", path: "/source/sha256", value: record.source.sha256 });
  const provenance = { by: request.by, at: now.toISOString() };
  // The element's own span, not the item's: a section is shown by its heading, a target by its value.
  const guard = /\/\d+(?:\/|$)/u.test(owner.path) ? elementSpan(record, owner.path) : undefined;
  if (guard !== undefined) ops.push({ op: "test", path: `${owner.path}/span`, value: guard });
  if (request.action === "wrong") ops.push({ op: "test", path: target.path, value: target.value, wrong: true, ...provenance });
  else ops.push({ op: "replace", path: target.path, value: coerceValue(request.value, target), ...provenance });
  return ops;
}

/** Drops the last correction of `path` and the guard just before it. */
function undoLast(ops: CorrectionOperation[], path: string): Corrections {
  const last = ops.findLastIndex((op) => op.path === path && (op.op === "replace" || (op.op === "test" && op.wrong === true)));
  if (last < 0) return ops;
  const guard = last - 1;
  const isGuard = guard >= 1 && ops[guard].op === "test" && ops[guard].path.endsWith("/span");
  ops.splice(isGuard ? guard : last, isGuard ? 2 : 1);
  return ops.length === 1 ? [] : ops; // only the sha256 test left: no corrections
}

/** The page sends text; a numeric field gets a number, an empty text is null. */
function coerceValue(value: unknown, field: ReviewField): FieldValue {
  const kind = typeof (field.original !== undefined ? field.original : field.value);
  if (typeof value !== "string" && typeof value !== "number" && value !== null) throw new VanbanError("invalid_corrections", `The value for ${field.path} must be text.`);
  if (value === null || value === "") return null;
  if (kind === "number") {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new VanbanError("invalid_corrections", `${field.path} takes a number (got "${value}").`);
    return n;
  }
  return String(value).normalize("NFC");
}

/** The `span` of the element at `path` in the record, when it has one. */
function elementSpan(record: VanBanDocument, path: string): unknown {
  let node: unknown = record;
  for (const token of parsePointer(path) ?? []) node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[token] : undefined;
  const span = node !== null && typeof node === "object" ? (node as Record<string, unknown>).span : undefined;
  return span ?? undefined;
}
