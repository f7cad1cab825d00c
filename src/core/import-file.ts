import { existsSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
  const self = new URL(`../index${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;
  const hook = `export function resolve(specifier, context, next) {
    return specifier === 'optbench' ? { url: ${JSON.stringify(self)}, format: 'module', shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

/**
 * Imports a user's .ts or .js file (a suite, or a plugin that registers optimizers) without a build step
 * of theirs: TypeScript is compiled on the fly by tsx. A missing file or a syntax error is the user's,
 * reported in one line naming the file.
 */
export async function importFile(file: string): Promise<Record<string, unknown>> {
  const path = resolve(file);
  if (!existsSync(path)) throw new OptbenchError(`no such file: ${show(file)}`);
  if (!statSync(path).isFile()) throw new OptbenchError(`not a file: ${show(file)}`);
  await registerTsx();
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof OptbenchError) throw new OptbenchError(`${file}: ${error.message}`);
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof SyntaxError || /Transform failed|Expected|Unexpected/.test(message)) {
      // esbuild's first line is "Transform failed with 1 error:"; the line naming the place and cause follows.
      const lines = message.split('\n').filter((l) => l.trim());
      throw new OptbenchError(`${file}: cannot load: ${(lines.find((l) => l.includes('ERROR:')) ?? lines[0] ?? message).trim()}`);
    }
    throw error;
  }
}
