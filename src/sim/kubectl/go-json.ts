/**
 * encoding/json's Marshal (or, with `indent`, MarshalIndent) of decoded JSON such as kubectl's unstructured
 * objects: map keys in sorted order, and <, >, & and the JavaScript line separators escaped as \u003c and so on,
 * as Go's HTML-safe encoder writes them. `structOrder` keeps the order the value was built in, for a typed Go
 * object whose fields print in declaration order.
 */
export function goJson(value: unknown, options: { indent?: number; structOrder?: boolean } = {}): string {
  const data = options.structOrder ? value : sortKeys(value);
  return escapeHtml(options.indent ? JSON.stringify(data, null, options.indent) : JSON.stringify(data));
}

/** A copy of decoded JSON with every map's keys in sorted order, as Go iterates a map when it marshals one. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) sorted[key] = sortKeys(source[key]);
  return sorted;
}

const HTML_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function escapeHtml(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => HTML_ESCAPES[ch]);
}
