import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keepBuiltins } from "../../src/sources/pdf/keep-builtins.js";
import { findPatchedWorker, loadPdfJs } from "../../src/sources/pdf/load-pdf.js";

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

  it("keepBuiltins keeps a toBase64 a load added where the platform had none, Buffer's encoder doing the plain case", async () => {
    const proto = Uint8Array.prototype as Uint8Array & { toBase64?: (options?: unknown) => string };
    expect(proto.toBase64).toBeUndefined();
    try {
      const calls: unknown[] = [];
      await keepBuiltins(async () => {
        Object.defineProperty(Uint8Array.prototype, "toBase64", {
          value(options?: unknown) {
            calls.push(options);
            return "stand-in";
          },
          configurable: true,
          writable: true,
        });
      });
      const bytes = new Uint8Array([0xfb, 0xff, 0x00, 0x41]) as Uint8Array & { toBase64(options?: unknown): string };
      expect(bytes.toBase64()).toBe("+/8AQQ==");
      expect((bytes.subarray(1, 3) as typeof bytes).toBase64()).toBe("/wA=");
      expect(bytes.toBase64({ alphabet: "base64url" })).toBe("stand-in");
      expect((new Uint8Array(0) as typeof bytes).toBase64()).toBe("stand-in");
      expect(calls).toEqual([{ alphabet: "base64url" }, undefined]);
    } finally {
      delete proto.toBase64;
    }
  });

  it("after loading pdfjs, toBase64 gives what the standard says, with or without options (fast-check)", async () => {
    await loadPdfJs();
    const reference = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(8), (data, cut) => {
        const view = data.subarray(Math.min(cut, data.length)) as Uint8Array & { toBase64(options?: unknown): string };
        expect(view.toBase64()).toBe(reference(view));
        expect(view.toBase64({ alphabet: "base64url", omitPadding: true })).toBe(reference(view).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
      }),
      { numRuns: 500 },
    );
  });

  it("after loading pdfjs (and its worker) the builtins are still the platform's", async () => {
    const native = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
    const pdfjs = await loadPdfJs();
    // The worker loadPdfJs ran (the build's patched copy, or the stock one), from the module cache.
    const patched = findPatchedWorker(pdfjs.version);
    await import(patched === null ? "pdfjs-dist/legacy/build/pdf.worker.mjs" : pathToFileURL(patched).href);
    expect(Array.prototype.push).toBe(native.push);
    expect(JSON.stringify).toBe(native.stringify);
    expect(JSON.parse).toBe(native.parse);
  });
});
