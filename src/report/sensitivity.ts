import type { ConfigSummary } from '../results/types.ts';
import { num3, table } from './format.ts';

const MAX_COLUMNS = 12;

/** The learning rate of a configuration. */
function lrOf(c: ConfigSummary): number {
  return c.spec.optimizer.params.lr as number;
}

/**
 * Rows: optimizer / schedule; columns: learning rates (each grid value, or decades when there are more than
 * 12 distinct rates, as in random search); cell: the best median final gap among the configurations with
 * that rate, "diverged" when all of them diverged on every seed, and "(k/n div.)" after the value when the
 * configuration shown diverged on k of its n seeds (its median is over the others).
 */
export function sensitivityTable(configs: readonly ConfigSummary[]): string {
  const lrs = [...new Set(configs.map(lrOf))].sort((a, b) => a - b);
  const byDecade = lrs.length > MAX_COLUMNS;
  const column = (lr: number) => (byDecade ? Math.floor(Math.log10(lr) + 1e-9) : lr);
  const columns = [...new Set(lrs.map(column))];
  const header = columns.map((c) => (byDecade ? `[1e${c}, 1e${c + 1})` : num3(c)));
  const rows = new Map<string, Map<number, { best: number | null; from: ConfigSummary | null }>>();
  for (const c of configs) {
    const key = `${c.optimizer} / ${c.schedule}`;
    if (!rows.has(key)) rows.set(key, new Map());
    const cells = rows.get(key)!;
    const col = column(lrOf(c));
    const cell = cells.get(col) ?? { best: null, from: null };
    const median = c.finalGap?.median ?? null;
    if (median !== null && (cell.best === null || median < cell.best)) {
      cell.best = median;
      cell.from = c;
    }
    cells.set(col, cell);
  }
  return table(
    ['optimizer / schedule', ...header.map((h) => `lr ${h}`)],
    [...rows].map(([key, cells]) => [
      key,
      ...columns.map((col) => {
        const cell = cells.get(col);
        if (cell === undefined) return '';
        if (cell.best === null || cell.from === null) return 'diverged';
        const partial = cell.from.diverged > 0 ? ` (${cell.from.diverged}/${cell.from.runs} div.)` : '';
        return `${num3(cell.best)}${partial}`;
      }),
    ]),
  );
}
