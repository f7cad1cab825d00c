import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { DatasetJson } from '../../src/problems/problem.ts';

/** The repository root: the binary runs from here, as `npx optbench` would in a checkout. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const BIN = 'bin/optbench.js';

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real binary (bin/optbench.js → dist/cli/main.js) as a user does. dist/ comes from `npm run build`,
 * which `pretest` runs; without it every test here would fail on a missing module, so say so once, clearly.
 */
export function optbench(...args: string[]): Result {
  if (!existsSync(`${ROOT}/dist/cli/main.js`)) throw new Error('dist/ is missing: run `npm run build` first');
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command that must succeed and print JSON; returns the parsed value. */
export function optbenchJson<T = Record<string, unknown>>(...args: string[]): T {
  const result = optbench(...args);
  expect(result.stderr, `stderr of optbench ${args.join(' ')}`).toBe('');
  expect(result.status, `exit code of optbench ${args.join(' ')}`).toBe(0);
  return JSON.parse(result.stdout) as T;
}


/** The part of the `run --json` contract the tests read. */
export interface RunJson {
  losses: number[];
  params: number[];
  status: string;
  optimum: { loss: number };
  problem: { name: string; params: Record<string, unknown> };
  optimizer: { name: string; params: Record<string, unknown> };
  schedule: { name: string; params: Record<string, unknown> };
  steps: number;
  batchSize?: number;
}

/** mean((features · params − targets)²), written out as ARCHITECTURE.md says anyone can recompute it. */
export function mse(features: readonly number[][], targets: readonly number[], params: readonly number[]): number {
  let sum = 0;
  features.forEach((row, i) => {
    const r = row.reduce((acc, x, j) => acc + x * params[j], 0) - targets[i];
    sum += r * r;
  });
  return sum / features.length;
}

/** ∇f(θ) = (2/n)·Xᵀ(Xθ − y) for f = mean((Xθ − y)²). */
export function gradient(p: DatasetJson, params: readonly number[]): number[] {
  const grad = new Array<number>(p.dim).fill(0);
  p.features.forEach((row, i) => {
    const r = row.reduce((acc, x, j) => acc + x * params[j], 0) - p.targets[i];
    row.forEach((x, j) => (grad[j] += (2 / p.features.length) * x * r));
  });
  return grad;
}

/** |a − b| ≤ rel·max(|a|, |b|): the CLI's loss comes from sufficient statistics, the test's from the data. */
export function expectRelClose(actual: number, expected: number, rel = 1e-10): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(rel * Math.max(Math.abs(actual), Math.abs(expected)));
}
