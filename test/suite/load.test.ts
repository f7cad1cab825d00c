import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSuite } from '../../src/runner/run-suite.ts';
import { userErrorAsync } from '../user-error.ts';

const FIXTURES = 'test/fixtures/suites';
const dir = mkdtempSync(join(tmpdir(), 'optbench-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(path: string): Promise<string> {
  return userErrorAsync(() => loadSuite(path));
}

describe('loadSuite', () => {
  it('loads and resolves the tiny fixture suite', async () => {
    const suite = await loadSuite(`${FIXTURES}/tiny.ts`);
    expect(suite.name).toBe('tiny');
    expect(suite.optimizers.map((o) => [o.label, o.space])).toEqual([
      ['sgd', { lr: [0.01, 0.1] }],
      ['adam', { lr: [0.1] }],
    ]);
    expect(suite.seeds).toEqual([0, 1]);
    expect(suite.problems[0].steps).toBe(30);
  });

  it('applies --quick: 2 seeds, 30/5 = 6 steps', async () => {
    const suite = await loadSuite(`${FIXTURES}/tiny.ts`, { quick: true });
    expect(suite.seeds).toEqual([0, 1]);
    expect(suite.problems[0].steps).toBe(6);
  });

  it('finds a suite by name under root/suites/', async () => {
    expect((await loadSuite('tiny', { root: 'test/fixtures' })).name).toBe('tiny');
  });

  it('names the file and the field of a bad value', async () => {
    expect(await refusal(`${FIXTURES}/bad-field.ts`)).toMatch(/bad-field\.ts: budget\.steps: must be an integer in \[1, 10000000\], got 0$/);
  });

  it('names the file and the place of a syntax error, in one line', async () => {
    const file = join(dir, 'broken.ts');
    writeFileSync(file, "export default {\n  problems: ['linear-regression',\n  seeds: 2,\n};\n");
    // Under vitest the file is compiled by vite, whose message differs from tsx's; test/cli/suite.test.ts checks
    // the CLI's (tsx's) line with its position.
    expect((await refusal(file)).startsWith(`${file}: cannot load: `)).toBe(true);
  });

  it('refuses a module without a default export, naming the file', async () => {
    const file = join(dir, 'no-default.ts');
    writeFileSync(file, 'export const suite = 1;\n');
    expect((await refusal(file)).startsWith(`${file}: must export a suite (export default defineSuite({...})), got `)).toBe(true);
  });

  it('shares the registries with the suite file: an optimizer its plugin registers is known', async () => {
    const suite = await loadSuite(`${FIXTURES}/plugin.ts`);
    expect(suite.optimizers.map((o) => o.name)).toEqual(['sign-descent']);
  });
});
