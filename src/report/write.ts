import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OptbenchError } from '../core/errors.ts';
import { serializeResults } from '../results/serialize.ts';
import type { Results } from '../results/types.ts';
import { renderMarkdown } from './markdown.ts';

const CHART_FILE = /^(convergence|lr-sensitivity|tuning-budget)-.*\.svg$|^(performance-profile|ecdf)\.svg$/;

/** Writes a file so that no reader ever sees half of it: a temporary file beside it, then a rename. */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new OptbenchError(`cannot write ${path}: ${why}`);
  }
}

export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new OptbenchError(`cannot create output directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

/**
 * Renders everything first, then writes results.json, the charts and report.md (last, so a reader that sees
 * the report sees its charts), each atomically; removes charts of problems no longer in the suite.
 */
export async function writeReport(dir: string, results: Results): Promise<{ report: string; files: string[] }> {
  const { renderCharts } = await import('./charts.ts'); // vega loads only for a report, not for a shard
  const charts = await renderCharts(results);
  const markdown = renderMarkdown(results, charts);
  const json = serializeResults(results);
  ensureDir(dir);
  writeAtomic(join(dir, 'results.json'), json);
  for (const chart of charts) writeAtomic(join(dir, chart.file), chart.svg);
  const keep = new Set(charts.map((c) => c.file));
  for (const file of readdirSync(dir)) if (CHART_FILE.test(file) && !keep.has(file)) rmSync(join(dir, file));
  const report = join(dir, 'report.md');
  writeAtomic(report, markdown);
  return { report, files: ['results.json', ...charts.map((c) => c.file), 'report.md'] };
}
