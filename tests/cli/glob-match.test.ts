import { describe, expect, it } from "vitest";
import { checkGlob, hasGlobMagic, matchGlob, splitGlob } from "../../src/cli/glob-match.js";

describe("glob matcher", () => {
  it("matches one segment with * and ?", () => {
    expect(matchGlob("*.pdf", "qd-12.pdf")).toBe(true);
    expect(matchGlob("*.pdf", "qd-12.pdf.bak")).toBe(false);
    expect(matchGlob("qd-??.pdf", "qd-12.pdf")).toBe(true);
    expect(matchGlob("qd-??.pdf", "qd-123.pdf")).toBe(false);
    expect(matchGlob("a*b*c", "aXXbYYc")).toBe(true);
    expect(matchGlob("a*b*c", "aXXbYY")).toBe(false);
    // * stays within one segment.
    expect(matchGlob("*.pdf", "x/a.pdf")).toBe(false);
  });

  it("refuses patterns that would make the backtracking matcher explode, and stays fast on allowed ones", () => {
    expect(checkGlob("scans/*a*a*a*a*a*a*a*a*b")).toMatch(/at most 3/u);
    expect(checkGlob("scans/**/*-*-*.pdf")).toBeNull();
    const started = Date.now();
    expect(matchGlob("*-*-*.pdf", `${"bao-cao-".repeat(25)}.docx`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("** spans zero or more folders", () => {
    expect(matchGlob("**/*.pdf", "a.pdf")).toBe(true);
    expect(matchGlob("**/*.pdf", "x/y/a.pdf")).toBe(true);
    expect(matchGlob("x/**/*.pdf", "x/a.pdf")).toBe(true);
    expect(matchGlob("x/**/*.pdf", "y/a.pdf")).toBe(false);
    expect(matchGlob("*/*.pdf", "a.pdf")).toBe(false);
  });

  it("expands braces, nested too, and keeps lone braces literal", () => {
    expect(matchGlob("a/*.{pdf,docx}", "a/x.pdf")).toBe(true);
    expect(matchGlob("a/*.{pdf,docx}", "a/x.docx")).toBe(true);
    expect(matchGlob("a/*.{pdf,docx}", "a/x.doc")).toBe(false);
    for (const path of ["a/c", "a/de", "a/df", "b/c", "b/de", "b/df"]) expect(matchGlob("{a,b}/{c,d{e,f}}", path), path).toBe(true);
    expect(matchGlob("{a,b}/{c,d{e,f}}", "b/d")).toBe(false);
    expect(matchGlob("a{b}c", "a{b}c")).toBe(true);
    expect(matchGlob("a{b", "a{b")).toBe(true);
  });

  it("hidden names match only a pattern that spells the dot", () => {
    expect(matchGlob("*.pdf", ".hidden.pdf")).toBe(false);
    expect(matchGlob(".*.pdf", ".hidden.pdf")).toBe(true);
  });

  it("splits a pattern into its literal base and the glob to match under it", () => {
    expect(splitGlob("scans/2021/**/*.pdf")).toEqual({ base: "scans/2021", glob: "**/*.pdf" });
    expect(splitGlob("*.txt")).toEqual({ base: ".", glob: "*.txt" });
    expect(splitGlob("/data/*/x.pdf")).toEqual({ base: "/data", glob: "*/x.pdf" });
    expect(hasGlobMagic("plain/file.pdf")).toBe(false);
    expect(hasGlobMagic("a/*.pdf")).toBe(true);
  });
});
