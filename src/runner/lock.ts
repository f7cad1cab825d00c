import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { OptbenchError } from '../core/errors.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `dir`'s write lock (a file holding this process's pid, created exclusively), so two runs never write one
 * output directory. A lock left by a process that no longer exists (killed with SIGKILL) is taken over.
 * Shards of one suite may share a directory (one lock `name` per shard). Returns the release function.
 */
export function lockDir(dir: string, name = '.optbench.lock'): () => void {
  const file = join(dir, name);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new OptbenchError(`cannot lock output directory ${dir}: ${code ?? error}`);
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
        throw new OptbenchError(`${dir} is being written by another optbench run (pid ${pid}); wait for it to finish or choose another --out`);
      }
      rmSync(file, { force: true }); // its owner is gone
    }
  }
  throw new OptbenchError(`cannot lock output directory ${dir}: ${file} keeps reappearing`);
}

/** Runs `fn` holding `dir`'s lock. */
export async function withLock<T>(dir: string, fn: () => Promise<T>, name?: string): Promise<T> {
  const release = lockDir(dir, name);
  try {
    return await fn();
  } finally {
    release();
  }
}
