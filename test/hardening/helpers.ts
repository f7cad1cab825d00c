import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import { BIN, cliEnv, ROOT, type Run } from '../runner/spawn.ts';

/**
 * The hardening tests run the built CLI as a user does, through the runner tests' spawn helpers (test/runner/spawn.ts),
 * and the fixtures here.
 */

export { assertBuilt, BIN, cliEnv, optbench, ROOT, type Run, userError } from '../runner/spawn.ts';
export const FIXTURES = join(ROOT, 'test', 'hardening', 'fixtures');
export const TINY = join(ROOT, 'test', 'fixtures', 'suites', 'tiny.ts');

/**
 * The CLI's main() in this process, for the long tables of bad input (a spawn costs ~0.4 s of CPU, mostly loading
 * yargs): what the binary does is `process.exitCode = await main(argv)`, so the exit code and the lines written
 * are the same. Runs must not overlap (stdout and stderr are captured globally): no describe.concurrent.
 */
export async function optbenchInProcess(args: readonly string[]): Promise<Run> {
  const { main } = await import('../../src/cli/main.ts');
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const saved = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await main([...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = saved;
  }
}

/** A running `optbench ...args`, for signals and locks: the child, its output so far, and its exit. */
export interface Started {
  child: ChildProcess;
  output: () => Run;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function start(args: readonly string[], options: { cwd?: string } = {}): Started {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, signal) => done({ code, signal })));
  return { child, output: () => ({ code: child.exitCode ?? -1, stdout, stderr }), exited };
}

/** Waits until `ready()` holds, polling; fails after `ms` or as soon as the child has exited. */
export async function waitFor(what: string, ready: () => boolean, child?: ChildProcess, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (child !== undefined && child.exitCode !== null) throw new Error(`the run ended (exit ${child.exitCode}) before ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A scratch directory under the system's temporary folder; `cleanup` removes every one made. */
const made: string[] = [];
export function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `optbench-hardening-${prefix}-`));
  made.push(dir);
  return dir;
}
export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file of a directory (hidden ones too, recursively) with its bytes. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (at: string, rel: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path, `${rel}${name}/`);
      else out.set(`${rel}${name}`, readFileSync(path));
    }
  };
  walk(dir, '');
  return out;
}

/** The directory holds exactly the files it held, byte for byte: nothing clobbered, no *.tmp, no lock, no journal. */
export function expectUntouched(dir: string, before: ReadonlyMap<string, Buffer>): void {
  const after = snapshot(dir);
  expect([...after.keys()], `files of ${dir}`).toEqual([...before.keys()]);
  for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), `${file} changed in ${dir}`).toBe(true);
}

/** A fresh copy of a directory holding a finished report; returns the copy and its snapshot. */
export function copyOf(report: string, name: string, into: string): { dir: string; before: Map<string, Buffer> } {
  const dir = join(into, name);
  cpSync(report, dir, { recursive: true });
  return { dir, before: snapshot(dir) };
}

/** Both directories hold the same file names, and every file is byte-identical. */
export function expectSameFiles(actual: string, expected: string): void {
  const a = snapshot(actual);
  const e = snapshot(expected);
  expect([...a.keys()]).toEqual([...e.keys()]);
  for (const [file, bytes] of e) expect(a.get(file)!.equals(bytes), `${file} differs between ${actual} and ${expected}`).toBe(true);
}
