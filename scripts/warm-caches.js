// The build's last step: what a first run would otherwise compile, compiled once here.
// - V8's code cache of the vega bundle (src/core/code-cache.ts), written after rendering the charts of a small
//   two-problem suite (convergence, sensitivity, performance profile, ECDF): dist/report/vega.cjs.cache.
// - The bundles of the shipped suites (src/core/bundle-cache.ts), in node_modules/.cache/optbench, so that a first
//   `optbench suite <name>` does not start esbuild; any change to a suite file makes it bundle afresh.
import { readdirSync } from 'node:fs';
import { writeCodeCaches } from '../dist/core/code-cache.js';
import { bundleFile } from '../dist/core/import-file.js';
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

for (const file of readdirSync('suites').filter((f) => f.endsWith('.ts'))) await bundleFile(`${process.cwd()}/suites/${file}`);
