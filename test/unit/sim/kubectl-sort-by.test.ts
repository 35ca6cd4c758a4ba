import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './fixtures-web';

/** A rolling update of four pods: each pod is replaced seconds after the one before, highest ordinal first. */
function rolledOut(): Cluster {
  const c = new Cluster({ seed: 4 });
  c.apply(webManifest({ replicas: 4 }));
  c.settle();
  c.kubectl('set image sts/web nginx=registry.k8s.io/nginx-slim:0.24');
  c.settle();
  return c;
}

describe('kubectl get --sort-by', () => {
  const cases: Array<{ command: string; want: string }> = [
    {
      // Events list in name order; sorting by time shows the update's real order, highest ordinal first.
      command: `get events --sort-by=.lastTimestamp -o jsonpath='{range .items[?(@.reason=="Killing")]}{.involvedObject.name}{" "}{end}'`,
      want: 'web-3 web-2 web-1 web-0 ',
    },
    {
      command: `get events -o jsonpath='{range .items[?(@.reason=="Killing")]}{.involvedObject.name}{" "}{end}'`,
      want: 'web-0 web-1 web-2 web-3 ',
    },
    { command: 'get sts --sort-by={.metadata.name} -o name', want: 'statefulset.apps/web\n' },
    { command: 'get pods --sort-by=spec.hostname -o name', want: 'pod/web-0\npod/web-1\npod/web-2\npod/web-3\n' },
  ];
  for (const { command, want } of cases) {
    it(command, () => {
      const c = rolledOut();
      const result = c.kubectlResult(command);
      assert.equal(result.exitCode, 0, result.stderr);
      assert.equal(result.stdout, want);
    });
  }

  it('puts a null field first, as a nil value sorts before any other', () => {
    const c = rolledOut();
    // The scheduler's Scheduled events, written through events.k8s.io, have a null lastTimestamp.
    const reasons = c
      .kubectl('get events --sort-by=.lastTimestamp -o custom-columns=REASON:.reason --no-headers')
      .trimEnd()
      .split('\n');
    const scheduled = reasons.filter((r) => r === 'Scheduled').length;
    assert.ok(scheduled > 0);
    assert.deepEqual(reasons.slice(0, scheduled), Array(scheduled).fill('Scheduled'));
  });

  it('orders numbers by value, not as text', () => {
    const c = new Cluster({ seed: 4 });
    for (const [name, replicas] of [
      ['a', 10],
      ['b', 9],
      ['c', 2],
    ] as const)
      c.apply(
        webManifest({ replicas })
          .replace(/name: web\n/g, `name: ${name}\n`)
          .split('---')[1],
      );
    assert.equal(
      c.kubectl('get sts --sort-by=.spec.replicas -o name'),
      'statefulset.apps/c\nstatefulset.apps/b\nstatefulset.apps/a\n',
    );
  });
});
