/**
 * A mistake in what the user asked for: a bad name, value, file or flag.
 * The CLI prints its message as one line and exits 2; anything else is a bug and keeps its stack.
 */
export class OptbenchError extends Error {
  override name = 'OptbenchError';
}

/** Formats a value for an error message: strings quoted, numbers as JavaScript prints them. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
