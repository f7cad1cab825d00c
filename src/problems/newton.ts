import { solveSpd } from '../core/linalg.ts';

export interface NewtonResult {
  readonly params: Float64Array;
  readonly loss: number;
  readonly gradNorm: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface NewtonOptions {
  /** Stop when ‖∇f‖₂ ≤ tol. */
  readonly tol: number;
  readonly maxIterations: number;
  /** Names the problem in a solveSpd error. */
  readonly what: string;
}

/**
 * Damped Newton's method for a smooth strictly convex f (Nocedal & Wright 2006, Alg. 3.1 with the Newton direction):
 *   p = −∇²f(θ)⁻¹∇f(θ) (Cholesky, solveSpd),  θ ← θ + tp
 * with t halved from 1 until the Armijo condition f(θ + tp) ≤ f(θ) + 10⁻⁴·t·∇fᵀp holds. Near the optimum the decrease
 * ½∇fᵀ∇²f⁻¹∇f falls below the rounding of f itself, so the test allows 10⁻¹⁴·(1 + |f|) of slack there: the full step
 * is then taken and the gradient (which still carries information) drives the stop. Set-up code, not a hot loop.
 */
export function newtonMinimize(
  lossAndGrad: (params: Float64Array, grad: Float64Array) => number,
  hessian: (params: Float64Array) => Float64Array,
  start: Float64Array,
  options: NewtonOptions,
): NewtonResult {
  const n = start.length;
  const theta = Float64Array.from(start);
  const grad = new Float64Array(n);
  const probe = new Float64Array(n);
  const scratch = new Float64Array(n);
  let loss = lossAndGrad(theta, grad);
  let gradNorm = Math.hypot(...grad);
  let k = 0;
  for (; k < options.maxIterations && gradNorm > options.tol; k++) {
    const p = solveSpd(hessian(theta), grad.map((g) => -g), n, options.what);
    let slope = 0;
    for (let j = 0; j < n; j++) slope += grad[j] * p[j];
    const slack = 1e-14 * (1 + Math.abs(loss));
    let t = 1;
    let next = NaN;
    for (; t > 1e-12; t /= 2) {
      for (let j = 0; j < n; j++) probe[j] = theta[j] + t * p[j];
      next = lossAndGrad(probe, scratch);
      if (next <= loss + 1e-4 * t * slope + slack) break;
    }
    if (!(t > 1e-12)) break; // no descent along the Newton direction: give up, not converged
    theta.set(probe);
    grad.set(scratch);
    loss = next;
    gradNorm = Math.hypot(...grad);
  }
  return { params: theta, loss, gradNorm, iterations: k, converged: gradNorm <= options.tol };
}
