import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";
import { openPdf } from "../../src/sources/pdf/load-pdf.js";
import { inflateInOneCall, withSyncInflate } from "../../src/sources/pdf/sync-inflate.js";
import { assemblePdf } from "../helpers/assemble-pdf.js";
import { FIXTURES } from "../helpers/fixtures.js";

/**
 * pdf.js's Flate streams inflated in one zlib call while it works (src/sources/pdf/sync-inflate.ts):
 * the same bytes and the same failures as the platform's DecompressionStream, nobody else's
 * streams touched, the global put back.
 */
const Platform = globalThis.DecompressionStream;

/** What pdf.js uses of a DecompressionStream: a writer, and a readable it iterates. */
interface Pair {
  readable: AsyncIterable<Uint8Array>;
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
}

/** What a DecompressionStream-like pair gives for these writes: the bytes, or the error's name. */
async function drain(pair: Pair, writes: Uint8Array[]): Promise<string> {
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

/** A PDF whose pages' content streams are these Flate bytes, in Helvetica. */
function pdfOfStreams(streams: Uint8Array[]): Uint8Array {
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from(`<< /Type /Pages /Kids [${streams.map((_, i) => `${4 + i * 2} 0 R`).join(" ")}] /Count ${streams.length} >>`),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
  ];
  streams.forEach((stream, i) => {
    objects.push(Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`));
    objects.push(Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from("\nendstream")]));
  });
  return assemblePdf(objects);
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

  it("refuses what is written after the writer closed, as a closed stream does", async () => {
    const writer = inflateInOneCall(Platform).writable.getWriter();
    await writer.write(new Uint8Array(deflateSync("a")));
    await writer.close();
    await expect(writer.write(new Uint8Array(1))).rejects.toThrow(TypeError);
    await expect(writer.close()).rejects.toThrow(TypeError);
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

  it("lets pdf.js recover from damaged Flate data in silence, as the platform's stream does", async () => {
    const page = (text: string) => new Uint8Array(deflateSync(Buffer.from(`BT /F1 14 Tf 72 760 Td (${text}) Tj ET`)));
    const corrupt = Uint8Array.from(page("Trang hai"), (b, i) => (i === 5 ? b ^ 0xff : i === 9 ? b ^ 0x55 : b));
    const truncated = page("Trang ba, cat ngan o day").subarray(0, 20);
    const record = await parse(pdfOfStreams([page("Bao cao so 12 ngay 3 thang 4 nam 2025"), corrupt, truncated]), { ocr: "never" });
    expect(record.text).toBe("Bao cao so 12 ngay 3 thang 4 nam 2025");
    // zlib's error is raised outside pdf.js's frames, so it is not taken for a problem of pdf.js's.
    expect(record.warnings.map((w) => w.code)).toEqual(["no_text_layer"]);
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
      // A source-map hook (node --enable-source-maps; pdf.js ships its maps) renames pdf.js's frames
      // in stack text: the caller is still recognized.
      const prepare = Error.prepareStackTrace;
      Error.prepareStackTrace = (error) => `${String(error)}\n    at read (webpack:/pdf.js/src/core/decode_stream.js:1:1)`;
      try {
        expect(await withSyncInflate(readText)).toBe(platformText);
      } finally {
        Error.prepareStackTrace = prepare;
      }
      expect(made).toBe(0);
    } finally {
      globalThis.DecompressionStream = Platform;
    }
  });
});
