import { readFileSync } from "node:fs";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeTextBytes } from "../../src/normalize/decode-bytes.js";
import { decodeLegacy, describeLegacyFont, encodeLegacy, legacyEncodingOfFont } from "../../src/normalize/legacy-encoding.js";
import { measureVietnamese } from "../../src/normalize/text-health.js";

const FIXTURES = new URL("../../fixtures/encodings/", import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), "utf8");

const SENTENCE = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Quyết định về việc giao nhiệm vụ cho Sở Công Thương tỉnh Lào Cai.";
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Windows-1258 keeps â ă ê ô ơ ư đ precomposed and writes tones as combining marks. */
function toWindows1258(s: string): Uint8Array {
  // NFD puts the dot below before the circumflex ("o\u0323\u0302"): compose the vowel first.
  const form = s.normalize("NFD").replace(/(?<base>[aeouAEOU])(?<dot>\u0323?)(?<quality>[\u0302\u0306\u031B])/g, (...m) => {
    const { base, dot, quality } = m.at(-1) as Record<string, string>;
    return (base + quality).normalize("NFC") + dot;
  });
  return iconv.encode(form, "windows1258");
}

/** Deterministic pseudo-random bytes (a linear congruential generator). */
function noise(length: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe("decodeTextBytes", () => {
  const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SENTENCE)]);
  const utf16le = new Uint8Array([0xff, 0xfe, ...iconv.encode(SENTENCE, "utf16le")]);
  const utf16be = new Uint8Array([0xfe, 0xff, ...iconv.encode(SENTENCE, "utf16be")]);
  it.each([
    ["UTF-8", utf8(SENTENCE), "utf-8"],
    ["UTF-8 with BOM", bom8, "utf-8"],
    ["UTF-8, decomposed (NFD) input", utf8(SENTENCE.normalize("NFD")), "utf-8"],
    ["UTF-16LE with BOM", utf16le, "utf-16le"],
    ["UTF-16BE with BOM", utf16be, "utf-16be"],
  ])("%s", (_, bytes, encoding) => {
    const decoded = decodeTextBytes(bytes);
    expect(decoded.text).toBe(SENTENCE);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.warnings).toEqual([]);
  });

  it.each([
    ["UTF-16LE without BOM", "utf16le", "utf-16le"],
    ["UTF-16BE without BOM", "utf16be", "utf-16be"],
  ])("%s is recognised by its NUL bytes", (_, iconvName, encoding) => {
    const decoded = decodeTextBytes(new Uint8Array(iconv.encode(SENTENCE, iconvName)));
    expect(decoded.text).toBe(SENTENCE);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.warnings.map((w) => w.code)).toEqual(["encoding_guessed"]);
  });

  it("Windows-1258 (tones as combining marks) decodes to NFC", () => {
    const bytes = toWindows1258(SENTENCE);
    expect([...bytes]).toContain(0xf2); // dot below as a separate byte: really 1258, not Latin-1
    const decoded = decodeTextBytes(bytes);
    expect(decoded.text).toBe(SENTENCE);
    expect(decoded.encoding).toBe("windows-1258");
    expect(decoded.warnings.map((w) => w.code)).toEqual(["encoding_guessed"]);
  });

  it.each([
    ["TCVN3", "qd-ngaigiao-excerpt-body.tcvn3.txt", "qd-ngaigiao-excerpt-body.txt", "tcvn3"],
    ["VNI", "qd-ngaigiao-excerpt.vni.txt", "qd-ngaigiao-excerpt.txt", "vni"],
  ])("8-bit text saved from a %s font", (_, input, expected, encoding) => {
    const bytes = iconv.encode(fixture(input), "win1252");
    const decoded = decodeTextBytes(new Uint8Array(bytes));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(fixture(expected));
    expect(decoded.warnings[0].code).toBe("encoding_guessed");
    expect(decoded.warnings[0].message).toContain(encoding);
  });

  it("UTF-8 text that is TCVN3 typed as Windows-1252 is converted", () => {
    const decoded = decodeTextBytes(utf8(fixture("qd-ngaigiao-excerpt-body.tcvn3.txt")));
    expect(decoded.encoding).toBe("tcvn3");
    expect(decoded.text).toBe(fixture("qd-ngaigiao-excerpt-body.txt"));
    expect(decoded.warnings.map((w) => w.code)).toEqual(["encoding_guessed"]);
  });

  it("UTF-8 with a few broken bytes stays UTF-8 and says so", () => {
    const bytes = new Uint8Array([...utf8(SENTENCE), 0xff, ...utf8(" Nơi nhận: như trên.")]);
    const decoded = decodeTextBytes(bytes);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text).toBe(`${SENTENCE}\uFFFD Nơi nhận: như trên.`);
    expect(decoded.warnings.map((w) => w.code)).toEqual(["encoding_guessed"]);
  });

  it("random bytes give some text and a warning, never mojibake silently", () => {
    const decoded = decodeTextBytes(noise(4096));
    expect(typeof decoded.text).toBe("string");
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.warnings.map((w) => w.code)).toEqual(["encoding_uncertain"]);
  });

  it("empty input decodes to empty text", () => {
    expect(decodeTextBytes(new Uint8Array())).toEqual({ text: "", encoding: "utf-8", warnings: [] });
  });

  it("decodeTextBytes(utf8(s)) is NFC(s)", () => {
    // Excluded by design: a leading BOM is dropped, and NUL-laden text may be taken for UTF-16.
    const text = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.string())
      .filter((s) => !s.startsWith("\uFEFF") && !s.includes("\u0000"));
    fc.assert(fc.property(text, (s) => {
      expect(decodeTextBytes(utf8(s)).text).toBe(s.normalize("NFC"));
    }), { numRuns: 1000 });
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
      const decoded = decodeTextBytes(bytes);
      expect(typeof decoded.text).toBe("string");
      expect(typeof decoded.encoding).toBe("string");
    }), { numRuns: 500 });
  });
});

