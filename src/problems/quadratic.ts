import { orthogonal, toRows } from '../core/linalg.ts';
import { bool, int, num } from '../core/params.ts';
import { normal, rng } from '../core/rng.ts';
import { quadraticFormLossAndGrad } from './least-squares.ts';
import { defineProblem } from './problem.ts';

/**
 * f(x) = ½ (x − x*)ᵀ H (x − x*) with H = Q diag(λ) Qᵀ, eigenvalues log-spaced from μ to L = κμ
 * (λᵢ = μ·κ^(i/(dim−1))), Q a seeded random rotation or the identity. x* ~ N(0, I) and x₀ ~ N(0, I) from
 * the seed; f* = 0. κ = 1, μ = 2, rotate = false is the sum of squares Σ(xᵢ − xᵢ*)².
 */
export const quadratic = defineProblem({
  name: 'quadratic',
  description: 'convex quadratic with eigenvalues log-spaced in [mu, kappa·mu], optionally rotated',
  reference: 'f(x) = ½(x−x*)ᵀH(x−x*), H = Q·diag(λ)·Qᵀ; Nesterov 2004, §2.1',
  options: {
    dim: int(10, '[1, 2000]', 'dimension'),
    kappa: num(10, '[1, 1e12]', 'condition number κ = L/μ'),
    mu: num(1, '(0, 1e6]', 'smallest eigenvalue μ'),
    rotate: bool(true, 'random rotation of the eigenbasis (false: H is diagonal)'),
  },
  theory: ({ kappa, mu }) => {
    // L = κμ. Error contractions per step, squared for f − f* (a quadratic in the error).
    const L = kappa * mu;
    const root = Math.sqrt(kappa);
    return [
      { method: 'gd', params: { lr: 2 / (mu + L), momentum: 0 }, rate: ((kappa - 1) / (kappa + 1)) ** 2, source: 'α = 2/(μ+L), ρ = ((κ−1)/(κ+1))² (Polyak 1987, §1.4)' },
      {
        method: 'heavy-ball',
        params: { lr: 4 / (Math.sqrt(L) + Math.sqrt(mu)) ** 2, momentum: ((root - 1) / (root + 1)) ** 2 },
        rate: ((root - 1) / (root + 1)) ** 2,
        source: 'α = 4/(√L+√μ)², β = ((√κ−1)/(√κ+1))², ρ = ((√κ−1)/(√κ+1))² (Polyak 1964)',
      },
      { method: 'nesterov', params: { lr: 1 / L, momentum: (root - 1) / (root + 1) }, rate: 1 - 1 / root, source: 'α = 1/L, β = (√κ−1)/(√κ+1), ρ = 1 − 1/√κ (Nesterov 2004, §2.2)' },
    ];
  },
  create(seed, options) {
    const { dim, kappa, mu, rotate } = options;
    const eig = Float64Array.from({ length: dim }, (_, i) => mu * kappa ** (dim === 1 ? 0 : i / (dim - 1)));
    const hessian = new Float64Array(dim * dim);
    if (rotate) {
      const r = rng(seed, 'quadratic/rotation');
      const q = orthogonal(dim, () => normal(r)); // rows are the eigenvectors
      for (let i = 0; i < dim; i++) {
        for (let j = 0; j < dim; j++) {
          let s = 0;
          for (let k = 0; k < dim; k++) s += q[k * dim + i] * eig[k] * q[k * dim + j];
          hessian[i * dim + j] = s;
        }
      }
    } else {
      for (let i = 0; i < dim; i++) hessian[i * dim + i] = eig[i];
    }
    // ½(x−x*)ᵀH(x−x*) = (x−x*)ᵀ(H/2)(x−x*): the shared quadratic-form kernel with A = H/2.
    const half = hessian.map((h) => h / 2);
    const centerRng = rng(seed, 'quadratic/center');
    const center = Float64Array.from({ length: dim }, () => normal(centerRng));
    const initRng = rng(seed, 'quadratic/init');
    const init = Float64Array.from({ length: dim }, () => normal(initRng));
    const scratch = new Float64Array(dim);
    return {
      name: 'quadratic',
      seed,
      options,
      dim,
      init,
      optimum: { params: center, loss: 0 },
      lossAndGrad: (params, grad) => quadraticFormLossAndGrad(half, center, 0, params, grad, scratch),
      loss: (params) => quadraticFormLossAndGrad(half, center, 0, params, null, scratch),
      toJSON: () => ({
        name: 'quadratic',
        seed,
        options,
        dim,
        hessian: toRows(hessian, dim, dim),
        eigenvalues: Array.from(eig),
        init: Array.from(init),
        optimum: { loss: 0, params: Array.from(center) },
      }),
    };
  },
});
