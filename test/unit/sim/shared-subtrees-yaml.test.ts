import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';
import { toYaml } from '../../../src/sim/kubectl/get';
import { parentNameAndOrdinal } from '../../../src/sim/controllers/statefulset/statefulset-utils';
import { webManifest } from './fixtures-web';

describe('objects that share parts', () => {
  it('print in full in YAML, with no anchors or aliases', () => {
    const source = { component: 'kubelet', host: 'node-1' };
    const out = toYaml({ items: [{ source }, { source }] });
    assert.doesNotMatch(out, /[&*]a\d/);
    assert.equal(out.split('component: kubelet').length, 3);
  });

  it('Events of one source print their source in full in kubectl get -o yaml', () => {
    const cluster = new Cluster({ seed: 3 });
    cluster.apply(webManifest({ replicas: 2 }));
    cluster.settle();
    const events = cluster.kubectl('get events -o yaml');
    assert.doesNotMatch(events, /[&*]a\d/);
    assert.ok(events.split('component: statefulset-controller').length > 2);
  });
});

describe("kubectl's YAML quoting", () => {
  // go-yaml v2 quotes a string that a YAML 1.1 reader would resolve to another type.
  const cases: Array<{ value: string; line: string }> = [
    { value: '2026-01-01T00:00:00Z', line: 'v: "2026-01-01T00:00:00Z"' },
    { value: '2026-01-01T00:00:03.000000Z', line: 'v: "2026-01-01T00:00:03.000000Z"' },
    { value: 'yes', line: 'v: "yes"' },
    { value: 'off', line: 'v: "off"' },
    { value: 'true', line: 'v: "true"' },
    { value: '3600', line: 'v: "3600"' },
    { value: '', line: 'v: ""' },
    { value: 'nginx:1.16.1', line: 'v: nginx:1.16.1' },
    { value: '80-8080', line: 'v: 80-8080' },
    { value: 'RollingUpdate', line: 'v: RollingUpdate' },
  ];
  for (const c of cases) it(JSON.stringify(c.value), () => assert.equal(toYaml({ v: c.value }), `${c.line}\n`));

  it('quotes a map key such as "y" too', () => assert.equal(toYaml({ y: 1 }), '"y": 1\n'));

  it('quotes timestamps in kubectl get -o yaml', () => {
    const cluster = new Cluster({ seed: 3 });
    cluster.apply(webManifest({ replicas: 1 }));
    cluster.settle();
    const out = cluster.kubectl('get pod web-0 -o yaml');
    assert.match(out, /\n {2}creationTimestamp: "2026-01-01T00:00:00Z"\n/);
    assert.match(out, /\n {4}lastTransitionTime: "2026-01-01T00:00:\d\dZ"\n/);
    assert.doesNotMatch(out, /Time: 20/);
  });
});

describe('parentNameAndOrdinal', () => {
  const regex = /^(.*)-([0-9]+)$/;
  function byRegex(name: string): { parent: string; ordinal: number } {
    const match = regex.exec(name);
    if (!match) return { parent: '', ordinal: -1 };
    const ordinal = Number(match[2]);
    return Number.isSafeInteger(ordinal) ? { parent: match[1], ordinal } : { parent: '', ordinal: -1 };
  }

  it('gives what ^(.*)-([0-9]+)$ gives', () => {
    const names = [
      'web-0',
      'web-12',
      'web-01',
      'a-b-3',
      'web-',
      'web',
      '-1',
      'web--1',
      'web-1x',
      'x\n-1',
      'web-99999999999999999999',
      '',
    ];
    for (const name of names) {
      const { parent, ordinal } = parentNameAndOrdinal({ metadata: { name } });
      assert.deepEqual({ parent, ordinal }, byRegex(name), name);
    }
  });

  it('tells a name that is exactly "<parent>-<ordinal>" (no leading zero)', () => {
    const names = ['web-0', 'web-12', 'web-01', 'web-00', 'web-10', 'a-b-3', 'web-', 'web'];
    for (const name of names) {
      // Asked twice in a row, as the controller does: the answer is the same.
      for (let i = 0; i < 2; i++) {
        const { parent, ordinal, canonical } = parentNameAndOrdinal({ metadata: { name } });
        assert.equal(canonical, ordinal >= 0 && name === `${parent}-${ordinal}`, name);
      }
    }
  });
});
