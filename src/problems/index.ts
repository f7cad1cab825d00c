import { Registry } from '../core/registry.ts';
import { linearRegression } from './linear-regression.ts';
import type { ProblemDef } from './problem.ts';
import { quadratic } from './quadratic.ts';

export const builtinProblems = {
  'linear-regression': linearRegression,
  quadratic,
} satisfies Record<string, ProblemDef>;

export type BuiltinProblemName = keyof typeof builtinProblems;

/** Every problem by name: the built-ins, and whatever user files register. */
export const problems = new Registry<ProblemDef>('problem', builtinProblems as Record<string, ProblemDef>);
