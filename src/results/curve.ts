/**
 * The steps at which a trial's curve is kept: 0, then about `points` log-spaced steps up to the budget T
 * (all steps when T is small). Log spacing keeps the early, fast-changing part and the tail alike.
 */
export function curveSteps(steps: number, points = 32): number[] {
  const out = new Set<number>([0]);
  if (steps <= points) {
    for (let k = 1; k <= steps; k++) out.add(k);
    return [...out];
  }
  const ratio = Math.log(steps) / (points - 1);
  for (let i = 0; i < points; i++) out.add(Math.min(steps, Math.round(Math.exp(i * ratio))));
  out.add(steps);
  return [...out].sort((a, b) => a - b);
}
