import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTENT_OP, ContentReader, Lexer } from "../../src/sources/pdf-file/index.js";

/**
 * ContentReader (src/sources/pdf-file/content-reader.ts) gives the path scanner each operator of a
 * content stream with its operands, without a token object each. Its oracle is the general
 * `Lexer`, which the scanner read before: the same operators, the same numeric operands, the same
 * name before "Do", the same text objects and inline images stepped over.
 */

const OP_NAMES = new Map<string, number>(Object.entries(CONTENT_OP).map(([name, code]) => [name.replace("Star", "*"), code]));

interface Step {
  op: number;
  /** For k = 1..6: the last k operands when they are all numbers, else null. */
  numbers: Array<number[] | null>;
  name: string | null;
  fillColor?: boolean;
}

function bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

/** What the scanner made of `Lexer.next`'s tokens. */
function stepsFromLexer(data: Uint8Array): Step[] {
  const lexer = new Lexer(data, 0);
  const steps: Step[] = [];
  let operands: unknown[] = [];
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    if (typeof token !== "object" || token === null || !("op" in token)) {
      if (typeof token === "object" && token !== null && "open" in token) lexer.skipGroup();
      else operands.push(token);
      continue;
    }
    const op = OP_NAMES.get(token.op) ?? CONTENT_OP.OTHER;
    const last = operands[operands.length - 1];
    const step: Step = {
      op: op === CONTENT_OP.END ? CONTENT_OP.OTHER : op,
      numbers: [1, 2, 3, 4, 5, 6].map((k) => {
        const tail = operands.slice(-k);
        return operands.length >= k && tail.every((x) => typeof x === "number") ? (tail as number[]) : null;
      }),
      name: typeof last === "object" && last !== null && "name" in last ? (last as { name: string }).name : null,
    };
    if (token.op === "BT") step.fillColor = lexer.skipTextObject().fillColor;
    if (token.op === "BI") lexer.skipInlineImageObject();
    steps.push(step);
    operands = [];
  }
  return steps;
}

function stepsFromReader(data: Uint8Array): Step[] {
  const reader = new ContentReader(data);
  const steps: Step[] = [];
  for (let op = reader.read(); op !== CONTENT_OP.END; op = reader.read()) {
    const step: Step = { op, numbers: [1, 2, 3, 4, 5, 6].map((k) => reader.numbers(k)), name: reader.lastName() };
    if (op === CONTENT_OP.BT) step.fillColor = reader.skipTextObject().fillColor;
    if (op === CONTENT_OP.BI) reader.skipInlineImageObject();
    steps.push(step);
  }
  return steps;
}

const ops = (text: string) => stepsFromReader(bytes(text)).map((s) => [...OP_NAMES].find(([, code]) => code === s.op)?.[0]);

describe("ContentReader", () => {
  it.each([
    ["a clip around each run of text", "q 10 20 300 12 re W* n BT /F1 12 Tf (a) Tj ET Q", ["q", "re", "OTHER", "n", "BT", "Q"]],
    ["operators glued to strings and arrays", "[(a)2(b)]TJ(x)Tj 0 0 m 5 5 l S", ["OTHER", "OTHER", "m", "l", "S"]],
    ["a dictionary operand", "/Span<</MCID 3/ActualText(ET)>>BDC 1 g EMC", ["OTHER", "g", "OTHER"]],
    ["comments and stray delimiters", "% 1 2 re\n1 2 3 4 re ) } f*", ["re", "OTHER", "OTHER", "f*"]],
    ["not numbers: words of their own", "1.2.3 12abc - . 1 2 m", ["OTHER", "OTHER", "OTHER", "OTHER", "m"]],
    ["an inline image holding operator bytes", "BI /W 2 /H 1 ID \u0000 re S\u00ff EI 1 w", ["BI", "OTHER"]],
    ["true, false and null as operands", "true false null 1 0 0 1 0 0 cm", ["cm"]],
  ])("%s", (_name, text, expected) => {
    expect(ops(text)).toEqual(expected);
  });

  it("gives the numbers of the last operands, and the name before Do", () => {
    const steps = stepsFromReader(bytes("1 0 0 1 50.5 -.25 cm /Fm#200 Do /A 2 3 m"));
    expect(steps[0].numbers[5]).toEqual([1, 0, 0, 1, 50.5, -0.25]);
    expect(steps[1].name).toBe("Fm 0");
    expect(steps[2].numbers[1]).toEqual([2, 3]);
    expect(steps[2].numbers[2]).toBeNull();
  });

  it("reads what Lexer.next reads, on generated content streams (fast-check)", () => {
    const token = fc.oneof(
      fc.integer({ min: -100000, max: 100000 }).map(String),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toFixed(3)),
      fc.constantFrom(".5", "-.5", "+3", "1.", "-0", "1.2.3", "12abc", "-", "+", ".", "007"),
      fc.constantFrom(...Object.keys(CONTENT_OP).filter((k) => k !== "END" && k !== "OTHER").map((k) => k.replace("Star", "*"))),
      fc.constantFrom("W*", "W", "Tf", "gs", "BDC", "EMC", "d", "w", "scn", "SCN", "cs", "sh", "ID", "EI", "ET", "Tj", "qq", "rea", "true", "false", "null"),
      fc.constantFrom("/F1", "/A#20B", "/", "/Fm0", "/ET", "/re"),
      fc.constantFrom("(a)", "(a(b)c\\))", "(re S", "(\\(", "<00ff>", "<", "<4554>"),
      fc.constantFrom("<</A 1 /B [2 3 (x)]>>", "[1 2 (x)]", "[[1] <</N 2>>]", "<<", "["),
      fc.constantFrom(")", "}", "{", ">", "]", ">>"),
      fc.constantFrom("% comment re S\n", "%", "BT /F1 1 Tf (ET) Tj 0 g ET", "BT 1 0 0 rg <41> Tj ET", "BT (a) Tj", "BI /W 1 ID \u0000re\u00ff EI"),
      fc.string({ maxLength: 4 }),
    );
    const separator = fc.constantFrom(" ", " ", " ", "\n", "\r\n", "\t", "\u0000", "\f", "");
    const stream = fc.array(fc.tuple(token, separator), { maxLength: 40 }).map((parts) => parts.map(([t, s]) => t + s).join(""));
    fc.assert(
      fc.property(stream, (text) => {
        const data = bytes(text);
        expect(stepsFromReader(data)).toEqual(stepsFromLexer(data));
      }),
      { numRuns: 3000 },
    );
  });
});
