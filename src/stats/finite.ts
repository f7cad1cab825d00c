/**
 * Throws when a sample holds a non-finite number. Results store non-finite metrics as null and the
 * statistics layer filters nulls out, so a NaN or ±Infinity reaching here is a bug, not a user error.
 */
export function assertFinite(values: ArrayLike<number>, where: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new Error(`${where}: expected finite numbers, got ${values[i]} at index ${i}`);
    }
  }
}
