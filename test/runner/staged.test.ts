import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSuite } from '../../src/check/run-check.ts';
import { canonical } from '../../src/core/canonical.ts';
import type { RungRecord, StageConfig } from '../../src/results/stages.ts';
import type { Results, TrialResult } from '../../src/results/types.ts';
import { parseResults } from '../../src/results/parse.ts';
import { serializeResults } from '../../src/results/serialize.ts';
import { writeReport } from '../../src/report/write.ts';
import { Interrupted } from '../../src/runner/interrupted.ts';
import { runSuite } from '../../src/runner/run-suite.ts';
import { optbenchInProcess, userError } from '../hardening/helpers.ts';
import { expectSameFiles } from './spawn.ts';

/**
 * Staged execution in this process (one worker): successive halving on test/fixtures/suites/halving.ts (2 optimizers ×
 * rungs 9 @ 10, 3 @ 30, 1 @ 90 steps × 2 seeds = 52 trials) and the tuning protocol on test/fixtures/suites/tuning.ts.
 * The promotions are checked against medians recomputed here from the recorded trials; an interrupted run resumed
 * from its journal writes the same bytes; --shard is refused. (--workers 2 runs the built CLI: staged-cli.test.ts.)
 */

const HALVING = resolve('test/fixtures/suites/halving.ts');
const TUNING = resolve('test/fixtures/suites/tuning.ts');
const work = mkdtempSync(join(tmpdir(), 'optbench-staged-'));
const WHOLE = join(work, 'whole');
let whole: Results;

