import { describe, expect, it, vi } from 'vitest';
import { bootstrapMedianCi } from '../../src/stats/bootstrap.ts';
import { fnv1a32 } from '../../src/stats/hash.ts';
import { summarize } from '../../src/stats/summarize.ts';
import { configInfo, trial } from './fixtures.ts';

// The bootstrap's 95% interval barely moves between seeds on small samples (its end points sit on a few order
// statistics), so comparing intervals cannot tell which seed was used. Watch the call instead.
vi.mock('../../src/stats/bootstrap.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/stats/bootstrap.ts')>();
  return { bootstrapMedianCi: vi.fn(actual.bootstrapMedianCi) };
});

describe('summarize, bootstrap seeds', () => {
  it('seeds each configuration’s bootstrap with the FNV-1a hash of its configId', () => {
    const ids = ['q/sgd/const/lr=0.1', 'q/adam/const/lr=0.01'];
    const configs = ids.map((id) => configInfo(id, { problem: 'q' }));
    const trials = ids.flatMap((id) => [trial(id, 1, { finalGap: 1 }), trial(id, 2, { finalGap: 3 })]);
    vi.mocked(bootstrapMedianCi).mockClear();
    summarize(configs, trials, { targets: [] }, { q: 0 });
    const seeds = vi.mocked(bootstrapMedianCi).mock.calls.map((call) => call[1]);
    // FNV-1a of the UTF-8 bytes, computed independently in Python: 'q/sgd/const/lr=0.1' → 3939726884,
    // 'q/adam/const/lr=0.01' → 2284903013
    expect(seeds).toEqual([fnv1a32(ids[0]), fnv1a32(ids[1])]);
    expect(seeds).toEqual([3939726884, 2284903013]);
  });
});
