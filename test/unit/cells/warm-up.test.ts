import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';
import { warmUpSimulator } from '../../../src/cells/warm-up';

const MANIFEST = `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 3
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: registry.k8s.io/nginx-slim:0.21}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 3
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: registry.k8s.io/e2e-test-images/agnhost:2.39}]
`;

/** What a typical cell prints. */
function cellOutput(): string {
  const cluster = new Cluster({ seed: 7 });
  const out = [cluster.apply(MANIFEST)];
  cluster.run('2s');
  out.push(cluster.kubectl('get pods -o wide'));
  cluster.settle();
  out.push(cluster.kubectl('get pods -o wide'), cluster.kubectl('describe statefulset web'), cluster.timeline());
  return out.join('\n');
}

describe('warming up a spare worker', () => {
  it('leaves nothing behind: a cell prints the same before and after the warm-up', () => {
    const before = cellOutput();
    warmUpSimulator();
    warmUpSimulator();
    assert.equal(cellOutput(), before);
  });
});
