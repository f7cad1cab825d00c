import { describe, expect, it } from 'vitest';
import { plateau } from '../../src/schedules/plateau.ts';
import { expectAllNear, flat, make, rates } from './helpers.ts';

/*
 * torch.optim.lr_scheduler.ReduceLROnPlateau(mode='min', threshold_mode='rel'), one call per step:
 *   if loss < best·(1 − threshold): best ← loss, bad ← 0   else: bad ← bad + 1
 *   if cooldown_counter > 0:        cooldown_counter ← cooldown_counter − 1, bad ← 0
 *   if bad > patience:              new = max(lr·factor, min_lr); if lr − new > eps: lr ← new
 *                                   cooldown_counter ← cooldown, bad ← 0
 * with best = +∞ at the start. Here the rate returned by call t is the one after that call's update.
 * On a flat loss, call 1 (t = 0) sets best and calls 2 … p+2 are p+1 bad steps, so the first reduction is
 * returned by the (p+2)-th call, t = p + 1; without cooldown the next ones follow every p + 1 calls.
 */

describe('plateau (torch ReduceLROnPlateau, mode min, threshold_mode rel)', () => {
  it('never reduces on a strictly decreasing loss, even with patience 0', () => {
    // 0.9^t improves by 10% per step, far more than threshold 1e-4, so every call is better.
    const losses = Array.from({ length: 300 }, (_, t) => 0.9 ** t);
    expect(rates(make(plateau, { patience: 0 }, 0.1, 300), losses)).toEqual(flat(300, 0.1));
  });

  it('on a flat loss with patience 2, factor 0.5: reduces at t = 3, 6, 9', () => {
    // t=0 best=1; t=1,2 bad=1,2 (≤ 2); t=3 bad=3 > 2 → 0.5, bad←0; t=4,5 bad=1,2; t=6 bad=3 → 0.25; … t=9 → 0.125.
    expect(rates(make(plateau, { patience: 2, factor: 0.5 }, 1, 10), flat(10))).toEqual([
      1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125,
    ]);
  });

  it.each([0, 1, 3, 10])('on a flat loss with patience %i the first reduction is the (p+2)-th call', (p) => {
    const r = rates(make(plateau, { patience: p, factor: 0.5 }, 1, p + 3), flat(p + 3));
    expect(r.slice(0, p + 1)).toEqual(flat(p + 1, 1)); // calls 1 … p+1: best set, then p bad steps
    expect(r[p + 1]).toBe(0.5); // call p+2: the (p+1)-th bad step exceeds the patience
  });

  it('defaults (patience 10, factor 0.1): t = 10 is still α₀, t = 11 is 0.1α₀', () => {
    const r = rates(make(plateau, {}, 0.1, 12), flat(12));
    expect(r[10]).toBe(0.1);
    expect(r[11]).toBeCloseTo(0.01, 15);
  });

  it('cooldown 2 (patience 1, factor 0.5) delays the next reduction by two steps', () => {
    // t=0 best; t=1 bad=1; t=2 bad=2 > 1 → 0.5, cooldown_counter=2;
    // t=3 bad=1 then cooling (2→1) resets it to 0; t=4 the same (1→0); t=5 bad=1; t=6 bad=2 → 0.25, counter=2;
    // t=7, 8 cooling; t=9 bad=1; t=10 bad=2 → 0.125. Without cooldown the reductions would be at t = 2, 4, 6, …
    expect(rates(make(plateau, { patience: 1, factor: 0.5, cooldown: 2 }, 1, 11), flat(11))).toEqual([
      1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.125,
    ]);
    expect(rates(make(plateau, { patience: 1, factor: 0.5 }, 1, 7), flat(7))).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25, 0.125]);
  });

  it('min_lr floors the rate', () => {
    // patience 0, factor 0.1, min_lr 0.05: t=1 → 0.1; t=2 → max(0.01, 0.05) = 0.05; then max(0.005, 0.05) = 0.05 forever.
    const r = rates(make(plateau, { patience: 0, min_lr: 0.05 }, 1, 50), flat(50));
    expect(r.slice(0, 3)).toEqual([1, 0.1, 0.05]);
    for (const a of r) expect(a).toBeGreaterThanOrEqual(0.05);
    expect(r[49]).toBe(0.05);
  });

  it('eps skips a reduction smaller than eps', () => {
    // patience 0, factor 0.5, eps 0.3: t=1: 1 − 0.5 = 0.5 > 0.3 → 0.5; t=2: 0.5 − 0.25 = 0.25 ≤ 0.3 → stays 0.5.
    expect(rates(make(plateau, { patience: 0, factor: 0.5, eps: 0.3 }, 1, 6), flat(6))).toEqual([1, 0.5, 0.5, 0.5, 0.5, 0.5]);
  });

  it('default eps 1e-8: a rate of 1e-8 is not reduced (the change 9e-9 is below eps)', () => {
    expect(rates(make(plateau, { patience: 0 }, 1e-8, 5), flat(5))).toEqual(flat(5, 1e-8));
  });

  it('threshold: an improvement smaller than threshold·best is a bad step, and does not move best', () => {
    // threshold 0.1, patience 0, factor 0.5; better means loss < 0.9·best.
    // t=0 1 → best 1; t=1 0.95 ≥ 0.9 bad → 0.5; t=2 0.92 ≥ 0.9 bad → 0.25 (best is still 1, not 0.95);
    // t=3 0.89 < 0.9 → best 0.89; t=4 0.85 ≥ 0.801 bad → 0.125.
    const losses = [1, 0.95, 0.92, 0.89, 0.85];
    expect(rates(make(plateau, { threshold: 0.1, patience: 0, factor: 0.5 }, 1, 5), losses)).toEqual([1, 0.5, 0.25, 0.25, 0.125]);
    // With threshold 0 every one of these losses is an improvement.
    expect(rates(make(plateau, { threshold: 0, patience: 0, factor: 0.5 }, 1, 5), losses)).toEqual(flat(5, 1));
  });

  it('the default threshold 1e-4 treats relative improvements of 5e-6 per step as a plateau', () => {
    // best stays 1 (nothing is better), so the losses are compared with 1·(1 − 1e-4) = 0.9999:
    // (1 − 5e-6)^t ≥ 1 − 5e-6·t ≥ 1 − 5.5e-5 > 0.9999 for t ≤ 11, so t = 1 … 11 are 11 bad steps > patience 10.
    const losses = Array.from({ length: 12 }, (_, t) => (1 - 5e-6) ** t);
    const r = rates(make(plateau, {}, 0.1, 12), losses);
    expect(r[10]).toBe(0.1);
    expect(r[11]).toBeCloseTo(0.01, 15);
  });

  it('counts NaN losses as bad steps, without NaN rates', () => {
    // patience 1, factor 0.5. t=0 NaN: not < ∞, bad=1; t=1 NaN bad=2 → 0.5; t=2 bad=1;
    // t=3 1 < ∞ → best 1, bad 0; t=4 bad=1; t=5 bad=2 → 0.25; t=6 0.5 < 0.9999 → better.
    const losses = [NaN, NaN, NaN, 1, NaN, NaN, 0.5];
    expect(rates(make(plateau, { patience: 1, factor: 0.5 }, 1, 7), losses)).toEqual([1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25]);
  });

  it('a NaN loss does not poison best: later improvements still count', () => {
    // patience 1: t=0 best 1; t=1 NaN bad=1; t=2 0.5 better; t=3 0.25 better; … never two bad steps in a row.
    const losses = [1, NaN, 0.5, NaN, 0.25, NaN, 0.125, NaN, 0.0625];
    expect(rates(make(plateau, { patience: 1 }, 1, 9), losses)).toEqual(flat(9, 1));
  });

  it('a long run of NaN or infinite losses keeps the rate finite and positive', () => {
    const losses = Array.from({ length: 2000 }, (_, t) => (t % 3 === 0 ? Infinity : NaN));
    const r = rates(make(plateau, {}, 0.1, 2000), losses);
    for (const a of r) {
      expect(Number.isFinite(a)).toBe(true);
      expect(a).toBeGreaterThan(0);
    }
    expect(r[1999]).toBeLessThan(0.1); // they were counted as bad steps
  });

  it('reductions are permanent: the rate does not rise when the loss improves again', () => {
    const losses = [...flat(4, 1), 0.5, 0.25, 0.125];
    const r = rates(make(plateau, { patience: 2, factor: 0.5 }, 1, 7), losses);
    expect(r).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.5]);
  });

  it('two instances keep separate state', () => {
    const a = make(plateau, { patience: 0, factor: 0.5 }, 1, 3);
    const b = make(plateau, { patience: 0, factor: 0.5 }, 1, 3);
    const p = new Float64Array([1]);
    a.at(0, 1, p);
    expect(a.at(1, 1, p)).toBe(0.5);
    expect(b.at(0, 1, p)).toBe(1); // b has seen nothing yet
  });
});
