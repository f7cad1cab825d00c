/**
 * The tuning-budget protocol's selection (DeepOBS, Schneider et al. 2019; AlgoPerf, Dahl et al. 2023): with a budget
 * of b trials a tuner has seen the first b sampled configurations and keeps the best of them. For b = 1 … n this
 * returns the index of the best of items[0 … b−1] under `compare` (negative: its first argument ranks first); an
 * item replaces the incumbent only if it ranks strictly first, so on a tie the earlier one stays.
 */
export function bestSoFar<T>(items: readonly T[], compare: (a: T, b: T) => number): number[] {
  const out: number[] = [];
  let best = 0;
  for (let b = 0; b < items.length; b++) {
    if (b > 0 && compare(items[b], items[best]) < 0) best = b;
    out.push(best);
  }
  return out;
}
