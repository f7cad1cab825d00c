import { OptbenchError } from '../core/errors.ts';
import { isRecord } from '../suite/validate.ts';
import { stagesShapeError } from './stages.ts';
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
  for (const key of ['suite', 'reference', 'curveSteps']) {
    if (!isRecord(data[key])) throw new OptbenchError(`${file}: not an optbench results file (missing "${key}")`);
  }
  for (const key of ['configs', 'trials', 'best', 'bestBySchedule']) {
    if (!Array.isArray(data[key])) throw new OptbenchError(`${file}: not an optbench results file (missing "${key}")`);
  }
  if (typeof (data.suite as Record<string, unknown>).name !== 'string') {
    throw new OptbenchError(`${file}: not an optbench results file (suite has no name)`);
  }
  const bad = shapeError(data) ?? stagesShapeError(data.stages);
  if (bad !== undefined) throw new OptbenchError(`${file}: not an optbench results file (${bad})`);
  return data as unknown as Results;
}

const isString = (v: unknown) => typeof v === 'string';

/**
 * The first part a report needs that is missing or of the wrong type (a hand-edited or foreign file), so that
 * rendering never meets it; undefined when the shape is right. Values are not re-checked: the file is data.
 */
function shapeError(data: Record<string, unknown>): string | undefined {
  const suite = data.suite as Record<string, unknown>;
  for (const key of ['problems', 'optimizers', 'schedules', 'seeds', 'targets']) {
    if (!Array.isArray(suite[key])) return `suite.${key} is not a list`;
  }
  if (!isRecord(suite.search)) return 'suite.search is not an object';
  const entries: [string, string[]][] = [
    ['suite.problems', ['label', 'name']],
    ['suite.optimizers', ['label', 'name']],
    ['suite.schedules', ['label', 'name']],
    ['configs', ['configId', 'problem', 'optimizer', 'schedule']],
    ['trials', ['id', 'configId', 'status']],
    ['best', ['configId', 'problem', 'optimizer']],
    ['bestBySchedule', ['configId', 'problem', 'optimizer']],
  ];
  for (const [path, keys] of entries) {
    const list = (path.startsWith('suite.') ? suite[path.slice(6)] : data[path]) as unknown[];
    for (const [i, item] of list.entries()) {
      if (!isRecord(item)) return `${path}[${i}] is not an object`;
      const key = keys.find((k) => !isString(item[k]));
      if (key !== undefined) return `${path}[${i}].${key} is not a string`;
    }
  }
  for (const [i, c] of (data.configs as Record<string, unknown>[]).entries()) {
    const spec = c.spec as Record<string, unknown> | undefined;
    if (!isRecord(spec) || !isRecord(spec.optimizer) || !isRecord((spec.optimizer as Record<string, unknown>).params)) return `configs[${i}].spec is not a trial spec`;
    if (!isRecord(c.searched) || !Array.isArray(c.targets) || !isRecord(c.curve)) return `configs[${i}] is not a configuration summary`;
  }
  return undefined;
}
