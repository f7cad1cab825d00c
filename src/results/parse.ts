import { OptbenchError } from '../core/errors.ts';
import { isRecord } from '../suite/validate.ts';
import { type Results, SCHEMA_VERSION } from './types.ts';

/**
 * Reads results.json text (a baseline, a report to regenerate, a shard to merge), refusing anything that is not
 * a complete results file of this schema version. `file` names it in the one-line error.
 */
export function parseResults(text: string, file: string): Results {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new OptbenchError(`${file}: not valid JSON (truncated or corrupt?): ${why}`);
  }
  if (!isRecord(data)) throw new OptbenchError(`${file}: not an optbench results file (expected a JSON object)`);
  if (data.schemaVersion !== SCHEMA_VERSION) {
    throw new OptbenchError(`${file}: schemaVersion ${JSON.stringify(data.schemaVersion)}; this optbench reads version ${SCHEMA_VERSION}`);
  }
  for (const key of ['suite', 'curveSteps']) {
    if (!isRecord(data[key])) throw new OptbenchError(`${file}: not an optbench results file (missing "${key}")`);
  }
  for (const key of ['configs', 'trials', 'best', 'bestBySchedule']) {
    if (!Array.isArray(data[key])) throw new OptbenchError(`${file}: not an optbench results file (missing "${key}")`);
  }
  if (typeof (data.suite as Record<string, unknown>).name !== 'string') {
    throw new OptbenchError(`${file}: not an optbench results file (suite has no name)`);
  }
  return data as unknown as Results;
}
