import { describe, expect, it } from "vitest";
import { containRejections } from "../../src/sources/pdf/contain-rejections.js";

/** pdf.js's stray rejections are contained and reported as problems of the file; stream teardown is not one. */

const fromPdfjs = (message: string, code?: string): Error => {
  const error = Object.assign(new Error(message), code ? { code } : {});
  error.stack = `Error: ${message}\n    at XRef.fetch (file:///app/node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs:1:1)`;
  return error;
};

describe("containRejections", () => {
  it.each([
    ["a pdf.js rejection nobody handles", fromPdfjs("Bad XRef entry"), ["Bad XRef entry"]],
    ["a stream released during teardown (timing, not the file)", fromPdfjs("Invalid state: Reader released", "ERR_INVALID_STATE"), []],
    ["a rejection from outside pdf.js", new Error("elsewhere"), []],
    ["a rejection without a reason", undefined, []],
  ] as const)("%s", async (_, reason, expected) => {
    const { value, rejections } = await containRejections(async () => {
      void Promise.reject(reason);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return 42;
    });
    expect(value).toBe(42);
    expect(rejections).toEqual(expected);
  });
});
