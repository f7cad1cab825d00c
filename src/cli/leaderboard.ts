import { num3 } from '../report/format.ts';
import type { Results } from '../results/types.ts';

/** The console's short leaderboard: per problem, each optimizer's best configuration, best first. */
export function printLeaderboard(results: Results): void {
  const byId = new Map(results.configs.map((c) => [c.configId, c]));
  const tight = results.suite.targets.length - 1;
  for (const problem of results.suite.problems) {
    process.stdout.write(`\n${problem.label}: final gap f − f* (median over ${results.suite.seeds.length} seeds)\n`);
    const rows = results.best.filter((b) => b.problem === problem.label).map((b) => byId.get(b.configId)!);
    rows.sort((a, b) => (a.finalGap?.median ?? Infinity) - (b.finalGap?.median ?? Infinity));
    const wo = Math.max(12, ...rows.map((c) => c.optimizer.length + 1));
    const ws = Math.max(14, ...rows.map((c) => c.schedule.length + 1));
    for (const c of rows) {
      const lr = num3(c.spec.optimizer.params.lr as number);
      const t = c.targets[tight];
      const reach = t === undefined ? '' : `  steps to ${num3(t.epsilon)}: ${t.medianSteps === null ? '—' : t.medianSteps} (${t.reached}/${c.runs})`;
      const gap = c.finalGap === null ? 'diverged' : num3(c.finalGap.median);
      process.stdout.write(`  ${c.optimizer.padEnd(wo)} ${c.schedule.padEnd(ws)} lr ${lr.padEnd(8)} ${gap.padEnd(10)}${reach}\n`);
    }
  }
}
