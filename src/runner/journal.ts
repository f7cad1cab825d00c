import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { OptbenchError } from '../core/errors.ts';
import type { TrialResult } from '../results/types.ts';

/** The first line of a journal: which plan its trials belong to. */
interface Header {
  readonly journal: 1;
  readonly suite: string;
  readonly plan: string;
}

/**
 * An append-only record of finished trials, one JSON line each, written and fsync'd as each chunk finishes,
 * so that `--resume` after a crash or `kill -9` skips every trial that had finished. A last line cut short by
 * the kill is ignored; any other unreadable line is an error naming the file and line.
 */
export class Journal {
  private constructor(
    readonly file: string,
    private fd: number,
  ) {}

  /** Trials already recorded in `file` for this plan (empty if there is no journal). */
  static read(file: string, suite: string, plan: string): Map<string, TrialResult> {
    const done = new Map<string, TrialResult>();
    if (!existsSync(file)) return done;
    const lines = readFileSync(file, 'utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0) return done;
    let header: Partial<Header> = {};
    try {
      header = JSON.parse(lines[0]) as Header;
    } catch {
      throw new OptbenchError(`${file}: not an optbench journal (unreadable first line); delete it to start over`);
    }
    if (header.journal !== 1 || header.suite !== suite || header.plan !== plan) {
      throw new OptbenchError(`${file}: journal of another plan (the suite or its options changed); run without --resume to start over`);
    }
    for (let i = 1; i < lines.length; i++) {
      try {
        const trial = JSON.parse(lines[i]) as TrialResult;
        done.set(trial.id, trial);
      } catch {
        if (i === lines.length - 1) break; // cut short by a kill while writing: that trial reruns
        throw new OptbenchError(`${file}: line ${i + 1} is corrupt; delete the journal to start over`);
      }
    }
    return done;
  }

  /** Opens the journal for appending; a fresh one (resume = false, or none yet) starts with its header. */
  static open(file: string, suite: string, plan: string, kept: Iterable<TrialResult>): Journal {
    let fd: number;
    try {
      fd = openSync(file, 'w');
    } catch (error) {
      throw new OptbenchError(`cannot write journal ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
    const journal = new Journal(file, fd);
    const header: Header = { journal: 1, suite, plan };
    journal.write(`${JSON.stringify(header)}\n`);
    journal.append([...kept]);
    return journal;
  }

  /** Appends finished trials and flushes them to disk before returning. */
  append(trials: readonly TrialResult[]): void {
    if (trials.length === 0) return;
    this.write(trials.map((t) => `${JSON.stringify(t)}\n`).join(''));
  }

  private write(text: string): void {
    writeSync(this.fd, text);
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  /** Closes and deletes the journal once the final files are written. */
  remove(): void {
    this.close();
    rmSync(this.file, { force: true });
  }
}
