import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/stats/summarize.ts';
import { configInfo, divergedTrial, trial } from './fixtures.ts';

const suite = { targets: [0.1] };

const configs = [
  configInfo('q/sgd/const/lr=0.1', { problem: 'q', optimizer: 'sgd', schedule: 'const' }),
  configInfo('q/sgd/cos/lr=0.1', { problem: 'q', optimizer: 'sgd', schedule: 'cos' }),
  configInfo('q/adam/const/lr=0.01', { problem: 'q', optimizer: 'adam', schedule: 'const' }),
  configInfo('q/sgd/const/lr=1', { problem: 'q', optimizer: 'sgd', schedule: 'const' }),
  configInfo('r/sgd/const/lr=0.1', { problem: 'r', optimizer: 'sgd', schedule: 'const' }),
];

// median final gaps: sgd/const/0.1 → 2, sgd/cos → 1.5, adam → 4, sgd/const/1 → diverged once (gap 0.1), r → 7
const trials = [
  trial('r/sgd/const/lr=0.1', 1, { finalGap: 7, curve: [1, 2, 3, 4, 5] }),
  trial('q/sgd/const/lr=0.1', 1, { finalGap: 1, curve: [1, 2, 3] }),
  trial('q/sgd/cos/lr=0.1', 1, { finalGap: 1.5 }),
  trial('q/adam/const/lr=0.01', 1, { finalGap: 4 }),
  trial('q/sgd/const/lr=1', 1, { finalGap: 0.1 }),
  divergedTrial('q/sgd/const/lr=1', 2),
  trial('q/sgd/const/lr=0.1', 2, { finalGap: 3, curve: [1, 2, 3] }),
  trial('q/sgd/cos/lr=0.1', 2, { finalGap: 1.5 }),
];

const curveLengths = { q: 3, r: 5 };

describe('summarize', () => {
  const out = summarize(configs, trials, suite, curveLengths);

  it('summarises configurations in the order given, each over its own trials', () => {
    expect(out.configs.map((c) => c.configId)).toEqual(configs.map((c) => c.configId));
    expect(out.configs.map((c) => c.runs)).toEqual([2, 2, 1, 2, 1]);
    expect(out.configs.map((c) => c.finalGap?.median)).toEqual([2, 1.5, 4, 0.1, 7]);
    expect(out.configs[3].diverged).toBe(1);
  });

  it('uses each problem’s curve length', () => {
    expect(out.configs[0].curve.median).toHaveLength(3);
    expect(out.configs[4].curve.median).toHaveLength(5);
  });

  it('does not depend on the order of the trials', () => {
    expect(summarize(configs, [...trials].reverse(), suite, curveLengths)).toEqual(out);
  });

  it('picks the best per (problem, optimizer)', () => {
    // q/sgd: cos (1.5) beats const 0.1 (2); const 1 has the lowest gap but diverged once → last
    expect(out.best).toEqual([
      { problem: 'q', optimizer: 'sgd', configId: 'q/sgd/cos/lr=0.1' },
      { problem: 'q', optimizer: 'adam', configId: 'q/adam/const/lr=0.01' },
      { problem: 'r', optimizer: 'sgd', configId: 'r/sgd/const/lr=0.1' },
    ]);
    expect(out.best.every((b) => !('schedule' in b))).toBe(true);
  });

  it('picks the best per (problem, optimizer, schedule)', () => {
    expect(out.bestBySchedule).toEqual([
      { problem: 'q', optimizer: 'sgd', schedule: 'const', configId: 'q/sgd/const/lr=0.1' },
      { problem: 'q', optimizer: 'sgd', schedule: 'cos', configId: 'q/sgd/cos/lr=0.1' },
      { problem: 'q', optimizer: 'adam', schedule: 'const', configId: 'q/adam/const/lr=0.01' },
      { problem: 'r', optimizer: 'sgd', schedule: 'const', configId: 'r/sgd/const/lr=0.1' },
    ]);
  });

  it('summarises a configuration without trials as zero runs', () => {
    const lonely = summarize([configInfo('x', { problem: 'q' })], [], suite, curveLengths);
    expect(lonely.configs[0].runs).toBe(0);
    expect(lonely.best).toEqual([{ problem: 'q', optimizer: 'sgd', configId: 'x' }]);
  });

  it('throws on a trial of an unknown configuration, a duplicate configuration, or a missing curve length', () => {
    expect(() => summarize(configs, [trial('nope', 1)], suite, curveLengths)).toThrow(/unknown configuration nope/);
    expect(() => summarize([configs[0], configs[0]], [], suite, curveLengths)).toThrow(/duplicate/);
    expect(() => summarize(configs, trials, suite, { q: 3 })).toThrow(/curve length for problem "r"/);
  });
});
