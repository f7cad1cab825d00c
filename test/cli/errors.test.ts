import { describe, expect, it } from 'vitest';
import { optbench } from './helpers.ts';

// Bad input or usage: exit 2, exactly one line on stderr naming the bad value, no stack (STYLE.md §14).

const RUN = ['run', '--problem', 'linear-regression', '--optimizer', 'adam'];

const cases: [string, string[], string[]][] = [
  ['unknown optimizer, with a suggestion', ['run', '--problem', 'linear-regression', '--optimizer', 'adm'], ['unknown optimizer "adm"', '(did you mean "adam"?)']],
  ['unknown problem', ['run', '--problem', 'linear-regresion', '--optimizer', 'adam'], ['unknown problem "linear-regresion"', 'did you mean "linear-regression"']],
  ['unknown problem (problem command)', ['problem', 'nope'], ['unknown problem "nope"', 'known: ']],
  ['unknown schedule', [...RUN, '--schedule', 'cosin'], ['unknown schedule "cosin"', 'did you mean "cosine"']],
  ['hyperparameter out of range', [...RUN, '--hp', 'beta1=1.2'], ['adam: beta1 must be in [0, 1), got 1.2']],
  ['malformed --hp', [...RUN, '--hp', 'beta1'], ['adam: expected name=value, got "beta1"']],
  ['boolean that is not one', [...RUN, '--hp', 'amsgrad=maybe'], ['adam: amsgrad must be true or false, got "maybe"']],
  ['unknown hyperparameter', [...RUN, '--hp', 'beta3=0.5'], ['adam: unknown parameter "beta3"', 'did you mean']],
  ['negative learning rate', [...RUN, '--lr', '-1'], ['adam: lr must be in (0, inf), got -1']],
  ['learning rate that is not a number', [...RUN, '--lr', 'abc'], ['adam: lr must be', 'got "abc"']],
  ['--lr without a value', [...RUN, '--lr'], ['lr']],
  ['zero steps', [...RUN, '--steps', '0'], ['steps must be an integer', 'got 0']],
  ['fractional steps', [...RUN, '--steps', '2.5'], ['steps must be an integer', 'got 2.5']],
  ['steps that are not a number', [...RUN, '--steps', 'many'], ['steps must be an integer', 'got "many"']],
  ['batch larger than the data', [...RUN, '--batch-size', '1000'], ['batch size must be at most the 100 training samples, got 1000']],
  ['nesterov without momentum', ['run', '--problem', 'linear-regression', '--optimizer', 'sgd', '--hp', 'nesterov=true'], ['sgd: nesterov requires momentum > 0', 'momentum=0']],
  ['warmup longer than the run', [...RUN, '--steps', '10', '--schedule', 'cosine', '--schedule-hp', 'warmup=10'], ['warmup must be less than the number of steps (10), got 10']],
  ['problem option out of range', [...RUN, '--opt', 'n=1'], ['problem linear-regression: n must be', 'got 1']],
  ['negative seed', ['problem', 'linear-regression', '--seed', '-1'], ['seed must be a non-negative integer, got -1']],
  ['unknown command, with a suggestion', ['rn', '--problem', 'linear-regression'], ['unknown command "rn"', '(did you mean "run"?)']],
  ['unknown command', ['frobnicate'], ['unknown command "frobnicate"', 'known: ']],
  ['no command', [], ['name a command']],
  ['unknown option', [...RUN, '--bogus', '1'], ['bogus']],
  ['missing required option', ['run', '--problem', 'linear-regression'], ['optimizer']],
  ['missing --import file', ['run', '--import', 'missing.ts', '--problem', 'linear-regression', '--optimizer', 'adam'], ['no such file: "missing.ts"']],
];

describe('bad input exits 2 with one line', () => {
  it.each(cases)('%s', (_label, args, expected) => {
    const { status, stdout, stderr } = optbench(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter((line) => line !== '');
    expect(lines, stderr).toHaveLength(1);
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr).not.toMatch(/^\s*at /m);
    expect(lines[0]).toMatch(/^optbench: /);
    for (const part of expected) expect(lines[0]).toContain(part);
  });

  it('--debug adds the stack of a user error', () => {
    const { status, stderr } = optbench(...RUN, '--lr', '-1', '--debug');
    expect(status).toBe(2);
    expect(stderr.split('\n')[0]).toBe('optbench: adam: lr must be in (0, inf), got -1');
    expect(stderr).toMatch(/^\s+at /m);
  });
});
