import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';

const DEPLOY = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: nginx-deployment, labels: {app: nginx}}
spec:
  replicas: 3
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: "nginx:1.7.9", ports: [{containerPort: 80}]}]
`;

describe('kubectl describe deployment', () => {
  it('prints kubectl layout: replicas line, strategy, template, conditions, ReplicaSets and scaling events', () => {
    const cluster = new Cluster({ seed: 4 });
    cluster.apply(DEPLOY);
    cluster.settle();
    cluster.kubectl('set image deployment/nginx-deployment nginx=nginx:1.9.1');
    cluster.settle();
    const out = cluster.kubectl('describe deployment nginx-deployment');
    const lines = out.split('\n');
    assert.equal(lines[0], 'Name:                   nginx-deployment');
    assert.ok(lines.includes('Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable'));
    assert.ok(lines.includes('StrategyType:           RollingUpdate'));
    assert.ok(lines.includes('RollingUpdateStrategy:  25% max unavailable, 25% max surge'));
    assert.ok(lines.includes('    Image:         nginx:1.9.1'));
    const conditions = lines.indexOf('Conditions:');
    assert.deepEqual(lines.slice(conditions + 1, conditions + 5), [
      '  Type           Status  Reason',
      '  ----           ------  ------',
      '  Available      True    MinimumReplicasAvailable',
      '  Progressing    True    NewReplicaSetAvailable',
    ]);
    assert.ok(lines.includes('OldReplicaSets:  <none>'), 'the old ReplicaSet has no pods left');
    assert.match(out, /\nNewReplicaSet: {3}nginx-deployment-\w+ \(3\/3 replicas created\)\n/);
    const scaling = lines
      .filter((l) => l.includes('ScalingReplicaSet'))
      .map((l) => l.replace(/.*deployment-controller {2}/, ''));
    assert.equal(scaling.length, 7);
    assert.match(scaling[6], /^Scaled down replica set nginx-deployment-\w+ from 1 to 0$/);
  });
});
