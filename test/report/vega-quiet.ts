import { afterEach, beforeEach, expect, type MockInstance, vi } from 'vitest';

/**
 * In the calling describe block, fails every test in which something logged to console.warn or console.error:
 * Vega and Vega-Lite report spec problems (bad domains, unknown fields) there and render anyway.
 */
export function expectVegaQuiet(): void {
  let warn: MockInstance;
  let error: MockInstance;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn');
    error = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
}
