import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cleanup, copyOf, expectUntouched, optbench, optbenchInProcess, type Run, scratch, TINY, userError } from './helpers.ts';

/**
 * The hardening issue's bad-input matrix, on the built CLI: every case exits 2 with one line on stderr naming the
 * thing and the bad value (a stack only with --debug), and, where the command targets an output directory that holds
 * a finished report, leaves that report byte-identical with no *.tmp, lock or journal left behind.
 * Cases already covered elsewhere are listed in test/hardening/README.md, not repeated here.
 *
 * Every case runs through the CLI's main() in this process (fast); the cases marked `spawn` also run on the built
 * binary, as a user runs it, one or more per kind of mistake (and the syntax error only there: under vitest the
 * suite file is compiled by vite, whose message differs from esbuild's).
 */

const work = scratch('bad-input');
/** A finished report (tiny suite): every case that takes --out gets a fresh copy of it. */
const REPORT = join(work, 'report');
const SUITES = join(work, 'suites');
const FILE = join(work, 'a-file');

/** Suite files with one mistake each, written to SUITES/<name>.ts. */
const suiteFiles: Record<string, string> = {
  'unknown-optimizer': "export default { problems: ['linear-regression'], optimizers: ['adma'], seeds: 1, budget: { steps: 5 } };",
  'unknown-schedule': "export default { problems: ['linear-regression'], optimizers: ['sgd'], schedules: ['cosin'], seeds: 1, budget: { steps: 5 } };",
  'unknown-problem': "export default { problems: ['quadratik'], optimizers: ['sgd'], seeds: 1, budget: { steps: 5 } };",
  'unknown-field': "export default { problems: ['quadratic'], optimisers: ['sgd'], optimizers: ['sgd'], seeds: 1, budget: { steps: 5 } };",
  'nesterov-without-momentum': "export default { problems: ['linear-regression'], optimizers: [{ name: 'sgd', params: { nesterov: true } }], seeds: 1, budget: { steps: 5 } };",
  'lr-nan': "export default { problems: ['linear-regression'], optimizers: [{ name: 'sgd', params: { lr: [0.1, NaN] } }], seeds: 1, budget: { steps: 5 } };",
  'lr-infinite': "export default { problems: ['linear-regression'], optimizers: [{ name: 'sgd', params: { lr: Infinity } }], seeds: 1, budget: { steps: 5 } };",
  'beta1-string': "export default { problems: ['linear-regression'], optimizers: [{ name: 'adam', params: { beta1: ['0.9'] } }], seeds: 1, budget: { steps: 5 } };",
  'momentum-negative': "export default { problems: ['linear-regression'], optimizers: [{ name: 'sgd', params: { momentum: [-0.5] } }], seeds: 1, budget: { steps: 5 } };",
  'warmup-fraction': "export default { problems: ['linear-regression'], optimizers: ['sgd'], schedules: [{ name: 'cosine', params: { warmup: 1.5 } }], seeds: 1, budget: { steps: 5 } };",
  'seeds-zero': "export default { problems: ['linear-regression'], optimizers: ['sgd'], seeds: 0, budget: { steps: 5 } };",
  'seeds-fraction': "export default { problems: ['linear-regression'], optimizers: ['sgd'], seeds: 1.5, budget: { steps: 5 } };",
  'seed-negative': "export default { problems: ['linear-regression'], optimizers: ['sgd'], seeds: [0, -1], budget: { steps: 5 } };",
  'steps-negative': "export default { problems: ['linear-regression'], optimizers: ['sgd'], seeds: 1, budget: { steps: -3 } };",
  'steps-string': "export default { problems: ['linear-regression'], optimizers: ['sgd'], seeds: 1, budget: { steps: '5' } };",
  'problem-steps-fraction': "export default { problems: [{ name: 'linear-regression', steps: 2.5 }], optimizers: ['sgd'], seeds: 1, budget: { steps: 5 } };",
  'batch-zero': "export default { problems: ['linear-regression'], optimizers: ['sgd'], seeds: 1, budget: { steps: 5, batchSize: 0 } };",
  'batch-fraction': "export default { problems: ['linear-regression'], optimizers: [{ name: 'sgd', batchSize: 1.5 }], seeds: 1, budget: { steps: 5 } };",
  'batch-larger-than-data': "export default { problems: [{ name: 'linear-regression', params: { n: 20 } }], optimizers: ['sgd'], seeds: 1, budget: { steps: 5, batchSize: 21 } };",
  'problem-option-unknown': "export default { problems: [{ name: 'quadratic', params: { kapa: 10 } }], optimizers: ['sgd'], seeds: 1, budget: { steps: 5 } };",
  'problem-option-range': "export default { problems: [{ name: 'quadratic', params: { dim: 0 } }], optimizers: ['sgd'], seeds: 1, budget: { steps: 5 } };",
  'problem-option-type': "export default { problems: [{ name: 'linear-regression', params: { n: '20' } }], optimizers: ['sgd'], seeds: 1, budget: { steps: 5 } };",
  'problem-params-not-object': "export default { problems: [{ name: 'linear-regression', params: 5 }], optimizers: ['sgd'], seeds: 1, budget: { steps: 5 } };",
  'syntax-error': "export default { problems: ['linear-regression'], optimizers: ['sgd'\n  seeds: 1, budget: { steps: 5 } };",
  'description-number': "export default { description: 5, problems: ['linear-regression'], optimizers: ['sgd'], seeds: 1, budget: { steps: 5 } };",
  'check-number': "export default { problems: ['linear-regression'], optimizers: ['sgd'], seeds: 1, budget: { steps: 5 }, check: 5 };",
  'schedules-null': "export default { problems: ['linear-regression'], optimizers: ['sgd'], schedules: null, seeds: 1, budget: { steps: 5 } };",
  'search-null': "export default { problems: ['linear-regression'], optimizers: ['sgd'], search: null, seeds: 1, budget: { steps: 5 } };",
  'optimizer-null': "export default { problems: ['linear-regression'], optimizers: [null], seeds: 1, budget: { steps: 5 } };",
  'budget-number': "export default { problems: ['linear-regression'], optimizers: ['sgd'], seeds: 1, budget: 5 };",
  'no-default-export': 'export const suite = {};',
};
const suite = (name: string) => join(SUITES, `${name}.ts`);

