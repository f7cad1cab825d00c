/**
 * Holm–Bonferroni step-down adjusted p-values (Holm 1979; R's p.adjust(p, "holm")): with the m p-values sorted
 * ascending, p_(1) ≤ … ≤ p_(m),
 *   p̃_(i) = max_{j ≤ i} min(1, (m − j + 1)·p_(j)),
 * returned in the input order. Rejecting every hypothesis with p̃ ≤ α controls the family-wise error rate at α.
 * Ties keep their input order (the max over j makes the result the same either way).
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  for (const [i, p] of pValues.entries()) {
    if (!(p >= 0 && p <= 1)) throw new Error(`holmAdjust: p-values must be in [0, 1], got ${p} at index ${i}`);
  }
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
  const adjusted = new Array<number>(m);
  let running = 0;
  for (const [j, i] of order.entries()) {
    running = Math.max(running, Math.min(1, (m - j) * pValues[i]));
    adjusted[i] = running;
  }
  return adjusted;
}
