import { normal, type Rng } from '../core/rng.ts';

/** Points as rows (x₁, x₂), row-major, with 0/1 labels. */
export interface LabelledPoints {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * Two interleaved spirals (after Lang & Witbrock 1988): point k of class c ∈ {0, 1} sits at index 2k + c, at
 *   t ~ U(0, 1),  φ = 2π·turns·t + c·π,  r = 0.2 + 0.8·t,  (r·cos φ, r·sin φ) + N(0, noise²·I),
 * so class 1 is class 0 turned by half a revolution, and successive arms of opposite classes are 0.4/turns apart
 * along a ray. Point by point: t, then the two noise draws.
 */
export function twoSpirals(random: Rng, perClass: number, turns: number, noise: number): LabelledPoints {
  const m = 2 * perClass;
  const x = new Float64Array(2 * m);
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const c = i % 2;
    const t = random();
    const phi = 2 * Math.PI * turns * t + c * Math.PI;
    const r = 0.2 + 0.8 * t;
    x[2 * i] = r * Math.cos(phi) + noise * normal(random);
    x[2 * i + 1] = r * Math.sin(phi) + noise * normal(random);
    y[i] = c;
  }
  return { x, y };
}
