import type { TrialRun } from '../train/run-trial.ts';
import type { TrialResult } from './types.ts';

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The smallest relative gap the log-gap area resolves (double precision's ~1e-16). */
const GAP_FLOOR = 1e-16;

/** The gap metrics of a loss curve against a reference minimum f* (NaN: none yet). */
function gapMetrics(losses: ArrayLike<number>, fStar: number, diverged: boolean, targets: readonly number[], curveSteps: readonly number[]) {
  const known = Number.isFinite(fStar);
  const scale = losses[0] - fStar;
  const stepsToTarget: (number | null)[] = targets.map(() => null);
  let area = 0;
  if (known) {
    let pending = 0; // targets are sorted loosest first, so they are met in order
    for (let k = 0; k < losses.length; k++) {
      const gap = losses[k] - fStar;
      while (pending < targets.length && gap <= targets[pending] * scale) stepsToTarget[pending++] = k;
      area += Math.log10(Math.max(gap / scale, GAP_FLOOR));
    }
  }
  const last = losses[losses.length - 1];
  return {
    optimalLoss: known ? fStar : null,
    finalGap: diverged || !known ? null : last - fStar,
    stepsToTarget,
    logGapArea: diverged || !known || !(scale > 0) ? null : area / losses.length,
    // Curves feed charts only; 4 significant digits keep results.json small.
    curve: curveSteps.map((k) => (known && k < losses.length && Number.isFinite(losses[k]) ? Number((losses[k] - fStar).toPrecision(4)) : null)),
  };
}

/**
 * A trial's metrics from its loss curve. With f* known: gap_k = f_k − f*, target ε met at the first k with
 * gap_k ≤ ε·(f₀ − f*), and the log-gap area = mean_k log10(max(gap_k/(f₀ − f*), 1e-16)). Without f*, the gap
 * metrics stay null and the whole loss curve is kept (`losses`) until `againstBestFound` measures it against the
 * best loss any trial reached.
 */
export function trialResult(
  run: TrialRun,
  ids: { id: string; configId: string },
  targets: readonly number[],
  curveSteps: readonly number[],
): TrialResult {
  const { losses, outcome } = run;
  const diverged = outcome.status === 'diverged';
  const result: TrialResult = {
    id: ids.id,
    configId: ids.configId,
    seed: run.spec.seed,
    status: outcome.status,
    divergedAt: outcome.status === 'diverged' ? outcome.atStep : null,
    initialLoss: losses[0],
    finalLoss: diverged ? null : finite(run.finalLoss),
    bestLoss: finite(run.bestLoss),
    validationLoss: diverged ? null : finite(run.validationLoss),
    ...gapMetrics(losses, run.optimalLoss, diverged, targets, curveSteps),
  };
  return Number.isFinite(run.optimalLoss) ? result : { ...result, losses: Array.from(losses) };
}

/** Re-measures a trial of a problem without a known optimum against `fStar`, and drops its loss curve. */
export function againstBestFound(trial: TrialResult, fStar: number, targets: readonly number[], curveSteps: readonly number[]): TrialResult {
  if (trial.losses === undefined) return trial;
  const { losses, ...rest } = trial;
  return { ...rest, ...gapMetrics(losses.map((x) => x ?? NaN), fStar, trial.status === 'diverged', targets, curveSteps) };
}
