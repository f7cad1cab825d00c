/**
 * Mean squared error of a linear model on row-major data, evaluated directly:
 *   f(θ) = (1/m)·Σᵢ (xᵢ·θ − yᵢ)²,  ∇f = (2/m)·Σᵢ xᵢ (xᵢ·θ − yᵢ)
 * over the rows order[start … start+count−1] (or all rows when order is null). Allocation-free.
 */
export function mseLossAndGrad(
  x: Float64Array,
  y: Float64Array,
  cols: number,
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
    let r = -y[i];
    for (let j = 0; j < cols; j++) r += x[row + j] * params[j];
    loss += r * r;
    if (grad !== null) for (let j = 0; j < cols; j++) grad[j] += x[row + j] * r;
  }
  if (grad !== null) for (let j = 0; j < cols; j++) grad[j] *= 2 / count;
  return loss / count;
}

/**
 * The same full-batch loss from sufficient statistics, in O(d²) instead of O(n·d):
 * with A = XᵀX/n and θ* solving the normal equations Aθ* = Xᵀy/n,
 *   f(θ) = f* + (θ−θ*)ᵀ A (θ−θ*),  ∇f = 2A(θ−θ*)
 * (the cross term vanishes at the normal equations). Computing the gap around θ* avoids the cancellation of
 * θᵀAθ − 2bᵀθ + c near the optimum. `scratch` holds θ−θ*.
 */
export function quadraticFormLossAndGrad(
  a: Float64Array,
  center: Float64Array,
  floor: number,
  params: Float64Array,
  grad: Float64Array | null,
  scratch: Float64Array,
): number {
  const n = center.length;
  for (let j = 0; j < n; j++) scratch[j] = params[j] - center[j];
  let quad = 0;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += a[row + j] * scratch[j];
    quad += scratch[i] * s;
    if (grad !== null) grad[i] = 2 * s;
  }
  return floor + quad;
}
