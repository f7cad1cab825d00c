import { OptbenchError } from '../core/errors.ts';

/** A run stopped by a signal: finished trials are in the journal and `--resume` continues. */
export class Interrupted extends OptbenchError {
  override name = 'Interrupted';
  constructor(
    readonly signal: string,
    readonly saved: number,
  ) {
    super(`interrupted by ${signal}`);
  }
}
