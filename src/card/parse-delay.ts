/** A delay attribute as milliseconds: finite and not negative, else the default. */
export function parseDelay(value: unknown, fallback: number): number {
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) && number >= 0 ? number : fallback;
}
