import { closeSync, existsSync, fsync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { OptbenchError } from '../core/errors.ts';
import type { TrialResult } from '../results/types.ts';

/** The first line of a journal: which plan its trials belong to. */
interface Header {
  readonly journal: 1;
  readonly suite: string;
  readonly plan: string;
}

/**
 * An append-only record of finished trials, one JSON line each, written as each chunk finishes and then fsync'd,
 * so that `--resume` after a crash or `kill -9` skips every trial that had finished. A written line is the
 * kernel's at once (it survives the process being killed); the fsync that makes it survive the machine runs on
 * libuv's thread pool, so this thread goes on with trials meanwhile (~2 ms a chunk here), and `close` waits for
 * it. A last line cut short by a kill is ignored; any other unreadable line is an error naming the file and line.
 */
export class Journal {
  /** The fsync in flight; `again`: lines were written since it began, so another follows. */
  private syncing: Promise<void> | undefined;
  private again = false;
  private failed: NodeJS.ErrnoException | undefined;

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
    writeSync(fd, `${JSON.stringify(header)}\n`);
    journal.append([...kept]);
    return journal;
  }

  /** Appends finished trials (written before returning; fsync'd in the background, see the class). */
  append(trials: readonly TrialResult[]): void {
    this.check();
    if (trials.length === 0) return;
    writeSync(this.fd, trials.map((t) => `${JSON.stringify(t)}\n`).join(''));
    this.sync();
  }

  private sync(): void {
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = new Promise<void>((resolve) =>
      fsync(this.fd, (error) => {
        if (error) this.failed ??= error;
        resolve();
      }),
    ).then(() => {
      this.syncing = undefined;
      if (this.again) {
        this.again = false;
        this.sync();
      }
    });
  }

  private check(): void {
    if (this.failed) throw new OptbenchError(`cannot write journal ${this.file}: ${this.failed.code ?? this.failed.message}`);
  }

  /** Waits for the last fsync, then closes; a failed fsync is an error naming the journal. Closing twice is harmless. */
  async close(): Promise<void> {
    while (this.syncing) await this.syncing;
    if (this.fd >= 0) {
      fsyncSync(this.fd); // the header of a journal that got no trials
      closeSync(this.fd);
    }
    this.fd = -1;
    this.check();
  }

  /** Closes and deletes the journal once the final files are written. */
  async remove(): Promise<void> {
    await this.close();
    rmSync(this.file, { force: true });
  }
}
