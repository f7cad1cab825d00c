import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { cachedBundle } from './bundle-cache.ts';
import { OptbenchError, show } from './errors.ts';

let registered: Promise<unknown> | undefined;

/**
 * Installs tsx's loaders (ESM, and CommonJS for .ts files outside a `"type": "module"` package) for the rest of
 * the process. Not `tsImport`: that loads the file and everything it imports in a namespace of its own, so its
 * `import { optimizers } from 'optbench'` would get a second copy of the library, and what it registers would
 * be invisible to the caller's registries (a suite that does `import './my-optimizer.ts'` would not find it).
 */
function registerTsx(): Promise<unknown> {
  registered ??= Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]).then(([esm, cjs]) => {
    esm.register();
    cjs.register();
    pinLibrary();
  });
  return registered;
}

/**
 * Resolves `import ... from 'optbench'` in user files to this very library (dist/index.js when built,
 * src/index.ts under a TypeScript runner), whatever a tsconfig `paths` entry says and wherever the user's
 * folder is (it need not have optbench in node_modules). Registered after tsx's hooks, so it runs before them.
 */
function pinLibrary(): void {
  const self = SELF.href;
  const hook = `export function resolve(specifier, context, next) {
    return specifier === 'optbench' ? { url: ${JSON.stringify(self)}, format: 'module', shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

/** This library's entry, in the form this module runs as (dist/index.js, or src/index.ts under a TS runner). */
const SELF = new URL(`../index${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * The esbuild bundle of a user's .ts file with its relative imports (packages stay external, `optbench` pinned
 * to this library), from the bundle cache when every file in it is unchanged (bundle-cache.ts). The build warms
 * the cache for the shipped suites (scripts/warm-caches.js).
 */
export function bundleFile(path: string): Promise<string> {
  return cachedBundle(path, SELF.href, async () => {
    const esbuild = await import('esbuild');
    const pin = {
      name: 'optbench-self',
      setup(build: { onResolve: (o: { filter: RegExp }, f: () => { path: string; external: boolean }) => void }) {
        build.onResolve({ filter: /^optbench$/ }, () => ({ path: SELF.href, external: true }));
      },
    };
    const built = await esbuild.build({
      entryPoints: [path],
      absWorkingDir: dirname(path),
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
      plugins: [pin],
    });
    return { code: built.outputFiles[0].text, inputs: Object.keys(built.metafile.inputs).map((input) => resolve(dirname(path), input)) };
  });
}

/**
 * The compiled CLI's fast path: esbuild bundles the file with its relative imports (packages stay external,
 * `optbench` pinned to this library) into a temporary module beside it, so that the user's own packages
 * resolve from their folder. No loader hooks stay installed, so nothing imported later pays for them
 * (on Node 20 tsx's hooks run on another thread: ~0.4 s for a suite and its first imports, against ~0.05 s).
 * A file imported both with --import and by the suite is bundled twice: import it in one place only.
 */
async function bundleAndImport(path: string): Promise<Record<string, unknown>> {
  const code = await bundleFile(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${threadId}.optbench.mjs`);
  writeFileSync(tmp, code);
  try {
    return (await import(pathToFileURL(tmp).href)) as Record<string, unknown>;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Imports a user's .ts or .js file (a suite, or a plugin that registers optimizers) without a build step
 * of theirs: compiled by esbuild (the built CLI) or tsx's loaders (running from sources). A missing file or a
 * syntax error is the user's, reported in one line naming the file.
 */
export async function importFile(file: string): Promise<Record<string, unknown>> {
  const path = resolve(file);
  if (!existsSync(path)) throw new OptbenchError(`no such file: ${show(file)}`);
  if (!statSync(path).isFile()) throw new OptbenchError(`not a file: ${show(file)}`);
  try {
    if (/\.[cm]?tsx?$/.test(path) && SELF.pathname.endsWith('.js')) return await bundleAndImport(path);
    await registerTsx();
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof OptbenchError) throw new OptbenchError(`${file}: ${error.message}`);
    const message = error instanceof Error ? error.message : String(error);
    const esbuildErrors = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } }[] }).errors;
    if (Array.isArray(esbuildErrors) && esbuildErrors.length > 0) {
      const e = esbuildErrors[0];
      const where = e.location ? `line ${e.location.line}, column ${e.location.column + 1}: ` : '';
      throw new OptbenchError(`${file}: cannot load: ${where}${e.text}`);
    }
    if (error instanceof SyntaxError || /Transform failed|Expected|Unexpected/.test(message)) {
      // esbuild's first line is "Transform failed with 1 error:"; the line naming the place and cause follows.
      const lines = message.split('\n').filter((l) => l.trim());
      throw new OptbenchError(`${file}: cannot load: ${(lines.find((l) => l.includes('ERROR:')) ?? lines[0] ?? message).trim()}`);
    }
    // Anything else was thrown by the user's own code while it loaded (a bad registration, a throw at top level).
    throw new OptbenchError(`${file}: failed while loading: ${message.split('\n')[0]}`);
  }
}
