import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The CLI as a user runs it: the built binary (npm run build first), spawned on fixture suites in a scratch folder.
 */
const BIN = resolve('bin/optbench.js');
const FIXTURES = resolve('test/fixtures/suites');
const TINY = join(FIXTURES, 'tiny.ts');
const work = mkdtempSync(join(tmpdir(), 'optbench-cli-'));
const OUT = join(work, 'out');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function optbench(args: string[], cwd = work): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

/** A user error: exit 2, nothing on stdout, exactly one line on stderr; returns that line. */
function userError(run: Run): string {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.startsWith('optbench: ')).toBe(true);
  return run.stderr.trimEnd();
}

const files = (dir: string) => readdirSync(dir).sort();
let first: Run;

beforeAll(async () => {
  if (!existsSync(resolve('dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` before these tests');
  first = await optbench(['suite', TINY, '--out', OUT]);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('optbench suite <path> --out DIR', () => {
  it('exits 0 and writes report.md, results.json and the SVG charts', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(files(OUT)).toEqual(['convergence-linear-regression.svg', 'lr-sensitivity-linear-regression.svg', 'report.md', 'results.json']);
    expect(readFileSync(join(OUT, 'convergence-linear-regression.svg'), 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(readFileSync(join(OUT, 'report.md'), 'utf8')).toContain('### Leaderboard: best configuration of each optimizer');
  });

  it('prints a leaderboard line per optimizer, then the report path', () => {
    expect(first.stdout).toContain('linear-regression: final gap f − f* (median over 2 seeds)');
    expect(first.stdout).toMatch(/^ {2}sgd +constant +lr 0\.1 /m);
    expect(first.stdout).toMatch(/^ {2}adam +constant +lr 0\.1 /m);
    expect(first.stdout).toMatch(/\nreport: out\/report\.md {2}\(6 trials in [0-9.]+ s[^)\n]*\)\n$/);
    expect(first.stderr).toMatch(/tiny: 6 trials/);
  });
});

describe.concurrent('optbench CLI', () => {
  it('report results.json --out DIR2 regenerates the same report.md, results.json and charts', async () => {
    const again = join(work, 'again');
    const run = await optbench(['report', join(OUT, 'results.json'), '--out', again]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`report: ${join(again, 'report.md')}\n`);
    expect(files(again)).toEqual(files(OUT));
    for (const file of files(OUT)) expect(readFileSync(join(again, file)).equals(readFileSync(join(OUT, file))), file).toBe(true);
  });

  it('finds a suite by name under ./suites, writes reports/<name>/, and shares the library with the suite’s plugin', async () => {
    // A user's project: suites/signs.ts imports a plugin that registers the optimizer "sign-descent".
    const project = join(work, 'project');
    mkdirSync(join(project, 'suites', 'lib'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
    copyFileSync(join(FIXTURES, 'plugin.ts'), join(project, 'suites', 'signs.ts'));
    copyFileSync(join(FIXTURES, 'lib', 'sign-descent.ts'), join(project, 'suites', 'lib', 'sign-descent.ts'));
    const run = await optbench(['suite', 'signs', '--quick', '--quiet'], project);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ {2}sign-descent +constant /m);
    expect(run.stdout).toContain('report: reports/signs/report.md');
    const results = JSON.parse(readFileSync(join(project, 'reports', 'signs', 'results.json'), 'utf8'));
    // --quick: 2 of the 3 seeds, 10 / 5 = 2 steps.
    expect([results.suite.quick, results.suite.seeds, results.suite.problems[0].steps]).toEqual([true, [0, 1], 2]);
    expect(readFileSync(join(project, 'reports', 'signs', 'report.md'), 'utf8')).toContain('- **Quick run**:');
  });

  it('suite nosuch: exit 2, one line', async () => {
    expect(userError(await optbench(['suite', 'nosuch']))).toBe(`optbench: unknown suite "nosuch"; suites in ${join(work, 'suites')}: none`);
  });

  it('suite ../..: exit 2, one line', async () => {
    expect(userError(await optbench(['suite', '../..']))).toBe('optbench: not a suite file: "../.." is a directory');
  });

  it('a suite with a syntax error: exit 2, one line naming the file and the place', async () => {
    const file = join(work, 'broken.ts');
    writeFileSync(file, "import { defineSuite } from 'optbench';\n\nexport default defineSuite({\n  problems: ['linear-regression',\n  seeds: 2,\n});\n");
    const line = userError(await optbench(['suite', file]));
    expect(line).toBe(`optbench: ${file}: cannot load: line 5, column 8: Expected "]" but found ":"`);
  });

  it('a suite with a bad field: exit 2, one line naming the file and the field', async () => {
    const file = join(FIXTURES, 'bad-field.ts');
    expect(userError(await optbench(['suite', file]))).toBe(`optbench: ${file}: budget.steps: must be an integer in [1, 10000000], got 0`);
  });

  it('report on a corrupt results.json: exit 2, one line, and writes nothing', async () => {
    const dir = join(work, 'corrupt');
    mkdirSync(dir);
    const text = readFileSync(join(OUT, 'results.json'), 'utf8');
    writeFileSync(join(dir, 'results.json'), text.slice(0, 2000));
    const elsewhere = join(work, 'corrupt-out');
    const line = userError(await optbench(['report', join(dir, 'results.json'), '--out', elsewhere]));
    expect(line.startsWith(`optbench: ${join(dir, 'results.json')}: not valid JSON (truncated or corrupt?): `)).toBe(true);
    expect(existsSync(elsewhere)).toBe(false);
    userError(await optbench(['report', join(dir, 'results.json')])); // beside it, by default
    expect(files(dir)).toEqual(['results.json']);
  });

  it('report on a missing file: exit 2, one line', async () => {
    expect(userError(await optbench(['report', 'nowhere/results.json']))).toBe('optbench: cannot read nowhere/results.json: ENOENT');
  });
});
