import { VanbanError } from "./errors.js";
import { CorrectionsSchema, type CorrectionOperation } from "./schema/corrections.js";
import { VanBanDocumentSchema, type VanBanDocument } from "./schema/document.js";
import { parsePointer } from "./util/json-pointer.js";

type Json = unknown;
type Container = Record<string, Json> | Json[];

/**
 * Applies a corrections patch (RFC 6902 JSON Patch, see `CorrectionsSchema`) to a record and
 * returns the corrected copy; the record passed in is left alone. As RFC 6902 says, the patch is
 * atomic: a `test` that fails (the document was re-parsed differently, or is another document)
 * or a path that is not there throws `invalid_corrections` and nothing is applied. The result
 * must still be a valid record (a correction cannot turn a date into a number).
 */
export function applyCorrections(record: VanBanDocument, patch: unknown): VanBanDocument {
  const parsed = CorrectionsSchema.safeParse(patch);
  if (!parsed.success) {
    throw new VanbanError("invalid_corrections", `The corrections are not a JSON Patch: ${parsed.error.issues[0]?.message ?? "invalid"} at ${parsed.error.issues[0]?.path.join(".") ?? "?"}.`);
  }
  let doc: Json = structuredClone(record);
  parsed.data.forEach((op, index) => {
    doc = applyOperation(doc, op, index);
  });
  const checked = VanBanDocumentSchema.safeParse(doc);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new VanbanError("invalid_corrections", `The corrected record is not valid: ${issue?.message ?? "invalid"} at /${issue?.path.join("/") ?? ""}.`);
  }
  return checked.data;
}

function applyOperation(doc: Json, op: CorrectionOperation, index: number): Json {
  const fail = (why: string): never => {
    throw new VanbanError("invalid_corrections", `Correction #${index + 1} (${op.op} ${op.path}) does not apply: ${why}.`);
  };
  if ((op.op === "add" || op.op === "replace" || op.op === "test") && !("value" in op)) fail("it has no value");
  switch (op.op) {
    case "test": {
      const current = read(doc, op.path, fail);
      if (!deepEqual(current, op.value)) fail(`the value is ${JSON.stringify(current)}, not ${JSON.stringify(op.value)}`);
      return doc;
    }
    case "replace":
      read(doc, op.path, fail);
      return write(doc, op.path, structuredClone(op.value), "replace", fail);
    case "add":
      return write(doc, op.path, structuredClone(op.value), "add", fail);
    case "remove":
      read(doc, op.path, fail);
      return write(doc, op.path, undefined, "remove", fail);
    case "copy":
      return write(doc, op.path, structuredClone(read(doc, op.from, fail)), "add", fail);
    case "move": {
      if (op.path.startsWith(`${op.from}/`)) fail("a value cannot move into itself");
      const value = read(doc, op.from, fail);
      return write(write(doc, op.from, undefined, "remove", fail), op.path, value, "add", fail);
    }
  }
}

function tokensOf(path: string, fail: (why: string) => never): string[] {
  return parsePointer(path) ?? fail("the path is not a JSON Pointer");
}

function read(doc: Json, path: string, fail: (why: string) => never): Json {
  let node = doc;
  for (const token of tokensOf(path, fail)) {
    if (Array.isArray(node)) {
      const i = arrayIndex(token, node.length - 1, fail);
      node = node[i];
    } else if (isObject(node) && Object.hasOwn(node, token)) {
      node = node[token];
    } else {
      fail("the path is not in the record");
    }
  }
  return node;
}

function write(doc: Json, path: string, value: Json, mode: "add" | "replace" | "remove", fail: (why: string) => never): Json {
  const tokens = tokensOf(path, fail);
  if (tokens.length === 0) return mode === "remove" ? fail("the whole record cannot be removed") : value;
  const parent = read(doc, pointerOf(tokens.slice(0, -1)), fail);
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) {
    if (mode === "add" && last === "-") parent.push(value);
    else if (mode === "add") parent.splice(arrayIndex(last, parent.length, fail), 0, value);
    else if (mode === "remove") parent.splice(arrayIndex(last, parent.length - 1, fail), 1);
    else parent[arrayIndex(last, parent.length - 1, fail)] = value;
  } else if (isObject(parent)) {
    if (mode === "remove") delete (parent as Record<string, Json>)[last];
    else (parent as Record<string, Json>)[last] = value;
  } else {
    fail("its parent is not an object or array");
  }
  return doc;
}

function pointerOf(tokens: string[]): string {
  return tokens.map((t) => `/${t.replace(/~/gu, "~0").replace(/\//gu, "~1")}`).join("");
}

function arrayIndex(token: string, max: number, fail: (why: string) => never): number {
  if (!/^(?:0|[1-9]\d*)$/u.test(token)) fail(`"${token}" is not an array index`);
  const i = Number(token);
  if (i > max) fail(`index ${i} is past the end of the array`);
  return i;
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
