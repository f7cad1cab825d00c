// After tsc: replaces dist modules that only re-export heavy dependencies with one esbuild bundle each, so they
// load as a single file. Behaviour is the same code, bundled.
// - yargs: one ESM file (~0.1 s → ~0.02 s to load).
// - vega + vega-lite: one CommonJS file that dist/report/vega.js loads through V8's code cache (src/core/code-cache.ts),
//   written by scripts/warm-caches.js after rendering a few charts in a fresh process (which also bundles the
//   shipped suites into their cache).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, minify: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'linked' };

await build({ ...common, entryPoints: ['src/cli/yargs.ts'], outfile: 'dist/cli/yargs.js', format: 'esm' });

// vega-canvas loads the `canvas` package when it is installed (a top-level await, which CommonJS cannot hold); text
// metrics here never use a canvas (src/report/svg.ts), so it is replaced by the answer it gives without one.
const noCanvas = {
  name: 'no-canvas',
  setup(b) {
    b.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: 'vega-canvas', namespace: 'no-canvas' }));
    b.onLoad({ filter: /.*/, namespace: 'no-canvas' }, () => ({ contents: 'export const canvas = () => null, image = () => null;', loader: 'js' }));
  },
};
await build({ ...common, entryPoints: ['src/report/vega.ts'], outfile: 'dist/report/vega.cjs', format: 'cjs', plugins: [noCanvas] });
writeFileSync(
  'dist/report/vega.js',
  `// Built by scripts/bundle-vendor.js: vega and vega-lite, one CommonJS bundle loaded through V8's code cache.
import { requireCached } from '../core/code-cache.js';
const bundle = requireCached(new URL('./vega.cjs', import.meta.url));
export const vega = bundle.vega;
export const compile = bundle.compile;
`,
);
// A fresh process with Node's default flags (V8 refuses a cache made under other flags).
execFileSync(process.execPath, ['scripts/warm-caches.js'], { stdio: 'inherit' });
