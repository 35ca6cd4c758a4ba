import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

const SHARED_CLAIM = `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  replicas: 3
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers: [{name: nginx, image: "nginx:1.27", volumeMounts: [{name: data, mountPath: /data}]}]
      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
`;

describe('pods sharing a WaitForFirstConsumer claim', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`all land on the node the local volume was provisioned on (seed ${seed})`, () => {
      const c = new Cluster({ seed });
      c.apply(SHARED_CLAIM);
      c.run('1m');
      const pvNode = c.kubectl(
        "get pv -o jsonpath='{.items[0].spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]}'",
      );
      const pods = c.list<Pod>('pods');
      assert.equal(pods.length, 3);
      for (const pod of pods) {
        assert.equal(pod.spec?.nodeName, pvNode, pod.metadata?.name);
        assert.equal(pod.status?.phase, 'Running');
      }
    });
  }
});
