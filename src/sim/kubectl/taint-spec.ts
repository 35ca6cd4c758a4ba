import type { Taint } from 'kubernetes-types/core/v1';
import { isQualifiedName, isValidLabelValue } from '../api/validation/names';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** The operation kubectl taint prints for a node (reorganizeTaints). */
export type TaintOperation = 'tainted' | 'untainted' | 'modified';

/** parseTaints: `key=value:Effect` or `key:Effect` to add, `key:Effect-` or `key-` to remove. */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } | { error: string } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const parsed = parseTaint(spec.slice(0, -1));
      if ('error' in parsed) return parsed;
      remove.push(parsed.effect ? { key: parsed.key, effect: parsed.effect } : ({ key: parsed.key } as Taint));
      continue;
    }
    const parsed = parseTaint(spec);
    if ('error' in parsed) return parsed;
    // The form `key` alone can remove a taint, never add one.
    if (!parsed.effect) return { error: `invalid taint spec: ${spec}` };
    if (add.some((t) => t.key === parsed.key && t.effect === parsed.effect)) {
      return {
        error: `duplicated taints with the same key and effect: {${parsed.key} ${parsed.value ?? ''} ${parsed.effect} <nil>}`,
      };
    }
    add.push(parsed);
  }
  return { add, remove };
}

/** parseTaint: `<key>=<value>:<effect>`, `<key>:<effect>` or `<key>`, with the key and value validated. */
function parseTaint(spec: string): Taint | { error: string } {
  const parts = spec.split(':');
  let key: string;
  let value: string | undefined;
  let effect: string | undefined;
  if (parts.length === 1) {
    key = parts[0];
  } else if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) return { error: `invalid taint effect: ${effect}, unsupported taint effect` };
    const kv = parts[0].split('=');
    if (kv.length > 2) return { error: `invalid taint spec: ${spec}` };
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length > 0) return { error: `invalid taint spec: ${spec}, ${errs.join('; ')}` };
    }
  } else {
    return { error: `invalid taint spec: ${spec}` };
  }
  const errs = isQualifiedName(key);
  if (errs.length > 0) return { error: `invalid taint spec: ${spec}, ${errs.join('; ')}` };
  // Taint's effect is required when adding; a taint to remove may name only its key.
  const taint = { key } as Taint;
  if (value) taint.value = value;
  if (effect) taint.effect = effect;
  return taint;
}

/** Taint.ToString: `key=value:effect`, leaving out what is empty. */
export function taintString(t: Partial<Taint>): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : `${t.key}`;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** Validate's check: a taint cannot be both added and removed (same key, and the same effect or none). */
export function conflicts(add: Taint[], remove: Taint[]): string[] {
  const out: string[] = [];
  for (const a of add) {
    for (const r of remove) {
      if (a.key === r.key && (!r.effect || a.effect === r.effect)) out.push(`{"${r.key}":"${r.effect ?? ''}"}`);
    }
  }
  return out;
}

/** checkIfTaintsAlreadyExists: the keys of added taints the node already has with the same effect. */
export function alreadyPresent(existing: Taint[], add: Taint[]): string {
  const keys: string[] = [];
  for (const a of add) for (const e of existing) if (a.key === e.key && a.effect === e.effect) keys.push(a.key);
  return keys.join(',');
}

/**
 * reorganizeTaints: the new taints first, then the old ones they do not replace, less the removed ones; the
 * operation says what happened (`modified` whenever --overwrite is given). Removing a taint the node does not
 * have is an error.
 */
export function reorganizeTaints(
  existing: Taint[],
  overwrite: boolean,
  add: Taint[],
  remove: Taint[],
): { operation: TaintOperation; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const old of existing) {
    if (!taints.some((t) => t.key === old.key && t.effect === old.effect)) taints.push(old);
  }
  const added = existing.length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    removed = taints.length !== before;
    if (!removed) errors.push(`taint "${taintString(r)}" not found`);
  }
  const operation: TaintOperation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}
