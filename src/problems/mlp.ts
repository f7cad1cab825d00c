import type { Rng } from '../core/rng.ts';

/**
 * A one-hidden-layer binary classifier: h = tanh(W₁x + b₁), z = w₂·h + b₂, p = σ(z), with its parameters in one
 * flat vector θ of length H·D + 2H + 1 (D inputs, H hidden units), laid out as
 *   θ[j·D + k]         W₁[j][k], weight from input k to hidden unit j   (j < H, k < D)
 *   θ[H·D + j]         b₁[j]
 *   θ[H·D + H + j]     w₂[j], weight from hidden unit j to the output logit
 *   θ[H·D + 2H]        b₂
 * Scratch for the hidden layer is allocated once here; evaluations allocate nothing (and are not re-entrant).
 */
export interface Mlp {
  readonly inputs: number;
  readonly hidden: number;
  readonly dim: number;
  readonly offsets: { readonly w1: number; readonly b1: number; readonly w2: number; readonly b2: number };
  /** Coefficient λ of the penalty (λ/2)·(‖W₁‖² + ‖w₂‖²); biases are not penalised. */
  readonly l2: number;
  readonly activations: Float64Array;
}

export function createMlp(inputs: number, hidden: number, l2: number): Mlp {
  const b1 = hidden * inputs;
  const offsets = { w1: 0, b1, w2: b1 + hidden, b2: b1 + 2 * hidden };
  return { inputs, hidden, dim: offsets.b2 + 1, offsets, l2, activations: new Float64Array(hidden) };
}

/**
 * Glorot & Bengio 2010 (eq. 16; Keras glorot_uniform): each weight ~ U(−s, s), s = √(6/(fan_in + fan_out)),
 * W₁ first in layout order, then w₂; biases 0.
 */
export function glorotInit(net: Mlp, random: Rng): Float64Array {
  const { inputs, hidden, offsets } = net;
  const params = new Float64Array(net.dim);
  const s1 = Math.sqrt(6 / (inputs + hidden));
  for (let i = 0; i < hidden * inputs; i++) params[offsets.w1 + i] = s1 * (2 * random() - 1);
  const s2 = Math.sqrt(6 / (hidden + 1));
  for (let j = 0; j < hidden; j++) params[offsets.w2 + j] = s2 * (2 * random() - 1);
  return params;
}

/** softplus(z) = log(1 + eᶻ), without overflow: max(z, 0) + log1p(e^−|z|). */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** σ(z) = 1/(1 + e^−z), without overflow for large |z|. */
function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Mean binary cross-entropy over the rows order[start … start+count−1] (all rows from `start` when order is
 * null), plus the l2 penalty when `penalise`:
 *   ℓ(z, y) = −y·log σ(z) − (1−y)·log(1−σ(z)) = softplus(z) − y·z,  ∂ℓ/∂z = σ(z) − y,
 * back-propagated by hand: ∂/∂w₂ⱼ = δ·hⱼ, ∂/∂b₂ = δ, ∂/∂b₁ⱼ = δ·w₂ⱼ·(1 − hⱼ²), ∂/∂W₁ⱼₖ = that·xₖ.
 * Writes the gradient into grad when it is not null. The hot loop of the problem: plain loops, no allocation.
 */
export function mlpLossAndGrad(
  net: Mlp,
  x: Float64Array,
  y: Float64Array,
  params: Float64Array,
  grad: Float64Array | null,
  order: Int32Array | null,
  start: number,
  count: number,
  penalise: boolean,
): number {
  const { inputs: d, hidden, activations: h } = net;
  const { b1: oB1, w2: oW2, b2: oB2 } = net.offsets;
  if (grad !== null) grad.fill(0);
  let loss = 0;
  for (let s = 0; s < count; s++) {
    const i = order === null ? start + s : order[start + s];
    const row = i * d;
    let z = params[oB2];
    for (let j = 0; j < hidden; j++) {
      let a = params[oB1 + j];
      for (let k = 0; k < d; k++) a += params[j * d + k] * x[row + k]; // W₁ starts at offset 0
      h[j] = Math.tanh(a);
      z += params[oW2 + j] * h[j];
    }
    loss += softplus(z) - y[i] * z;
    if (grad === null) continue;
    const delta = (sigmoid(z) - y[i]) / count;
    grad[oB2] += delta;
    for (let j = 0; j < hidden; j++) {
      grad[oW2 + j] += delta * h[j];
      const back = delta * params[oW2 + j] * (1 - h[j] * h[j]);
      grad[oB1 + j] += back;
      for (let k = 0; k < d; k++) grad[j * d + k] += back * x[row + k];
    }
  }
  loss /= count;
  if (penalise && net.l2 > 0) loss += l2Penalty(net, params, grad);
  return loss;
}

/** (λ/2)·(‖W₁‖² + ‖w₂‖²), adding λ·w to grad for those weights. */
function l2Penalty(net: Mlp, params: Float64Array, grad: Float64Array | null): number {
  const { l2, offsets } = net;
  let sum = 0;
  for (let i = 0; i < net.dim - 1; i++) {
    if (i >= offsets.b1 && i < offsets.w2) continue; // b₁
    sum += params[i] * params[i];
    if (grad !== null) grad[i] += l2 * params[i];
  }
  return (l2 / 2) * sum;
}
