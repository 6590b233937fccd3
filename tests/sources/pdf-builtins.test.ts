import { describe, expect, it } from "vitest";
import { keepBuiltins } from "../../src/sources/pdf/keep-builtins.js";
import { loadPdfJs } from "../../src/sources/pdf/load-pdf.js";

describe("pdfjs's polyfills do not replace the platform's builtins (issue 18)", () => {
  it("keepBuiltins puts back push, JSON.stringify and JSON.parse that a load replaced, with their attributes", async () => {
    const native = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
    const value = await keepBuiltins(async () => {
      Object.defineProperty(Array.prototype, "push", { value: function push() {} });
      JSON.stringify = () => "polyfilled";
      return 42;
    });
    expect(value).toBe(42);
    expect(Array.prototype.push).toBe(native.push);
    expect(JSON.stringify).toBe(native.stringify);
    expect(JSON.parse).toBe(native.parse);
    expect(Object.getOwnPropertyDescriptor(Array.prototype, "push")).toMatchObject({ writable: true, enumerable: false, configurable: true });
    expect(Object.keys(JSON)).toEqual([]);
  });

  it("after loading pdfjs (and its worker) the builtins are still the platform's", async () => {
    const native = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
    await loadPdfJs();
    await import("pdfjs-dist/legacy/build/pdf.worker.mjs" as string);
    expect(Array.prototype.push).toBe(native.push);
    expect(JSON.stringify).toBe(native.stringify);
    expect(JSON.parse).toBe(native.parse);
  });
});
