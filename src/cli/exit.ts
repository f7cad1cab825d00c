/** Exit codes: 0 success, 1 a failed check (regression) or a bug, 2 bad input or usage, 128 + n after signal n. */
export const EXIT = { ok: 0, failed: 1, bug: 1, badInput: 2, sigint: 130, sigterm: 143 } as const;