beforeAll(async () => {
  assertBuilt();
  mkdirSync(SUITES);
  for (const [name, text] of Object.entries(suiteFiles)) writeFileSync(suite(name), `${text}\n`);
  writeFileSync(FILE, 'a regular file, not a directory\n');
  const run = await optbench(['suite', TINY, '--out', REPORT, '--workers', '1', '--quiet']);
  if (run.code !== 0) throw new Error(`cannot make the existing report: ${run.stderr}`);
});
afterAll(cleanup);

const RUN = ['run', '--problem', 'linear-regression', '--optimizer', 'adam'];

/** [what, args (out: a directory holding a finished report), parts the one line must contain, where it runs]. */
type Case = [string, (out: string) => string[], string[], ('both' | 'spawn')?];

const withOut: Case[] = [
  // Unknown names, with the closest known one.
  ['unknown suite name', (out) => ['suite', 'linear-regresion', '--out', out], ['unknown suite "linear-regresion" (did you mean "linear-regression"?)'], 'both'],
  ['unknown optimizer in a suite file', (out) => ['suite', suite('unknown-optimizer'), '--out', out], [`${suite('unknown-optimizer')}: optimizers[0]: unknown optimizer "adma" (did you mean "adam"?)`]],
  ['unknown schedule in a suite file', (out) => ['suite', suite('unknown-schedule'), '--out', out], [`${suite('unknown-schedule')}: schedules[0]: unknown schedule "cosin" (did you mean "cosine"?)`]],
  ['unknown problem in a suite file', (out) => ['suite', suite('unknown-problem'), '--out', out], [`${suite('unknown-problem')}: problems[0]: unknown problem "quadratik" (did you mean "quadratic"?)`]],
  ['unknown suite field', (out) => ['suite', suite('unknown-field'), '--out', out], [`${suite('unknown-field')}: suite: unknown field "optimisers" (did you mean "optimizers"?)`]],
  ['unknown command', (out) => ['sute', TINY, '--out', out], ['unknown command "sute" (did you mean "suite"?)']],
  ['unknown option', (out) => ['suite', TINY, '--out', out, '--worker', '2'], ['unknown option --worker (did you mean "--workers"?)'], 'both'],
  ['unknown option written --name=value', (out) => ['suite', TINY, '--out', out, '--shard-cout=2'], ['unknown option --shard-cout (did you mean "--shard-count"?)']],
  // A built-in suite name that tries to leave suites/.
  ['suite name ../..', (out) => ['suite', '../..', '--out', out], ['not a suite file: "../.." is a directory'], 'both'],
  ['suite name ..', (out) => ['suite', '..', '--out', out], ['suite name must be a plain name (letters, digits, - and _) or a path to a file, got ".."']],
  ['suite name ..%2f', (out) => ['suite', '..%2f', '--out', out], ['suite name must be a plain name', 'got "..%2f"']],
  ['suite name ..%2f..%2fsuites%2flinear-regression', (out) => ['suite', '..%2f..%2fsuites%2flinear-regression', '--out', out], ['suite name must be a plain name', 'got "..%2f..%2fsuites%2flinear-regression"']],
  ['suite name foo/../../bar', (out) => ['suite', 'foo/../../bar', '--out', out], ['no such suite file: "foo/../../bar"'], 'both'],
  // Hyperparameters in suite files: non-finite, negative, wrong type, impossible combination.
  ['NaN in an lr list', (out) => ['suite', suite('lr-nan'), '--out', out], [`${suite('lr-nan')}: optimizers[0].params.lr[1]: sgd: lr must be a finite number in (0, inf), got NaN`], 'both'],
  ['an infinite lr', (out) => ['suite', suite('lr-infinite'), '--out', out], [`${suite('lr-infinite')}: optimizers[0].params.lr: sgd: lr must be a finite number in (0, inf), got Infinity`]],
  ['a number given as text', (out) => ['suite', suite('beta1-string'), '--out', out], [`optimizers[0].params.beta1[0]: adam: beta1 must be a finite number in [0, 1), got "0.9"`]],
  ['a negative momentum', (out) => ['suite', suite('momentum-negative'), '--out', out], ['optimizers[0].params.momentum[0]: sgd: momentum must be in [0, 1), got -0.5']],
  ['a fractional integer parameter', (out) => ['suite', suite('warmup-fraction'), '--out', out], ['schedules[0].params.warmup: schedule cosine: warmup must be an integer in [0, inf), got 1.5']],
  ['nesterov without momentum', (out) => ['suite', suite('nesterov-without-momentum'), '--out', out], ['sgd: nesterov requires momentum > 0', 'got momentum=0'], 'both'],
  // Counts: command line and suite files.
  ['--workers 0', (out) => ['suite', TINY, '--out', out, '--workers', '0'], ['--workers must be an integer in [1, 1024], got 0'], 'both'],
  ['--workers 1.5', (out) => ['suite', TINY, '--out', out, '--workers', '1.5'], ['--workers must be an integer in [1, 1024], got 1.5']],
  ['--workers -2', (out) => ['suite', TINY, '--out', out, '--workers', '-2'], ['--workers must be an integer in [1, 1024], got -2']],
  ['--workers abc', (out) => ['suite', TINY, '--out', out, '--workers', 'abc'], ['--workers must be an integer in [1, 1024], got "abc"'], 'both'],
  ['--workers 5000', (out) => ['suite', TINY, '--out', out, '--workers', '5000'], ['--workers must be an integer in [1, 1024], got 5000']],
  ['check --workers 0', () => ['check', 'tiny', '--workers', '0'], ['--workers must be an integer in [1, 1024], got 0']],
  ['--shard-count x', (out) => ['suite', TINY, '--out', out, '--shard-count', 'x'], ['--shard-count must be a positive integer, got "x"']],
  ['--shard 0/2', (out) => ['suite', TINY, '--out', out, '--shard', '0/2'], ['--shard: shard index must be in [1, 2], got 0']],
  ['--shard 1.5/2', (out) => ['suite', TINY, '--out', out, '--shard', '1.5/2'], ['--shard must look like i/n (e.g. 2/3), got "1.5/2"']],
  ['seeds 0', (out) => ['suite', suite('seeds-zero'), '--out', out], [`${suite('seeds-zero')}: seeds: must be an integer in [1, 100000], got 0`], 'both'],
  ['seeds 1.5', (out) => ['suite', suite('seeds-fraction'), '--out', out], [`${suite('seeds-fraction')}: seeds: must be an integer in [1, 100000], got 1.5`]],
  ['a negative seed in a list', (out) => ['suite', suite('seed-negative'), '--out', out], [`${suite('seed-negative')}: seeds[1]: must be a non-negative integer, got -1`]],
  ['negative steps', (out) => ['suite', suite('steps-negative'), '--out', out], [`${suite('steps-negative')}: budget.steps: must be an integer in [1, 10000000], got -3`]],
  ['steps given as text', (out) => ['suite', suite('steps-string'), '--out', out], [`${suite('steps-string')}: budget.steps: must be an integer in [1, 10000000], got "5"`]],
  ['fractional per-problem steps', (out) => ['suite', suite('problem-steps-fraction'), '--out', out], ['problems[0].steps: must be an integer in [1, 10000000], got 2.5']],
  ['batch size 0', (out) => ['suite', suite('batch-zero'), '--out', out], [`${suite('batch-zero')}: budget.batchSize: must be an integer in [1, 1000000000], got 0`]],
  ['fractional batch size', (out) => ['suite', suite('batch-fraction'), '--out', out], ['optimizers[0].batchSize: must be an integer in [1, 1000000000], got 1.5']],
  ['budget.batchSize larger than n', (out) => ['suite', suite('batch-larger-than-data'), '--out', out], ['linear-regression × sgd: batch size must be at most the 20 training samples, got 21'], 'both'],
  // Problem options.
  ['unknown problem option', (out) => ['suite', suite('problem-option-unknown'), '--out', out], ['problems[0].params: problem quadratic: unknown parameter "kapa" (did you mean "kappa"?)']],
  ['problem option out of range', (out) => ['suite', suite('problem-option-range'), '--out', out], ['problems[0].params: problem quadratic: dim must be in [1, 2000], got 0'], 'both'],
  ['problem option of the wrong type', (out) => ['suite', suite('problem-option-type'), '--out', out], ['problems[0].params: problem linear-regression: n must be an integer in [2, 10000000], got "20"']],
  ['problem params that are not an object', (out) => ['suite', suite('problem-params-not-object'), '--out', out], ['problems[0].params: must be an object of options, got 5']],
  // Suite files that do not load or have fields of the wrong type: which file, which field.
  ['a syntax error', (out) => ['suite', suite('syntax-error'), '--out', out], [`${suite('syntax-error')}: cannot load: line 2, column 3: `], 'spawn'],
  ['description: 5', (out) => ['suite', suite('description-number'), '--out', out], [`${suite('description-number')}: description: must be a string, got 5`]],
  ['check: 5', (out) => ['suite', suite('check-number'), '--out', out], [`${suite('check-number')}: check: must be { tolerance?, alpha? }, got 5`], 'both'],
  ['schedules: null', (out) => ['suite', suite('schedules-null'), '--out', out], [`${suite('schedules-null')}: schedules: must be a non-empty list, got null`]],
  ['search: null', (out) => ['suite', suite('search-null'), '--out', out], [`${suite('search-null')}: search: must be { kind: "grid" }, { kind: "random", samples, seed? }`, '{ kind: "sobol", samples, seed? }', 'got null']],
  ['optimizers: [null]', (out) => ['suite', suite('optimizer-null'), '--out', out], [`${suite('optimizer-null')}: optimizers[0]: must be a name or { name, ... }, got null`]],
  ['budget: 5', (out) => ['suite', suite('budget-number'), '--out', out], [`${suite('budget-number')}: budget: must be { steps, batchSize? }, got 5`]],
  ['no default export', (out) => ['suite', suite('no-default-export'), '--out', out], [`${suite('no-default-export')}: must export a suite (export default defineSuite({...})), got undefined`]],
];

