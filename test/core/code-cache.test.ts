import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fromCodeCache, requireCached, writeCodeCaches } from '../../src/core/code-cache.ts';
import { assertBuilt, ROOT } from '../runner/spawn.ts';

const work = mkdtempSync(join(tmpdir(), 'optbench-code-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A CommonJS bundle that requires a built-in beside it and exports a function of it. */
function bundle(name: string): URL {
  const file = join(work, `${name}.cjs`);
  writeFileSync(file, "const { join } = require('node:path');\nexports.where = (x) => join(__dirname, x);\nexports.name = __filename;\n");
  return pathToFileURL(file);
}

type Exports = { where(x: string): string; name: string };

describe('requireCached', () => {
  it('runs a CommonJS bundle with its own require, __dirname and __filename, with or without a cache', () => {
    const url = bundle('plain');
    const first = requireCached(url) as Exports;
    expect(fromCodeCache(url)).toBe(false);
    expect(first.where('a')).toBe(join(work, 'a'));
    expect(first.name).toBe(join(work, 'plain.cjs'));
    expect(writeCodeCaches()).toContain(join(work, 'plain.cjs'));
    expect(existsSync(join(work, 'plain.cjs.cache'))).toBe(true);
    expect((requireCached(url) as Exports).where('b')).toBe(join(work, 'b'));
    expect(fromCodeCache(url)).toBe(true);
  });

  it('a cache V8 refuses (another source, or garbage) only costs the compile it would have saved', () => {
    const url = bundle('garbage');
    writeFileSync(join(work, 'garbage.cjs.cache'), 'not a code cache');
    expect((requireCached(url) as Exports).where('c')).toBe(join(work, 'c'));
    expect(fromCodeCache(url)).toBe(false);
  });

  it("the build's vega bundle loads from its cache in a plain node process (as the CLI runs)", () => {
    assertBuilt();
    const probe = `const { fromCodeCache } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/core/code-cache.js')).href)});
      await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/report/vega.js')).href)});
      process.stdout.write(String(fromCodeCache(new URL(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/report/vega.cjs')).href)}))));`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })).toBe('true');
  });
});
