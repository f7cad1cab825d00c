import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../src/stats/hash.ts';

// Reference values: FNV-1a 32-bit test vectors from the FNV reference code (Noll, test_fnv.c):
//   "" → 0x811c9dc5 (the offset basis), "a" → 0xe40c292c, "foobar" → 0xbf9cf968.

describe('fnv1a32', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to the reference value', (text, expected) => {
    expect(fnv1a32(text)).toBe(expected);
  });

  it('hashes the UTF-8 bytes, not UTF-16 code units', () => {
    // "é" is U+00E9 = bytes C3 A9. By hand: h = 0x811c9dc5 ^ 0xc3, ·16777619; then ^ 0xa9, ·16777619 (mod 2³²)
    // = 0x1e9de8c1 (also Python: h = ((h ^ b) * 0x01000193) & 0xffffffff over 'é'.encode()).
    // Hashing the single code unit 0xe9 instead would give a one-step hash.
    expect(fnv1a32('é')).toBe(0x1e9de8c1);
  });

  it('returns an unsigned 32-bit integer', () => {
    for (const text of ['x', 'q/sgd/const/lr=0.1', '∑']) {
      const h = fnv1a32(text);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });
});