/** Commands without an output directory: the line is what matters. */
const withoutOut: [string, string[], string[], ('both' | 'spawn')?][] = [
  ['unknown option of run', [...RUN, '--step', '3'], ['unknown option --step (did you mean "--steps"?)'], 'both'],
  ['a stray argument', ['list', 'optimizers', 'extra'], ['unexpected argument "extra"']],
  ['unknown schedule parameter', [...RUN, '--schedule', 'cosine', '--schedule-hp', 'warmpu=1'], ['schedule cosine: unknown parameter "warmpu" (did you mean "warmup"?)']],
  ['NaN hyperparameter', [...RUN, '--hp', 'beta1=NaN'], ['adam: beta1 must be a finite number in [0, 1), got NaN'], 'both'],
  ['infinite learning rate', [...RUN, '--lr', 'Infinity'], ['adam: lr must be a finite number in (0, inf), got Infinity']],
  ['learning rate that overflows', [...RUN, '--lr', '1e400'], ['adam: lr must be a finite number in (0, inf), got Infinity']],
  ['a hex learning rate (not read as 16)', [...RUN, '--lr', '0x10'], ['adam: lr must be a finite number in (0, inf), got "0x10"'], 'both'],
  ['a hex hyperparameter', [...RUN, '--hp', 'beta1=0x0'], ['adam: beta1 must be a number, got "0x0"']],
  ['negative eps', [...RUN, '--hp', 'eps=-1'], ['adam: eps must be in [0, inf), got -1']],
  ['beta2 at the open end of [0, 1)', [...RUN, '--hp', 'beta2=1'], ['adam: beta2 must be in [0, 1), got 1']],
  ['a number for a boolean', [...RUN, '--hp', 'amsgrad=1'], ['adam: amsgrad must be true or false, got "1"']],
  ['a boolean for a number', [...RUN, '--hp', 'beta1=true'], ['adam: beta1 must be a number, got "true"']],
  ['--hp =3', [...RUN, '--hp', '=3'], ['adam: expected name=value, got "=3"']],
  ['--schedule-hp warmup', [...RUN, '--schedule', 'cosine', '--schedule-hp', 'warmup'], ['schedule cosine: expected name=value, got "warmup"']],
  ['nesterov with dampening', ['run', '--problem', 'linear-regression', '--optimizer', 'sgd', '--hp', 'nesterov=true', '--hp', 'momentum=0.9', '--hp', 'dampening=0.5'], ['sgd: nesterov requires momentum > 0 and dampening = 0, got momentum=0.9, dampening=0.5']],
  ['negative steps', [...RUN, '--steps', '-5'], ['steps must be an integer in [1, 10000000], got -5']],
  ['steps that overflow', [...RUN, '--steps', '1e400'], ['steps must be an integer in [1, 10000000], got Infinity']],
  ['steps given twice', [...RUN, '--steps', '3', '--steps', '4'], ['steps must be an integer in [1, 10000000], got "3,4"']],
  ['batch size 0', [...RUN, '--batch-size', '0'], ['batch size must be an integer in [1, ', 'got 0']],
  ['negative batch size', [...RUN, '--batch-size', '-2'], ['batch size must be an integer in [1, ', 'got -2']],
  ['fractional batch size', [...RUN, '--batch-size', '1.5'], ['batch size must be an integer in [1, ', 'got 1.5'], 'both'],
  ['a batch size for a problem without samples', ['run', '--problem', 'quadratic', '--optimizer', 'adam', '--batch-size', '2'], ['problem quadratic has no samples to batch']],
  ['fractional seed', [...RUN, '--seed', '1.5'], ['seed must be a non-negative integer, got 1.5']],
  ['seed that is not a number', [...RUN, '--seed', 'abc'], ['seed must be a non-negative integer, got "abc"']],
  ['negative problem option', [...RUN, '--opt', 'noise=-1'], ['problem linear-regression: noise must be in [0, inf), got -1']],
  ['unknown problem option, with a suggestion', [...RUN, '--opt', 'nois=1'], ['problem linear-regression: unknown parameter "nois" (did you mean "noise"?)']],
  ['problem option that is not a number', [...RUN, '--opt', 'n=abc'], ['problem linear-regression: n must be a number, got "abc"']],
  ['problem option out of range', ['problem', 'quadratic', '--opt', 'dim=0'], ['problem quadratic: dim must be in [1, 2000], got 0']],
  ['problem options valid alone but not together', ['problem', 'linear-regression', '--opt', 'd=5', '--opt', 'n=5'], ['problem linear-regression: n must be at least d + 1 = 6', 'got 5']],
];

