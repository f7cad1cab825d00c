import { expect } from 'vitest';
import { OptbenchError } from '../src/core/errors.ts';

function oneLine(error: unknown): string {
  expect(error).toBeInstanceOf(OptbenchError);
  const text = (error as Error).message;
  expect(text).not.toContain('\n');
  return text;
}

/** The message of the user error `run` throws, checked to be an OptbenchError on one line (what the CLI prints). */
export function userError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return oneLine(error);
  }
  throw new Error('accepted: no error was thrown');
}

/** userError for a promise. */
export async function userErrorAsync(run: () => Promise<unknown>): Promise<string> {
  return oneLine(await run().then(() => new Error('accepted: no error was thrown'), (e: unknown) => e));
}
