import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OptbenchError } from '../../src/core/errors.ts';
import { locateSuite } from '../../src/suite/locate.ts';

const root = mkdtempSync(join(tmpdir(), 'optbench-locate-'));
mkdirSync(join(root, 'suites'));
for (const name of ['tiny', 'linear-regression']) writeFileSync(join(root, 'suites', `${name}.ts`), 'export default {};\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const refusal = (nameOrPath: string, from = root) => {
  try {
    locateSuite(nameOrPath, from);
  } catch (error) {
    expect(error).toBeInstanceOf(OptbenchError);
    return (error as Error).message;
  }
  throw new Error(`locateSuite accepted ${nameOrPath}`);
};

describe('locateSuite', () => {
  it('finds a plain name under <root>/suites/', () => {
    expect(locateSuite('tiny', root)).toEqual({ name: 'tiny', file: join(root, 'suites', 'tiny.ts') });
    expect(locateSuite('linear-regression', root).file).toBe(join(root, 'suites', 'linear-regression.ts'));
  });

  it('suggests the closest suite for an unknown name and lists the known ones', () => {
    expect(refusal('tinny')).toBe(`unknown suite "tinny" (did you mean "tiny"?); suites in ${join(root, 'suites')}: linear-regression, tiny`);
    expect(refusal('nosuch')).toMatch(/^unknown suite "nosuch"; suites in .*: linear-regression, tiny$/);
  });

  it('says "none" when there is no suites/ folder', () => {
    const empty = mkdtempSync(join(tmpdir(), 'optbench-empty-'));
    try {
      expect(refusal('tiny', empty)).toBe(`unknown suite "tiny"; suites in ${join(empty, 'suites')}: none`);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  it.each(['..', '.', 'tiny.v2', '.hidden', '~root', 'a b'])('refuses the plain name %j (no dots, no escaping suites/)', (name) => {
    expect(refusal(name)).toBe(`suite name must be a plain name (letters, digits, - and _) or a path to a file, got ${JSON.stringify(name)}`);
  });

  it('takes a name with a slash as a path, and refuses a directory', () => {
    expect(refusal('../..')).toBe('not a suite file: "../.." is a directory');
    expect(refusal(root)).toBe(`not a suite file: ${JSON.stringify(root)} is a directory`);
  });

  it('takes a/../../b as a path (never as a name under suites/), refusing it when there is no such file', () => {
    expect(refusal('a/../../b')).toBe('no such suite file: "a/../../b"');
    expect(refusal('suites/../../tiny')).toBe('no such suite file: "suites/../../tiny"');
  });

  it('takes an existing path as it is, named after the file', () => {
    const file = join(root, 'suites', 'tiny.ts');
    expect(locateSuite(file, '/nowhere')).toEqual({ name: 'tiny', file });
    expect(locateSuite('test/fixtures/suites/tiny.ts', '/nowhere')).toEqual({ name: 'tiny', file: resolve('test/fixtures/suites/tiny.ts') });
  });

  it('takes a name ending in .ts as a path (relative to the working directory)', () => {
    expect(refusal('tiny.ts')).toBe('no such suite file: "tiny.ts"');
  });
});
