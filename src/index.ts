/**
 * optbench as a library: the registries and the definitions a user needs to add an optimizer, schedule or
 * problem, the trial runner, and (from the suite layer) defineSuite.
 */
export { OptbenchError } from './core/errors.ts';
export { bool, choice, int, linearRange, logRange, num } from './core/params.ts';
export type { ParamSpec, ParamSpecs, ParamValue, ParamValues, Resolved } from './core/params.ts';
export { rng, normal, type Rng } from './core/rng.ts';
export { optimizers, builtinOptimizers } from './optimizers/index.ts';
export { createOptimizer, defineOptimizer, preset, type OptimizerDef, type Stepper } from './optimizers/optimizer.ts';
export { schedules, builtinSchedules } from './schedules/index.ts';
export { createSchedule, defineSchedule, type Schedule, type ScheduleContext, type ScheduleDef } from './schedules/schedule.ts';
export { problems, builtinProblems } from './problems/index.ts';
export { createProblem, defineProblem, type Optimum, type ProblemDef, type ProblemInstance } from './problems/problem.ts';
export { mseLossAndGrad } from './problems/least-squares.ts';
export { runTrial, type TrialRun } from './train/run-trial.ts';
export { resolveTrialSpec, trialId, type ResolvedTrialSpec, type TrialSpec } from './train/spec.ts';
export { train, type TrialStatus, type Trajectory } from './train/train.ts';
export { defineSuite, type SuiteDef, type ProblemEntry, type OptimizerEntry, type ScheduleEntry } from './suite/define.ts';
export { intUniform, linspace, logspace, logUniform, uniform, type Space } from './search/space.ts';
export { loadSuite, runSuite } from './runner/run-suite.ts';
export type { Results, TrialResult, ConfigSummary } from './results/types.ts';
