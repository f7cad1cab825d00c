import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Errors from '../../src/core/errors.ts';
import type * as Execute from '../../src/runner/execute.ts';
import type * as Threads from '../../src/runner/threads.ts';
import { plan } from '../../src/search/plan.ts';
import { resolveSuite } from '../../src/suite/resolve.ts';
import pool from '../fixtures/suites/pool.ts';
import { assertBuilt, ROOT } from './spawn.ts';

/**
 * execute() with pool threads: lanes take chunks as they come free, and whichever lane ran a chunk, the results
 * are the same as on one thread. Pool threads run the compiled worker, so this uses the built modules (dist/).
 */

const dist = (file: string) => pathToFileURL(join(ROOT, 'dist', file)).href;
let execute: typeof Execute.execute;
let trialThreads: typeof Threads.trialThreads;
let OptbenchError: typeof Errors.OptbenchError; // the built class, which the built threads throw

beforeAll(async () => {
  assertBuilt();
  ({ execute } = (await import(dist('runner/execute.js'))) as typeof Execute);
  ({ trialThreads } = (await import(dist('runner/threads.js'))) as typeof Threads);
  ({ OptbenchError } = (await import(dist('core/errors.js'))) as typeof Errors);
});

// 4 configurations × 6 seeds = 24 trials of 300 steps on n = 500: chunks of 2, a few ms each.
const suite = resolveSuite('lanes', join(ROOT, 'suites', 'lanes.ts'), {
  problems: [{ name: 'linear-regression', params: { n: 500, d: 5 } }],
  optimizers: [
    { name: 'sgd', params: { lr: [0.01, 0.1] } },
    { name: 'adam', params: { lr: [0.01, 0.1] } },
  ],
  seeds: 6,
  budget: { steps: 300 },
});
const { trials } = plan(suite);

describe('execute', () => {
  it('gives the same results with a pool thread as on this thread alone, and the pool thread does run chunks', async () => {
    const alone: number[] = [];
    const one = await execute(trials, { targets: suite.targets, onResults: (_, lane) => alone.push(lane) });
    const threads = trialThreads(1)!;
    try {
      // Started (and up) before the call, the thread's lane takes chunks from the start, whatever the work left.
      await threads.run({ trials: [], targets: suite.targets, imports: [] });
      const lanes: number[] = [];
      const two = await execute(trials, { targets: suite.targets, threads, onResults: (chunk, lane) => lanes.push(...chunk.map(() => lane)) });
      expect(JSON.stringify(two)).toBe(JSON.stringify(one));
      expect(new Set(alone)).toEqual(new Set([0]));
      expect(lanes).toHaveLength(trials.length);
      expect(lanes).toContain(0);
      expect(lanes).toContain(1);
    } finally {
      await threads.close();
    }
  });

  it('does not start pool threads for work this thread finishes sooner alone (24 short trials)', async () => {
    const threads = trialThreads(1)!;
    try {
      const lanes = new Set<number>();
      await execute(trials, { targets: suite.targets, threads, onResults: (_, lane) => lanes.add(lane) });
      expect(threads.started).toBe(false);
      expect(lanes).toEqual(new Set([0]));
    } finally {
      await threads.close();
    }
  });

  it('starts them at once when there are so few trials that each chunk is one (each could be long)', async () => {
    const threads = trialThreads(1)!;
    try {
      const few = trials.slice(0, 6);
      expect(await execute(few, { targets: suite.targets, threads })).toEqual(await execute(few, { targets: suite.targets }));
      expect(threads.started).toBe(true);
    } finally {
      await threads.close();
    }
  });

  it('starts them when the work left is worth it, and they run chunks', async () => {
    const big = resolveSuite('pool', join(ROOT, 'test', 'fixtures', 'suites', 'pool.ts'), pool);
    const threads = trialThreads(1)!;
    try {
      const lanes = new Set<number>();
      await execute(plan(big).trials, { targets: big.targets, threads, onResults: (_, lane) => lanes.add(lane) });
      expect(threads.started).toBe(true);
      expect(lanes).toEqual(new Set([0, 1]));
    } finally {
      await threads.close();
    }
  });

  it("a user's error in a pool thread (OptbenchError) comes back as one, message intact", async () => {
    const threads = trialThreads(1)!;
    try {
      const bad = { ...trials[0], spec: { ...trials[0].spec, optimizer: { name: 'adma', params: {} } } };
      const error = await threads.run({ trials: [bad], targets: suite.targets, imports: [] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OptbenchError);
      expect((error as Error).message).toMatch(/^unknown optimizer "adma" \(did you mean "adam"\?\)/);
    } finally {
      await threads.close();
    }
  });

  it('a pool thread that fails to run its chunk fails the whole call', async () => {
    const threads = trialThreads(1)!;
    await threads.start();
    const broken = { count: 1, started: true, start: async () => {}, run: () => Promise.reject(new Error('thread lost')), close: () => threads.close() };
    try {
      await expect(execute(trials, { targets: suite.targets, threads: broken })).rejects.toThrow('thread lost');
    } finally {
      await threads.close();
    }
  });
});