describe("measureVietnamese", () => {
  it("Vietnamese prose scores high", () => {
    expect(measureVietnamese(fixture("qd-ngaigiao-excerpt.txt")).share).toBeGreaterThanOrEqual(0.9);
    expect(measureVietnamese(fixture("tb-1894-page1.expected.txt")).share).toBeGreaterThanOrEqual(0.9);
    expect(measureVietnamese(SENTENCE)).toMatchObject({ share: 1 });
  });
  it("acronyms, numbers and capitals do not count against a header", () => {
    expect(measureVietnamese("UBND TỈNH LÀO CAI")).toEqual({ tokens: 3, valid: 3, share: 1 });
    expect(measureVietnamese("HĐND tỉnh; KTTH; số 142/QĐ-UBND ngày 29/3/2024")).toMatchObject({ share: 1 });
  });
  it.each([
    ["English", "The committee approved the annual budget report and asked the departments to submit their plans."],
    ["a glyph-index layer", "6Ӣ CÔNG 7+ѬѪ1*"],
    ["glyph-index prose", "7KӵF KLӋQ 4X\\ӃW ÿӏQK Vӕ 4Ĉ6&7 FӫD Giám ÿӕF"],
    ["TCVN3 mojibake", fixture("qd-ngaigiao-excerpt-body.tcvn3.txt")],
    ["VNI mojibake", fixture("qd-ngaigiao-excerpt.vni.txt")],
    ["random letters", "xqzt bvkw plmn rrtq hhgf zzkx qwpe"],
    ["Mac Roman misreading", "C‘NG TH NG B¡O L¿O CAI ng‡y th·ng"],
  ])("%s scores low", (_, text) => {
    expect(measureVietnamese(text).share).toBeLessThan(0.5);
  });
  it("ill-cased words are not Vietnamese", () => {
    expect(measureVietnamese("CÙng YÍn trÍn").share).toBe(0);
  });
  it("counts nothing in text without words", () => {
    expect(measureVietnamese("12/3/2024 - 15%")).toEqual({ tokens: 0, valid: 0, share: 0 });
  });
  it("samples huge texts", () => {
    const big = `${SENTENCE} `.repeat(20_000);
    const m = measureVietnamese(big);
    expect(m.share).toBe(1);
    expect(m.tokens).toBeLessThan(200_000);
  });
});

