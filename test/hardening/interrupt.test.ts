import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, cleanup, cliEnv, expectSameFiles, FIXTURES, optbench, type Run, ROOT, scratch, start, waitFor } from './helpers.ts';

/**
 * SIGINT and SIGTERM during `optbench suite`, on one worker thread and on two: the run stops taking trials, exits
 * 130 or 143, keeps its journal (nothing else: no report, no lock, no *.tmp), and prints the command to continue;
 * that command, run as printed, resumes and writes files byte-identical to an uninterrupted run's.
 * Suite: test/fixtures/runner/slow.ts (40 trials, a few seconds on one thread).
 */

const SLOW = join(ROOT, 'test', 'fixtures', 'runner', 'slow.ts'); // shared with test/runner/resume.test.ts
const PLUGIN = join(FIXTURES, 'lib', 'divergent.ts');
const work = scratch('interrupt');
const WHOLE = join(work, 'whole');

/** Finished trials in a journal: its complete lines after the header. */
function journalled(out: string): number {
  const file = join(out, '.journal.jsonl');
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8').split('\n').slice(1, -1).length;
}

/** Runs a command line as a POSIX shell reads it (the printed resume command, quotes and all). */
function sh(command: string): Promise<Run> {
  return new Promise((done) => {
    execFile('/bin/sh', ['-c', command], { cwd: ROOT, env: cliEnv(), timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** The uninterrupted run, alongside the interrupted ones; awaited only where it is compared. */
let whole: Promise<Run>;
beforeAll(() => {
  assertBuilt();
  whole = optbench(['suite', SLOW, '--out', WHOLE, '--workers', '1', '--quiet']);
});
afterAll(cleanup);

describe.concurrent('optbench suite interrupted by a signal', () => {
  it.each([
    ['SIGINT', 1, 130, 'sigint-1'],
    ['SIGINT', 2, 130, "an out dir, 'quoted'"],
    ['SIGTERM', 1, 143, 'sigterm-1'],
    ['SIGTERM', 2, 143, 'sigterm-2 with --import'],
  ] as const)('%s on %i worker(s): exit %i, the journal kept, the printed --resume command finishes the run exactly', async (signal, workers, code, name) => {
    const out = join(work, name);
    const imports = name.includes('--import') ? ['--import', PLUGIN] : [];
    const run = start(['suite', SLOW, ...imports, '--out', out, '--workers', String(workers), '--quiet']);
    await waitFor('a journalled trial', () => journalled(out) > 0, run.child);
    run.child.kill(signal);
    expect(await run.exited).toEqual({ code, signal: null });
    const { stdout, stderr } = run.output();
    expect(stdout).toBe('');

    // Two lines: what happened and how many trials are saved, then the command to continue.
    const lines = stderr.trim().split('\n');
    expect(lines, stderr).toHaveLength(2);
    const saved = journalled(out);
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(40);
    expect(lines[0]).toBe(`optbench: interrupted by ${signal}; ${saved} finished trials are saved. Continue with:`);
    const command = lines[1].trim();
    expect(command.startsWith(`optbench suite ${SLOW}`), command).toBe(true);
    expect(command).toContain('--resume');
    if (imports.length > 0) expect(command).toContain(`--import ${PLUGIN}`);

    // Only the journal is left: no report, no lock, no temporary file.
    expect(readdirSync(out)).toEqual(['.journal.jsonl']);

    // The printed command, as a shell runs it, with the same worker count.
    const resumed = await sh(`${quote(process.execPath)} ${quote(BIN)} ${command.slice('optbench '.length)} --workers ${workers}`);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`optbench: resuming slow: ${saved} trials already done`);
    // With 2 workers, the pool thread starts only if the trials left are worth it: "on 1 of 2 workers" otherwise.
    expect(resumed.stdout).toMatch(new RegExp(`\\(${40 - saved} trials in [0-9.e-]+ s on ([0-9]+ of )?${workers} workers?\\)\\n$`));
    const uninterrupted = await whole;
    expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
    expectSameFiles(out, WHOLE); // the journal is gone too
  });
});
