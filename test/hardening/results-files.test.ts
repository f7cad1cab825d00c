import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cleanup, copyOf, expectUntouched, optbench, optbenchInProcess, type Run, scratch, snapshot, TINY, userError } from './helpers.ts';

/**
 * Results and shard files that are truncated, not JSON, of another schemaVersion, of another suite or of another
 * kind, fed to `report`, `check` and `merge`: exit 2, one line naming the file, and the report in the output
 * directory byte-identical afterwards, with no *.tmp left. Also output directories that cannot be written.
 */

const work = scratch('results-files');
const REPORT = join(work, 'report');
const SHARDS = join(work, 'shards');
const BAD = join(work, 'bad');
const shard = (i: number) => join(SHARDS, `shard-${i}-of-2.json`);
let text: string;

/** Bad files, each written to BAD/<name>; built from the real results.json and shard files in beforeAll. */
const bad: Record<string, () => string> = {
  'truncated.json': () => text.slice(0, text.length >> 1),
  'cut-last-byte.json': () => text.slice(0, text.trimEnd().length - 1),
  'empty.json': () => '',
  'markdown.json': () => '# tiny: optbench report\n',
  'schema-2.json': () => text.replace('"schemaVersion": 1,', '"schemaVersion": 2,'),
  'no-schema.json': () => JSON.stringify({ ...JSON.parse(text), schemaVersion: undefined }),
  'other-suite.json': () => JSON.stringify({ ...JSON.parse(text), suite: { ...JSON.parse(text).suite, name: 'other' } }),
  'foreign.json': () => JSON.stringify({ schemaVersion: 1, suite: { name: 'x' }, reference: {}, curveSteps: {}, configs: [], trials: [], best: [], bestBySchedule: [] }),
  'config-not-object.json': () => JSON.stringify({ ...JSON.parse(text), configs: [1] }),
  'a-list.json': () => '[1, 2, 3]\n',
  'shard.json': () => readFileSync(shard(1), 'utf8'),
};
const file = (name: string) => join(BAD, name);

beforeAll(async () => {
  assertBuilt();
  const runs = await Promise.all([
    optbench(['suite', TINY, '--out', REPORT, '--workers', '1', '--quiet']),
    optbench(['suite', TINY, '--shard', '1/2', '--out', SHARDS, '--workers', '1', '--quiet']),
    optbench(['suite', TINY, '--shard', '2/2', '--out', SHARDS, '--workers', '1', '--quiet']),
  ]);
  for (const run of runs) if (run.code !== 0) throw new Error(run.stderr);
  text = readFileSync(join(REPORT, 'results.json'), 'utf8');
  mkdirSync(BAD);
  for (const [name, make] of Object.entries(bad)) writeFileSync(file(name), make());
});
afterAll(cleanup);

/** [bad file, what the line says after "optbench: <file>: "]. */
const reportCases: [string, string | RegExp][] = [
  ['truncated.json', /^not valid JSON \(truncated or corrupt\?\): /],
  ['cut-last-byte.json', /^not valid JSON \(truncated or corrupt\?\): /],
  ['empty.json', /^not valid JSON \(truncated or corrupt\?\): /],
  ['markdown.json', /^not valid JSON \(truncated or corrupt\?\): /],
  ['schema-2.json', 'schemaVersion 2; this optbench reads version 1'],
  ['no-schema.json', 'schemaVersion undefined; this optbench reads version 1'],
  ['foreign.json', 'not an optbench results file (suite.problems is not a list)'],
  ['config-not-object.json', 'not an optbench results file (configs[0] is not an object)'],
  ['a-list.json', 'not an optbench results file (expected a JSON object)'],
  ['shard.json', /^not an optbench results file \(missing "[a-zA-Z]+"\)$/],
];
const SPAWNED = new Set(['truncated.json', 'schema-2.json', 'foreign.json']);

function expectLine(line: string, name: string, says: string | RegExp): void {
  const prefix = `optbench: ${file(name)}: `;
  expect(line.startsWith(prefix), line).toBe(true);
  if (typeof says === 'string') expect(line.slice(prefix.length)).toBe(says);
  else expect(line.slice(prefix.length)).toMatch(says);
}

async function reportInto(run: (args: string[]) => Promise<Run>, name: string, says: string | RegExp): Promise<void> {
  const { dir, before } = copyOf(REPORT, `report-${run === optbench ? 'spawned' : 'main'}-${name}`, work);
  expectLine(userError(await run(['report', file(name), '--out', dir])), name, says);
  expectUntouched(dir, before);
}

describe('optbench report <bad results file> --out <a directory holding a report>', () => {
  it.each(reportCases)('%s (main)', (name, says) => reportInto(optbenchInProcess, name, says));
  it.concurrent.each(reportCases.filter(([name]) => SPAWNED.has(name)))('%s (built binary)', (name, says) => reportInto(optbench, name, says));

  it('a corrupt results.json beside its report.md (the default --out): nothing in the directory changes', async () => {
    const dir = join(work, 'beside');
    cpSync(REPORT, dir, { recursive: true });
    copyFileSync(file('truncated.json'), join(dir, 'results.json'));
    const before = snapshot(dir);
    const line = userError(await optbench(['report', join(dir, 'results.json')]));
    expect(line).toMatch(new RegExp(`^optbench: ${join(dir, 'results.json')}: not valid JSON \\(truncated or corrupt\\?\\): `));
    expectUntouched(dir, before);
  });
});

