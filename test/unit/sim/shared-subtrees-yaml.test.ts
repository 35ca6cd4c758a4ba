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
    for (const name of names) assert.deepEqual(parentNameAndOrdinal({ metadata: { name } }), byRegex(name), name);
  });
});
