/** resource.Quantity's suffixes: binary (Ki…Ei), decimal SI (n…E), or none. */
const SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/**
 * A resource.Quantity's value in base units ("500m" → 0.5 CPU, "1Gi" → 1073741824 bytes, "1e3" → 1000), or
 * undefined when the text is not a quantity.
 */
export function parseQuantity(text: string | number | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'number') return text;
  const match = /^([+-]?[0-9]+(?:\.[0-9]*)?|[+-]?\.[0-9]+)(?:[eE]([+-]?[0-9]+)|([a-zA-Z]*))$/.exec(text.trim());
  if (!match) return undefined;
  if (match[2] !== undefined) return Number(match[1]) * 10 ** Number(match[2]);
  const suffix = match[3] ?? '';
  return suffix in SUFFIXES ? Number(match[1]) * SUFFIXES[suffix] : undefined;
}
