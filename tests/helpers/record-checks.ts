import { expect } from "vitest";
import { VanBanDocumentSchema, type VanBanDocument } from "../../src/schema/document.js";
import { isStageFailure } from "../../src/schema/warning-codes.js";

/** Validates a record against the schema, with the zod issues in the failure message. */
export function expectValidRecord(record: unknown): asserts record is VanBanDocument {
  const result = VanBanDocumentSchema.safeParse(record);
  if (!result.success) {
    throw new Error(`record does not match the schema:\n${result.error.issues.slice(0, 10).map((i) => `${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
}

/** Every object with numeric start/end in the record, with its path. */
export function collectSpans(value: unknown, path = "$", out: Array<{ path: string; start: number; end: number; owner: Record<string, unknown> }> = []) {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, `${p}[${i}]`]));
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.start === "number" && typeof o.end === "number") out.push({ path: p, start: o.start, end: o.end, owner: o });
      for (const [k, x] of Object.entries(o)) if (k !== "text" || typeof x !== "string") stack.push([x, `${p}.${k}`]);
    }
  }
  return out;
}

/** Every span lies inside `text`, and where an item carries its own text, the span slices to it. */
export function expectSpansValid(record: VanBanDocument): void {
  for (const s of collectSpans(record)) {
    if (s.path.startsWith("$.text")) continue;
    expect(s.start, s.path).toBeGreaterThanOrEqual(0);
    expect(s.end, s.path).toBeGreaterThanOrEqual(s.start);
    expect(s.end, s.path).toBeLessThanOrEqual(record.text.length);
  }
  const sliceOf = (span: { start: number; end: number }) => record.text.slice(span.start, span.end);
  for (const p of [...record.preamble, ...record.unassigned, ...allParagraphs(record.sections)]) expect(sliceOf(p.span)).toBe(p.text);
  for (const a of record.addressees) expect(sliceOf(a.span)).toBe(a.name);
  for (const r of record.recipients) expect(sliceOf(r.span)).toBe(r.raw);
  for (const f of record.furniture) expect(sliceOf(f.span)).toBe(f.text);
  for (const c of record.citations) expect(sliceOf(c.span)).toBe(c.raw);
  for (const t of [...record.targets, ...record.results]) expect(sliceOf(t.span)).toBe(t.text);
  // A title over several lines is joined with spaces.
  if (record.titleSpan && record.title) expect(sliceOf(record.titleSpan).replace(/\s+/gu, " ")).toBe(record.title);
}

function allParagraphs(sections: VanBanDocument["sections"]) {
  const out: VanBanDocument["preamble"] = [];
  const stack = [...sections];
  while (stack.length) {
    const s = stack.pop()!;
    out.push(...s.paragraphs);
    stack.push(...s.children);
  }
  return out;
}

/**
 * Nothing is lost: the layout covers every non-whitespace character of `text` exactly once,
 * and nothing is left unassigned without a warning.
 */
export function expectFullCoverage(record: VanBanDocument): void {
  const owner = new Int32Array(record.text.length).fill(-1);
  record.layout.forEach((entry, i) => {
    for (let k = entry.span.start; k < entry.span.end; k++) {
      expect(owner[k], `char ${k} claimed twice`).toBe(-1);
      owner[k] = i;
    }
  });
  for (let k = 0; k < record.text.length; k++) {
    if (!/\s/u.test(record.text[k]) && owner[k] === -1) throw new Error(`character ${k} ("${record.text.slice(k, k + 20)}") belongs to no element`);
  }
  const unassigned = record.layout.filter((e) => e.role === "unassigned").length;
  expect(unassigned).toBe(record.unassigned.length);
  if (unassigned > 0) expect(record.warnings.some((w) => w.code === "unassigned_text")).toBe(true);
}

/**
 * No warning reports a stage's own failure (`*_failed`): the stages catch their own errors to
 * save the record, so without this check a stage that throws on every unit still passes.
 */
export function expectNoStageFailure(warnings: ReadonlyArray<{ code: string; message: string }>): void {
  const failures = warnings.filter((w) => isStageFailure(w.code)).map((w) => `${w.code}: ${w.message}`);
  expect(failures, "a stage failed on its own code").toEqual([]);
}

/** For records of hostile input, where full coverage is not expected: schema, and no stage failed. */
export function expectSoundRecord(record: unknown): asserts record is VanBanDocument {
  expectValidRecord(record);
  expectNoStageFailure(record.warnings);
}

/** All checks every record in the tests must pass. */
export function checkRecord(record: unknown): VanBanDocument {
  expectValidRecord(record);
  expectSpansValid(record);
  expectFullCoverage(record);
  expectNoStageFailure(record.warnings);
  return record;
}
