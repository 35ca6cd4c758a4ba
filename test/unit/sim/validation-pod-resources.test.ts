import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';

const pod = (resources: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: "nginx:1.16.1", resources: ${resources}}]}\n`;

describe('ValidateResourceRequirements on a Pod', () => {
  const cases: Array<{ name: string; resources: string; stdout?: string; stderr?: string }> = [
    {
      name: 'a negative limit, copied to the request by defaulting, fails on both',
      resources: '{limits: {cpu: "-1"}}',
      stderr:
        'The Pod "p" is invalid: \n* spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0\n* spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0\n',
    },
    {
      name: 'a request above its limit',
      resources: '{limits: {cpu: 500m}, requests: {cpu: "1"}}',
      stderr:
        'The Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m\n',
    },
    {
      name: 'an extended resource, which cannot be overcommitted, with a request other than its limit',
      resources: '{limits: {example.com/gpu: "1"}, requests: {example.com/gpu: "2"}}',
      stderr:
        'The Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be equal to example.com/gpu limit of 1\n',
    },
    {
      name: 'requests at or below their limits',
      resources: '{limits: {cpu: "1", memory: 1Gi}, requests: {cpu: 500m, memory: 1Gi}}',
      stdout: 'pod/p created\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const k = new Cluster({ seed: 2 });
      const result = k.kubectlResult('apply -f -', pod(c.resources));
      assert.deepEqual([result.stdout, result.stderr], [c.stdout ?? '', c.stderr ?? '']);
      assert.equal(k.list('Pod').length, c.stdout ? 1 : 0);
    });
  }
});
