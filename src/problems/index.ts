import { Registry } from '../core/registry.ts';
import { beale } from './beale.ts';
import { linearRegression } from './linear-regression.ts';
import { logisticRegression } from './logistic-regression.ts';
import { mlpSpirals } from './mlp-spirals.ts';
import { noisyQuadratic } from './noisy-quadratic.ts';
import type { ProblemDef } from './problem.ts';
import { quadratic } from './quadratic.ts';
import { rastrigin } from './rastrigin.ts';
import { rosenbrock } from './rosenbrock.ts';

export const builtinProblems = {
  'linear-regression': linearRegression,
  quadratic,
  'logistic-regression': logisticRegression,
  'noisy-quadratic': noisyQuadratic,
  rosenbrock,
  rastrigin,
  beale,
  'mlp-spirals': mlpSpirals,
} satisfies Record<string, ProblemDef>;

export type BuiltinProblemName = keyof typeof builtinProblems;

/** Every problem by name: the built-ins, and whatever user files register. */
export const problems = new Registry<ProblemDef>('problem', builtinProblems as Record<string, ProblemDef>);
