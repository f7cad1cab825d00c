import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VERSION } from './version.ts';

/**
 * Bundles of users' .ts files (suites, plugins) kept between runs, as vitest and babel-loader keep their
 * transforms: bundling starts esbuild's service, ~0.09 s of a small suite's ~0.7 s. An entry is used only if
 * every file that went into it still has the bytes it had (SHA-256 of each), and the esbuild and optbench versions
 * and the library it pins `optbench` to are the same; anything else bundles again. The cache lives in the
 * project's node_modules/.cache/optbench (the place such caches go); a file with no node_modules above it is
 * bundled every time. The cache only saves time: a missing, stale or unreadable entry is bundled afresh, and a
 * cache that cannot be written is skipped.
 */

export interface Bundled {
  /** The module text. */
  readonly code: string;
  /** Absolute paths of the files bundled into it. */
  readonly inputs: readonly string[];
}

interface Entry {
  readonly key: string;
  readonly inputs: readonly (readonly [path: string, sha256: string])[];
  readonly code: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const esbuildVersion = (): string => JSON.parse(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8')).version;

/** node_modules/.cache/optbench of the nearest folder above `file` that has a node_modules; undefined if none. */
function cacheDir(file: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'optbench');
    if (dirname(dir) === dir) return undefined;
  }
}

function fresh(entry: Entry, key: string): boolean {
  if (entry.key !== key) return false;
  return entry.inputs.every(([path, hash]) => {
    try {
      return sha256(readFileSync(path)) === hash;
    } catch {
      return false; // gone or unreadable
    }
  });
}

/**
 * The bundle of `file` from the cache if it is fresh, else from `bundle` (then kept). `pinned` is what
 * `optbench` resolves to inside the bundle, part of the key.
 */
export async function cachedBundle(file: string, pinned: string, bundle: () => Promise<Bundled>): Promise<string> {
  const dir = cacheDir(file);
  if (dir === undefined) return (await bundle()).code;
  const key = sha256(JSON.stringify([file, pinned, VERSION, esbuildVersion()]));
  const path = join(dir, `${key.slice(0, 32)}.json`);
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as Entry;
    if (fresh(entry, key)) return entry.code;
  } catch {
    // no entry yet, or an unreadable one: bundle
  }
  const built = await bundle();
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const entry: Entry = { key, inputs: built.inputs.map((input) => [input, sha256(readFileSync(input))]), code: built.code };
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, path); // atomic: a concurrent run (another shard) reads the old entry or the new, never half
  } catch {
    rmSync(tmp, { force: true }); // an input gone since, a read-only or full disk: no cache, same results
  }
  return built.code;
}
