/**
 * resource.Quantity as the apiserver stores it: parsed (ParseQuantity) and written back in canonical form
 * (CanonicalizeBytes), so `cpu: 0.5` is stored as "500m", `memory: 1024Mi` as "1Gi" and `1.5Gi` as "1536Mi".
 */

/** ErrFormatWrong, the message a malformed quantity gets. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** ErrSuffix */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const TEN = BigInt(10);
const ZERO = BigInt(0);
const KIBI = BigInt(1024);

/** A quantity's exact value, sign × mantissa × 10^exponent, and the format its suffix asked for. */
interface Parsed {
  negative: boolean;
  mantissa: bigint;
  exponent: number;
  format: Format;
}

/** The canonical text of a quantity (a string, or a number from YAML), or an Error with ParseQuantity's message. */
export function canonicalQuantity(value: string | number): string | Error {
  const parsed = parse(typeof value === 'number' ? String(value) : value);
  if (parsed instanceof Error) return parsed;
  return format(roundUpToNano(parsed));
}

/** parseQuantityString and the suffix lookup. */
function parse(text: string): Parsed | Error {
  const match = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*)([-+]?[0-9]*)$/.exec(text);
  if (text === '' || !match || (match[2] === '' && match[3] === undefined)) return new Error(QUANTITY_FORMAT_ERROR);
  const [, sign, whole, fraction = '', letters, exponentDigits] = match;
  const digits = `${whole}${fraction}`.replace(/^0+/, '') || '0';
  let mantissa = BigInt(digits);
  let exponent = -fraction.length;
  let format: Format;
  const suffix = letters + exponentDigits;
  if (suffix in DECIMAL_SUFFIXES) {
    format = 'DecimalSI';
    exponent += DECIMAL_SUFFIXES[suffix];
  } else if (BINARY_SUFFIXES.includes(suffix)) {
    format = 'BinarySI';
    mantissa *= KIBI ** BigInt(BINARY_SUFFIXES.indexOf(suffix));
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    format = 'DecimalExponent';
    exponent += Number(suffix.slice(1));
  } else {
    return new Error(QUANTITY_SUFFIX_ERROR);
  }
  return { negative: sign === '-' && mantissa !== ZERO, mantissa, exponent, format };
}

/** Precision beyond nano rounds away from zero, so a tiny request still asks for something. */
function roundUpToNano(q: Parsed): Parsed {
  if (q.exponent >= -9) return q;
  const divisor = TEN ** BigInt(-9 - q.exponent);
  const mantissa = (q.mantissa + divisor - BigInt(1)) / divisor;
  return { ...q, mantissa, exponent: -9 };
}

/** CanonicalizeBytes */
function format(q: Parsed): string {
  const sign = q.negative ? '-' : '';
  if (q.format === 'BinarySI') {
    const integer = q.exponent >= 0 ? q.mantissa * TEN ** BigInt(q.exponent) : undefined;
    const exact = q.exponent >= 0 || q.mantissa % TEN ** BigInt(-q.exponent) === ZERO;
    const whole = integer ?? (exact ? q.mantissa / TEN ** BigInt(-q.exponent) : undefined);
    // Below 1024, or with a fraction, binary suffixes would round: it prints as DecimalSI instead.
    if (whole !== undefined && whole >= KIBI) {
      let amount = whole;
      let power = 0;
      while (amount % KIBI === ZERO && power < BINARY_SUFFIXES.length - 1) {
        amount /= KIBI;
        power++;
      }
      return `${sign}${amount}${BINARY_SUFFIXES[power]}`;
    }
    return decimal(sign, q.mantissa, q.exponent, 'DecimalSI');
  }
  return decimal(sign, q.mantissa, q.exponent, q.format);
}

/** AsCanonicalBytes: trailing zeros taken into the exponent, which then steps down to a multiple of 3. */
function decimal(sign: string, mantissa: bigint, exponent: number, fmt: Format): string {
  if (mantissa === ZERO) return '0';
  let amount = mantissa;
  let exp = exponent;
  while (amount % TEN === ZERO) {
    amount /= TEN;
    exp++;
  }
  const rest = ((exp % 3) + 3) % 3;
  amount *= TEN ** BigInt(rest);
  exp -= rest;
  if (fmt === 'DecimalExponent') return `${sign}${amount}${exp === 0 ? '' : `e${exp}`}`;
  const suffix = Object.keys(DECIMAL_SUFFIXES).find((s) => DECIMAL_SUFFIXES[s] === exp);
  return `${sign}${amount}${suffix ?? `e${exp}`}`;
}
