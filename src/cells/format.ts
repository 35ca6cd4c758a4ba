/** Renders console arguments the way a reader expects: strings as they are, other values pretty-printed. */
export function formatArgs(args: unknown[]): string {
  return args.map(formatValue).join(' ');
}

export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return String(value);
  const seen = new WeakSet<object>();
  try {
    return JSON.stringify(
      value,
      (_key, v: unknown) => {
        if (typeof v === 'object' && v !== null) {
          if (seen.has(v)) return '[Circular]';
          seen.add(v);
          if (v instanceof Map) return Object.fromEntries(v);
          if (v instanceof Set) return [...v];
        }
        if (typeof v === 'bigint') return `${v}n`;
        return v;
      },
      2,
    );
  } catch {
    return String(value);
  }
}
