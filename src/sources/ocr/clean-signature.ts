import { NAME_WORD } from "../../lexicon/closing-marks.js";
import { MILITARY_RANKS } from "../../lexicon/person-titles.js";
import type { OcrCorrection } from "./clean-ocr.js";
import { baseOf } from "./syllable-model.js";

/**
 * Clean-up of the signer's name line (dòng họ tên người ký) in the closing's right column,
 * where the signature's strokes and the seal cross the print: a stroke read as a lone mark
 * before the name ("- Ñ Lê Thành Long") is dropped, and a rank read with the wrong tone
 * ("Thiểu tướng", "Thiều tướng") is spelled as printed. Only on a line that is otherwise a name.
 */
export function cleanSignatureLine(text: string): { text: string; corrections: OcrCorrection[] } {
  const corrections: OcrCorrection[] = [];
  const words = text.split(" ");
  let start = 0;
  // A name never opens with a one-character word; a stroke read as "-", "|" or "Ñ" does.
  while (start < words.length - 2 && [...words[start]].length === 1) start++;
  const rest = words.slice(start);
  const rank = rankAt(rest);
  const name = rest.slice(rank ? 2 : 0);
  const isName = name.length >= 2 && name.length <= 6 && name.every((w) => NAME_WORD.test(w));
  if (!isName) return { text, corrections };
  if (start > 0) corrections.push({ from: words.slice(0, start).join(" "), to: "", reason: "stray_mark" });
  if (rank && rank !== rest.slice(0, 2).join(" ")) corrections.push({ from: rest.slice(0, 2).join(" "), to: rank, reason: "signer_rank" });
  return { text: [...(rank ? [rank] : []), ...name].join(" "), corrections };
}

/** The rank the line opens with, as printed, when its first two words differ from it in diacritics only. */
function rankAt(words: string[]): string | null {
  if (words.length < 4) return null;
  // Letters without diacritics: "Thiểu tướng" → "thieu tuong".
  const key = baseOf(`${words[0]} ${words[1]}`);
  return MILITARY_RANKS.find((rank) => baseOf(rank) === key) ?? null;
}
