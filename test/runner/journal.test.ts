import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OptbenchError } from '../../src/core/errors.ts';
import { Journal } from '../../src/runner/journal.ts';
import { trial } from '../stats/fixtures.ts';

/** The resume journal: a header line naming suite and plan, then one JSON line per finished trial. */

const dir = mkdtempSync(join(tmpdir(), 'optbench-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
const fresh = () => join(dir, `journal-${++count}.jsonl`);
const A = trial('c1', 0, { finalGap: 0.5 });
const B = trial('c1', 1, { finalGap: 0.25 });
const C = trial('c2', 0, { finalGap: 0.125, stepsToTarget: [3, null] });

/** A journal of suite "s", plan "p" holding A and B, as an interrupted run leaves it. */
async function written(): Promise<string> {
  const file = fresh();
  const journal = Journal.open(file, 's', 'p', [A]);
  journal.append([B]);
  await journal.close();
  return file;
}

function errorOf(fn: () => unknown): OptbenchError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(OptbenchError);
    return error as OptbenchError;
  }
  throw new Error('expected an OptbenchError');
}

describe('Journal', () => {
  it('open writes the header, then the kept trials; append adds one line per trial', async () => {
    const file = await written();
    expect(readFileSync(file, 'utf8')).toBe(`{"journal":1,"suite":"s","plan":"p"}\n${JSON.stringify(A)}\n${JSON.stringify(B)}\n`);
  });

  it('read returns the recorded trials by id, numbers exactly as written', async () => {
    const done = Journal.read(await written(), 's', 'p');
    expect([...done.keys()]).toEqual([A.id, B.id]);
    expect(done.get(A.id)).toEqual(A);
    expect(done.get(B.id)).toEqual(B);
  });

  it('read of a journal that does not exist, or is empty, is nothing done', () => {
    expect(Journal.read(join(dir, 'none.jsonl'), 's', 'p').size).toBe(0);
    const empty = fresh();
    writeFileSync(empty, '');
    expect(Journal.read(empty, 's', 'p').size).toBe(0);
  });

  it('a last line cut short (killed while writing) is ignored: that trial runs again', async () => {
    const file = await written();
    appendFileSync(file, JSON.stringify(C).slice(0, 40));
    expect([...Journal.read(file, 's', 'p').keys()]).toEqual([A.id, B.id]);
  });

  it('a corrupt line before the last is an error naming the file and the line', () => {
    const file = fresh();
    writeFileSync(file, `{"journal":1,"suite":"s","plan":"p"}\n${JSON.stringify(A)}\n${JSON.stringify(B).slice(0, 30)}\n${JSON.stringify(C)}\n`);
    expect(errorOf(() => Journal.read(file, 's', 'p')).message).toBe(`${file}: line 3 is corrupt; delete the journal to start over`);
  });

  it('a journal of another suite or plan is refused, naming the file', async () => {
    const file = await written();
    const message = `${file}: journal of another plan (the suite or its options changed); run without --resume to start over`;
    expect(errorOf(() => Journal.read(file, 's', 'other')).message).toBe(message);
    expect(errorOf(() => Journal.read(file, 'other', 'p')).message).toBe(message);
  });

  it('a file that is not a journal is refused, naming the file', () => {
    const file = fresh();
    writeFileSync(file, 'hello\n');
    expect(errorOf(() => Journal.read(file, 's', 'p')).message).toBe(`${file}: not an optbench journal (unreadable first line); delete it to start over`);
  });

  it('resuming rewrites the journal from what was kept (the cut-short line is gone), then appends', async () => {
    const file = await written();
    appendFileSync(file, JSON.stringify(C).slice(0, 40));
    const kept = Journal.read(file, 's', 'p');
    const journal = Journal.open(file, 's', 'p', kept.values());
    journal.append([C]);
    await journal.close();
    expect([...Journal.read(file, 's', 'p').values()]).toEqual([A, B, C]);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(5); // header, A, B, C, and the final newline
  });

  it('remove closes and deletes the journal', async () => {
    const file = fresh();
    const journal = Journal.open(file, 's', 'p', []);
    await journal.remove();
    expect(existsSync(file)).toBe(false);
    await journal.close(); // closing twice is harmless
  });

  it('a journal that cannot be written is a user error naming the file', () => {
    const file = join(dir, 'no-such-dir', 'j.jsonl');
    expect(errorOf(() => Journal.open(file, 's', 'p', [])).message).toBe(`cannot write journal ${file}: ENOENT`);
  });
});
