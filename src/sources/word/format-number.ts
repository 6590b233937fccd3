/** Word number formats (w:numFmt) used by list labels and note marks. */
export type NumberFormat = string;

const ROMAN: Array<[number, string]> = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];
/** Word's `chicago` note marks cycle through these, doubling each round. */
const CHICAGO = ["*", "†", "‡", "§"];

/** Formats a counter the way Word prints it for a `w:numFmt` value. */
export function formatNumber(value: number, format: NumberFormat): string {
  switch (format) {
    case "none":
      return "";
    case "lowerRoman":
      return toRoman(value).toLowerCase();
    case "upperRoman":
      return toRoman(value);
    case "lowerLetter":
      return toLetters(value).toLowerCase();
    case "upperLetter":
      return toLetters(value);
    case "decimalZero":
      return value < 10 && value >= 0 ? `0${value}` : String(value);
    case "chicago":
      return value > 0 ? CHICAGO[(value - 1) % 4].repeat(Math.floor((value - 1) / 4) + 1) : String(value);
    default:
      // decimal and the formats without a Vietnamese rendering (ordinal, cardinalText …).
      return String(value);
  }
}

function toRoman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  let rest = value;
  let out = "";
  for (const [n, s] of ROMAN) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

/** Word letters: A … Z, then AA … ZZ, AAA … (the letter repeated, not base 26). */
function toLetters(value: number): string {
  if (value <= 0) return String(value);
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}
