/**
 * `kubectl get --sort-by=<jsonpath>`: orders the listed objects by one field, numbers by value and everything
 * else as text (RFC 3339 timestamps sort in time order that way). The sort is stable, so objects with equal keys
 * keep the server's order, as kubectl's sort.Stable does; objects without the field, or with it null (the
 * lastTimestamp of an events.k8s.io Event), come first.
 */
import type { KubeObject, Stored } from '../api/meta';
import { jsonPathValues } from './jsonpath';

/** RuntimeSort's Less (kubectl pkg/cmd/get/sorter.go), for the value kinds API objects hold. */
function isLess(a: unknown, b: unknown): boolean {
  // A missing field and a nil interface both sort before any value, and neither before the other.
  if (a === undefined || a === null || b === undefined || b === null) {
    return (a === undefined || a === null) && b !== undefined && b !== null;
  }
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  return String(a) < String(b);
}

export function sortObjects(objects: Stored<KubeObject>[], field: string): Stored<KubeObject>[] {
  const keyed = objects.map((object, index) => ({ object, index, key: jsonPathValues(field, object)[0] }));
  keyed.sort((x, y) => (isLess(x.key, y.key) ? -1 : isLess(y.key, x.key) ? 1 : x.index - y.index));
  return keyed.map((k) => k.object);
}
