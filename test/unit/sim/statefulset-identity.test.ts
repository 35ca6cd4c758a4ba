import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { identityMatches } from '../../../src/sim/controllers/statefulset/statefulset-utils';

/** identityMatches as the controller states it: each field against what the set would give the ordinal. */
function byDefinition(set: StatefulSet, pod: Pod): boolean {
  const match = /^(.*)-([0-9]+)$/.exec(pod.metadata?.name ?? '');
  if (!match) return false;
  const ordinal = Number(match[2]);
  const name = `${set.metadata?.name}-${ordinal}`;
  return (
    match[1] === set.metadata?.name &&
    pod.metadata?.name === name &&
    pod.metadata?.namespace === set.metadata?.namespace &&
    pod.metadata?.labels?.['statefulset.kubernetes.io/pod-name'] === name &&
    pod.metadata?.labels?.['apps.kubernetes.io/pod-index'] === String(ordinal) &&
    pod.spec?.hostname === name &&
    (pod.spec?.subdomain ?? '') === (set.spec?.serviceName ?? '')
  );
}

describe('identityMatches', () => {
  const set: StatefulSet = {
    metadata: { name: 'web', namespace: 'default' },
    spec: { serviceName: 'nginx', selector: {}, template: {} },
  };
  const pod = (name: string, index: string, edit: (p: Pod) => void = () => {}): Pod => {
    const p: Pod = {
      metadata: {
        name,
        namespace: 'default',
        labels: { 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': index },
      },
      spec: { containers: [], hostname: name, subdomain: 'nginx' },
    };
    edit(p);
    return p;
  };
  const cases: Array<[string, Pod, boolean]> = [
    ['the set gave it', pod('web-3', '3'), true],
    ['ordinal 0', pod('web-0', '0'), true],
    ['a two-digit ordinal', pod('web-12', '12'), true],
    ['a leading zero in the name', pod('web-03', '3'), false],
    ['a leading zero in the index label', pod('web-3', '03'), false],
    ['another index label', pod('web-3', '4'), false],
    ['an index label that is the tail of the ordinal', pod('web-13', '3'), false],
    ['another set', pod('web2-3', '3'), false],
    ['a set named like the tail', pod('aweb-3', '3'), false],
    ['no ordinal', pod('web', '0'), false],
    ['no index label', pod('web-3', '3', (p) => delete p.metadata?.labels?.['apps.kubernetes.io/pod-index']), false],
    ['another namespace', pod('web-3', '3', (p) => (p.metadata = { ...p.metadata, namespace: 'x' })), false],
    [
      'another hostname',
      pod('web-3', '3', (p) => (p.spec = { containers: [], hostname: 'web-4', subdomain: 'nginx' })),
      false,
    ],
    ['another subdomain', pod('web-3', '3', (p) => (p.spec = { containers: [], hostname: 'web-3' })), false],
  ];
  for (const [name, p, want] of cases) {
    it(`${want ? 'matches' : 'does not match'}: ${name}`, () => {
      assert.equal(identityMatches(set, p), want);
      assert.equal(byDefinition(set, p), want);
    });
  }
});
