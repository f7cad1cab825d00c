import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { buildResults } from '../../src/results/build.ts';
import type { Results } from '../../src/results/types.ts';
import { execute } from '../../src/runner/execute.ts';
import { runSuite } from '../../src/runner/run-suite.ts';
import { plan } from '../../src/search/plan.ts';
import { resolveSuite } from '../../src/suite/resolve.ts';
import { BEST_RULE } from '../../src/suite/resolved.ts';
import { fixture } from './fixture.ts';

const TINY = 'test/fixtures/suites/tiny.ts';
const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'optbench-md-')));
let report = '';

beforeAll(async () => {
  for (const out of dirs) await runSuite(TINY, { out });
  report = readFileSync(join(dirs[0], 'report.md'), 'utf8');
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Blocks of consecutive table lines (starting with "|"), with the line before each block. */
function tables(markdown: string): { before: string; rows: string[] }[] {
  const lines = markdown.split('\n');
  const out: { before: string; rows: string[] }[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith('|')) return;
    if (i > 0 && lines[i - 1].startsWith('|')) out.at(-1)!.rows.push(line);
    else out.push({ before: i > 0 ? lines[i - 1] : '', rows: [line] });
  });
  return out;
}

const SEPARATOR = /^\| ---( \| ---)* \|$/;

describe('report.md of the tiny suite', () => {
  it('writes report.md, results.json and the two charts of its one problem', () => {
    expect(readdirSync(dirs[0]).sort()).toEqual(['convergence-linear-regression.svg', 'lr-sensitivity-linear-regression.svg', 'report.md', 'results.json']);
  });

  it('has the title, the leaderboard with its header, and the rule that picks the best configuration', () => {
    expect(report.startsWith('# tiny: optbench report\n\nA tiny suite for tests.\n')).toBe(true);
    expect(report).toContain('### Leaderboard: best configuration of each optimizer');
    expect(report).toContain(
      '| optimizer | schedule | hyperparameters | final gap median [IQR] | 95% CI of median | steps to 0.1 | steps to 0.01 | steps to 0.001 | steps to 1.00e-4 | steps to 1.00e-6 | diverged | log-gap area |',
    );
    expect(report).toContain(`- **Best configuration rule**: ${BEST_RULE}.`);
  });

  it('says what ran: 3 configurations × 2 seeds = 6 trials', () => {
    expect(report).toContain('- **Search**: grid (every combination); 3 configurations × 2 seeds = 6 trials (0 diverged).');
    expect(report).toContain('| sgd | sgd | lr ∈ {0.01, 0.1} | full |');
    expect(report).toContain('| adam | adam | lr ∈ {0.1} | full |');
  });

  it('has a leaderboard row for every optimizer, with its best rate', () => {
    const board = tables(report).find((t) => t.rows[0].startsWith('| optimizer | schedule | hyperparameters |'))!;
    expect(board.rows.slice(2).map((r) => r.split(' | ').slice(0, 3).join(' | '))).toEqual(['| sgd | constant | lr=0.1', '| adam | constant | lr=0.1']);
  });

  it('has an lr-sensitivity column per grid rate, empty where an optimizer did not try it', () => {
    expect(report).toContain('| optimizer / schedule | lr 0.01 | lr 0.1 |');
    expect(report).toMatch(/^\| adam \/ constant \|  \| [0-9.e-]+ \|$/m);
  });

  it('separates every table from what precedes it by a blank line (GitHub renders adjacent tables as one)', () => {
    const found = tables(report);
    expect(found).toHaveLength(8); // problems, optimizers, schedules; leaderboard, aRT, against the best, optimizer × schedule, sensitivity
    for (const t of found) {
      expect(t.before).toBe('');
      expect(t.rows[1]).toMatch(SEPARATOR);
      expect(t.rows.slice(2).some((r) => SEPARATOR.test(r))).toBe(false); // no second table glued on
      const columns = t.rows[0].split(' | ').length;
      for (const row of t.rows) expect(row.replace(/\\\|/g, '').split(' | ')).toHaveLength(columns);
    }
  });

  it('links both charts', () => {
    expect(report).toContain('](convergence-linear-regression.svg)');
    expect(report).toContain('](lr-sensitivity-linear-regression.svg)');
  });

  it('is byte-identical across two runs, as are results.json and the charts', () => {
    const files = readdirSync(dirs[0]).sort();
    expect(readdirSync(dirs[1]).sort()).toEqual(files);
    for (const file of files) {
      const a = readFileSync(join(dirs[0], file));
      const b = readFileSync(join(dirs[1], file));
      expect(a.equals(b), file).toBe(true);
    }
  });
});

describe('renderMarkdown with diverged configurations', () => {
  let results: Results;
  beforeAll(async () => {
    // lr 10 on least squares with x ~ U(0, 2): |1 − 10·λ_max| ≫ 1, so the loss passes 1e6·f₀ within 30 steps.
    const suite = resolveSuite('div', 'div.ts', {
      problems: [{ name: 'linear-regression', params: { n: 20 } }],
      optimizers: [{ name: 'sgd', params: { lr: [0.01, 10] } }, { name: 'adam', params: { lr: 0.1 } }],
      seeds: 2,
      budget: { steps: 30 },
    });
    const planned = plan(suite);
    results = buildResults(suite, planned, await execute(planned.trials, { targets: suite.targets }));
  });

  it('counts the diverged trials and marks the rate as diverged in the sensitivity table', () => {
    const md = renderMarkdown(results, []);
    expect(md).toContain('3 configurations × 2 seeds = 6 trials (2 diverged).');
    // Columns are the rates of all optimizers (0.01, 0.1, 10); sgd did not try 0.1.
    expect(md).toContain('| optimizer / schedule | lr 0.01 | lr 0.1 | lr 10 |');
    expect(md).toMatch(/^\| sgd \/ constant \| [0-9.e-]+ \|  \| diverged \|$/m);
    expect(md).toMatch(/^\| sgd \| constant \| lr=0\.01 \| /m); // the best sgd is the one that did not diverge
  });

  it('marks a quick run', () => {
    const quick = { ...results, suite: { ...results.suite, quick: true } };
    expect(renderMarkdown(quick, [])).toContain('- **Quick run**:');
    expect(renderMarkdown(results, [])).not.toContain('Quick run');
  });
});

describe('report.md: batch sizes given per problem', () => {
  it('adds a batch column to the problems table, and optimizers without their own read "the problem\'s"', () => {
    const r = fixture(['nqm', 'q']);
    const suite = { ...r.suite, problems: [{ ...r.suite.problems[0], batchSize: 16 }, r.suite.problems[1]], optimizers: [{ ...r.suite.optimizers[0], batchSize: 4 }, r.suite.optimizers[1]] };
    const md = renderMarkdown({ ...r, suite }, []);
    expect(md).toContain('| problem | name | options | steps | batch |');
    expect(md).toContain('| nqm | quadratic |  | 100 | 16 |');
    expect(md).toContain('| q | quadratic |  | 100 | full |');
    expect(md).toMatch(/\| sgd \| sgd \| .* \| 4 \|/);
    expect(md).toMatch(/\| adam \| adam \| .* \| the problem's \|/);
    // Without problem batch sizes the tables stay as they were.
    const plain = renderMarkdown(r, []);
    expect(plain).toContain('| problem | name | options | steps |\n');
    expect(plain).toMatch(/\| adam \| adam \| .* \| full \|/);
  });
});
