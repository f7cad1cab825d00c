import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cleanup, copyOf, expectUntouched, optbench, scratch, snapshot, start, TINY, userError, waitFor } from './helpers.ts';

/**
 * One output directory, one writer: a second run on a directory another run is writing exits 2 naming the directory
 * and the other run's pid; a lock left by a process that no longer exists is taken over; no lock is left after a run,
 * whether it finished, failed or was interrupted (see interrupt.test.ts for the last).
 */

const work = scratch('lock');
const REPORT = join(work, 'report');
/** A suite that runs for tens of seconds on one thread: the first run is stopped as soon as the test is done. */
const LONG = join(work, 'long.ts');
const LOCK = '.optbench.lock';

/** A pid no process has (999999 unless, by chance, one has it). */
function deadPid(): number {
  for (let pid = 999_999; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

beforeAll(async () => {
  assertBuilt();
  writeFileSync(
    LONG,
    "export default { problems: [{ name: 'quadratic', params: { dim: 100 } }], optimizers: [{ name: 'sgd', params: { lr: [0.001, 0.01] } }], seeds: 20, budget: { steps: 20000 } };\n",
  );
  const run = await optbench(['suite', TINY, '--out', REPORT, '--workers', '1', '--quiet']);
  if (run.code !== 0) throw new Error(run.stderr);
});
afterAll(cleanup);

describe('two runs on one --out', () => {
  it('the second exits 2 with one line naming the directory and the pid of the first, which goes on; suite and report alike', async () => {
    const out = join(work, 'busy');
    const first = start(['suite', LONG, '--out', out, '--workers', '1', '--quiet']);
    try {
      await waitFor('the lock of the first run', () => existsSync(join(out, LOCK)), first.child);
      expect(readFileSync(join(out, LOCK), 'utf8')).toBe(`${first.child.pid}\n`);
      const refusal = `optbench: ${out} is being written by another optbench run (pid ${first.child.pid}); wait for it to finish or choose another --out`;
      const [suite, report] = await Promise.all([
        optbench(['suite', TINY, '--out', out, '--workers', '1']),
        optbench(['report', join(REPORT, 'results.json'), '--out', out]),
      ]);
      expect(userError(suite)).toBe(refusal);
      expect(userError(report)).toBe(refusal);
      expect(first.child.exitCode, 'the first run ended before the second tried').toBe(null);
      // The refused runs wrote nothing: the directory holds the first run's lock and journal only.
      expect(readdirSync(out).sort()).toEqual(['.journal.jsonl', LOCK]);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect((await first.exited).code).toBe(143);
    expect(existsSync(join(out, LOCK)), 'the interrupted run left its lock').toBe(false);
  });
});

describe.concurrent('a stale lock', () => {
  it('holding a dead pid (e.g. 999999) is taken over: the run succeeds and leaves no lock', async () => {
    const { dir } = copyOf(REPORT, 'stale', work);
    writeFileSync(join(dir, LOCK), `${deadPid()}\n`);
    const run = await optbench(['suite', TINY, '--out', dir, '--workers', '1', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['convergence-linear-regression.svg', 'lr-sensitivity-linear-regression.svg', 'report.md', 'results.json']);
    // The same suite, so the same bytes as the report that was there.
    for (const file of ['report.md', 'results.json']) expect(readFileSync(join(dir, file)).equals(readFileSync(join(REPORT, file))), file).toBe(true);
  });

  it('holding no pid at all (an empty file) is taken over by report', async () => {
    const { dir } = copyOf(REPORT, 'empty-lock', work);
    writeFileSync(join(dir, LOCK), '');
    const run = await optbench(['report', join(REPORT, 'results.json'), '--out', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir, LOCK))).toBe(false);
  });
});

describe.concurrent('no lock is left after a run', () => {
  it('that finished', async () => {
    const out = join(work, 'fresh');
    const run = await optbench(['suite', TINY, '--out', out, '--workers', '2', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('that failed while holding it (--resume on a journal that is not one): exit 2, one line; journal and report untouched', async () => {
    const { dir } = copyOf(REPORT, 'bad-journal', work);
    writeFileSync(join(dir, '.journal.jsonl'), 'not a journal\n');
    const before = snapshot(dir);
    const line = userError(await optbench(['suite', TINY, '--out', dir, '--workers', '1', '--resume']));
    expect(line).toBe(`optbench: ${join(dir, '.journal.jsonl')}: not an optbench journal (unreadable first line); delete it to start over`);
    expectUntouched(dir, before);
  });
});
