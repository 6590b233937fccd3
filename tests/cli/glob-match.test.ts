import { describe, expect, it } from "vitest";
import { expandBraces, hasGlobMagic, matchPath, matchSegment, splitGlob } from "../../src/cli/glob-match.js";

describe("glob matcher", () => {
  it("matches one segment with * and ?", () => {
    expect(matchSegment("*.pdf", "qd-12.pdf")).toBe(true);
    expect(matchSegment("*.pdf", "qd-12.pdf.bak")).toBe(false);
    expect(matchSegment("qd-??.pdf", "qd-12.pdf")).toBe(true);
    expect(matchSegment("qd-??.pdf", "qd-123.pdf")).toBe(false);
    expect(matchSegment("*", "")).toBe(true);
    expect(matchSegment("a*b*c", "aXXbYYc")).toBe(true);
    expect(matchSegment("a*b*c", "aXXbYY")).toBe(false);
  });

  it("stays fast on patterns that make backtracking matchers explode", () => {
    // Each star restarts at most once per character: no exponential blow-up.
    expect(matchSegment("*a*a*a*a*a*a*a*a*b", "a".repeat(5000))).toBe(false);
  });

  it("** spans zero or more folders", () => {
    expect(matchPath(["**", "*.pdf"], ["a.pdf"])).toBe(true);
    expect(matchPath(["**", "*.pdf"], ["x", "y", "a.pdf"])).toBe(true);
    expect(matchPath(["x", "**", "*.pdf"], ["x", "a.pdf"])).toBe(true);
    expect(matchPath(["x", "**", "*.pdf"], ["y", "a.pdf"])).toBe(false);
    expect(matchPath(["*", "*.pdf"], ["a.pdf"])).toBe(false);
  });

  it("expands braces, nested too, and keeps lone braces literal", () => {
    expect(expandBraces("a/*.{pdf,docx}")).toEqual(["a/*.pdf", "a/*.docx"]);
    expect(expandBraces("{a,b}/{c,d{e,f}}")).toEqual(["a/c", "a/de", "a/df", "b/c", "b/de", "b/df"]);
    expect(expandBraces("a{b}c")).toEqual(["a{b}c"]);
    expect(expandBraces("a{b")).toEqual(["a{b"]);
  });

  it("splits a pattern into its literal base and the segments to match", () => {
    expect(splitGlob("scans/2021/**/*.pdf")).toEqual({ base: "scans/2021", segments: ["**", "*.pdf"] });
    expect(splitGlob("*.txt")).toEqual({ base: ".", segments: ["*.txt"] });
    expect(splitGlob("/data/*/x.pdf")).toEqual({ base: "/data", segments: ["*", "x.pdf"] });
    expect(hasGlobMagic("plain/file.pdf")).toBe(false);
    expect(hasGlobMagic("a/*.pdf")).toBe(true);
  });
});
