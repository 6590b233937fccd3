/**
 * Character classes for patterns with both the `i` and `u` flags. V8 11.3 (Node 20) compiles
 * `\S`, `\W` and `.` under those flags by case-folding nearly all of Unicode: 0.1–0.2 ms each
 * time a pattern holding one is compiled, several ms over a small document's first parse. These
 * negated classes match exactly the same characters under any flags (checked over every code
 * point in tests/text/fold-free-classes.test.ts) and compile in a fraction of that.
 */

/** `\S`: any character but whitespace. */
export const NOT_SPACE = String.raw`[^\s]`;
/** `\W`: any character but a word character. */
export const NOT_WORD = String.raw`[^\w]`;
/** `.`: any character but a line terminator. */
export const IN_LINE = String.raw`[^\n\r\u2028\u2029]`;
