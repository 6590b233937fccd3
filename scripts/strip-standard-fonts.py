#!/usr/bin/env python3
"""
Writes data/standard-fonts/: pdfjs-dist's standard fonts without their glyph outlines.

pdf.js loads a standard font file for every font a PDF names without embedding it (Times New
Roman, Arial …), once per document, and converts it for the browser's font loader: the Foxit
fonts are bare CFF, recompiled glyph by glyph; the Liberation fonts are TrueType, checked table
by table. The reader never draws a glyph, and on typical signed documents that conversion was a
third of what pdf.js did for the reader beyond its bare text loop (docs/performance.md).

For text, pdf.js needs a standard font file to load (without one it falls back to a system font
and names, styles and maps the font otherwise), but takes the codes, widths and names from the
PDF and its own tables. Glyph names, order, widths, encoding, font matrix and bounding box (CFF)
and cmap, post, hmtx, head, hhea, OS/2, name (TrueType) are kept all the same; outlines,
subroutines and hinting go. tests/sources/pdf-standard-fonts.test.ts checks that pdf.js gives the
same text content, styles, glyphs and font objects with these files as with pdfjs-dist's, and that
SOURCES.json matches the installed pdfjs-dist; rerun this script after upgrading pdfjs-dist:

    apt-get install python3-fonttools   # Debian's fontTools (PyPI is not reachable here)
    python3 scripts/strip-standard-fonts.py

Rendering (OCR, the review page) keeps using pdfjs-dist's own files.
"""
import hashlib
import io
import json
import os
import shutil

from fontTools.cffLib import CFFFontSet
from fontTools.misc.psCharStrings import T2WidthExtractor
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "node_modules", "pdfjs-dist", "standard_fonts")
TARGET = os.path.join(ROOT, "data", "standard-fonts")
# TrueType tables that only serve drawing (hinting, kerning, shaping, embedded bitmaps, signature).
DRAWING_TABLES = ("fpgm", "prep", "cvt ", "gasp", "hdmx", "LTSH", "VDMX", "kern", "GPOS", "GSUB", "GDEF", "DSIG")


class EndcharProbe(T2WidthExtractor):
    """Runs a Type 2 charstring for its width, noting the accent composition of a seac-style endchar."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seac = None

    def op_endchar(self, index):
        args = self.popallWidth()
        if len(args) >= 4:
            self.seac = args[-4:]


class NoOpenTypeFont:
    """fontTools compiles a bare CFF against an OpenType font; nothing is recalculated."""

    recalcBBoxes = False


def strip_cff(data: bytes) -> bytes:
    fonts = CFFFontSet()
    fonts.decompile(io.BytesIO(data), None)
    top = fonts[fonts.fontNames[0]]
    private = top.Private
    nominal = getattr(private, "nominalWidthX", 0)
    default = getattr(private, "defaultWidthX", 0)
    local_subrs = getattr(private, "Subrs", [])
    for name in top.CharStrings.keys():
        charstring = top.CharStrings[name]
        probe = EndcharProbe(local_subrs, fonts.GlobalSubrs, nominal, default)
        probe.execute(charstring)
        program = [] if probe.width == default else [probe.width - nominal]
        if probe.seac is not None:
            program.extend(probe.seac)
        program.append("endchar")
        charstring.program = program
        charstring.bytecode = None
    if "Subrs" in private.rawDict:
        del private.rawDict["Subrs"]
        del private.Subrs
    fonts.GlobalSubrs.clear()
    out = io.BytesIO()
    fonts.compile(out, NoOpenTypeFont())
    return out.getvalue()


def strip_truetype(path: str) -> bytes:
    font = TTFont(path, recalcBBoxes=False, recalcTimestamp=False)
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyf[name] = Glyph()
    for tag in DRAWING_TABLES:
        if tag in font:
            del font[tag]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main() -> None:
    with open(os.path.join(ROOT, "node_modules", "pdfjs-dist", "package.json")) as f:
        version = json.load(f)["version"]
    os.makedirs(TARGET, exist_ok=True)
    files = {}
    for name in sorted(os.listdir(SOURCE)):
        path = os.path.join(SOURCE, name)
        if name.startswith("LICENSE"):
            shutil.copyfile(path, os.path.join(TARGET, name))
            continue
        with open(path, "rb") as f:
            data = f.read()
        if name.endswith(".pfb"):
            stripped = strip_cff(data)
        elif name.endswith(".ttf"):
            stripped = strip_truetype(path)
        else:
            raise SystemExit(f"unexpected file in {SOURCE}: {name}")
        with open(os.path.join(TARGET, name), "wb") as f:
            f.write(stripped)
        files[name] = {"source": sha256(data), "stripped": sha256(stripped)}
        print(f"{name}: {len(data)} -> {len(stripped)} bytes")
    with open(os.path.join(TARGET, "SOURCES.json"), "w") as f:
        json.dump({"pdfjsDist": version, "files": files}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
