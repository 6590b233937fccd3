import { sniffFormat } from "../detect-format.js";
import type { PageOcr } from "../schema/page-ocr.js";
import type { ParseTask, TaskResult } from "./parse-task.js";
import type { TaskRunner } from "./runners.js";
import { HEAD_BYTES, readHead } from "./read-head.js";

/**
 * One long scan read by every process of the pool (issue 15, `--split-pages n`): a first step
 * finds the pages that need OCR (cheap for a scan, stopped after the first pages of a
 * born-digital PDF), and when there are more than `threshold` they are OCR'd in as many
 * pieces as there are processes, and a last step parses the PDF with those readings — the
 * record is the one a single parse gives. Whatever fails in the pieces is read again by the
 * last parse, so a failure here costs time, never the record. `null`: not a scan worth splitting.
 */
export async function parseSplit(task: ParseTask, runner: TaskRunner, processes: number, threshold: number): Promise<TaskResult | null> {
  if (processes < 2 || task.options.ocr === "never" || !(await isPdf(task))) return null;
  const planned = await runner.run({ ...task, step: { kind: "plan", threshold } });
  if (!planned.ok) return null;
  const plan = JSON.parse(planned.output) as { pages: number; ocrPages: number[] } | null;
  if (plan === null) return null;
  const pieces = splitPages(plan.ocrPages, processes);
  const read = await Promise.all(pieces.map((pages) => runner.run({ ...task, step: { kind: "ocr", pages } })));
  const pageOcr: PageOcr[] = read.flatMap((r) => (r.ok ? (JSON.parse(r.output) as PageOcr[]) : []));
  return runner.run({ ...task, pageOcr });
}

/** Pages in `count` contiguous runs of near-equal length (neighbouring pages share a render). */
export function splitPages(pages: readonly number[], count: number): number[][] {
  const n = Math.min(count, pages.length);
  const out: number[][] = [];
  for (let k = 0; k < n; k++) out.push(pages.slice(Math.floor((k * pages.length) / n), Math.floor(((k + 1) * pages.length) / n)));
  return out;
}

/** Whether the input is a PDF by its first bytes: anything else is parsed in one step. */
async function isPdf(task: ParseTask): Promise<boolean> {
  const head = task.bytes !== null ? task.bytes.subarray(0, HEAD_BYTES) : task.path === null ? null : (await readHead(task.path))?.bytes ?? null;
  return head !== null && sniffFormat(head) === "pdf";
}
