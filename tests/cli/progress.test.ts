import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatBarLine, type ProgressState } from "../../src/cli/format-progress.js";
import { chooseProgressMode, startProgress } from "../../src/cli/progress.js";

function fakeStream(columns?: number): { chunks: string[]; columns?: number; write(chunk: string): boolean } {
  return { chunks: [], columns, write(chunk) { this.chunks.push(chunk); return true; } };
}

const state = (over: Partial<ProgressState> = {}): ProgressState => ({ total: 100, done: 10, failed: 1, pages: 40, elapsedMs: 20_000, current: null, ...over });

describe("progress mode", () => {
  it("a bar on a terminal, plain lines with --progress elsewhere, nothing by default off a terminal", () => {
    expect(chooseProgressMode(undefined, false, true)).toBe("bar");
    expect(chooseProgressMode(undefined, false, false)).toBe("off");
    expect(chooseProgressMode(true, false, false)).toBe("lines");
    expect(chooseProgressMode(true, false, true)).toBe("bar");
    expect(chooseProgressMode(false, false, true)).toBe("off");
    expect(chooseProgressMode(undefined, true, true)).toBe("off");
  });
});

describe("bar line", () => {
  it("fits the width, cutting the current file name from the left", () => {
    const long = `scans/${"thu-muc-rat-dai/".repeat(10)}quyet-dinh-12.pdf`;
    for (const width of [40, 79, 120, 200]) {
      const line = formatBarLine(state({ current: { name: long, runningMs: 35_000 } }), width);
      expect([...line].length, String(width)).toBeLessThanOrEqual(width);
    }
    const wide = formatBarLine(state({ current: { name: long, runningMs: 35_000 } }), 120);
    expect(wide).toContain("10/100 files");
    expect(wide).toContain("40 pages");
    expect(wide).toContain("0.5 files/s");
    expect(wide).toContain("ETA 3m00s");
    expect(wide).toContain("1 failed");
    expect(wide).toMatch(/…[^|]*quyet-dinh-12\.pdf \(35s\)$/u);
  });
});

describe("live progress", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("keeps the rate and ETA moving on a timer while a long file parses, and shows it", () => {
    let now = 0;
    const stream = fakeStream(100);
    const progress = startProgress({ total: 4, mode: "bar", stream, now: () => now });
    progress.begin("a.pdf")();
    progress.update({ done: 1, failed: 0, pages: 1 });
    progress.begin("big-scan.pdf");
    now = 1000;
    vi.advanceTimersByTime(250);
    const early = stream.chunks.at(-1)!;
    now = 9000;
    vi.advanceTimersByTime(250);
    const late = stream.chunks.at(-1)!;
    expect(early).toContain("1.0 files/s");
    expect(late).toContain("0.1 files/s");
    expect(late).toContain("big-scan.pdf (9s)");
    expect(late).not.toBe(early);
    progress.stop();
  });

  it("prints an error line above the bar: clear the line, write, redraw", () => {
    const stream = fakeStream(100);
    const progress = startProgress({ total: 2, mode: "bar", stream, now: () => 0 });
    stream.chunks.length = 0;
    progress.log("vanban: b.pdf: corrupt: damaged");
    expect(stream.chunks[0]).toBe("\r\u001b[Kvanban: b.pdf: corrupt: damaged\n");
    expect(stream.chunks[1]).toMatch(/^\r\u001b\[K\[-+\] 0\/2 files/u);
    progress.stop();
    expect(stream.chunks.at(-1)).toBe("\r\u001b[K");
  });

  it("plain lines for a log (no terminal): one now and then, no control codes", () => {
    let now = 0;
    const stream = fakeStream();
    const progress = startProgress({ total: 3, mode: "lines", stream, now: () => now, intervalMs: 10_000 });
    progress.begin("slow.docx");
    now = 10_000;
    vi.advanceTimersByTime(10_000);
    progress.update({ done: 1, failed: 0, pages: 2 });
    now = 20_000;
    vi.advanceTimersByTime(10_000);
    progress.log("vanban: x: corrupt: y");
    progress.stop();
    expect(stream.chunks).toEqual([
      "vanban: progress 0/3 files, 0 pages, 0.0 files/s, ETA ?, current: slow.docx (10s)\n",
      "vanban: progress 1/3 files, 2 pages, 0.1 files/s, ETA 40s, current: slow.docx (20s)\n",
      "vanban: x: corrupt: y\n",
    ]);
  });

  it("off: only logged lines", () => {
    const stream = fakeStream(80);
    const progress = startProgress({ total: 3, mode: "off", stream });
    progress.update({ done: 1, failed: 0, pages: 1 });
    vi.advanceTimersByTime(60_000);
    progress.log("vanban: a: corrupt: b");
    progress.stop();
    expect(stream.chunks).toEqual(["vanban: a: corrupt: b\n"]);
  });
});
