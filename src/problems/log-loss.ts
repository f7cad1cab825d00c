/**
 * L2-regularised logistic loss of a linear model on row-major data with labels y ∈ {0, 1}:
 *   f(θ) = (1/m)·Σᵢ [log(1 + e^{zᵢ}) − yᵢzᵢ] + (λ/2)‖θ‖²,  zᵢ = xᵢ·θ
 *   ∇f = (1/m)·Σᵢ (σ(zᵢ) − yᵢ)·xᵢ + λθ
 * over the rows order[start … start+count−1] (or rows start … start+count−1 when order is null).
 * log(1 + e^z) = max(z, 0) + log1p(e^{−|z|}) and σ(z) from the same e^{−|z|}, so no exp overflows and
 * log1p keeps the small losses of confidently right predictions. Allocation-free.
 */
export function logLossAndGrad(
  x: Float64Array,
  y: Float64Array,
  cols: number,
  l2: number,
  params: Float64Array,
  grad: Float64Array | null,
  order: Int32Array | null,
  start: number,
  count: number,
): number {
  if (grad !== null) grad.fill(0);
  let loss = 0;
  for (let k = 0; k < count; k++) {
    const i = order === null ? start + k : order[start + k];
    const row = i * cols;
    let z = 0;
    for (let j = 0; j < cols; j++) z += x[row + j] * params[j];
    const e = Math.exp(-Math.abs(z));
    loss += (z > 0 ? z : 0) - y[i] * z + Math.log1p(e);
    if (grad !== null) {
      const r = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - y[i]; // σ(z) − y
      for (let j = 0; j < cols; j++) grad[j] += x[row + j] * r;
    }
  }
  let norm2 = 0;
  for (let j = 0; j < cols; j++) norm2 += params[j] * params[j];
  if (grad !== null) for (let j = 0; j < cols; j++) grad[j] = grad[j] / count + l2 * params[j];
  return loss / count + (l2 / 2) * norm2;
}

/** The Hessian of the full loss over m rows, (1/m)·Σᵢ σ(zᵢ)(1 − σ(zᵢ))·xᵢxᵢᵀ + λI, row-major cols×cols (set-up only). */
export function logLossHessian(x: Float64Array, m: number, cols: number, l2: number, params: Float64Array): Float64Array {
  const h = new Float64Array(cols * cols);
  for (let i = 0; i < m; i++) {
    const row = i * cols;
    let z = 0;
    for (let j = 0; j < cols; j++) z += x[row + j] * params[j];
    const e = Math.exp(-Math.abs(z));
    const w = e / ((1 + e) * (1 + e)) / m; // σ(1 − σ) = e^{−|z|}/(1 + e^{−|z|})²
    for (let j = 0; j < cols; j++) {
      const xj = w * x[row + j];
      for (let k = 0; k <= j; k++) h[j * cols + k] += xj * x[row + k];
    }
  }
  for (let j = 0; j < cols; j++) {
    h[j * cols + j] += l2;
    for (let k = 0; k < j; k++) h[k * cols + j] = h[j * cols + k];
  }
  return h;
}
