import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseParseArgs } from "../../src/cli/args.js";
import { buildTask } from "../../src/cli/build-task.js";
import { runParseTask } from "../../src/cli/parse-task.js";
import { parseReviewArgs } from "../../src/cli/review-command.js";
import { collectDocuments } from "../../src/review/collect-documents.js";
import { DocumentStore } from "../../src/review/document-store.js";
import type { VanBanDocument } from "../../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "vanban-review-"));
const doc = join(dir, "phatdong.txt");
copyFileSync(new URL("../../fixtures/seed-002-kontum-phatdong-text/input.txt", import.meta.url), doc);
const patchFile = `${doc}.corrections.json`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("corrections from the review page to vanban parse", () => {
  const store = new DocumentStore([{ id: 0, path: doc, name: "phatdong.txt" }]);

  it("saves a field's new value as a JSON Patch with who and when, guarded by the source's hash", async () => {
    const before = await store.view(0);
    expect(before.view).toBe("text");
    const view = await store.correct(0, { path: "/header/place", action: "replace", value: "Kon Tum (đã sửa)", by: "Lan" });
    expect(view.record.header.place).toBe("Kon Tum (đã sửa)");
    const field = view.items.flatMap((i) => i.fields).find((f) => f.path === "/header/place");
    expect(field).toMatchObject({ value: "Kon Tum (đã sửa)", original: before.record.header.place });
    const patch = JSON.parse(readFileSync(patchFile, "utf8"));
    expect(patch[0]).toEqual({ op: "test", path: "/source/sha256", value: before.record.source.sha256 });
    expect(patch[1]).toMatchObject({ op: "replace", path: "/header/place", value: "Kon Tum (đã sửa)", by: "Lan" });
    expect(Date.parse(patch[1].at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("marks a value inside an array wrong behind a test of the element's span, and undoes it", async () => {
    const view = await store.view(0);
    const citation = view.items.find((i) => i.kind === "citation");
    expect(citation).toBeDefined();
    const symbol = citation!.fields.find((f) => f.name === "symbol")!;
    const marked = await store.correct(0, { path: symbol.path, action: "wrong", by: "Lan" });
    const patch = JSON.parse(readFileSync(patchFile, "utf8"));
    expect(patch.slice(-2)).toEqual([
      { op: "test", path: `${citation!.path}/span`, value: citation!.span },
      expect.objectContaining({ op: "test", path: symbol.path, value: symbol.value, wrong: true, by: "Lan" }),
    ]);
    expect(marked.items.flatMap((i) => i.fields).find((f) => f.path === symbol.path)?.wrong).toBe(true);
    await store.correct(0, { path: symbol.path, action: "undo", by: "Lan" });
    expect(JSON.parse(readFileSync(patchFile, "utf8"))).toHaveLength(2);
  });

  it.each([
    ["a section shown by its heading", "section", "heading"],
    ["a target shown by its value", "target", "unit"],
  ])("guards a correction of %s with the element's own span", async (_name, kind, name) => {
    const view = await store.view(0);
    const item = view.items.find((i) => i.kind === kind && i.fields.some((f) => f.name === name))!;
    const element = item.path.split("/").slice(1).reduce<unknown>((node, token) => (node as Record<string, unknown>)[token], view.record) as { span: object };
    expect(item.span).not.toEqual(element.span); // the item is drawn on part of the element only
    const field = item.fields.find((f) => f.name === name)!;
    const corrected = await store.correct(0, { path: field.path, action: "replace", value: `${String(field.value)} (sửa)`, by: "Lan" });
    expect(corrected.items.flatMap((i) => i.fields).find((f) => f.path === field.path)?.value).toBe(`${String(field.value)} (sửa)`);
    expect(JSON.parse(readFileSync(patchFile, "utf8")).slice(-2)[0]).toEqual({ op: "test", path: `${item.path}/span`, value: element.span });
    await store.correct(0, { path: field.path, action: "undo", by: "Lan" });
  });

  it("refuses a value the record cannot hold, and a path that is not a reviewed field, writing nothing", async () => {
    const saved = readFileSync(patchFile, "utf8");
    const target = (await store.view(0)).items.find((i) => i.fields.some((f) => typeof f.value === "number"));
    if (target) await expect(store.correct(0, { path: target.fields.find((f) => typeof f.value === "number")!.path, action: "replace", value: "many", by: "x" })).rejects.toMatchObject({ code: "invalid_corrections" });
    await expect(store.correct(0, { path: "/source/sha256", action: "replace", value: "x", by: "x" })).rejects.toMatchObject({ code: "invalid_corrections" });
    expect(readFileSync(patchFile, "utf8")).toBe(saved);
  });

  it("vanban parse --apply-corrections DIR re-emits the corrected record", async () => {
    const parsed = parseParseArgs([doc, "--apply-corrections", dir]);
    if (!parsed.ok) throw new Error(parsed.message);
    const item = { name: doc, path: doc, outRel: "phatdong.txt", absolute: doc };
    const result = await runParseTask(buildTask(parsed.command, item, null, false));
    if (!result.ok) throw new Error(result.message);
    expect((JSON.parse(result.output) as VanBanDocument).header.place).toBe("Kon Tum (đã sửa)");
    const plain = parseParseArgs([doc]);
    if (!plain.ok) throw new Error(plain.message);
    const uncorrected = await runParseTask(buildTask(plain.command, item, null, false));
    if (!uncorrected.ok) throw new Error(uncorrected.message);
    expect((JSON.parse(uncorrected.output) as VanBanDocument).header.place).not.toBe("Kon Tum (đã sửa)");
    expect(parseParseArgs([doc, "--apply-corrections", ""])).toMatchObject({ ok: false });
  });

  it("finds the documents of a folder, not their corrections files", async () => {
    const docs = await collectDocuments(dir);
    expect(docs.map((d) => d.name)).toEqual(["phatdong.txt"]);
  });

  it("refuses bad review options", () => {
    expect(parseReviewArgs([doc, "--port", "70000"])).toMatchObject({ ok: false });
    expect(parseReviewArgs([])).toMatchObject({ ok: false });
    expect(parseReviewArgs([doc, "--port", "8080", "--open"])).toMatchObject({ ok: true, command: { port: 8080, open: true, input: doc } });
  });
});
