import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openPdf } from "../../src/sources/pdf/load-pdf.js";
import { inflateInOneCall, withSyncInflate } from "../../src/sources/pdf/sync-inflate.js";
import { FIXTURES } from "../helpers/fixtures.js";

/**
 * pdf.js's Flate streams inflated in one zlib call while it works (src/sources/pdf/sync-inflate.ts):
 * the same bytes and the same failures as the platform's DecompressionStream, nobody else's
 * streams touched, the global put back.
 */
const Platform = globalThis.DecompressionStream;

/** What a DecompressionStream-like pair gives for these writes: the bytes, or the error's name. */
async function drain(pair: { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> }, writes: Uint8Array[]): Promise<string> {
  const writer = pair.writable.getWriter();
  void (async () => {
    for (const w of writes) await writer.write(w);
    await writer.close();
  })().catch(() => undefined);
  const parts: Buffer[] = [];
  try {
    for await (const chunk of pair.readable) parts.push(Buffer.from(chunk));
  } catch {
    return "error";
  }
  return Buffer.concat(parts).toString("base64");
}

const split = (bytes: Uint8Array, at: number[]): Uint8Array[] => {
  const cuts = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  out.push(bytes.subarray(from));
  return out;
};

describe("inflateInOneCall", () => {
  it("gives the platform's bytes, or fails where it fails, however the input is written", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 3 }), fc.constantFrom("whole", "truncated", "corrupt"), async (plain, cuts, damage) => {
        let data = new Uint8Array(deflateSync(plain));
        if (damage === "truncated") data = data.subarray(0, Math.max(0, data.length - 3));
        if (damage === "corrupt") data = Uint8Array.from(data, (b, i) => (i === 2 ? b ^ 0xff : b));
        const writes = split(data, cuts);
        expect(await drain(inflateInOneCall(Platform), writes)).toBe(await drain(new Platform("deflate"), writes));
      }),
      { numRuns: 150 },
    );
  });

  it("hands output past its limit to the platform's stream, with the same bytes", async () => {
    const plain = Buffer.alloc(200_000, "bom ");
    const data = new Uint8Array(deflateSync(plain));
    expect(await drain(inflateInOneCall(Platform, 1000), [data])).toBe(plain.toString("base64"));
  });
});

describe("withSyncInflate", () => {
  it("leaves streams made outside pdf.js to the platform, and puts the global back", async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, "DecompressionStream");
    await withSyncInflate(async () => {
      expect(globalThis.DecompressionStream).not.toBe(Platform);
      expect(new DecompressionStream("deflate")).toBeInstanceOf(Platform);
      expect(new DecompressionStream("gzip")).toBeInstanceOf(Platform);
    });
    expect(Object.getOwnPropertyDescriptor(globalThis, "DecompressionStream")).toEqual(before);
  });

  it("keeps the replacement until the last of overlapping scopes ends, also when one throws", async () => {
    let release!: () => void;
    const long = withSyncInflate(() => new Promise<void>((resolve) => (release = resolve)));
    await expect(withSyncInflate(async () => Promise.reject(new Error("inner")))).rejects.toThrow("inner");
    expect(globalThis.DecompressionStream).not.toBe(Platform);
    release();
    await long;
    expect(globalThis.DecompressionStream).toBe(Platform);
  });

  it("inflates pdf.js's streams without the platform's stream, reading the same text", async () => {
    const data = new Uint8Array(readFileSync(`${FIXTURES}/qd-1696-qd-ubnd-laocai-signed/input.pdf`));
    const readText = async () => {
      const { doc } = await openPdf(data, undefined);
      try {
        const page = await doc.getPage(1);
        return (await page.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("|");
      } finally {
        await doc.destroy();
      }
    };
    let made = 0;
    class Counting extends Platform {
      constructor(format: ConstructorParameters<typeof Platform>[0]) {
        super(format);
        made++;
      }
    }
    globalThis.DecompressionStream = Counting;
    try {
      const platformText = await readText();
      expect(made).toBeGreaterThan(0);
      made = 0;
      expect(await withSyncInflate(readText)).toBe(platformText);
      expect(made).toBe(0);
    } finally {
      globalThis.DecompressionStream = Platform;
    }
  });
});
