/**
 * Whether `fresh`, once the store has copied it (dropping keys that hold undefined), would be exactly `stored`:
 * the same values with the same keys in the same order. A writer that finds so can hand back what it read, and
 * the store then keeps that subtree shared instead of copying and comparing it on every write.
 */
export function storesAs(fresh: unknown, stored: unknown): boolean {
  if (fresh === stored) return true;
  if (fresh === null || stored === null || typeof fresh !== 'object' || typeof stored !== 'object') return false;
  if (Array.isArray(fresh)) {
    if (!Array.isArray(stored) || stored.length !== fresh.length) return false;
    for (let i = 0; i < fresh.length; i++) if (!storesAs(fresh[i], stored[i])) return false;
    return true;
  }
  if (Array.isArray(stored)) return false;
  const from = fresh as Record<string, unknown>;
  const was = stored as Record<string, unknown>;
  // Stored objects hold no undefined values; their keys must match fresh's defined keys one for one, in order.
  const storedKeys = Object.keys(was);
  let next = 0;
  for (const key in from) {
    const value = from[key];
    if (value === undefined) continue;
    if (storedKeys[next] !== key || !storesAs(value, was[key])) return false;
    next++;
  }
  return next === storedKeys.length;
}
