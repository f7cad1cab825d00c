import { describe, expect, it } from 'vitest';
import { buildResults } from '../../src/results/build.ts';
import { parseResults } from '../../src/results/parse.ts';
import { serializeResults } from '../../src/results/serialize.ts';
import { SCHEMA_VERSION } from '../../src/results/types.ts';
import { execute } from '../../src/runner/execute.ts';
import { plan } from '../../src/search/plan.ts';
import { resolveSuite } from '../../src/suite/resolve.ts';
import tiny from '../fixtures/suites/tiny.ts';
import { userError } from '../user-error.ts';

const suite = resolveSuite('tiny', 'test/fixtures/suites/tiny.ts', tiny);
const planned = plan(suite);
const results = buildResults(suite, planned, await execute(planned.trials, { targets: suite.targets }));
const text = serializeResults(results);
const FILE = 'out/results.json';

function refusal(input: string): string {
  const message = userError(() => parseResults(input, FILE));
  expect(message.startsWith(`${FILE}: `)).toBe(true);
  return message;
}

describe('serializeResults → parseResults', () => {
  it('round-trips: the parsed results equal the original and serialize to the same bytes', () => {
    const parsed = parseResults(text, FILE);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(results)));
    expect(serializeResults(parsed)).toBe(text);
  });

  it('writes one line per trial, configuration and best entry, and ends with a newline', () => {
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('    {"id":'))).toHaveLength(6);
    expect(lines.filter((l) => l.startsWith('    {"configId":'))).toHaveLength(3);
    expect(text.endsWith('}\n')).toBe(true);
    expect(results.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('is plain JSON with no NaN or Infinity', () => {
    expect(text).not.toMatch(/NaN|Infinity/);
  });
});

describe('parseResults refuses, in one line naming the file', () => {
  it('truncated text', () => {
    expect(refusal(text.slice(0, Math.floor(text.length / 2)))).toMatch(/^out\/results\.json: not valid JSON \(truncated or corrupt\?\): /);
  });

  it('text that is not JSON', () => {
    expect(refusal('# tiny: optbench report\n')).toMatch(/^out\/results\.json: not valid JSON/);
    expect(refusal('')).toMatch(/^out\/results\.json: not valid JSON/);
  });

  it('another schema version', () => {
    expect(refusal(text.replace('"schemaVersion": 1,', '"schemaVersion": 2,'))).toBe(`${FILE}: schemaVersion 2; this optbench reads version 1`);
    expect(refusal('{"trials": []}')).toBe(`${FILE}: schemaVersion undefined; this optbench reads version 1`);
  });

  it('JSON that is not an object', () => {
    expect(refusal('[1, 2]')).toBe(`${FILE}: not an optbench results file (expected a JSON object)`);
    expect(refusal('null')).toBe(`${FILE}: not an optbench results file (expected a JSON object)`);
  });

  it('an object missing its trials (or any other part)', () => {
    const { trials: _trials, ...noTrials } = JSON.parse(text) as Record<string, unknown>;
    expect(refusal(JSON.stringify(noTrials))).toBe(`${FILE}: not an optbench results file (missing "trials")`);
    const { suite: _suite, ...noSuite } = JSON.parse(text) as Record<string, unknown>;
    expect(refusal(JSON.stringify(noSuite))).toBe(`${FILE}: not an optbench results file (missing "suite")`);
  });
});
