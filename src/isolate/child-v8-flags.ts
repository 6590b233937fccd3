/**
 * V8 flags that tune every child, for the V8 of the Node running vanban. They were measured on
 * V8 11.3 (Node 20); a flag a later V8 no longer has is left out, since Node refuses to start
 * on an unknown flag (exit code 9).
 * - Regexes compiled straight to native code: the default first pass through V8's regex
 *   interpreter makes a fresh process's first document markedly slower (docs/performance.md)
 *   and gains nothing when the same patterns run on every line.
 * - The heap grows by V8's own factor for large heaps (×4). With a heap limit of 1 GiB V8
 *   picks ×1.6, which on the Lâm Đồng corpus meant 4.5× as many full collections and 30 % more
 *   time (docs/scale.md); the limit itself still holds.
 * - Functions are optimized after twice V8's default amount of work (interrupt budget). pdf.js
 *   code hands its hot loops objects of ever new shapes, so with the default V8 optimized,
 *   threw away and re-optimized the same functions dozens of times per child; over the corpus
 *   this flag cut the CPU time of a batch by 11 % at equal wall time at -j 1 (docs/scale.md).
 *   V8 12 (Node 22) replaced the interrupt budget by invocation counts and dropped the flag.
 * - When the pool alone fills every core (`saturated`), V8's helper threads (concurrent
 *   compilation and marking, about 0.4 of a core beside each busy child) only compete with the
 *   other children: each child then runs single-threaded, which is 15–20 % more documents per
 *   second at -j 2 on 2 cores (docs/scale.md). Below that, the helpers use cores that would
 *   otherwise idle.
 */
export function childV8Flags(v8Version: string, saturated: boolean): string[] {
  const major = Number(/^(?<major>\d+)\./u.exec(v8Version)?.groups?.major ?? Number.NaN);
  const flags = ["--no-regexp-tier-up", "--heap-growing-percent=300"];
  if (major < 12) flags.push("--interrupt-budget=262144");
  if (saturated) flags.push("--single-threaded");
  return flags;
}
