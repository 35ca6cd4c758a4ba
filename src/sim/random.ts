/**
 * Seeded randomness. Every random choice (name suffixes, pod IPs, image pull times) draws from one generator, so a
 * seed fixes the whole run.
 */

/** The alphabet apimachinery's rand.String and SafeEncodeString use: no vowels, no look-alike characters. */
export const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

const HEX_DIGITS = '0123456789abcdef';

export class SeededRandom {
  private state: number;
  /** The characters of the uuid being drawn; the fixed ones never change, the drawn ones are all overwritten. */
  private readonly uuidCodes = UUID_TEMPLATE.slice();

  constructor(seed: number) {
    // mulberry32 needs a non-zero 32-bit state; mix the seed so nearby seeds diverge quickly.
    this.state = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 0x6d2b79f5;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** rand.String(n) from apimachinery: n characters of SAFE_ALPHANUMS. */
  suffix(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += SAFE_ALPHANUMS[Math.floor(this.next() * SAFE_ALPHANUMS.length)];
    return out;
  }

  /**
   * A version-4-shaped UUID, as the apiserver assigns to metadata.uid: the variant digit is drawn first, then the
   * hex digits left to right. Built from character codes, since every stored object and Event needs one.
   */
  uuid(): string {
    const codes = this.uuidCodes;
    codes[UUID_VARIANT_AT] = VARIANT_CODES[Math.floor(this.next() * 4)];
    for (let i = 0; i < UUID_HEX_AT.length; i++) codes[UUID_HEX_AT[i]] = HEX_CODES[Math.floor(this.next() * 16)];
    return String.fromCharCode.apply(null, codes);
  }
}

const HEX_CODES = Array.from(HEX_DIGITS, (c) => c.charCodeAt(0));
const VARIANT_CODES = Array.from('89ab', (c) => c.charCodeAt(0));
/** xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx: the fixed characters, with the drawn positions to fill in. */
const UUID_TEMPLATE = Array.from('00000000-0000-4000-0000-000000000000', (c) => c.charCodeAt(0));
const UUID_VARIANT_AT = 19;
const UUID_HEX_AT = [...UUID_TEMPLATE.keys()].filter((i) => i !== UUID_VARIANT_AT && UUID_TEMPLATE[i] === 48);

/** SafeEncodeString from apimachinery's rand package: maps each byte onto SAFE_ALPHANUMS. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHANUMS[s.charCodeAt(i) % SAFE_ALPHANUMS.length];
  return out;
}

/** 32-bit FNV-1a over a string's UTF-16 code units (ASCII input in practice). */
export function fnv32a(s: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    hash ^= s.charCodeAt(i) & 0xff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The hash kubernetes puts in pod-template-hash and controller-revision-hash: SafeEncodeString(fnv32a). */
export function computeHash(canonicalJson: string, collisionCount = 0): string {
  return safeEncodeString(String(fnv32a(collisionCount > 0 ? canonicalJson + String(collisionCount) : canonicalJson)));
}