describe("legacyEncodingOfFont", () => {
  it.each([
    ["ABCDEF+VNI-Times", "vni"],
    ["ABCDEE+VNI-Times", "vni"],
    ["VNI-Helve-Bold", "vni"],
    ["VNI-Times,Bold", "vni"],
    ["VNITimes", "vni"],
    [".VnTime", "tcvn3"],
    [".VnTimeH", "tcvn3"],
    ["VnTimeH", "tcvn3"],
    ["BCDEEE+.VnArialH", "tcvn3"],
    ["VNTime", "tcvn3"],
    [".VnArial NarrowH", "tcvn3"],
    ["#2EVnTime", "tcvn3"],
    ["Times New Roman", null],
    ["PTDYGB+TimesNewRomanPSMT", null],
    ["Times New Roman,Bold", null],
    ["UVnTime", null],
    ["Arial", null],
    ["Verdana", null],
    ["", null],
  ])("%s → %s", (name, expected) => {
    expect(legacyEncodingOfFont(name)).toBe(expected);
  });
  it.each([
    [".VnTimeH", true],
    [".VnTime", false],
    ["BCDEEE+.VnArialH", true],
    [".VnTimeH,Bold", true],
    ["VnTimeH-Bold", true],
    [".VnTime,Bold", false],
    [".VnArial NarrowH", true],
    [".VnArial Narrow", false],
    ["VNI-Times", false],
  ])("capitals font %s → %s", (name, capitals) => {
    expect(describeLegacyFont(name)?.capitals).toBe(capitals);
  });
});

