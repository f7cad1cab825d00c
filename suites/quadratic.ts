import { defineSuite, linspace, logspace } from 'optbench';

/**
 * An ill-conditioned quadratic (κ = 100, μ = 1, L = 100, dimension 20, rotated). The lr × momentum grid is
 * fine enough to place the best heavy-ball cell against Polyak's optimal parameters
 * α* = 4/(√L + √μ)² = 4/121 ≈ 0.0331 and β* = ((√κ − 1)/(√κ + 1))² = (9/11)² ≈ 0.669.
 */
export default defineSuite({
  description:
    'Ill-conditioned quadratic ½(x − x*)ᵀH(x − x*) with eigenvalues log-spaced in [1, 100] (κ = 100), dimension 20, randomly rotated. ' +
    "Polyak's heavy-ball optimum: α* = 4/(√L + √μ)² ≈ 0.0331, β* = ((√κ − 1)/(√κ + 1))² ≈ 0.669, " +
    'for which the error contracts by (√κ − 1)/(√κ + 1) = 9/11 per step; gradient descent at α = 2/(μ + L) contracts by (κ − 1)/(κ + 1) = 99/101.',
  problems: [{ name: 'quadratic', label: 'kappa100', params: { dim: 20, kappa: 100, mu: 1 } }],
  optimizers: [
    { name: 'sgd', label: 'gd', params: { lr: logspace(1e-3, 2e-2, 14) } },
    { name: 'sgd', label: 'momentum', params: { lr: logspace(3e-3, 1e-1, 16), momentum: linspace(0.3, 0.95, 14) } },
    { name: 'nesterov', params: { lr: logspace(3e-3, 1e-1, 16), momentum: linspace(0.3, 0.95, 14) } },
    { name: 'adam', params: { lr: logspace(1e-3, 1, 13) } },
  ],
  seeds: 5,
  budget: { steps: 1000 },
});
