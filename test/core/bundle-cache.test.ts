import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Bundled, cachedBundle } from '../../src/core/bundle-cache.ts';

const work = mkdtempSync(join(tmpdir(), 'optbench-bundle-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A project folder (with node_modules, as the cache needs) holding a suite and a file it imports. */
function project(name: string, withNodeModules = true) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'suites'), { recursive: true });
  if (withNodeModules) mkdirSync(join(dir, 'node_modules'));
  const suite = join(dir, 'suites', 's.ts');
  const lib = join(dir, 'suites', 'lib.ts');
  writeFileSync(suite, "import { x } from './lib.ts'; export default x;\n");
  writeFileSync(lib, 'export const x = 1;\n');
  const cache = join(dir, 'node_modules', '.cache', 'optbench');
  return { suite, lib, cache };
}

/** A stand-in for esbuild that counts its calls and "bundles" the two files by concatenation. */
function bundler(files: string[]) {
  let calls = 0;
  const bundle = async (): Promise<Bundled> => {
    calls++;
    return { code: `// bundle ${calls}`, inputs: files };
  };
  return { bundle, calls: () => calls };
}

describe('cachedBundle', () => {
  it('bundles once, then serves the same code while every input has the same bytes', async () => {
    const { suite, lib, cache } = project('hit');
    const b = bundler([suite, lib]);
    expect(await cachedBundle(suite, 'file:///optbench/index.js', b.bundle)).toBe('// bundle 1');
    expect(await cachedBundle(suite, 'file:///optbench/index.js', b.bundle)).toBe('// bundle 1');
    expect(b.calls()).toBe(1);
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it('bundles again when a file the suite imports changes, or the library it pins optbench to', async () => {
    const { suite, lib } = project('stale');
    const b = bundler([suite, lib]);
    await cachedBundle(suite, 'file:///optbench/index.js', b.bundle);
    writeFileSync(lib, 'export const x = 2;\n');
    expect(await cachedBundle(suite, 'file:///optbench/index.js', b.bundle)).toBe('// bundle 2');
    expect(await cachedBundle(suite, 'file:///elsewhere/index.js', b.bundle)).toBe('// bundle 3');
    expect(await cachedBundle(suite, 'file:///elsewhere/index.js', b.bundle)).toBe('// bundle 3');
    expect(b.calls()).toBe(3);
  });

  it('bundles again over a corrupt entry, and replaces it', async () => {
    const { suite, lib, cache } = project('corrupt');
    const b = bundler([suite, lib]);
    await cachedBundle(suite, 'p', b.bundle);
    const [entry] = readdirSync(cache);
    writeFileSync(join(cache, entry), '{"key": ');
    expect(await cachedBundle(suite, 'p', b.bundle)).toBe('// bundle 2');
    expect(await cachedBundle(suite, 'p', b.bundle)).toBe('// bundle 2');
    expect(b.calls()).toBe(2);
  });

  it('keeps nothing when an input cannot be read, or when no node_modules is above the suite', async () => {
    const gone = project('gone');
    const b = bundler([gone.suite, join(gone.suite, '..', 'missing.ts')]);
    expect(await cachedBundle(gone.suite, 'p', b.bundle)).toBe('// bundle 1');
    expect(existsSync(gone.cache)).toBe(false);

    const bare = project('bare', false);
    const c = bundler([bare.suite, bare.lib]);
    await cachedBundle(bare.suite, 'p', c.bundle);
    await cachedBundle(bare.suite, 'p', c.bundle);
    expect(c.calls()).toBe(2);
    expect(existsSync(bare.cache)).toBe(false);
  });
});
