import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './fixtures-web';

/** Two settled web pods; then web-1 is deleted (without waiting), so a watch sees it go and come back. */
function webOneDeleted(): Cluster {
  const c = new Cluster({ seed: 7 });
  c.apply(webManifest({ replicas: 2 }));
  c.settle();
  c.kubectl('delete pod web-1 --wait=false');
  return c;
}

describe('kubectl get -w: --watch-only and --output-watch-events', () => {
  it('--watch-only prints no list: the header comes with the first change', () => {
    const lines = webOneDeleted().kubectl('get pods --watch-only').trim().split('\n');
    assert.match(lines[0], /^NAME +READY +STATUS +RESTARTS +AGE$/);
    assert.ok(
      lines.slice(1).every((l) => l.startsWith('web-1 ')),
      'web-0 does not change, so it is never printed',
    );
    assert.match(lines.at(-1) ?? '', /^web-1 +1\/1 +Running /);
  });

  it('--watch-only is a watch by itself; with -l and nothing changing it prints nothing', () => {
    const c = new Cluster({ seed: 7 });
    c.apply(webManifest({ replicas: 1 }));
    c.settle();
    const start = c.elapsed();
    assert.deepEqual(c.kubectlResult('get pods --watch-only -l app=nginx'), { stdout: '', stderr: '', exitCode: 0 });
    assert.ok(c.elapsed() > start, 'the watch ran until the cluster was quiet');
  });

  it('--output-watch-events: an EVENT column, ADDED for the listed pods, then each change with its type', () => {
    const lines = webOneDeleted().kubectl('get pods -w --output-watch-events').trim().split('\n');
    assert.match(lines[0], /^EVENT {3}NAME +READY +STATUS +RESTARTS +AGE$/);
    assert.match(lines[1], /^ADDED {3}web-0 +1\/1 +Running /);
    assert.match(lines[2], /^ADDED {3}web-1 +/);
    const types = lines.slice(3).map((l) => l.split(/ +/)[0]);
    assert.ok(types.includes('DELETED'));
    assert.ok(types.includes('MODIFIED'));
    // The recreated web-1 is a new object: ADDED again.
    assert.ok(types.slice(types.indexOf('DELETED')).includes('ADDED'));
  });

  it('-o json and -o yaml wrap each object in its watch event', () => {
    const json = webOneDeleted().kubectl('get pod web-0 -w --output-watch-events -o json');
    const first = JSON.parse(json.slice(0, json.indexOf('\n}\n') + 2)) as { type: string; object: { kind: string } };
    assert.deepEqual(Object.keys(first), ['type', 'object']);
    assert.equal(first.type, 'ADDED');
    assert.equal(first.object.kind, 'Pod');
    const yaml = webOneDeleted().kubectl('get pod web-0 -w --output-watch-events -o yaml');
    assert.match(yaml, /^object:\n {2}apiVersion: v1\n/);
    assert.match(yaml, /\ntype: ADDED\n/);
  });
});