async function onReport(run: (args: string[]) => Promise<Run>, [what, args, parts]: Case): Promise<void> {
  const { dir, before } = copyOf(REPORT, `${run === optbench ? 'spawned' : 'main'}-${what.replace(/[^a-z0-9]+/gi, '-')}`, work);
  const line = userError(await run(args(dir)));
  for (const part of parts) expect(line).toContain(part);
  expectUntouched(dir, before);
}

describe('bad input on an output directory holding a report: exit 2, one line, the report untouched (main)', () => {
  it.each(withOut.filter((c) => c[3] !== 'spawn'))('%s', (...c) => onReport(optbenchInProcess, c));
});

describe.concurrent('the same, on the built binary', () => {
  it.each(withOut.filter((c) => c[3] !== undefined))('%s', (...c) => onReport(optbench, c));
});

describe('bad input on the command line: exit 2, one line naming the value (main)', () => {
  it.each(withoutOut.filter((c) => c[3] !== 'spawn'))('%s', async (_what, args, parts) => {
    const line = userError(await optbenchInProcess(args));
    for (const part of parts) expect(line).toContain(part);
  });
});

describe.concurrent('the same, on the built binary', () => {
  it.each(withoutOut.filter((c) => c[3] !== undefined))('%s', async (_what, args, parts) => {
    const line = userError(await optbench(args));
    for (const part of parts) expect(line).toContain(part);
  });
});

