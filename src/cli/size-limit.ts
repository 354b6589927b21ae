/** The default --max-size: 64 MiB, far above any real page, far below what would exhaust memory. */
export const DEFAULT_MAX_SIZE = 64 * 1024 * 1024;

const UNITS: Readonly<Record<string, number>> = { '': 1, B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/**
 * Reads a --max-size value: bytes (`1000000`) or a number with a binary unit (`500K`, `64M`, `1G`, also `64MB`,
 * `64MiB`, any case). Returns null when the text is not such a size, or is zero.
 */
export function parseSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgb]?)(?:i?b)?\s*$/i.exec(text);
  if (!match) return null;
  const bytes = Math.floor(Number(match[1]) * UNITS[match[2]!.toUpperCase()]!);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

/** A size as --max-size writes it: `64M`, `500K`, or bytes when no unit divides it. */
export function formatSize(bytes: number): string {
  for (const unit of ['G', 'M', 'K'] as const)
    if (bytes >= UNITS[unit]! && bytes % UNITS[unit]! === 0) return `${bytes / UNITS[unit]!}${unit}`;
  return `${bytes} bytes`;
}