beforeAll(async () => {
  whole = (await runSuite(HALVING, { out: WHOLE, workers: 1 })).results!;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The stages of a halving run (narrowed from the tuning kind). */
function rungStages(results: Results) {
  const stages = results.stages;
  if (stages === undefined || stages.kind === 'tuning') throw new Error('not a halving run');
  return stages;
}

/** Median over seeds of the final loss, a diverged run counting as +∞ (computed here, independently of promote.ts). */
function medianLoss(trials: readonly TrialResult[]): number {
  const x = trials.map((t) => (t.status === 'diverged' ? Infinity : t.finalLoss!)).sort((a, b) => a - b);
  return x.length % 2 ? x[x.length >> 1] : (x[x.length / 2 - 1] + x[x.length / 2]) / 2;
}

describe('successive halving, end to end', () => {
  it('runs 9 @ 10, 3 @ 30, 1 @ 90 steps per optimizer; the suite configurations are the last rung’s', () => {
    const stages = rungStages(whole);
    expect(stages.kind).toBe('halving');
    for (const group of stages.groups) {
      expect(group.rungs.map((r) => [r.rung, r.steps, r.configs.length, r.promoted.length, r.trials, r.stepsSpent])).toEqual([
        [0, 10, 9, 3, 18, 180],
        [1, 30, 3, 1, 6, 180],
        [2, 90, 1, 0, 2, 180],
      ]);
      const last = group.rungs[2];
      expect(whole.configs.filter((c) => c.optimizer === group.optimizer).map((c) => c.configId)).toEqual(last.configs);
    }
    expect(whole.trials).toHaveLength(2 * 1 * 2); // one configuration per optimizer at the full budget, 2 seeds
    expect(stages.trials).toHaveLength(2 * (9 + 3) * 2);
    expect(stages.trials.every((t) => !('losses' in t))).toBe(true);
    // Rung 0 of sgd holds a configuration that diverged (lr up to 0.5 on κ = 10): it is scored +∞ and never promoted.
    const rung0 = stages.groups[0].rungs[0];
    expect(rung0.medianFinalLoss.filter((m) => m === null)).toHaveLength(1);
    expect(rung0.promoted).not.toContain(rung0.configs[rung0.medianFinalLoss.indexOf(null)]);
  });

  it('promotes, at each rung, the ⌊n/3⌋ configurations with the lowest median final loss', () => {
    const stages = rungStages(whole);
    const trialsOf = (id: string) => [...stages.trials, ...whole.trials].filter((t) => t.configId === id);
    const searchedOf = new Map<string, string>([
      ...stages.configs.map((c: StageConfig) => [c.configId, canonical(c.searched)] as const),
      ...whole.configs.map((c) => [c.configId, canonical(c.searched)] as const),
    ]);
    for (const group of stages.groups) {
      group.rungs.forEach((rung: RungRecord, i) => {
        const medians = rung.configs.map((id) => medianLoss(trialsOf(id)));
        // +∞ (half the seeds or more diverged) is stored as null.
        expect(rung.medianFinalLoss.map((m) => m ?? Infinity)).toEqual(medians);
        if (i === group.rungs.length - 1) return;
        const keep = Math.max(1, Math.floor(rung.configs.length / 3));
        const ranked = rung.configs.map((id, k) => ({ id, m: medians[k] })).sort((a, b) => (a.m === b.m ? 0 : a.m < b.m ? -1 : 1)); // stable: ties keep sampling order
        expect(rung.promoted).toEqual(ranked.slice(0, keep).map((r) => r.id));
        // The next rung runs the promoted points (same hyperparameters, η× the steps), in sampling order.
        const next = group.rungs[i + 1];
        expect(next.configs.map((id) => searchedOf.get(id)).sort()).toEqual(rung.promoted.map((id) => searchedOf.get(id)).sort());
        expect(next.steps).toBe(rung.steps * 3);
      });
    }
  });

  it('the report shows the rungs and what they spent against a full search', () => {
    const report = readFileSync(join(WHOLE, 'report.md'), 'utf8');
    expect(report).toContain('### Successive halving: rungs');
    expect(report).toContain('| sgd | constant | 0 | 10 | 9 | 3 | 18 | 180 |');
    // All rungs: 180 + 180 + 180 = 540 steps; all 9 configurations for 90 steps on 2 seeds: 9·90·2 = 1620; 540/1620 = 33.3%.
    expect(report).toContain('| sgd | constant | 9 | 540 | 1 620 | 33.3% |');
  });

  it('an interrupted run resumed from its journal re-decides the promotions and writes the same bytes', async () => {
    const out = join(work, 'interrupted');
    const stop = new AbortController();
    let seen = 0;
    const first = runSuite(HALVING, {
      out,
      workers: 1,
      signal: stop.signal,
      onResults: (chunk) => {
        seen += chunk.length;
        if (seen >= 40) stop.abort('SIGINT'); // stage 0 has 36 trials: stop inside stage 1 (rung 1)
      },
    });
    await expect(first).rejects.toBeInstanceOf(Interrupted);
    const journal = readFileSync(join(out, '.journal.jsonl'), 'utf8').trim().split('\n');
    expect(journal).toHaveLength(1 + seen);
    expect(existsSync(join(out, 'results.json'))).toBe(false);

    let resumedCount = -1;
    const again = await runSuite(HALVING, { out, workers: 1, resume: true, onPlan: (_suite, _total, resumed) => (resumedCount = resumed) });
    expect(resumedCount).toBe(seen);
    expect(again.resumed).toBe(seen);
    expect(again.ran).toBe(52 - seen);
    expectSameFiles(out, WHOLE);
  });

  it('results.json round-trips: the report regenerated from it is the same bytes; a broken stages section is named', async () => {
    const text = readFileSync(join(WHOLE, 'results.json'), 'utf8');
    const parsed = parseResults(text, 'results.json');
    expect(serializeResults(parsed)).toBe(text);
    const again = join(work, 'regenerated');
    await writeReport(again, parsed);
    expect(readFileSync(join(again, 'report.md'), 'utf8')).toBe(readFileSync(join(WHOLE, 'report.md'), 'utf8'));
    const broken = JSON.stringify({ ...JSON.parse(text), stages: { kind: 'halving', groups: 3, configs: [], trials: [] } });
    expect(() => parseResults(broken, 'x.json')).toThrow('x.json: not an optbench results file (stages.groups is not a list)');
  });

  it('--shard is refused with one line, before anything is written', async () => {
    const out = join(work, 'sharded');
    const line = userError(await optbenchInProcess(['suite', HALVING, '--shard', '1/2', '--out', out, '--quiet']));
    expect(line).toBe(
      "optbench: suite halving: --shard cannot split a halving search: each stage's trials depend on the results of the stage before, so they cannot be assigned to shards ahead of time; run it unsharded (--workers uses every core)",
    );
    expect(existsSync(out)).toBe(false);
  });

  it('optbench check reruns the stages and finds them identical', async () => {
    const root = join(work, 'project');
    mkdirSync(join(root, 'suites'), { recursive: true });
    cpSync(HALVING, join(root, 'suites', 'halving.ts'));
    cpSync(WHOLE, join(root, 'reports', 'halving'), { recursive: true });
    const check = await checkSuite('halving', { root });
    expect(check.comparison).toEqual({ identical: true, changes: [], failed: false });
    expect(check.trials).toBe(52);
  });
});

describe('the tuning-budget protocol, end to end', () => {
  let tuned: Results;
  const out = join(work, 'tuning');
  beforeAll(async () => {
    tuned = (await runSuite(TUNING, { out, workers: 1 })).results!;
  });

  it('tunes on the tuning seeds and reports on the fresh ones', () => {
    const stages = tuned.stages!;
    expect(stages.kind).toBe('tuning');
    expect(new Set(stages.trials.map((t) => t.seed))).toEqual(new Set([50, 51]));
    expect(stages.trials).toHaveLength(2 * 6 * 2); // 2 optimizers × 6 samples × 2 tuning seeds
    expect(new Set(tuned.trials.map((t) => t.seed))).toEqual(new Set([0, 1, 2]));
  });

  it('picks, for every budget b, the configuration with the lowest tuning-seed median gap among the first b', () => {
    if (tuned.stages?.kind !== 'tuning') throw new Error('not a tuning run');
    const { stages } = tuned;
    for (const group of stages.groups) {
      // The median over the two tuning seeds, from the recorded trials: (g₁ + g₂)/2.
      const gaps = group.configs.map((id) => {
        const g = stages.trials.filter((t) => t.configId === id).map((t) => t.finalGap!);
        return (g[0] + g[1]) / 2;
      });
      expect(group.tuningGap.map((g, i) => Math.abs(g! - gaps[i]) <= 1e-15 * Math.abs(gaps[i]))).toEqual(gaps.map(() => true));
      const expected = gaps.map((_, b) => group.configs[gaps.slice(0, b + 1).indexOf(Math.min(...gaps.slice(0, b + 1)))]);
      expect(group.selected).toEqual(expected);
      // The suite's configurations are the distinct picks, rerun on the fresh seeds.
      expect(tuned.configs.filter((c) => c.optimizer === group.optimizer).map((c) => c.configId)).toEqual([...new Set(expected)]);
    }
  });

  it('the report has the performance-against-budget table and chart', () => {
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('### Performance against tuning budget');
    expect(report).toContain('| budget b | gd | adam |');
    for (let b = 1; b <= 6; b++) expect(report).toMatch(new RegExp(`^\\| ${b} \\| [0-9.e-]+ \\[`, 'm'));
    expect(report).toContain('![logistic-regression: final gap against tuning budget](tuning-budget-logistic-regression.svg)');
    expect(existsSync(join(out, 'tuning-budget-logistic-regression.svg'))).toBe(true);
  });
});

describe('the shipped suites/hyperband-quadratic.ts', () => {
  it("its checked-in rungs are Li et al.'s Table 1 (R = 81 units of 10 steps, η = 3) for every optimizer", () => {
    const results = JSON.parse(readFileSync('reports/hyperband-quadratic/results.json', 'utf8')) as Results;
    const table = ['4:81@10,27@30,9@90,3@270,1@810', '3:34@30,11@90,3@270,1@810', '2:15@90,5@270,1@810', '1:8@270,2@810', '0:5@810'];
    for (const group of rungStages(results).groups) {
      const brackets = [...new Set(group.rungs.map((r) => r.bracket))];
      expect(brackets.map((s) => `${s}:${group.rungs.filter((r) => r.bracket === s).map((r) => `${r.configs.length}@${r.steps}`).join(',')}`)).toEqual(table);
    }
  });
});
