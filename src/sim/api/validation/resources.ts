import type { ResourceRequirements } from 'kubernetes-types/core/v1';
import type { FieldError } from '../errors';
import { parseQuantity } from '../quantity';
import { child, invalidField, key } from './field';

/** IsOvercommitAllowed: native resources (no domain, or a kubernetes.io one) other than huge pages. */
function overcommitAllowed(name: string): boolean {
  const slash = name.indexOf('/');
  const native = slash < 0 || name.slice(0, slash).endsWith('kubernetes.io');
  return native && !name.startsWith('hugepages-');
}

/**
 * ValidateResourceRequirements (the quantity rules): no limit or request below zero, and no request above its limit,
 * or, for a resource that cannot be overcommitted, other than its limit. Quantities are canonical strings already.
 */
export function validateResourceRequirements(resources: ResourceRequirements | undefined, path: string): FieldError[] {
  // Most containers ask for nothing: no maps to walk on the pod-create path.
  if (!resources?.limits && !resources?.requests) return [];
  const errs: FieldError[] = [];
  const limits = resources?.limits ?? {};
  const requests = resources?.requests ?? {};
  const negative = (value: string, at: string): void => {
    if ((parseQuantity(value) ?? 0) < 0) errs.push(invalidField(at, value, 'must be greater than or equal to 0'));
  };
  for (const [name, value] of Object.entries(limits)) negative(String(value), key(child(path, 'limits'), name));
  const requestsPath = child(path, 'requests');
  for (const [name, value] of Object.entries(requests)) {
    const text = String(value);
    negative(text, key(requestsPath, name));
    const limit = limits[name];
    if (limit === undefined) continue;
    const request = parseQuantity(text) ?? 0;
    const bound = parseQuantity(limit) ?? 0;
    if (request !== bound && !overcommitAllowed(name)) {
      errs.push(invalidField(requestsPath, text, `must be equal to ${name} limit of ${String(limit)}`));
    } else if (request > bound) {
      errs.push(invalidField(requestsPath, text, `must be less than or equal to ${name} limit of ${String(limit)}`));
    }
  }
  return errs;
}
