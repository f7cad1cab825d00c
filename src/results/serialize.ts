import { serializeStages } from './stages.ts';
import type { Results } from './types.ts';

/**
 * results.json text: the suite and small parts indented, then one line per best entry, configuration
 * and trial, so that a diff of a checked-in baseline shows what moved. Deterministic: key order is the
 * order the objects were built in; NaN and ±Infinity never occur (they are stored as null).
 */
export function serializeResults(results: Results): string {
  const lines = (items: readonly unknown[]) =>
    items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
  const indent = (value: unknown) => JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
  return [
    '{',
    `  "schemaVersion": ${results.schemaVersion},`,
    `  "suite": ${indent(results.suite)},`,
    `  "reference": ${JSON.stringify(results.reference)},`,
    `  "curveSteps": ${JSON.stringify(results.curveSteps)},`,
    `  "best": ${lines(results.best)},`,
    `  "bestBySchedule": ${lines(results.bestBySchedule)},`,
    `  "configs": ${lines(results.configs)},`,
    ...(results.stages === undefined ? [] : [`  "stages": ${serializeStages(results.stages)},`]),
    `  "trials": ${lines(results.trials)}`,
    '}',
    '',
  ].join('\n');
}
