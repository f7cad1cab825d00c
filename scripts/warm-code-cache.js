// Renders the charts of a small two-problem suite (convergence, sensitivity, performance profile, ECDF) with the
// built vega bundle, then writes its V8 code cache (src/core/code-cache.ts): what these functions compiled to is
// then loaded instead of compiled by every later run. Nothing is written but dist/report/vega.cjs.cache.
import { writeCodeCaches } from '../dist/core/code-cache.js';
import { buildResults } from '../dist/results/build.js';
import { renderCharts } from '../dist/report/charts.js';
import { execute } from '../dist/runner/execute.js';
import { plan } from '../dist/search/plan.js';
import { resolveSuite } from '../dist/suite/resolve.js';

const suite = resolveSuite('warm-up', 'warm-up.ts', {
  problems: [{ name: 'linear-regression', params: { n: 20 } }, { name: 'quadratic', params: { dim: 4 } }],
  optimizers: [
    { name: 'sgd', params: { lr: [0.01, 0.1] } },
    { name: 'adam', params: { lr: [0.01, 0.1] } },
  ],
  seeds: 2,
  budget: { steps: 50 },
});
const planned = plan(suite);
await renderCharts(buildResults(suite, planned, await execute(planned.trials, { targets: suite.targets })));
writeCodeCaches();
