import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { num3 } from '../../src/report/format.ts';
import type { TrialResult } from '../../src/results/types.ts';
import { assertBuilt, expectSameFiles, optbench, userError } from '../runner/spawn.ts';
import { baselineFile, configIdOf, editBaseline, makeProjects, medianRelativeGap, type Projects, readBaseline, tableRow } from './project.ts';

/**
 * `optbench check` as CI runs it, in a copy of a user's project (suites/small.ts + reports/small/ from
 * `check --update`). small: linear regression, sgd lr ∈ {0.01, 0.1}, adam lr 0.1, 5 seeds, 30 steps; sgd's best is
 * lr 0.1. A baseline edited to look better than the code now does must fail the check; worse must pass.
 */

let projects: Projects;
const SGD_SLOW = 'lr=0.01';

beforeAll(async () => {
  assertBuilt();
  projects = await makeProjects('optbench-check-', ['small', 'broken']);
});
afterAll(() => rmSync(projects.work, { recursive: true, force: true }));

/** Every seed of sgd lr=0.01 made `factor` times better (< 1) or worse (> 1) in the baseline. */
function scaleSlowSgd(project: string, factor: number) {
  const original = readBaseline(project, 'small');
  const id = configIdOf(original, 'sgd', 0.01);
  const scale = (t: TrialResult): TrialResult => ({
    ...t,
    finalGap: t.finalGap! * factor,
    finalLoss: t.optimalLoss! + t.finalGap! * factor,
    stepsToTarget: t.stepsToTarget.map((s) => (s === null ? null : Math.max(1, Math.round(s * factor)))),
  });
  const edited = editBaseline(project, 'small', id, scale);
  return { before: medianRelativeGap(edited, id), after: medianRelativeGap(original, id) };
}

