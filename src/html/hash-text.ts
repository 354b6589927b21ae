const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A short, stable fingerprint of a text: 32-bit FNV-1a over its UTF-16 code units (for ASCII the same as FNV-1a over
 * the bytes), written in base 36. Not for security: it only keeps the ids of different inputs apart.
 */
export function hashText(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return (hash >>> 0).toString(36);
}
