import { beforeAll, describe, expect, it } from 'vitest';
import { builtinOptimizers } from '../../src/optimizers/index.ts';
import { builtinProblems } from '../../src/problems/index.ts';
import { builtinSchedules } from '../../src/schedules/index.ts';
import { optbench, optbenchJson, type Result } from './helpers.ts';

interface ListedEntry {
  name: string;
  description: string;
  reference: string;
  params: Record<string, { type: string; default: unknown }>;
}

describe('optbench list', () => {
  it('lists every optimizer, schedule and problem by name', () => {
    const { status, stdout, stderr } = optbench('list');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    for (const section of ['optimizers:', 'schedules:', 'problems:']) expect(stdout).toContain(section);
    const names = [...Object.keys(builtinOptimizers), ...Object.keys(builtinSchedules), ...Object.keys(builtinProblems)];
    for (const name of names) expect(stdout).toMatch(new RegExp(`^  ${name} — `, 'm'));
  });

  it('list optimizers --json: exactly the registry, each parameter with its declared default', () => {
    const listed = optbenchJson<{ optimizers: ListedEntry[] }>('list', 'optimizers', '--json');
    expect(Object.keys(listed)).toEqual(['optimizers']);
    expect(listed.optimizers.map((e) => e.name)).toEqual(Object.keys(builtinOptimizers));
    for (const entry of listed.optimizers) {
      const def = builtinOptimizers[entry.name as keyof typeof builtinOptimizers];
      expect(Object.keys(entry.params)).toEqual(Object.keys(def.params));
      for (const [name, spec] of Object.entries(def.params)) {
        expect(entry.params[name], `${entry.name}.${name}`).toMatchObject({ type: spec.type, default: spec.default });
      }
    }
    // the presets carry their own defaults (PyTorch-style momentum 0.9)
    const byName = Object.fromEntries(listed.optimizers.map((e) => [e.name, e]));
    expect(byName.momentum.params.momentum.default).toBe(0.9);
    expect(byName.nesterov.params.nesterov.default).toBe(true);
    expect(byName.adam.params.lr.default).toBe(0.001);
  });

  it('list schedules --json and list problems --json name their registries', () => {
    const schedules = optbenchJson<{ schedules: ListedEntry[] }>('list', 'schedules', '--json');
    expect(schedules.schedules.map((e) => e.name)).toEqual(Object.keys(builtinSchedules));
    const problems = optbenchJson<{ problems: ListedEntry[] }>('list', 'problems', '--json');
    expect(problems.problems.map((e) => e.name)).toEqual(Object.keys(builtinProblems));
  });

  it('refuses an unknown kind in one line', () => {
    const { status, stderr } = optbench('list', 'optimisers');
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('optimisers');
  });
});

describe('--help', () => {
  let top: Result;
  let commands: string[];
  beforeAll(() => {
    top = optbench('--help');
    commands = [...top.stdout.matchAll(/^ {2}optbench (\w+)/gm)].map((m) => m[1]);
  });

  it('prints the usage and the commands, and exits 0', () => {
    expect(top.status).toBe(0);
    expect(top.stderr).toBe('');
    expect(top.stdout).toContain('optbench <command> [options]');
    expect(commands).toEqual(expect.arrayContaining(['list', 'problem', 'run']));
  });

  it.each(['list', 'problem', 'run'])('%s --help exits 0 with its usage', (command) => {
    const { status, stdout, stderr } = optbench(command, '--help');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain(`optbench ${command}`);
    expect(stdout).toContain('--help');
  });

  it('every command listed by --help has a --help of its own', () => {
    for (const command of commands) {
      const { status, stdout } = optbench(command, '--help');
      expect(status, command).toBe(0);
      expect(stdout, command).toContain(`optbench ${command}`);
    }
  });

  it('run --help documents the contract flags', () => {
    const { stdout } = optbench('run', '--help');
    for (const flag of ['--problem', '--seed', '--optimizer', '--lr', '--steps', '--hp', '--schedule', '--schedule-hp', '--batch-size', '--json', '--import']) {
      expect(stdout).toContain(flag);
    }
  });
});
