import { SingleBar } from 'cli-progress';

/** Progress of a run on stderr: a bar with rate and ETA on a terminal, a line every few seconds otherwise. */
export interface Progress {
  start(total: number, label: string): void;
  /** A new total (a staged search learns its own as it goes). */
  retotal(total: number): void;
  add(count: number): void;
  stop(): void;
}

const quiet: Progress = { start() {}, retotal() {}, add() {}, stop() {} };

function bar(): Progress {
  const b = new SingleBar({
    format: '{label} [{bar}] {value}/{total} trials | {rate}/s | ETA {eta_formatted}',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  const started = Date.now();
  let done = 0;
  return {
    start: (total, label) => b.start(total, 0, { label, rate: '0' }),
    retotal: (total) => b.setTotal(total),
    add(count) {
      done += count;
      const seconds = Math.max((Date.now() - started) / 1000, 1e-3);
      b.update(done, { rate: (done / seconds).toFixed(0) });
    },
    stop: () => b.stop(),
  };
}

function lines(): Progress {
  let total = 0;
  let done = 0;
  let last = 0;
  let label = '';
  const started = Date.now();
  return {
    start(t, l) {
      total = t;
      label = l;
      process.stderr.write(`${label}: ${total} trials\n`);
    },
    retotal(t) {
      total = t;
    },
    add(count) {
      done += count;
      const now = Date.now();
      if (now - last < 5000 && done < total) return;
      last = now;
      const rate = done / Math.max((now - started) / 1000, 1e-3);
      const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
      process.stderr.write(`${label}: ${done}/${total} trials, ${rate.toFixed(0)}/s, ETA ${eta} s\n`);
    },
    stop() {},
  };
}

export function progress(options: { quiet?: boolean }): Progress {
  if (options.quiet) return quiet;
  return process.stderr.isTTY ? bar() : lines();
}
