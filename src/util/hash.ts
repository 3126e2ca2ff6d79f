/** A stable hash of bytes for naming things by their content; not a cryptographic digest. */

/** The 32-bit FNV-1a hash of `bytes`, as 8 hexadecimal digits. */
export function contentHash(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
