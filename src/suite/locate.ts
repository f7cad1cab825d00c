import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { didYouMean } from '../core/closest.ts';
import { OptbenchError, show } from '../core/errors.ts';

export interface SuiteLocation {
  readonly name: string;
  readonly file: string;
}

/**
 * `linear-regression` → suites/linear-regression.ts under `root`; a path (anything with a slash or a .ts/.js
 * ending) is taken as it is. A plain name may not leave suites/ (no slashes, no dots).
 */
export function locateSuite(nameOrPath: string, root: string): SuiteLocation {
  const isPath = /[\\/]/.test(nameOrPath) || /\.(m?[jt]s)$/.test(nameOrPath);
  if (isPath) {
    const file = resolve(nameOrPath);
    if (!existsSync(file)) throw new OptbenchError(`no such suite file: ${show(nameOrPath)}`);
    if (!statSync(file).isFile()) throw new OptbenchError(`not a suite file: ${show(nameOrPath)} is a directory`);
    return { name: basename(file, extname(file)), file };
  }
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(nameOrPath)) {
    throw new OptbenchError(`suite name must be a plain name (letters, digits, - and _) or a path to a file, got ${show(nameOrPath)}`);
  }
  const dir = join(root, 'suites');
  const file = join(dir, `${nameOrPath}.ts`);
  if (!existsSync(file)) {
    const known = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)) : [];
    throw new OptbenchError(`unknown suite "${nameOrPath}"${didYouMean(nameOrPath, known)}; suites in ${dir}: ${known.join(', ') || 'none'}`);
  }
  return { name: nameOrPath, file };
}
