export { formatSelector } from '../api/label-selector-text';

/** labels.FormatLabels: "k=v" pairs sorted by key, joined with commas; <none> when there are none. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}
