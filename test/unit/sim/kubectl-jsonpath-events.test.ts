import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';
import { executeJsonPath } from '../../../src/sim/kubectl/jsonpath';

const WEB = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 3
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
        ports: [{containerPort: 80, name: web}]
`;

function cluster(): Cluster {
  const c = new Cluster({ seed: 4 });
  c.apply(WEB);
  c.settle();
  return c;
}

describe('JSONPath templates', () => {
  const data = {
    kind: 'List',
    items: [
      {
        metadata: { name: 'a', labels: { tier: 'db' }, annotations: { 'deployment.kubernetes.io/revision': '2' } },
        spec: {
          replicas: 1,
          ports: [80, 443],
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
        },
        status: { message: 'a <b> & c', lastTimestamp: null, conditions: [{ type: 'Ready' }, null] },
      },
      { metadata: { name: 'b', labels: { tier: 'web' } }, spec: { replicas: 3 } },
    ],
  };
  const cases: Array<[string, string]> = [
    ['{.items[*].metadata.name}', 'a b'],
    ['{.items[0].spec.replicas}', '1'],
    ['{.items[0].metadata.annotations.deployment\\.kubernetes\\.io/revision}', '2'],
    ["{.items[0].metadata.annotations['deployment.kubernetes.io/revision']}", '2'],
    ['{.items[-1].metadata.name}', 'b'],
    ['{range .items[*]}{.metadata.name}{"\\n"}{end}', 'a\nb\n'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.spec.replicas}{"\\n"}{end}', 'a\t1\nb\t3\n'],
    ['{.items[?(@.metadata.labels.tier=="web")].metadata.name}', 'b'],
    ['{.items[?(@.spec.replicas>1)].metadata.name}', 'b'],
    ["{.items[0].metadata.labels['tier']}", 'db'],
    ['{.items[0].spec.ports}', '[80,443]'],
    // A map prints as json.Marshal writes it: keys sorted, HTML characters escaped inside it.
    ['{.items[0].spec.strategy}', '{"rollingUpdate":{"maxUnavailable":1},"type":"RollingUpdate"}'],
    [
      '{.items[0].status}',
      '{"conditions":[{"type":"Ready"},null],"lastTimestamp":null,"message":"a \\u003cb\\u003e \\u0026 c"}',
    ],
    // A key that holds null is found and prints as Go's fmt prints a nil interface; a missing key prints nothing.
    ['{.items[0].status.lastTimestamp}', '<nil>'],
    ['{.items[*].status.lastTimestamp}', '<nil>'],
    ['{.items[0].status.conditions[*]}', '{"type":"Ready"} <nil>'],
    ['{range .items[*]}[{.status.lastTimestamp}]{end}', '[<nil>][]'],
    ['{.items[0].status.message}', 'a <b> & c'],
    ['{..name}', 'a b'],
    ['{.items[*].spec.missing}', ''],
    ['.kind', 'List'],
    ['names: {.items[0:1].metadata.name}', 'names: a'],
  ];
  for (const [template, want] of cases) {
    it(template, () => assert.equal(executeJsonPath(template, data), want));
  }
});

describe('kubectl get -o jsonpath', () => {
  it('prints every pod name on one line, with no trailing newline', () => {
    assert.equal(cluster().kubectl("get pods -o jsonpath='{.items[*].metadata.name}'"), 'web-0 web-1 web-2');
  });

  it('reads one field of one object', () => {
    assert.equal(cluster().kubectl("get sts web -o jsonpath='{.spec.replicas}'"), '3');
  });

  it('ranges over items', () => {
    assert.equal(
      cluster().kubectl(`get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\n"}{end}'`),
      'web-0\nweb-1\nweb-2\n',
    );
  });

  it('filters', () => {
    const c = cluster();
    c.kubectl('label pod web-1 role=primary');
    assert.equal(
      c.kubectl(`get pods -o jsonpath='{.items[?(@.metadata.labels.role=="primary")].metadata.name}'`),
      'web-1',
    );
  });

  it('reports an unclosed action', () => {
    const result = cluster().kubectlResult("get pods -o jsonpath='{.items[*].metadata.name'");
    assert.equal(result.exitCode, 1);
    assert.equal(result.stderr, 'error: error parsing jsonpath {.items[*].metadata.name, unclosed action\n');
  });
});

describe('kubectl get events', () => {
  it('prints LAST SEEN, TYPE, REASON, OBJECT and MESSAGE in name order', () => {
    const c = new Cluster({ seed: 4 });
    c.apply(WEB.replace('replicas: 3', 'replicas: 1'));
    c.settle();
    const lines = c.kubectl('get events').split('\n');
    assert.match(lines[0], /^LAST SEEN {3}TYPE {5}REASON {13}OBJECT {12}MESSAGE$/);
    const rows = lines.slice(1).filter(Boolean);
    assert.ok(
      rows.some((l) =>
        /^\d+s +Normal +Scheduled +pod\/web-0 +Successfully assigned default\/web-0 to node-\d$/.test(l),
      ),
    );
    assert.ok(
      rows.some((l) =>
        /^\d+s +Normal +SuccessfulCreate +statefulset\/web +create Pod web-0 in StatefulSet web successful$/.test(l),
      ),
    );
    // Without --sort-by, events come in the apiserver's order: by name, which starts with the object's name.
    const objects = rows.map((l) => l.split(/ {2,}/)[3]);
    assert.deepEqual(objects, [...objects].sort());
  });

  it('prints <nil> for the timestamp each API leaves unset: a core/v1 eventTime, an events.k8s.io lastTimestamp', () => {
    const c = new Cluster({ seed: 4 });
    c.apply(WEB.replace('replicas: 3', 'replicas: 1'));
    c.settle();
    const template = '{range .items[*]}{.reason}={.lastTimestamp},{.eventTime}{"\\n"}{end}';
    const rows = new Map(
      c
        .kubectl(`get events -o jsonpath='${template}'`)
        .split('\n')
        .filter(Boolean)
        .map((row) => row.split('=') as [string, string]),
    );
    // The scheduler writes through events.k8s.io (eventTime in microseconds); the controllers and kubelet through
    // core/v1 (lastTimestamp in seconds).
    assert.match(rows.get('Scheduled') ?? '', /^<nil>,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    assert.match(rows.get('SuccessfulCreate') ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,<nil>$/);
    assert.match(rows.get('Started') ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,<nil>$/);
  });
});
