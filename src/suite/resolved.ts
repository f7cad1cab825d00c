import type { ParamValues } from '../core/params.ts';
import type { Space } from '../search/space.ts';
import type { SearchDef } from './define.ts';
import type { ResolvedStagedSearch } from './staged.ts';

/** Default precision targets ε, loosest first. */
export const DEFAULT_TARGETS = [1e-1, 1e-2, 1e-3, 1e-4, 1e-6] as const;

/** The rule that picks each optimizer's best configuration; printed in the report. */
export const BEST_RULE =
  'fewest diverged seeds first (a configuration that never diverged beats any that did), then the lowest median final gap f − f* over the other seeds (gaps below 1e-14 of the initial gap, the resolution of double precision, count as equal); ties broken by the tightest target reached, then by median steps to it';

/** A suite after loading: every entry labelled, every default filled, every value checked. Plain JSON. */
export interface ResolvedSuite {
  readonly name: string;
  readonly description: string;
  readonly quick: boolean;
  /** `batchSize` only where the suite gives a problem one. */
  readonly problems: readonly { readonly label: string; readonly name: string; readonly params: ParamValues; readonly steps: number; readonly batchSize?: number }[];
  readonly optimizers: readonly { readonly label: string; readonly name: string; readonly space: Space; readonly batchSize: number | null }[];
  readonly schedules: readonly { readonly label: string; readonly name: string; readonly space: Space }[];
  readonly search: (SearchDef & { readonly seed?: number }) | ResolvedStagedSearch;
  readonly seeds: readonly number[];
  readonly targets: readonly number[];
  readonly rule: string;
  readonly check: { readonly tolerance: number; readonly alpha: number };
}

/**
 * The minibatch size of a problem × optimizer pair: the optimizer entry's (the budget's default folded in), else the
 * problem's; null for the full batch. resolveSuite refuses the combinations where this order would be ambiguous.
 */
export function batchSizeOf(problem: ResolvedSuite['problems'][number], optimizer: ResolvedSuite['optimizers'][number]): number | null {
  return optimizer.batchSize ?? problem.batchSize ?? null;
}
