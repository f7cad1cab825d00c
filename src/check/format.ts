import { num3, table } from '../report/format.ts';
import type { Change } from './compare.ts';
import type { SuiteCheck } from './run-check.ts';

const MAX_CONFIG_ROWS = 40;

/** The rows worth showing: every best-configuration row that moved, then moved configurations (capped). */
function shown(check: SuiteCheck): Change[] {
  const moved = check.comparison.changes.filter((c) => c.verdict !== 'unchanged');
  const best = moved.filter((c) => c.scope === 'best');
  const configs = moved.filter((c) => c.scope === 'config').sort((a, b) => rank(a) - rank(b));
  return [...best, ...configs.slice(0, MAX_CONFIG_ROWS)];
}

function rank(c: Change): number {
  return ['regressed', 'removed', 'improved', 'new', 'unchanged'].indexOf(c.verdict);
}

function metricText(c: Change): string[] {
  if (c.metrics.length === 0) return ['', '', '', ''];
  const moved = c.metrics.filter((m) => m.verdict !== 'unchanged');
  const list = moved.length > 0 ? moved : c.metrics.slice(0, 1);
  return [
    list.map((m) => m.metric).join('; '),
    list.map((m) => num3(m.before)).join('; '),
    list.map((m) => num3(m.after)).join('; '),
    list.map((m) => (m.p === null ? '—' : num3(m.p))).join('; '),
  ];
}

export function counts(check: SuiteCheck): Record<string, number> {
  const out: Record<string, number> = { regressed: 0, removed: 0, improved: 0, new: 0, unchanged: 0 };
  for (const c of check.comparison.changes) if (c.scope === 'config') out[c.verdict] += 1;
  return out;
}

/** A markdown table of what moved (also used for $GITHUB_STEP_SUMMARY). */
export function changeTable(check: SuiteCheck): string {
  const rows = shown(check).map((c) => [
    c.verdict,
    c.problem,
    c.scope === 'best' ? `${c.optimizer} (best)` : c.optimizer,
    c.schedule,
    c.hyperparameters,
    ...metricText(c),
  ]);
  return table(['verdict', 'problem', 'optimizer', 'schedule', 'hyperparameters', 'metric', 'before', 'after', 'p'], rows);
}

/** One line per check for the console headline. */
export function headline(check: SuiteCheck): string {
  if (check.updated) return `${check.suite}: baseline updated (${check.baseline})`;
  if (check.comparison.identical) return `${check.suite}: identical to the baseline (${check.trials} trials)`;
  const c = counts(check);
  const verdict = check.comparison.failed ? 'FAILED' : 'passed';
  return `${check.suite}: ${verdict}: ${c.regressed} regressed, ${c.removed} removed, ${c.improved} improved, ${c.new} new, ${c.unchanged} unchanged configurations`;
}

/** GitHub Actions workflow commands: one ::error per regressed or removed row. */
export function annotations(check: SuiteCheck): string[] {
  return shown(check)
    .filter((c) => c.verdict === 'regressed' || c.verdict === 'removed')
    .map((c) => {
      const [metric, before, after, p] = metricText(c);
      const what = c.verdict === 'removed' ? 'removed' : `${metric}: ${before} → ${after} (p ${p})`;
      const who = c.scope === 'best' ? `${c.optimizer} (best configuration)` : `${c.optimizer} / ${c.schedule} ${c.hyperparameters}`;
      return `::error title=optbench regression in ${check.suite}::${c.problem}: ${who}: ${what}`;
    });
}
