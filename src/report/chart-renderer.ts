import { Worker } from 'node:worker_threads';
import type { Results } from '../results/types.ts';
import type { ChartFile } from './charts.ts';

/** Renders the charts of a Results; `close` frees whatever it holds. */
export interface ChartRenderer {
  render(results: Results): Promise<ChartFile[]>;
  close(): Promise<void>;
}

/** Renders on this thread, loading vega on first use. */
export const inThread: ChartRenderer = {
  async render(results) {
    const { renderCharts } = await import('./charts.ts');
    return renderCharts(results);
  },
  async close() {},
};

/**
 * Renders on a thread of its own that starts loading vega (~0.3 s) at once, so the load overlaps the trials
 * when a run uses several workers. Falls back to this thread where the compiled worker file is absent
 * (running from the TypeScript sources).
 */
export function backgroundRenderer(): ChartRenderer {
  const file = new URL('./chart-thread.js', import.meta.url);
  if (import.meta.url.endsWith('.ts')) return inThread;
  const worker = new Worker(file);
  worker.unref();
  return {
    render: (results) =>
      new Promise((resolve, reject) => {
        worker.once('message', (m: { charts?: ChartFile[]; error?: string }) => (m.charts ? resolve(m.charts) : reject(new Error(m.error))));
        worker.once('error', reject);
        worker.postMessage(results);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
