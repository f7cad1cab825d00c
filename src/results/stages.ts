import type { ParamValues } from '../core/params.ts';
import type { Labels, TrialResult } from './types.ts';

/**
 * The `stages` section of results.json, present only for staged searches (halving, hyperband, tuning): what each
 * stage ran and decided. The suite's `configs` and `trials` stay those at the full budget on the suite's seeds, so
 * leaderboards, charts and `optbench check` read them as for any search; the other trials are here.
 */

/** A configuration that ran in a stage, with the spec's step budget (its trials are in `Stages.trials`). */
export interface StageConfig extends Labels {
  readonly configId: string;
  readonly steps: number;
  readonly searched: { readonly optimizer: ParamValues; readonly schedule: ParamValues };
}

/** One rung of successive halving (a bracket's rung for Hyperband). */
export interface RungRecord {
  /** Hyperband's bracket s; 0 for successive halving. */
  readonly bracket: number;
  readonly rung: number;
  /** Steps of each trial on this rung. */
  readonly steps: number;
  /** The configurations on this rung (configIds at this rung's budget), in sampling order. */
  readonly configs: readonly string[];
  /** Per configuration: median final training loss over the seeds, a diverged run counting as +∞ (stored as null). */
  readonly medianFinalLoss: readonly (number | null)[];
  /** The configurations promoted to the next rung, best first (their configIds on this rung); empty on the last rung. */
  readonly promoted: readonly string[];
  readonly trials: number;
  /** trials × steps: the step budget this rung spent (a diverged trial's unused steps included). */
  readonly stepsSpent: number;
}

export interface RungGroup extends Labels {
  readonly rungs: readonly RungRecord[];
}

/** The tuning-budget protocol for one problem × optimizer × schedule entry. */
export interface TuningGroup extends Labels {
  /** The sampled configurations (configIds at the full budget), in sampling order: budget b has seen the first b. */
  readonly configs: readonly string[];
  /** Per configuration: its median final gap on the tuning seeds (null: every tuning seed diverged). */
  readonly tuningGap: readonly (number | null)[];
  /** For b = 1 … configs.length: the best of the first b configurations on the tuning seeds, by the suite's rule. */
  readonly selected: readonly string[];
}

export type Stages =
  | {
      readonly kind: 'halving' | 'hyperband';
      readonly groups: readonly RungGroup[];
      /** Every configuration of a rung below the full budget (those at the full budget are the suite's configs). */
      readonly configs: readonly StageConfig[];
      /** Their trials. */
      readonly trials: readonly TrialResult[];
    }
  | {
      readonly kind: 'tuning';
      readonly tuningSeeds: readonly number[];
      readonly groups: readonly TuningGroup[];
      /** Every sampled configuration. */
      readonly configs: readonly StageConfig[];
      /** Their trials on the tuning seeds. */
      readonly trials: readonly TrialResult[];
    };

/** The stages section without its trials: what the stage loop decides before the trials are measured. */
export type StagesHead = Stages extends infer S ? (S extends Stages ? Omit<S, 'trials'> : never) : never;

/** The stages section as results.json writes it: its head indented, one line per group, configuration and trial. */
export function serializeStages(stages: Stages): string {
  const lines = (items: readonly unknown[]) =>
    items.length === 0 ? '[]' : `[\n${items.map((item) => `      ${JSON.stringify(item)}`).join(',\n')}\n    ]`;
  const { groups, configs, trials, ...head } = stages;
  const first = Object.entries(head).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return ['{', ...first, `    "groups": ${lines(groups)},`, `    "configs": ${lines(configs)},`, `    "trials": ${lines(trials)}`, '  }'].join('\n');
}

/** What is wrong with a results file's `stages` section (absent is fine), for parseResults; undefined if nothing. */
export function stagesShapeError(stages: unknown): string | undefined {
  if (stages === undefined) return undefined;
  if (typeof stages !== 'object' || stages === null || Array.isArray(stages)) return 'stages is not an object';
  const s = stages as Record<string, unknown>;
  if (s.kind !== 'halving' && s.kind !== 'hyperband' && s.kind !== 'tuning') return 'stages.kind is not halving, hyperband or tuning';
  for (const key of ['groups', 'configs', 'trials']) if (!Array.isArray(s[key])) return `stages.${key} is not a list`;
  const list = s.kind === 'tuning' ? ['configs', 'tuningGap', 'selected'] : ['rungs'];
  for (const [i, g] of (s.groups as unknown[]).entries()) {
    const group = g as Record<string, unknown> | null;
    const key = list.find((k) => !Array.isArray(group?.[k]));
    if (key !== undefined) return `stages.groups[${i}].${key} is not a list`;
  }
  return undefined;
}
