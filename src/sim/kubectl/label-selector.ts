import type { LabelSelector } from 'kubernetes-types/meta/v1';

export class SelectorError extends Error {}

/**
 * Parses the label-selector syntax of `-l`: `app=nginx`, `app==nginx`, `tier!=db`, `env in (a,b)`,
 * `env notin (a)`, `app`, `!app`.
 */
export function parseLabelSelector(text: string): LabelSelector {
  const selector: LabelSelector = { matchLabels: {}, matchExpressions: [] };
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '' || parts.length > 0) parts.push(current);
  for (const raw of parts) {
    const part = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part))) {
      selector.matchExpressions?.push({
        key: m[1],
        operator: m[2] === 'in' ? 'In' : 'NotIn',
        values: m[3]
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      });
    } else if ((m = /^([\w./-]+)\s*!=\s*([\w./-]*)$/.exec(part))) {
      selector.matchExpressions?.push({ key: m[1], operator: 'NotIn', values: [m[2]] });
    } else if ((m = /^([\w./-]+)\s*==?\s*([\w./-]*)$/.exec(part))) {
      (selector.matchLabels as Record<string, string>)[m[1]] = m[2];
    } else if ((m = /^!([\w./-]+)$/.exec(part))) {
      selector.matchExpressions?.push({ key: m[1], operator: 'DoesNotExist' });
    } else if ((m = /^([\w./-]+)$/.exec(part))) {
      selector.matchExpressions?.push({ key: m[1], operator: 'Exists' });
    } else {
      throw new SelectorError(`error: unable to parse requirement: found '${part}', expected: identifier`);
    }
  }
  return selector;
}

/** The label-spec parser of kubectl run and expose: "a=b,c=d", equality only, into a map; an error message else. */
export function parseLabelSpec(text: string): Record<string, string> | string {
  const labels: Record<string, string> = {};
  for (const spec of text.split(',')) {
    const parts = spec.split('=');
    if (parts.length !== 2) return `unexpected label spec: ${spec}`;
    if (parts[0] === '') return 'unexpected empty label key';
    labels[parts[0]] = parts[1];
  }
  return labels;
}
