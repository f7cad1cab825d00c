import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectVegaQuiet } from './vega-quiet.ts';
import { renderCharts } from '../../src/report/charts.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { writeReport } from '../../src/report/write.ts';
import type { Results } from '../../src/results/types.ts';
import { PROBLEM, fixture } from './fixture.ts';
import { withTrials } from './with-trials.ts';

/**
 * Two problems, sgd and adam, one target (ε = 0.01), budget 100, seeds 0, 1, 2. Every best configuration reaches the
 * target at steps 10, 20, 30 (aRT 20), except sgd's on "rosen": seed 0 reaches it at 50, seed 1 diverges at step 7,
 * seed 2 reaches it at 40, so its aRT = (50 + 7 + 40) / 2 = 48.5 with 2 of 3 successes.
 */
const ROSEN = 'rosen';
const SGD_ROSEN = `${ROSEN}|sgd|{"lr":0.01}`;
function twoProblems(): Results {
  return withTrials(fixture([PROBLEM, ROSEN]), (configId, seed) => {
    if (configId !== SGD_ROSEN) return undefined;
    if (seed === 0) return { stepsToTarget: [50] };
    if (seed === 1) return { status: 'diverged', divergedAt: 7, finalGap: null, finalLoss: null, stepsToTarget: [null] };
    return { stepsToTarget: [40] };
  });
}

/** The lines of the table that follows `heading` (up to the next blank line after it). */
function tableAfter(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const lines = markdown.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > first && !l.startsWith('|'));
  return lines.slice(first, end);
}

describe('report.md: aRT and tests against the best (every suite)', () => {
  const md = renderMarkdown(twoProblems(), []);
  const rosen = md.slice(md.indexOf(`## ${ROSEN}`));

  it('gives each best configuration its aRT with successes/runs, right after the leaderboard', () => {
    const rows = tableAfter(rosen, '### Expected running time (aRT)');
    expect(rows).toEqual(['| optimizer | aRT to 0.01 |', '| --- | --- |', '| sgd | 48.5 (2/3) |', '| adam | 20 (3/3) |']);
    expect(rosen.indexOf('### Leaderboard')).toBeLessThan(rosen.indexOf('### Expected running time (aRT)'));
    expect(rosen).toContain('the whole budget (100 steps) or the step it diverged at');
  });

  it('shows ∞ when no run reached the target', () => {
    const none = withTrials(fixture(), () => ({ stepsToTarget: [null] }));
    expect(tableAfter(renderMarkdown(none, []), '### Expected running time (aRT)').slice(2)).toEqual(['| sgd | ∞ (0/3) |', '| adam | ∞ (0/3) |']);
  });

  it('tests each optimizer against the best with Holm-adjusted p, and says 3 seeds cannot reach α', () => {
    // adam (gap 0) is the best; sgd is worse on all 3 seeds (one diverged): W⁺ = 6, exact p = 2/2³ = 0.25; m = 1.
    const rows = tableAfter(rosen, '### Against the best configuration (adam)');
    expect(rows[0]).toBe('| optimizer | median final gap | seeds worse / better / tied | p (two-sided) | Holm-adjusted p | significant at α = 0.05 |');
    expect(rows.slice(2)).toEqual(['| sgd | 0.001 | 3 / 0 / 0 | 0.25 | 0.25 | no |', '| adam (best) | 0 | — | — | — | — |']);
    expect(rosen).toContain('With 3 seeds the smallest two-sided p the exact signed-rank test can give (every seed worse) is 2/2^3 = 0.25 > α = 0.05');
  });
});

