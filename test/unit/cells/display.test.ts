import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';
import type { RichOutput } from '../../../src/cells/display-api';
import { OutputBudget } from '../../../src/cells/output-budget';
import { createDisplay, richOutputSize, tableOutput } from '../../../src/cells/worker-display';

const STATEFULSET = `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: registry.k8s.io/nginx-slim:0.21}]
`;

describe('display()', () => {
  it('turns objects into a table with every key as a column', () => {
    assert.deepEqual(
      tableOutput([
        { name: 'web-0', ready: true },
        { name: 'web-1', node: { n: 1 } },
      ]),
      {
        kind: 'table',
        columns: ['name', 'ready', 'node'],
        rows: [
          ['web-0', 'true', ''],
          ['web-1', '', '{\n  "n": 1\n}'],
        ],
      },
    );
  });

  it('posts text, markup and tables as they are: sanitizing is the page’s job', () => {
    const outputs: RichOutput[] = [];
    const display = createDisplay((o) => outputs.push(o));
    display('hello');
    display({ a: 1 });
    display.html('<b>bold</b><script>x</script>');
    display.svg('<svg></svg>');
    assert.deepEqual(
      outputs.map((o) => o.kind),
      ['text', 'text', 'html', 'svg'],
    );
    assert.equal((outputs[2] as { html: string }).html, '<b>bold</b><script>x</script>');
    assert.throws(() => display.html(42 as unknown as string), TypeError);
  });

  it('replays a cluster’s history into kubectl get pods frames', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(STATEFULSET);
    cluster.run('1s');
    const atOneSecond = cluster.kubectl('get pods');
    cluster.settle();
    const outputs: RichOutput[] = [];
    createDisplay((o) => outputs.push(o)).timeline(cluster);
    const timeline = outputs[0];
    assert.equal(timeline.kind, 'timeline');
    if (timeline.kind !== 'timeline') return;
    const frames = timeline.frames;
    assert.equal(frames[0].pods, 'No resources found in default namespace.\n');
    assert.deepEqual(
      frames.map((f) => f.time),
      [...frames.map((f) => f.time)].sort((a, b) => a - b),
    );
    // The frame in force at 1 s is what kubectl printed at 1 s, and the last frame is the settled cluster.
    const atOne = frames.filter((f) => f.time <= 1000).pop();
    assert.equal(
      atOne?.pods.split('\n')[1].split(/\s+/).slice(0, 3).join(' '),
      atOneSecond.split('\n')[1].split(/\s+/).slice(0, 3).join(' '),
    );
    const last = frames[frames.length - 1];
    assert.match(last.pods, /web-0\s+1\/1\s+Running/);
    assert.match(last.pods, /web-1\s+1\/1\s+Running/);
    assert.throws(() => createDisplay(() => undefined).timeline({} as never), TypeError);
  });
});

describe('output budget', () => {
  it('admits output until a cap, then refuses everything', () => {
    const budget = new OutputBudget(3, 100);
    assert.ok(budget.admit(2, 10));
    assert.ok(!budget.admit(2, 10));
    assert.ok(budget.isExhausted);
    assert.ok(!budget.admit(0, 1));
  });
  it('counts rich output bytes', () => {
    const size = richOutputSize({ kind: 'html', html: 'x'.repeat(1000) });
    assert.ok(size.bytes > 1000);
  });
});