describe.concurrent('an output directory that cannot be written', () => {
  it.each([
    ['suite', () => ['suite', TINY, '--workers', '1']],
    ['report', () => ['report', join(REPORT, 'results.json')]],
  ])('%s --out <a path under a regular file>: exit 2, one line naming the directory; the file is untouched', async (_what, args) => {
    const out = join(FILE, 'sub');
    const line = userError(await optbench([...args(), '--out', out]));
    expect(line).toBe(`optbench: cannot create output directory ${out}: ENOTDIR`);
    expect(readFileSync(FILE, 'utf8')).toBe('a regular file, not a directory\n');
  });

  it('suite --out <a regular file>: exit 2, one line naming it', async () => {
    const line = userError(await optbench(['suite', TINY, '--workers', '1', '--out', FILE]));
    expect(line).toBe(`optbench: cannot create output directory ${FILE}: EEXIST`);
  });
});

describe('--debug', () => {
  it('prints the one line, then the stack of the user error; still exit 2 and the report untouched', async () => {
    const { dir, before } = copyOf(REPORT, 'debug', work);
    const run = await optbench(['suite', suite('seeds-zero'), '--out', dir, '--debug']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`optbench: ${suite('seeds-zero')}: seeds: must be an integer in [1, 100000], got 0`);
    expect(lines[1]).toBe(`OptbenchError: ${suite('seeds-zero')}: seeds: must be an integer in [1, 100000], got 0`);
    expect(lines.slice(2).length).toBeGreaterThan(0);
    for (const frame of lines.slice(2)) expect(frame).toMatch(/^\s+at /);
    expectUntouched(dir, before);
  });

  it('without --debug the same error has no stack', async () => {
    userError(await optbench(['suite', suite('seeds-zero')]));
  });
});
