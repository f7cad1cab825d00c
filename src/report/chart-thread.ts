import { parentPort } from 'node:worker_threads';
import type { Results } from '../results/types.ts';

/**
 * Worker-thread entry that renders charts: it loads vega as soon as it starts (while the trials run elsewhere),
 * then renders each Results it is sent. See `chartRenderer` in charts-async.ts.
 */
const loading = import('./charts.ts');

parentPort?.on('message', async (results: Results) => {
  try {
    const { renderCharts } = await loading;
    parentPort!.postMessage({ charts: await renderCharts(results) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
