/**
 * Shell-style word splitting (single and double quotes, backslash escapes) and kubectl's flag syntax.
 */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]))
        current += line[++i];
      else current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      current += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unterminated quote in: ${line}`);
  if (inWord) words.push(current);
  return words;
}

export interface ParsedArgs {
  positional: string[];
  /** Flag values by long name; repeated flags keep every value. */
  flags: Map<string, string[]>;
  /** Every flag as given, in order, by long name (what pflag's ParseAll visits). */
  order?: Array<{ name: string; value: string }>;
  /** The command words a dispatcher took off before parsing ("set", "autoscale"), for --record. */
  command?: string[];
  /** The file the targets were read from (-f), as errors name it. */
  source?: string;
}

/** Which flags take a value and what their short forms are. Boolean flags may still be written --flag=false. */
export interface FlagSpec {
  valued: Record<string, string | undefined>; // long name → short alias
  boolean: Record<string, string | undefined>;
}

export class FlagError extends Error {}

/** Parses kubectl-style flags: --name=value, --name value, -n value, -nvalue, boolean --force. */
export function parseArgs(words: string[], spec: FlagSpec): ParsedArgs {
  const shortToLong = new Map<string, string>();
  for (const [long, short] of [...Object.entries(spec.valued), ...Object.entries(spec.boolean)]) {
    if (short) shortToLong.set(short, long);
  }
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const order: Array<{ name: string; value: string }> = [];
  const put = (name: string, value: string): void => {
    const list = flags.get(name) ?? [];
    list.push(value);
    flags.set(name, list);
    order.push({ name, value });
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '--') {
      positional.push(...words.slice(i + 1));
      break;
    }
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq >= 0 ? word.slice(2, eq) : word.slice(2);
      if (name in spec.valued) {
        if (eq >= 0) put(name, word.slice(eq + 1));
        else if (i + 1 < words.length) put(name, words[++i]);
        else throw new FlagError(`flag needs an argument: --${name}`);
      } else if (name in spec.boolean) {
        put(name, eq >= 0 ? word.slice(eq + 1) : 'true');
      } else {
        throw new FlagError(`unknown flag: --${name}`);
      }
    } else if (word.startsWith('-') && word.length > 1) {
      // pflag's shorthand bundles: "-it" is -i -t; a flag that takes a value ends the bundle ("-nshop").
      for (let j = 1; j < word.length; j++) {
        const short = word[j];
        const long = shortToLong.get(short);
        if (!long) throw new FlagError(`unknown shorthand flag: '${short}' in ${word}`);
        if (long in spec.valued) {
          let value = word.slice(j + 1);
          if (value.startsWith('=')) value = value.slice(1);
          if (value === '') {
            if (i + 1 >= words.length) throw new FlagError(`flag needs an argument: '${short}' in -${short}`);
            value = words[++i];
          }
          put(long, value);
          break;
        }
        if (word[j + 1] === '=') {
          put(long, word.slice(j + 2));
          break;
        }
        put(long, 'true');
      }
    } else {
      positional.push(word);
    }
  }
  return { positional, flags, order };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const values = args.flags.get(name);
  return values ? values[values.length - 1] : undefined;
}

export function boolFlag(args: ParsedArgs, name: string): boolean {
  const v = flag(args, name);
  return v !== undefined && v !== 'false';
}