describe('report.md: across problems', () => {
  const md = renderMarkdown(twoProblems(), [
    { problem: null, file: 'performance-profile.svg', title: 'the profile' },
    { problem: null, file: 'ecdf.svg', title: 'the ECDF' },
  ]);

  it('comes before the problems, and only with two or more', () => {
    expect(md.indexOf('## Across problems')).toBeGreaterThan(md.indexOf('## What ran'));
    expect(md.indexOf('## Across problems')).toBeLessThan(md.indexOf(`## ${PROBLEM}`));
    expect(renderMarkdown(withTrials(fixture()), [])).not.toContain('## Across problems');
  });

  it('tables ρ(1), ρ(2), ρ(4) at the chosen target', () => {
    // ε = 0.01: quadratic/ill aRT 20 and 20 (a tie: both win); rosen 48.5 and 20 → sgd's ratio 48.5/20 = 2.425.
    // sgd: ρ(1) = 1/2, ρ(2) = 1/2, ρ(4) = 2/2; adam: 1 throughout.
    expect(md).toContain('### Performance profiles (Dolan & Moré 2002) at ε = 0.01');
    expect(tableAfter(md, '### Performance profiles').slice(2)).toEqual(['| sgd | 2/2 | 50% | 50% | 100% |', '| adam | 2/2 | 100% | 100% | 100% |']);
    expect(md).toContain('ε = 0.01 is the tightest target that on every problem some optimizer’s best configuration reached');
    expect(md).toContain('![the profile](performance-profile.svg)');
  });

  it('tables the runtime ECDF at 1%, 10% and 100% of the budget', () => {
    // steps/budget — sgd: 0.1, 0.2, 0.3 and 0.5, (diverged), 0.4; adam: 0.1, 0.2, 0.3 twice. Six triples each.
    expect(tableAfter(md, '### Runtime ECDF').slice(2)).toEqual(['| sgd | 0% | 16.7% | 83.3% |', '| adam | 0% | 33.3% | 100% |']);
    expect(md).toContain('the fraction of the 6 (problem, target, seed) triples — 2 problems × 1 targets × 3 seeds');
    expect(md).toContain('steps are divided by the problem’s budget (x = steps / budget, log scale)');
    expect(md).toContain('![the ECDF](ecdf.svg)');
  });
});

describe('cross-problem charts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'optbench-cross-'));
  expectVegaQuiet();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are drawn only with two or more problems, after the per-problem charts, for the whole suite', async () => {
    const two = await renderCharts(twoProblems());
    expect(two.map((f) => f.file).slice(-2)).toEqual(['performance-profile.svg', 'ecdf.svg']);
    expect(two.slice(-2).map((f) => f.problem)).toEqual([null, null]);
    const one = await renderCharts(withTrials(fixture()));
    expect(one.map((f) => f.file)).toEqual(['convergence-quadratic-ill.svg', 'lr-sensitivity-quadratic-ill.svg']);
  });

  it('give the same bytes on every render, whatever was rendered before', async () => {
    const first = (await renderCharts(twoProblems())).slice(-2);
    await renderCharts(withTrials(fixture([PROBLEM, 'x', 'y'])));
    const second = (await renderCharts(twoProblems())).slice(-2);
    expect(second.map((f) => f.svg)).toEqual(first.map((f) => f.svg));
  });

  it('say what they show, and write no NaN or Infinity', async () => {
    const [profile, ecdf] = (await renderCharts(twoProblems())).slice(-2);
    expect(profile.svg).toContain('performance profiles at ε = 0.01: aRT relative to the best optimizer');
    expect(profile.svg).toContain('τ (aRT / best aRT on the problem)');
    expect(ecdf.svg).toContain('runtime ECDF over problems × targets × seeds: steps to target / step budget (log scale)');
    expect(ecdf.svg).toContain('steps / that problem');
    for (const f of [profile, ecdf]) expect(f.svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(profile.svg.match(/aria-roledescription="line mark"/g)).toHaveLength(2);
  });

  it('are removed from the output directory when the suite shrinks to one problem', async () => {
    await writeReport(dir, twoProblems());
    expect(existsSync(join(dir, 'ecdf.svg'))).toBe(true);
    await writeReport(dir, withTrials(fixture()));
    expect(existsSync(join(dir, 'ecdf.svg'))).toBe(false);
    expect(existsSync(join(dir, 'performance-profile.svg'))).toBe(false);
  });
});