describe("decodeLegacy", () => {
  // Written by hand, as these fonts show in any Windows-1252 viewer.
  it.each([
    ["Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"],
    ["Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"],
    ["Quyeát ñònh", "Quyết định"],
    ["QUYEÁT ÑÒNH", "QUYẾT ĐỊNH"],
    ["UÛY BAN NHAÂN DAÂN TÆNH LAØO CAI", "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"],
    ["Sôû Coâng Thöông", "Sở Công Thương"],
    ["Nguyeãn Vaên Söï", "Nguyễn Văn Sự"],
    ["Thuû töôùng Chính phuû", "Thủ tướng Chính phủ"],
    ["Ngöôøi ñöôïc giao nhieäm vuï", "Người được giao nhiệm vụ"],
    ["kyõ thuaät, thò traán, Kyø hoïp, yù kieán", "kỹ thuật, thị trấn, Kỳ họp, ý kiến"],
    ["Tænh uûy Bình Döông; ÑIEÀU 1.", "Tỉnh ủy Bình Dương; ĐIỀU 1."],
    ["Hoäi ñoàng nhaân daân 2024", "Hội đồng nhân dân 2024"],
    ["AÊN, aê, ÖÔÙC, öôùc", "ĂN, ă, ƯỚC, ước"],
  ])("VNI %s", (vni, expected) => {
    expect(decodeLegacy(vni, "vni")).toBe(expected);
  });
  it.each([
    ["Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"],
    ["§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"],
    ["QuyÕt ®Þnh", "Quyết định"],
    ["Uû ban nh©n d©n tØnh Lµo Cai", "Uỷ ban nhân dân tỉnh Lào Cai"],
    ["Së C«ng Th\u00AD¬ng", "Sở Công Thương"],
    ["NguyÔn V¨n A", "Nguyễn Văn A"],
    ["Thñ t\u00ADíng ChÝnh phñ", "Thủ tướng Chính phủ"],
    ["Ng\u00ADêi ®\u00ADîc giao nhiÖm vô", "Người được giao nhiệm vụ"],
    ["kü thuËt, thÞ trÊn, tiÕng ViÖt", "kỹ thuật, thị trấn, tiếng Việt"],
    ["Héi ®ång nh©n d©n 2024", "Hội đồng nhân dân 2024"],
  ])("TCVN3 %s", (tcvn3, expected) => {
    expect(decodeLegacy(tcvn3, "tcvn3")).toBe(expected);
  });
  it.each([
    ["quyÕt ®Þnh", "QUYẾT ĐỊNH"],
    ["uû ban nh©n d©n", "UỶ BAN NHÂN DÂN"],
    ["céng hoµ x· héi chñ nghÜa viÖt nam", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
  ])("TCVN3 capitals font (.VnTimeH) %s", (tcvn3, expected) => {
    expect(decodeLegacy(tcvn3, "tcvn3", { capitals: true })).toBe(expected);
  });
  it("reads the symbol-font private-use codes some readers report", () => {
    const pua = [..."Céng hoµ"].map((c) => (c.charCodeAt(0) >= 0x80 ? String.fromCharCode(0xf000 + c.charCodeAt(0)) : c)).join("");
    expect(decodeLegacy(pua, "tcvn3")).toBe("Cộng hoà");
  });
  it("leaves text that is already Unicode alone", () => {
    expect(decodeLegacy("Cộng hòa xã hội", "vni")).toBe("Cộng hòa xã hội");
    expect(decodeLegacy("Sở Công Thương", "tcvn3")).toBe("Sở Công Thương");
  });
  it("decodes excerpts of a real Quyết định encoded with an independent table", () => {
    expect(decodeLegacy(fixture("qd-ngaigiao-excerpt.vni.txt"), "vni")).toBe(fixture("qd-ngaigiao-excerpt.txt"));
    expect(decodeLegacy(fixture("qd-ngaigiao-excerpt-body.tcvn3.txt"), "tcvn3")).toBe(fixture("qd-ngaigiao-excerpt-body.txt"));
    expect(decodeLegacy(fixture("qd-ngaigiao-headings.tcvn3h.txt"), "tcvn3", { capitals: true })).toBe(fixture("qd-ngaigiao-headings.txt"));
  });
  it("decodes the real PDF's VNI-font runs (its page numbers)", () => {
    // qd-ngaigiao-vni-font.pdf sets only its page numbers in ABCDEE+VNI-Times.
    expect(legacyEncodingOfFont("ABCDEE+VNI-Times")).toBe("vni");
    expect(decodeLegacy("1", "vni")).toBe("1");
    expect(decodeLegacy("2", "vni")).toBe("2");
  });
  it("round-trips every Vietnamese letter", () => {
    const letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
    const all = `${letters} ${letters.toUpperCase()}`;
    expect(decodeLegacy(encodeLegacy(all, "vni"), "vni")).toBe(all);
    expect(decodeLegacy(encodeLegacy(letters, "tcvn3"), "tcvn3")).toBe(letters);
    expect(decodeLegacy(encodeLegacy(letters, "tcvn3"), "tcvn3", { capitals: true })).toBe(letters.toUpperCase());
  });
  it("VNI round-trips any Vietnamese text", () => {
    const letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđbcghklmnpqrstvx";
    const unit = fc.constantFrom(...letters, ...letters.toUpperCase(), " ", ",", "1");
    fc.assert(fc.property(fc.string({ unit, maxLength: 60 }), (s) => {
      expect(decodeLegacy(encodeLegacy(s, "vni"), "vni")).toBe(s);
    }), { numRuns: 1000 });
  });
  it("never throws", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), fc.constantFrom("vni" as const, "tcvn3" as const), fc.boolean(), (s, enc, capitals) => {
      expect(typeof decodeLegacy(s, enc, { capitals })).toBe("string");
    }), { numRuns: 1000 });
  });
});

