/** resource.Quantity, reduced to what storage sizes need: "1Gi", "500Mi", "10G", "1.5Gi", "1073741824". */
const SUFFIXES: Record<string, number> = {
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
  m: 1e-3,
};

/** The quantity in bytes, or undefined when the text is not a quantity. */
export function parseQuantity(text: string | number | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'number') return text;
  const match = /^([+-]?[0-9]+(?:\.[0-9]*)?|[+-]?\.[0-9]+)([a-zA-Z]*)$/.exec(text.trim());
  if (!match || !(match[2] in SUFFIXES)) return undefined;
  return Number(match[1]) * SUFFIXES[match[2]];
}
