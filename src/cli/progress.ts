/** Counts shown while a batch runs. */
export interface ProgressCounts {
  done: number;
  failed: number;
  pages: number;
}

/** Progress on stderr: a live bar when stderr is a terminal, otherwise nothing but the lines logged. */
export interface Progress {
  update(counts: ProgressCounts): void;
  /** A message on stderr (above the bar when there is one). */
  log(line: string): void;
  stop(): void;
}

const BAR_FORMAT = " {bar} {value}/{total} files | {pages} pages | {rate} files/s | ETA {eta_formatted} | {failed} failed";

/** A live bar only for a terminal and never with --quiet; cli-progress is imported only then. */
export async function startProgress(total: number, live: boolean): Promise<Progress> {
  if (!live) {
    return {
      update: () => {},
      log: (line) => {
        process.stderr.write(`${line}\n`);
      },
      stop: () => {},
    };
  }
  const { default: cliProgress } = await import("cli-progress");
  const multi = new cliProgress.MultiBar(
    { format: BAR_FORMAT, stream: process.stderr, hideCursor: true, clearOnComplete: false, etaBuffer: 50, fps: 5 },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  const bar = multi.create(total, 0, { pages: 0, rate: "0.0", failed: 0 });
  return {
    update(counts) {
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      bar.update(counts.done, { pages: counts.pages, rate: (counts.done / seconds).toFixed(1), failed: counts.failed });
    },
    log(line) {
      multi.log(`${line}\n`);
    },
    stop() {
      // stop() does not flush lines logged since the last redraw; one more update does.
      multi.update();
      multi.stop();
    },
  };
}
