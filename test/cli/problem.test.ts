import { beforeAll, describe, expect, it } from 'vitest';
import { expectRelClose, gradient, mse, optbench, optbenchJson } from './helpers.ts';
import type { DatasetJson } from '../../src/problems/problem.ts';

// The `optbench problem <name> --seed S --json` contract (ARCHITECTURE.md, "Contracts other tools rely on"):
// { name, seed, dim, features: number[][], targets: number[], init: number[], optimum: { loss, params } },
// features including the bias column, so that loss = mean((features · params − targets)²) can be recomputed.

describe('optbench problem linear-regression --json', () => {
  let p: DatasetJson;
  beforeAll(() => {
    p = optbenchJson<DatasetJson>('problem', 'linear-regression', '--seed', '0', '--json');
  });

  it('has the documented keys and shapes (defaults n = 100, d = 1, plus the bias column)', () => {
    expect(p).toMatchObject({ name: 'linear-regression', seed: 0, dim: 2 });
    for (const key of ['features', 'targets', 'init', 'optimum'] as const) expect(p).toHaveProperty(key);
    expect(p.features).toHaveLength(100);
    expect(p.targets).toHaveLength(100);
    expect(p.init).toHaveLength(p.dim);
    expect(p.optimum.params).toHaveLength(p.dim);
    expect(typeof p.optimum.loss).toBe('number');
    for (const row of p.features) expect(row).toHaveLength(p.dim);
  });

  it('includes the bias column: the first feature of every row is 1', () => {
    expect(p.features.every((row) => row[0] === 1)).toBe(true);
    // and the data is y ≈ 4 + 3x: x ~ U(0, 2) in the second column
    expect(p.features.every((row) => row[1] >= 0 && row[1] < 2)).toBe(true);
  });

  it('optimum.loss = mean((features · optimum.params − targets)²), recomputed from the printed data', () => {
    expectRelClose(p.optimum.loss, mse(p.features, p.targets, p.optimum.params));
  });

  it('optimum.params solves the normal equations: the gradient (2/n)·Xᵀ(Xθ* − y) vanishes', () => {
    for (const g of gradient(p, p.optimum.params)) expect(Math.abs(g)).toBeLessThan(1e-10);
    // and it is close to the generating model y = 4 + 3x (100 samples, noise N(0, 1))
    expect(p.optimum.params[0]).toBeGreaterThan(3);
    expect(p.optimum.params[0]).toBeLessThan(5);
    expect(p.optimum.params[1]).toBeGreaterThan(2.3);
    expect(p.optimum.params[1]).toBeLessThan(3.7);
  });

  it('no point does better than the optimum: moving it by ±0.01 along each axis raises the loss', () => {
    for (let j = 0; j < p.dim; j++) {
      for (const delta of [-0.01, 0.01]) {
        const moved = p.optimum.params.map((v, k) => (k === j ? v + delta : v));
        expect(mse(p.features, p.targets, moved)).toBeGreaterThan(p.optimum.loss);
      }
    }
  });

  it('is a pure function of the seed: the same seed prints the same bytes, another seed other data', () => {
    const again = optbench('problem', 'linear-regression', '--seed', '0', '--json');
    expect(JSON.parse(again.stdout)).toEqual(p);
    const other = optbenchJson<DatasetJson>('problem', 'linear-regression', '--seed', '1', '--json');
    expect(other.seed).toBe(1);
    expect(other.targets).not.toEqual(p.targets);
  });

  it('takes problem options: --opt n=30 --opt d=3 gives 30 rows of 1 + 3 features, still self-consistent', () => {
    const q = optbenchJson<DatasetJson>('problem', 'linear-regression', '--seed', '4', '--opt', 'n=30', '--opt', 'd=3', '--json');
    expect(q.dim).toBe(4);
    expect(q.features).toHaveLength(30);
    expect(q.features.every((row) => row.length === 4 && row[0] === 1)).toBe(true);
    expectRelClose(q.optimum.loss, mse(q.features, q.targets, q.optimum.params));
    for (const g of gradient(q, q.optimum.params)) expect(Math.abs(g)).toBeLessThan(1e-9);
  });

  it('prints a readable summary without --json', () => {
    const { status, stdout, stderr } = optbench('problem', 'linear-regression');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('linear-regression (seed 0');
    expect(stdout).toMatch(/optimal loss\s+0\.954/);
  });
});
