import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serializeResults } from '../../src/results/serialize.ts';
import type { Results, TrialResult } from '../../src/results/types.ts';
import { optbench } from '../runner/spawn.ts';

/**
 * A user's project for `optbench check`: suites/ copied from test/fixtures/check/suites, and reports/<suite>/
 * written by `optbench check --update` once (the template); each test works on its own copy.
 */

export const FIXTURE_SUITES = resolve('test/fixtures/check/suites');

export interface Projects {
  readonly work: string;
  /** A fresh copy of the template project, with its baselines, in a folder of its own. */
  copy(name: string): string;
}

/** Creates the template project and its baselines with `check --update <suites>`. */
export async function makeProjects(prefix: string, suites: readonly string[]): Promise<Projects> {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const template = join(work, 'template');
  cpSync(FIXTURE_SUITES, join(template, 'suites'), { recursive: true });
  const run = await optbench(['check', '--update', ...suites], { cwd: template });
  if (run.code !== 0) throw new Error(`check --update failed: ${run.stderr}`);
  return {
    work,
    copy(name) {
      const dir = join(work, name);
      cpSync(template, dir, { recursive: true });
      return dir;
    },
  };
}

export const baselineFile = (project: string, suite: string): string => join(project, 'reports', suite, 'results.json');

export function readBaseline(project: string, suite: string): Results {
  return JSON.parse(readFileSync(baselineFile(project, suite), 'utf8')) as Results;
}

/** The configuration of `optimizer` at learning rate `lr` (the fixture suites search lr only). */
export function configIdOf(results: Results, optimizer: string, lr: number): string {
  const config = results.configs.find((c) => c.optimizer === optimizer && c.searched.optimizer.lr === lr);
  if (config === undefined) throw new Error(`no configuration ${optimizer} lr=${lr}`);
  return config.configId;
}

/** Rewrites the baseline with `edit` applied to every trial of one configuration (as results.json is written). */
export function editBaseline(project: string, suite: string, configId: string, edit: (t: TrialResult) => TrialResult): Results {
  const results = readBaseline(project, suite);
  const edited: Results = { ...results, trials: results.trials.map((t) => (t.configId === configId ? edit(t) : t)) };
  writeFileSync(baselineFile(project, suite), serializeResults(edited));
  return edited;
}

/** Median over the configuration's seeds of the relative final gap (f_T − f*)/(f₀ − f*), what check compares. */
export function medianRelativeGap(results: Results, configId: string): number {
  const gaps = results.trials
    .filter((t) => t.configId === configId)
    .map((t) => t.finalGap! / (t.initialLoss - t.optimalLoss!))
    .sort((a, b) => a - b);
  if (gaps.length % 2 === 0) throw new Error('medianRelativeGap: use an odd number of seeds');
  return gaps[(gaps.length - 1) / 2];
}

/** The markdown table row of `optimizer` (add " (best)" for the best-configuration row), split into cells. */
export function tableRow(stdout: string, verdict: string, optimizer: string, hyperparameters: string): string[] | undefined {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) => line.slice(2, -2).split(' | '))
    .find((cells) => cells[0] === verdict && cells[2] === optimizer && cells[4] === hyperparameters);
}
