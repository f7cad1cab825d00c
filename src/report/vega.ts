/**
 * vega and vega-lite, the one place they are imported from. The build replaces this module's compiled form with
 * a single esbuild bundle of both (scripts/bundle-vendor.js): Node then loads one file instead of vega's
 * fifty-odd packages, ~0.09 s instead of ~0.3 s, which is a third of a small suite's wall time.
 */
export * as vega from 'vega';
export { compile } from 'vega-lite';
