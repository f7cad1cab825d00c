import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/**
 * Loading a large CommonJS bundle through V8's code cache, as Node 22's module.enableCompileCache does (Node 20
 * lacks it). The cache (`<bundle>.cache`, written by the build after a warm-up: scripts/bundle-vendor.js) holds
 * the bytecode of every function the warm-up ran, so neither the top level nor those functions are compiled again:
 * for vega + vega-lite, the load and first two charts take ~0.13 s less. V8 checks the cache against the source,
 * its own version and flags, and compiles as usual when it does not match, so a stale or foreign cache costs
 * only the time it would have saved.
 */

const loaded = new Map<string, { script: Script; cached: boolean }>();

/** Runs a CommonJS bundle (its own `require` resolves beside it) and returns its exports. */
export function requireCached(bundle: URL): unknown {
  const file = fileURLToPath(bundle);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined; // no cache (not built, or removed): compile as usual
  }
  // The CommonJS wrapper, as Node's own loader applies it.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
  loaded.set(file, { script, cached: cachedData !== undefined && !script.cachedDataRejected });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** Writes the code cache of each bundle loaded so far, with whatever its functions have compiled by now. */
export function writeCodeCaches(): string[] {
  for (const [file, { script }] of loaded) writeFileSync(`${file}.cache`, script.createCachedData());
  return [...loaded.keys()];
}

/** Whether V8 took the bundle's code from its cache when it was loaded (false: compiled it). */
export function fromCodeCache(bundle: URL): boolean {
  return loaded.get(fileURLToPath(bundle))?.cached ?? false;
}
