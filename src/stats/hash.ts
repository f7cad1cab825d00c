const encoder = new TextEncoder();

/**
 * 32-bit FNV-1a of the UTF-8 bytes of `text` (Fowler–Noll–Vo; offset basis 2166136261, prime 16777619):
 * h ← 2166136261;  for each byte b: h ← (h XOR b) · 16777619 mod 2³².  Returns an unsigned integer.
 * Stable across platforms: used for per-config bootstrap seeds and for assigning trials to shards.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
