import { formatBarLine, formatPlainLine, type ProgressState } from "./format-progress.js";

/** Counts shown while a batch runs. */
export interface ProgressCounts {
  done: number;
  failed: number;
  pages: number;
}

/** `bar`: a live line redrawn in place (a terminal); `lines`: a plain line now and then (logs, cron); `off`. */
export type ProgressMode = "bar" | "lines" | "off";

/** Where progress goes: process.stderr, or a fake in tests. */
export interface ProgressStream {
  write(chunk: string): unknown;
  /** Terminal width; absent when not a terminal. */
  columns?: number;
}

export interface ProgressOptions {
  total: number;
  mode: ProgressMode;
  stream?: ProgressStream;
  /** How often the display refreshes on its own, so the rate and ETA move while a long file parses. */
  intervalMs?: number;
  now?: () => number;
}

/** Progress on stderr; `log` writes a message above the bar (or as a plain line). */
export interface Progress {
  /** A document started; the returned function says it is finished. */
  begin(name: string): () => void;
  update(counts: ProgressCounts): void;
  log(line: string): void;
  stop(): void;
}

/** Refresh of the live bar, and the pace of plain lines (a cron log wants few of them). */
const BAR_INTERVAL_MS = 250;
const LINES_INTERVAL_MS = 10_000;
const CLEAR_LINE = "\r\u001b[K";

/**
 * The mode for a run: --no-progress or --quiet turn it off; --progress turns it on (a bar on a
 * terminal, plain lines elsewhere); by default, a bar only when stderr is a terminal.
 */
export function chooseProgressMode(flag: boolean | undefined, quiet: boolean, isTTY: boolean): ProgressMode {
  if (quiet || flag === false) return "off";
  if (isTTY) return "bar";
  return flag === true ? "lines" : "off";
}

export function startProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const started = now();
  const counts: ProgressCounts = { done: 0, failed: 0, pages: 0 };
  // Insertion order: the first entry is the document running longest.
  const running = new Map<number, { name: string; since: number }>();
  let nextId = 0;
  let shown = false;

  const state = (): ProgressState => {
    const first = running.values().next();
    const current = first.done ? null : { name: first.value.name, runningMs: now() - first.value.since };
    return { total: options.total, ...counts, elapsedMs: now() - started, current };
  };
  const width = (): number => Math.max(20, (stream.columns ?? 80) - 1);
  const draw = (): void => {
    if (options.mode === "bar") {
      stream.write(`${CLEAR_LINE}${formatBarLine(state(), width())}`);
      shown = true;
    } else if (options.mode === "lines") {
      stream.write(`${formatPlainLine(state())}\n`);
    }
  };

  const interval = options.intervalMs ?? (options.mode === "bar" ? BAR_INTERVAL_MS : LINES_INTERVAL_MS);
  // unref: the display never keeps the process alive on its own.
  const timer = options.mode === "off" ? undefined : setInterval(draw, interval);
  timer?.unref();
  if (options.mode === "bar") draw();

  return {
    begin(name) {
      const id = nextId++;
      running.set(id, { name, since: now() });
      return () => {
        running.delete(id);
      };
    },
    update(next) {
      Object.assign(counts, next);
      if (options.mode === "bar") draw();
    },
    log(line) {
      if (options.mode !== "bar") {
        stream.write(`${line}\n`);
        return;
      }
      // Clear the bar, write the message on its own line, redraw the bar below it.
      stream.write(`${CLEAR_LINE}${line}\n`);
      draw();
    },
    stop() {
      clearInterval(timer);
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
