import { createHash } from 'node:crypto';

/** A short stable identifier of a canonical string: the first 16 hex digits of its SHA-256. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
