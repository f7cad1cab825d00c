import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OptbenchError, show } from './errors.ts';

/**
 * Imports a user's .ts or .js file (a suite, or a plugin that registers optimizers) without a build step
 * of theirs: TypeScript is compiled on the fly by tsx. A missing file or a syntax error is the user's,
 * reported in one line naming the file.
 */
export async function importFile(file: string): Promise<Record<string, unknown>> {
  const path = resolve(file);
  if (!existsSync(path)) throw new OptbenchError(`no such file: ${show(file)}`);
  const { tsImport } = await import('tsx/esm/api');
  try {
    return (await tsImport(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof OptbenchError) throw new OptbenchError(`${file}: ${error.message}`);
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof SyntaxError || /Transform failed|Expected|Unexpected/.test(message)) {
      throw new OptbenchError(`${file}: cannot load: ${message.split('\n').find((l) => l.trim()) ?? message}`);
    }
    throw error;
  }
}
