import seedrandom from 'seedrandom';

/** A uniform generator on [0, 1). */
export type Rng = () => number;

/**
 * A seeded generator for one named stream of one seed, e.g. `rng(7, 'linear-regression/data')`.
 * Streams are independent, so adding a draw to one (say, the initial point) never shifts another
 * (the data). Alea (seedrandom's fast generator): 2^116 period, identical on every platform.
 */
export function rng(seed: number, stream: string): Rng {
  return seedrandom.alea(`optbench:${stream}:${seed}`);
}

/** A standard normal draw by Box–Muller; uses 1 − u so that log never sees 0. */
export function normal(random: Rng): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Fisher–Yates shuffle in place. */
export function shuffle(random: Rng, items: Int32Array): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}
