/** What the progress display knows at one moment. */
export interface ProgressState {
  total: number;
  done: number;
  failed: number;
  pages: number;
  elapsedMs: number;
  /** The document running longest (the one the output waits for), with how long it has run. */
  current: { name: string; runningMs: number } | null;
}

/** "1m05s", "42s", "2h03m". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** Files per second so far, and the time left at that pace (null until one file is done). */
export function measurePace(state: ProgressState): { rate: number; etaMs: number | null } {
  const seconds = Math.max(0.001, state.elapsedMs / 1000);
  const rate = state.done / seconds;
  return { rate, etaMs: state.done > 0 ? ((state.total - state.done) / rate) * 1000 : null };
}

function counters(state: ProgressState): string[] {
  const { rate, etaMs } = measurePace(state);
  const parts = [`${state.done}/${state.total} files`, `${state.pages} pages`, `${rate.toFixed(1)} files/s`, `ETA ${etaMs === null ? "?" : formatDuration(etaMs)}`];
  if (state.failed > 0) parts.push(`${state.failed} failed`);
  return parts;
}

/** Shortens a name to `width` characters, keeping its end (the file name): "…/2021/qd-12.pdf". */
export function truncateStart(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return "…".slice(0, Math.max(0, width));
  return `…${chars.slice(chars.length - width + 1).join("")}`;
}

/**
 * The bar line, at most `width` columns (the terminal's, less one so the cursor never wraps):
 * `[####------] 12/100 files | 340 pages | 1.2 files/s | ETA 1m13s | 2 failed | qd-12.pdf (35s)`.
 * The bar shrinks first, then the current file name is cut from the left, then the counters.
 */
export function formatBarLine(state: ProgressState, width: number): string {
  const stats = counters(state).join(" | ");
  const current = state.current ? ` (${formatDuration(state.current.runningMs)})` : "";
  const fraction = state.total > 0 ? state.done / state.total : 1;
  const barFor = (cells: number): string => {
    const full = Math.round(fraction * cells);
    return `[${"#".repeat(full)}${"-".repeat(cells - full)}]`;
  };
  const fixed = stats.length + 1; // "<bar> <stats>"
  const barCells = Math.max(10, Math.min(30, width - fixed - 2 - 30));
  let line = `${barFor(barCells)} ${stats}`;
  if (state.current) {
    const room = width - line.length - 3 - current.length;
    if (room >= 8) line += ` | ${truncateStart(state.current.name, room)}${current}`;
  }
  if (line.length > width) line = `${stats}`;
  return [...line].slice(0, Math.max(0, width)).join("");
}

/** One plain progress line for logs (--progress without a terminal): no bar, no control codes. */
export function formatPlainLine(state: ProgressState): string {
  const current = state.current ? `, current: ${state.current.name} (${formatDuration(state.current.runningMs)})` : "";
  return `vanban: progress ${counters(state).join(", ")}${current}`;
}
