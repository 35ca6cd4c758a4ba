import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { copyForWrite } from '../../../src/sim/api/share';
import { equalIgnoreHash } from '../../../src/sim/controllers/deployment/deployment-util';

const HASH = 'pod-template-hash';
const spec = { containers: [{ name: 'nginx', image: 'nginx:1.27' }] };

describe('equalIgnoreHash (EqualIgnoreHash)', () => {
  const cases: { name: string; a: PodTemplateSpec | undefined; b: PodTemplateSpec | undefined; want: boolean }[] = [
    {
      name: 'the hash label alone differs',
      a: { metadata: { labels: { app: 'web', [HASH]: '5d4f' } }, spec },
      b: { metadata: { labels: { app: 'web' } }, spec },
      want: true,
    },
    {
      name: 'only the hash label, against no labels',
      a: { metadata: { labels: { [HASH]: '5d4f' } }, spec },
      b: { metadata: {}, spec },
      want: true,
    },
    {
      name: 'an empty metadata is not a missing one',
      a: { metadata: { labels: { [HASH]: '5d4f' } }, spec },
      b: { spec },
      want: false,
    },
    {
      name: 'another label differs',
      a: { metadata: { labels: { app: 'web', tier: 'front' } }, spec },
      b: { metadata: { labels: { app: 'web' } }, spec },
      want: false,
    },
    {
      name: 'an annotation differs',
      a: { metadata: { labels: { app: 'web' }, annotations: { a: '1' } }, spec },
      b: { metadata: { labels: { app: 'web' } }, spec },
      want: false,
    },
    {
      name: 'the image differs',
      a: { metadata: { labels: { app: 'web' } }, spec },
      b: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } },
      want: false,
    },
    { name: 'both missing', a: undefined, b: {}, want: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(equalIgnoreHash(c.a, c.b), c.want);
      assert.equal(equalIgnoreHash(c.b, c.a), c.want);
    });
  }
});

describe('copyForWrite', () => {
  it('gives new top-level, metadata maps, spec and status, sharing what lies deeper', () => {
    const stored: Deployment = {
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' }, annotations: { a: '1' } },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec } },
      status: { replicas: 3, conditions: [] },
    };
    const copy = copyForWrite(stored);
    copy.metadata!.annotations!.a = '2';
    copy.metadata!.labels!.app = 'api';
    copy.spec!.replicas = 5;
    copy.status!.replicas = 5;
    assert.deepEqual(stored.metadata, { name: 'web', labels: { app: 'web' }, annotations: { a: '1' } });
    assert.equal(stored.spec?.replicas, 3);
    assert.equal(stored.status?.replicas, 3);
    assert.equal(copy.spec?.template, stored.spec?.template);
  });
});