describe.concurrent('optbench check <suite> with a bad baseline: exit 2, one line naming the file; the baseline and report untouched', () => {
  it.each([
    ['truncated.json', /^not valid JSON \(truncated or corrupt\?\): /],
    ['markdown.json', /^not valid JSON \(truncated or corrupt\?\): /],
    ['schema-2.json', /^schemaVersion 2; this optbench reads version 1$/],
    ['other-suite.json', /^holds results of suite "other", not "tiny"$/],
    ['foreign.json', /^not an optbench results file \(/],
  ])('%s', async (name, says) => {
    // A user's project: suites/tiny.ts, and reports/tiny/ holding a report whose results.json is the bad file.
    const project = join(work, `check-${name}`);
    mkdirSync(join(project, 'suites'), { recursive: true });
    copyFileSync(TINY, join(project, 'suites', 'tiny.ts'));
    cpSync(REPORT, join(project, 'reports', 'tiny'), { recursive: true });
    const baseline = join(project, 'reports', 'tiny', 'results.json');
    copyFileSync(file(name), baseline);
    const before = snapshot(project);
    const line = userError(await optbench(['check', 'tiny'], { cwd: project }));
    expect(line.startsWith(`optbench: ${baseline}: `), line).toBe(true);
    expect(line.slice(`optbench: ${baseline}: `.length)).toMatch(says);
    expectUntouched(project, before);
  });
});

describe('optbench merge <shards that do not belong together> --out <a directory holding a report>', () => {
  const cases: [string, () => string[], (line: string) => void][] = [
    ['the same shard twice', () => [shard(1), shard(1)], (line) => expect(line).toMatch(new RegExp(`^optbench: ${shard(1)}: trial [0-9a-f]+ is also in ${shard(1)}; shards overlap$`))],
    [
      'a copy of shard 1 as shard 2',
      () => {
        const dir = join(work, 'copied-shards');
        mkdirSync(dir, { recursive: true });
        copyFileSync(shard(1), join(dir, 'shard-1-of-2.json'));
        copyFileSync(shard(1), join(dir, 'shard-2-of-2.json'));
        return [dir];
      },
      (line) => expect(line).toMatch(/shard-2-of-2\.json: trial [0-9a-f]+ is also in .*shard-1-of-2\.json; shards overlap$/),
    ],
    [
      'a shard of another suite',
      () => {
        const other = join(work, 'other-shard.json');
        writeFileSync(other, readFileSync(shard(2), 'utf8').replace('"name": "tiny"', '"name": "other"'));
        return [shard(1), other];
      },
      (line) => expect(line).toBe(`optbench: ${join(work, 'other-shard.json')}: belongs to another suite or plan than ${shard(1)} (suite "other" vs "tiny")`),
    ],
    ['a truncated shard', () => [shard(1), file('truncated.json')], (line) => expect(line).toMatch(new RegExp(`^optbench: ${file('truncated.json')}: not valid JSON`))],
    ['a results.json given as a shard', () => [shard(1), join(REPORT, 'results.json')], (line) => expect(line).toBe(`optbench: ${join(REPORT, 'results.json')}: not an optbench shard file`)],
    ['a shard left out', () => [shard(1)], (line) => expect(line).toMatch(/^optbench: \d+ of 6 trials missing \(shards 2\/2 not given\), e\.g\. /)],
  ];

  it.each(cases)('%s: exit 2, one line naming the file; the report untouched (main)', async (what, paths, check) => {
    const { dir, before } = copyOf(REPORT, `merge-${what.replace(/[^a-z0-9]+/gi, '-')}`, work);
    check(userError(await optbenchInProcess(['merge', ...paths(), '--out', dir])));
    expectUntouched(dir, before);
  });

  it('the same shard twice, on the built binary', async () => {
    const { dir, before } = copyOf(REPORT, 'merge-spawned', work);
    cases[0][2](userError(await optbench(['merge', shard(1), shard(1), '--out', dir])));
    expectUntouched(dir, before);
  });

  it('good shards, --out under a regular file: exit 2, one line naming the directory', async () => {
    const blocker = join(work, 'blocker');
    writeFileSync(blocker, 'x\n');
    const line = userError(await optbench(['merge', shard(1), shard(2), '--out', join(blocker, 'out')]));
    expect(line).toBe(`optbench: cannot create output directory ${join(blocker, 'out')}: ENOTDIR`);
  });
});

describe('a read-only output directory', () => {
  // Root writes through chmod 555, so this can only be tested as another user; a path under a regular file (above) is
  // the case every user can test.
  it.skipIf(process.getuid?.() === 0)('report --out <read-only dir>: exit 2, one line naming the directory', async () => {
    const { chmodSync } = await import('node:fs');
    const dir = join(work, 'read-only');
    cpSync(REPORT, dir, { recursive: true });
    const before = snapshot(dir);
    chmodSync(dir, 0o555);
    try {
      const line = userError(await optbench(['report', join(REPORT, 'results.json'), '--out', dir]));
      expect(line).toContain(dir);
    } finally {
      chmodSync(dir, 0o755);
    }
    expectUntouched(dir, before);
  });
});
