import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';

const IMMUTABLE =
  'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

/** A Pending claim of a class nobody provides, and a claim of the default class bound through a pod. */
function claims(): Cluster {
  const cluster = new Cluster({ seed: 1 });
  cluster.apply(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: pending}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: managed-nfs-storage
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: bound}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers: [{name: app, image: "nginx:1.16.1", volumeMounts: [{name: d, mountPath: /d}]}]
  volumes: [{name: d, persistentVolumeClaim: {claimName: bound}}]
`);
  cluster.settle();
  return cluster;
}

describe('PersistentVolumeClaim updates', () => {
  const cases: Array<{ name: string; command: string; output: string }> = [
    {
      name: 'a changed storageClassName is refused with the diff of the spec',
      command: `patch pvc pending -p '{"spec":{"storageClassName":"standard"}}'`,
      output: `The PersistentVolumeClaim "pending" is invalid: ${IMMUTABLE}
  core.PersistentVolumeClaimSpec{
  \t... // 2 identical fields
  \tResources:        {Requests: {s"storage": {i: {...}, s: "1Gi", Format: "BinarySI"}}},
  \tVolumeName:       "",
- \tStorageClassName: &"managed-nfs-storage",
+ \tStorageClassName: &"standard",
  \tVolumeMode:       &"Filesystem",
  \tDataSource:       nil,
  \t... // 2 identical fields
  }
`,
    },
    {
      name: 'a Pending claim may not change its request either',
      command: `patch pvc pending -p '{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}'`,
      output: `The PersistentVolumeClaim "pending" is invalid: ${IMMUTABLE}
  core.PersistentVolumeClaimSpec{
  \tAccessModes:      {"ReadWriteOnce"},
  \tSelector:         nil,
- \tResources:        {Requests: {s"storage": {i: {...}, s: "1Gi", Format: "BinarySI"}}},
+ \tResources:        {Requests: {s"storage": {i: {...}, s: "2Gi", Format: "BinarySI"}}},
  \tVolumeName:       "",
  \tStorageClassName: &"managed-nfs-storage",
  \t... // 4 identical fields
  }
`,
    },
    {
      name: 'a bound claim may ask for more, but the class must allow expansion (PersistentVolumeClaimResize)',
      command: `patch pvc bound -p '{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}'`,
      output:
        'Error from server (Forbidden): persistentvolumeclaims "bound" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize\n',
    },
    {
      name: 'a bound claim may not shrink to its capacity',
      command: `patch pvc bound -p '{"spec":{"resources":{"requests":{"storage":"512Mi"}}}}'`,
      output:
        'The PersistentVolumeClaim "bound" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity\n',
    },
    {
      name: 'labels may change',
      command: 'label pvc bound tier=db',
      output: 'persistentvolumeclaim/bound labeled\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const cluster = claims();
      const before = cluster.kubectl('get pvc -o json');
      assert.equal(cluster.kubectl(c.command), c.output);
      if (!c.output.includes('labeled')) assert.equal(cluster.kubectl('get pvc -o json'), before);
    });
  }

  it('a class that allows expansion lets a bound claim grow its request', () => {
    const cluster = claims();
    cluster.kubectl(`patch storageclass standard -p '{"allowVolumeExpansion":true}'`);
    const command = `patch pvc bound -p '{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}'`;
    assert.equal(cluster.kubectl(command), 'persistentvolumeclaim/bound patched\n');
  });
});
