import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * The built CLI (bin/optbench.js → dist/, from `npm run build`) spawned as a user runs it, for the check, runner
 * and hardening tests. Variables a CI machine or scheduler sets (GitHub Actions, Kubernetes, Slurm) are cleared unless a test
 * sets them, so the tests mean the same thing on a laptop and in CI.
 */

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BIN = join(ROOT, 'bin', 'optbench.js');

const SCHEDULER_VARS = [
  'GITHUB_ACTIONS',
  'GITHUB_STEP_SUMMARY',
  'JOB_COMPLETION_INDEX',
  'OPTBENCH_SHARD_COUNT',
  'OPTBENCH_FIXTURE_BROKEN',
  'SLURM_ARRAY_TASK_ID',
  'SLURM_ARRAY_TASK_MIN',
  'SLURM_ARRAY_TASK_COUNT',
];

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const name of SCHEDULER_VARS) delete env[name];
  return { ...env, ...extra };
}

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` before these tests');
}

/** Runs `optbench ...args` in `cwd` (default: the repository root) and resolves with its exit code and output (never rejects on a non-zero exit). */
export function optbench(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: cliEnv(options.env), timeout: 60_000 }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') fail(error);
      else done({ code: error === null ? 0 : (error.code as number), stdout, stderr });
    });
  });
}

/**
 * A user error (STYLE.md §14): exit 2, nothing on stdout, exactly one line on stderr, starting "optbench: ",
 * no stack frame. Returns that line.
 */
export function userError(run: Run): string {
  expect(run.code, `exit code; stderr: ${run.stderr}`).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n'), run.stderr).toBe(true);
  expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
  expect(run.stderr.startsWith('optbench: '), run.stderr).toBe(true);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return run.stderr.trimEnd();
}

export const files = (dir: string): string[] => readdirSync(dir).sort();

/** Both directories hold the same file names, and every file is byte-identical. */
export function expectSameFiles(actual: string, expected: string): void {
  expect(files(actual)).toEqual(files(expected));
  for (const file of files(expected)) {
    expect(readFileSync(join(actual, file)).equals(readFileSync(join(expected, file))), `${file} differs between ${actual} and ${expected}`).toBe(true);
  }
}
