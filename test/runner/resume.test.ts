import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/results/types.ts';
import { assertBuilt, BIN, cliEnv, expectSameFiles, optbench, userError } from './spawn.ts';

/**
 * Kill and resume: a run killed with SIGKILL part way leaves its journal (one fsync'd JSON line per finished
 * trial); `--resume` skips those trials, and the final files are those of an uninterrupted run, byte for byte.
 * Suite: test/fixtures/runner/slow.ts (40 trials of 1000 steps, a few seconds on one thread).
 */

const SUITE = resolve('test/fixtures/runner/slow.ts');
const TRIALS = 40;
const work = mkdtempSync(join(tmpdir(), 'optbench-resume-'));
const WHOLE = join(work, 'whole');
const KILLED = join(work, 'killed');
const JOURNAL = join(KILLED, '.journal.jsonl');
/** The journal as the kill left it, for the other tests. */
const SAVED = join(work, 'saved.jsonl');
let done: number;

/** Complete trial lines of a journal (after its header); a last line cut short by the kill does not count. */
function completeTrials(file: string): number {
  const lines = readFileSync(file, 'utf8').split('\n').slice(1, -1);
  return lines.filter((line) => {
    try {
      JSON.parse(line);
      return true;
    } catch {
      return false;
    }
  }).length;
}

/** Starts the suite on one thread, waits for the journal to hold a finished trial, and kills the process. */
async function runAndKill(): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'suite', SUITE, '--out', KILLED, '--workers', '1', '--quiet'], { env: cliEnv(), stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | number | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)));
  const deadline = Date.now() + 30_000;
  while (!(existsSync(JOURNAL) && readFileSync(JOURNAL, 'utf8').split('\n').length > 2)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('the run ended (or stalled) before its journal recorded a trial');
    await sleep(5);
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

beforeAll(async () => {
  assertBuilt();
  const [whole] = await Promise.all([optbench(['suite', SUITE, '--out', WHOLE, '--workers', '1', '--quiet']), runAndKill()]);
  expect(whole.code, whole.stderr).toBe(0);
  copyFileSync(JOURNAL, SAVED);
  done = completeTrials(SAVED);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a run killed with SIGKILL', () => {
  it('left a journal of finished trials and no results', () => {
    expect(existsSync(join(KILLED, 'results.json')), 'the run finished before the kill: make the fixture slower').toBe(false);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(TRIALS);
  });
});

describe.concurrent('optbench suite --resume', () => {
  it('skips the finished trials, and writes what an uninterrupted run writes; the journal is deleted', async () => {
    const run = await optbench(['suite', SUITE, '--out', KILLED, '--workers', '1', '--resume']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`optbench: resuming slow: ${done} trials already done\n`);
    expect(run.stdout).toMatch(new RegExp(`\\(${TRIALS - done} trials in [0-9.]+ s on 1 worker\\)\\n$`));
    expect(existsSync(JOURNAL)).toBe(false);
    expectSameFiles(KILLED, WHOLE);
  });

  it('a journal whose last line was cut short resumes fine (that trial runs again), on 2 workers too', async () => {
    const dir = join(work, 'truncated');
    mkdirSync(dir);
    copyFileSync(SAVED, join(dir, '.journal.jsonl'));
    // Half of the line of a trial the journal does not hold yet, with no newline: as a kill mid-write leaves it.
    const whole = JSON.parse(readFileSync(join(WHOLE, 'results.json'), 'utf8')) as Results;
    const next = JSON.stringify(whole.trials.find((t) => !readFileSync(SAVED, 'utf8').includes(`"id":"${t.id}"`)));
    appendFileSync(join(dir, '.journal.jsonl'), next.slice(0, next.length >> 1));
    const run = await optbench(['suite', SUITE, '--out', dir, '--workers', '2', '--resume']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`optbench: resuming slow: ${done} trials already done\n`);
    expectSameFiles(dir, WHOLE);
  });

  it('a journal of another plan: exit 2, one line naming the journal', async () => {
    const dir = join(work, 'other-plan');
    mkdirSync(dir);
    copyFileSync(SAVED, join(dir, '.journal.jsonl'));
    const line = userError(await optbench(['suite', resolve('test/fixtures/suites/tiny.ts'), '--out', dir, '--workers', '1', '--resume']));
    expect(line).toBe(`optbench: ${join(dir, '.journal.jsonl')}: journal of another plan (the suite or its options changed); run without --resume to start over`);
    // Nothing was run or overwritten: the journal is still there for the suite it belongs to.
    expect(readFileSync(join(dir, '.journal.jsonl')).equals(readFileSync(SAVED))).toBe(true);
  });
});