describe.concurrent('optbench check', () => {
  it('unchanged code: exit 0, "identical" for every suite with a baseline (none named: all of them)', async () => {
    const project = projects.copy('identical');
    const named = await optbench(['check', 'small'], { cwd: project });
    expect(named).toEqual({ code: 0, stdout: 'small: identical to the baseline (15 trials)\n', stderr: '' });
    const all = await optbench(['check'], { cwd: project });
    expect(all).toEqual({ code: 0, stdout: 'broken: identical to the baseline (18 trials)\nsmall: identical to the baseline (15 trials)\n', stderr: '' });
  });

  it('a baseline better than the fresh run: regressed, exit 1, the table names it with before and after', async () => {
    const project = projects.copy('regressed');
    const { before, after } = scaleSlowSgd(project, 0.5);
    const run = await optbench(['check', 'small'], { cwd: project });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('small: FAILED: 1 regressed, 0 removed, 0 improved, 0 new, 2 unchanged configurations');
    const row = tableRow(run.stdout, 'regressed', 'sgd', SGD_SLOW);
    expect(row, run.stdout).toBeDefined();
    const [, problem, , schedule, , metric, shownBefore, shownAfter] = row!;
    expect([problem, schedule]).toEqual(['linear-regression', 'constant']);
    // Halved gaps and halved steps to the loosest target (0.1, the tightest that lr 0.01 reaches in 30 steps).
    expect(metric).toBe('relative final gap; steps to 0.1');
    expect(shownBefore.split('; ')[0]).toBe(num3(before));
    expect(shownAfter.split('; ')[0]).toBe(num3(after));
    expect(Number(shownAfter.split('; ')[1])).toBeGreaterThan(Number(shownBefore.split('; ')[1]));
    expect(run.stdout).not.toContain('(best)'); // sgd's best, lr 0.1, did not move
    expect(run.stdout).not.toContain('::error'); // workflow commands only in GitHub Actions
    expect(run.stdout.trimEnd().endsWith('If the change is intended: optbench check --update, and commit the new reports.')).toBe(true);
  });

  it('a baseline worse than the fresh run: improved, exit 0', async () => {
    const project = projects.copy('improved');
    const { before, after } = scaleSlowSgd(project, 2);
    const run = await optbench(['check', 'small'], { cwd: project });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('small: passed: 0 regressed, 0 removed, 1 improved, 0 new, 2 unchanged configurations');
    const row = tableRow(run.stdout, 'improved', 'sgd', SGD_SLOW);
    expect(row, run.stdout).toBeDefined();
    expect([row![6].split('; ')[0], row![7].split('; ')[0]]).toEqual([num3(before), num3(after)]);
    expect(run.stdout).not.toContain('If the change is intended');
  });

  it('a configuration removed from the suite: removed, exit 1', async () => {
    const project = projects.copy('removed');
    const suite = join(project, 'suites', 'small.ts');
    writeFileSync(suite, readFileSync(suite, 'utf8').replace("    { name: 'adam', params: { lr: [0.1] } },\n", ''));
    const run = await optbench(['check', 'small'], { cwd: project });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('small: FAILED: 0 regressed, 1 removed, 0 improved, 0 new, 2 unchanged configurations');
    expect(tableRow(run.stdout, 'removed', 'adam', 'lr=0.1'), run.stdout).toBeDefined();
    expect(tableRow(run.stdout, 'removed', 'adam (best)', 'lr=0.1'), run.stdout).toBeDefined();
  });

  it('a configuration added to the suite: new, exit 0', async () => {
    const project = projects.copy('new');
    const suite = join(project, 'suites', 'small.ts');
    writeFileSync(suite, readFileSync(suite, 'utf8').replace('lr: [0.01, 0.1]', 'lr: [0.001, 0.01, 0.1]'));
    const run = await optbench(['check', 'small'], { cwd: project });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('small: passed: 0 regressed, 0 removed, 0 improved, 1 new, 3 unchanged configurations');
    expect(tableRow(run.stdout, 'new', 'sgd', 'lr=0.001'), run.stdout).toBeDefined();
  });

  it('a corrupt baseline: exit 2, one line naming the file', async () => {
    const project = projects.copy('corrupt');
    const file = baselineFile(project, 'small');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 300));
    const line = userError(await optbench(['check', 'small'], { cwd: project }));
    expect(line).toMatch(new RegExp(`^optbench: ${escape(file)}: not valid JSON \\(truncated or corrupt\\?\\): `));
    // --update is the way out: it replaces what it cannot read.
    const update = await optbench(['check', '--update', 'small'], { cwd: project });
    expect(update).toEqual({ code: 0, stdout: `small: baseline updated (${file})\n`, stderr: '' });
    expectSameFiles(join(project, 'reports', 'small'), join(projects.work, 'template', 'reports', 'small'));
  });

  it('a baseline of another schemaVersion: exit 2, one line naming the file and both versions', async () => {
    const project = projects.copy('schema');
    const file = baselineFile(project, 'small');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"schemaVersion": 1,', '"schemaVersion": 2,'));
    expect(userError(await optbench(['check', 'small'], { cwd: project }))).toBe(`optbench: ${file}: schemaVersion 2; this optbench reads version 1`);
  });

  it("another suite's results file as the baseline: exit 2, one line naming the file and both suites", async () => {
    const project = projects.copy('foreign');
    const file = baselineFile(project, 'small');
    writeFileSync(file, readFileSync(baselineFile(project, 'broken')));
    expect(userError(await optbench(['check', 'small'], { cwd: project }))).toBe(`optbench: ${file}: holds results of suite "broken", not "small"`);
  });

  it('no baseline: exit 2, one line naming the file and how to create it', async () => {
    const project = projects.copy('none');
    rmSync(join(project, 'reports'), { recursive: true });
    const file = baselineFile(project, 'small');
    expect(userError(await optbench(['check', 'small'], { cwd: project }))).toBe(`optbench: no baseline ${file}; create it with: optbench check --update small`);
    expect(userError(await optbench(['check'], { cwd: project }))).toBe(
      'optbench: no suite has a baseline under reports/; run optbench check --update <suite> first',
    );
  });

  it('--update rewrites results.json, report.md and the charts; the next check is identical', async () => {
    const project = projects.copy('update');
    scaleSlowSgd(project, 0.5);
    const dir = join(project, 'reports', 'small');
    writeFileSync(join(dir, 'report.md'), 'stale\n');
    const update = await optbench(['check', '--update', 'small'], { cwd: project });
    expect(update).toEqual({ code: 0, stdout: `small: baseline updated (${baselineFile(project, 'small')})\n`, stderr: '' });
    expectSameFiles(dir, join(projects.work, 'template', 'reports', 'small'));
    expect(await optbench(['check', 'small'], { cwd: project })).toEqual({ code: 0, stdout: 'small: identical to the baseline (15 trials)\n', stderr: '' });
  });

  it('in GitHub Actions: an ::error annotation per regressed row, and a markdown table in the step summary', async () => {
    const project = projects.copy('github');
    const { before, after } = scaleSlowSgd(project, 0.5);
    const summary = join(project, 'summary.md');
    writeFileSync(summary, '# earlier steps\n');
    const run = await optbench(['check', 'small'], { cwd: project, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(run.code, run.stderr).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `^::error title=optbench regression in small::linear-regression: sgd / constant lr=0\\.01: relative final gap; steps to 0\\.1: ${escape(num3(before))}; \\d+ → ${escape(num3(after))}; \\d+ \\(p [0-9.]+; [0-9.]+\\)$`,
      ),
    );
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier steps\n### optbench check: small: FAILED: 1 regressed, 0 removed, 0 improved, 0 new, 2 unchanged configurations\n\n')).toBe(true);
    expect(text).toContain('| verdict | problem | optimizer | schedule | hyperparameters | metric | before | after | p |\n| --- |');
    expect(tableRow(text, 'regressed', 'sgd', SGD_SLOW)).toBeDefined();
  });

  it('--json: one JSON document with failed true on a regression, false when identical, also in GitHub Actions', async () => {
    const project = projects.copy('json');
    const clean = await optbench(['check', 'small', '--json'], { cwd: project, env: { GITHUB_ACTIONS: 'true' } });
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ failed: false, suites: [{ suite: 'small', trials: 15, comparison: { identical: true, failed: false } }] });

    scaleSlowSgd(project, 0.5);
    const failing = await optbench(['check', 'small', '--json'], { cwd: project, env: { GITHUB_ACTIONS: 'true' } });
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.stdout) as { failed: boolean; suites: { comparison: { changes: { verdict: string; optimizer: string; hyperparameters: string }[] } }[] };
    expect(report.failed).toBe(true);
    expect(report.suites[0].comparison.changes.filter((c) => c.verdict === 'regressed')).toMatchObject([{ optimizer: 'sgd', hyperparameters: SGD_SLOW }]);
    // The annotations still reach GitHub (it reads workflow commands on stderr too), without breaking the JSON.
    expect(failing.stderr).toMatch(/^::error title=optbench regression in small::/m);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
