import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event as CoreEvent, Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

const PULL_ERROR =
  'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.91": ' +
  'failed to resolve reference "docker.io/library/nginx:1.91": docker.io/library/nginx:1.91: not found';

/** Types a Pod literal for `apply`. */
function asPod(pod: Pod): Pod {
  return pod;
}

function podEvents(cluster: Cluster, name: string): CoreEvent[] {
  return cluster.events().filter((e) => e.involvedObject.name === name);
}

/** Virtual seconds at which an event (reason, message prefix) about the pod was recorded, sampled each second. */
/** Seconds at which the pod's first container turned to waiting with `reason`, over the next `seconds`. */
function waitingReasonTimes(cluster: Cluster, pod: string, reason: string, seconds: number): number[] {
  const from = cluster.history.length;
  cluster.run(`${seconds}s`);
  const times: number[] = [];
  let last: string | undefined;
  for (const entry of cluster.history.slice(from)) {
    if (entry.kind !== 'Pod' || entry.name !== pod) continue;
    const waiting = (entry.object as Pod).status?.containerStatuses?.[0]?.state?.waiting?.reason;
    if (waiting === reason && last !== reason) times.push(Math.round(entry.time / 1000));
    last = waiting;
  }
  return times;
}

describe('kubelet image pulls', () => {
  it('reports a missing tag as ErrImagePull with containerd’s error, then ImagePullBackOff', () => {
    const cluster = new Cluster({ seed: 4, nodes: 1 });
    cluster.apply(
      asPod({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'bad' },
        spec: { containers: [{ name: 'bad', image: 'nginx:1.91' }] },
      }),
    );
    cluster.run('5s');
    const first = podEvents(cluster, 'bad').map((e) => [e.type, e.reason, e.message]);
    // In kubectl's order: the kubelet's timestamps are whole seconds, the scheduler's eventTime has its
    // microseconds, so the kubelet's events of the first second come before the Scheduled event of 0.005 s.
    assert.deepEqual(first, [
      ['Normal', 'Pulling', 'Pulling image "nginx:1.91"'],
      ['Warning', 'Failed', `Failed to pull image "nginx:1.91": ${PULL_ERROR}`],
      ['Warning', 'Failed', 'Error: ErrImagePull'],
      ['Normal', 'Scheduled', 'Successfully assigned default/bad to node-1'],
    ]);
    const status = cluster.get<Pod>('pod', 'bad')?.status;
    assert.equal(status?.phase, 'Pending');
    assert.deepEqual(status?.containerStatuses?.[0].state, {
      waiting: { reason: 'ErrImagePull', message: PULL_ERROR },
    });
    assert.equal(status?.containerStatuses?.[0].image, 'nginx:1.91');
    assert.match(cluster.kubectl('get pod bad'), /bad\s+0\/1\s+ErrImagePull\s+0\s+5s/);

    cluster.run('40s');
    const waiting = cluster.get<Pod>('pod', 'bad')?.status?.containerStatuses?.[0].state?.waiting;
    const reasons = podEvents(cluster, 'bad').map((e) => `${e.reason}: ${e.message}`);
    assert.ok(reasons.includes('BackOff: Back-off pulling image "nginx:1.91"'));
    assert.ok(reasons.includes('Failed: Error: ImagePullBackOff'));
    assert.ok(waiting?.reason === 'ImagePullBackOff' || waiting?.reason === 'ErrImagePull');
  });

  it('retries pulls after 10 s, 20 s, 40 s … capped at 300 s (plus the pod worker’s 10–15 s resync)', () => {
    const cluster = new Cluster({ seed: 9, nodes: 1 });
    cluster.apply(
      asPod({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'bad' },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.91' }] },
      }),
    );
    // Events cannot show every attempt: past 25 events about the pod, the kubelet's event correlator lets one
    // through every 5 minutes. The pod's status can: a failed attempt after a sync that found the pull backing off
    // turns the container from ImagePullBackOff back to ErrImagePull. Only the first retry comes straight after
    // the pod worker's 10–15 s resync, with no sync in back-off before it, so the first gap spans two windows.
    const attempts = waitingReasonTimes(cluster, 'bad', 'ErrImagePull', 20 * 60);
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]);
    const windows = [10 + 20, 40, 80, 160, 300, 300];
    const resyncs = [2, 1, 1, 1, 1, 1];
    assert.ok(gaps.length >= windows.length, `attempts at ${attempts.join(', ')}`);
    windows.forEach((window, i) => {
      assert.ok(gaps[i] >= window, `gap ${i} is ${gaps[i]} s, at least the ${window} s back-off`);
      assert.ok(gaps[i] <= window + 18 * resyncs[i], `gap ${i} is ${gaps[i]} s, within a resync of ${window} s`);
    });
    const status = cluster.get<Pod>('pod', 'bad')?.status?.containerStatuses?.[0];
    assert.equal(status?.restartCount, 0);
    assert.equal(status?.ready, false);
  });

  it('pulls one image at a time: a second pod waits, then finds the layers there', () => {
    const cluster = new Cluster({ seed: 3, nodes: 1 });
    for (const name of ['a', 'b']) {
      cluster.apply(
        asPod({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
        }),
      );
    }
    cluster.settle();
    const pulled = (pod: string): [number, number] => {
      const message = podEvents(cluster, pod).find((e) => e.reason === 'Pulled')?.message ?? '';
      const m = /in ([\d.]+)(m?s) \(([\d.]+)(m?s) including waiting\)\. Image size: 72951001 bytes\.$/.exec(message);
      assert.ok(m, message);
      const ms = (n: string, unit: string): number => Number(n) * (unit === 'ms' ? 1 : 1000);
      return [ms(m[1], m[2]), ms(m[3], m[4])];
    };
    // Whichever pod's pull started first did not wait; the other queued behind it.
    const [a, b] = [pulled('a'), pulled('b')];
    const [[firstPull, firstTotal], [secondPull, secondTotal]] = a[0] === a[1] ? [a, b] : [b, a];
    assert.equal(firstPull, firstTotal, 'the first pull did not wait');
    assert.ok(firstPull > 2900, `72.9 MB at 25 MB/s takes about 3 s, not ${firstPull} ms`);
    assert.ok(secondPull < 1600, `the second pull only checks the manifest (${secondPull} ms)`);
    assert.ok(secondTotal >= firstPull, 'the second pull waited for the first');
  });

  it('pulls a missing image only once per node', () => {
    const cluster = new Cluster({ seed: 2, nodes: 1 });
    for (const name of ['a', 'b']) {
      cluster.apply(
        asPod({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
        }),
      );
      cluster.settle();
    }
    const messages = podEvents(cluster, 'b').map((e) => e.message);
    assert.ok(messages.includes('Container image "nginx:1.27" already present on machine'));
  });
});

describe('kubelet restarts', () => {
  const CRASHER: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'crasher' },
    spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] },
  };

  it('restarts a crashing container after 0 s, then 10 s, 20 s, 40 s … 300 s in CrashLoopBackOff', () => {
    const cluster = new Cluster({ seed: 6, nodes: 1 });
    cluster.apply(CRASHER);
    cluster.run('25m');
    const delays: number[] = [];
    const messages: string[] = [];
    let restarts = 0;
    for (const h of cluster.history) {
      if (h.kind !== 'Pod' || h.name !== 'crasher' || h.type === 'DELETED') continue;
      const status = (h.object as Pod).status?.containerStatuses?.[0];
      const waiting = status?.state?.waiting;
      if (waiting?.reason === 'CrashLoopBackOff' && messages[messages.length - 1] !== waiting.message) {
        messages.push(waiting.message ?? '');
      }
      if ((status?.restartCount ?? 0) > restarts && status?.state?.running) {
        restarts = status.restartCount;
        const finished = Date.parse(status.lastState?.terminated?.finishedAt ?? '');
        delays.push((Date.parse(status.state.running.startedAt ?? '') - finished) / 1000);
      }
    }
    const windows = [0, 10, 20, 40, 80, 160, 300];
    assert.ok(delays.length >= windows.length, `delays ${delays.join(', ')}`);
    windows.forEach((window, i) => {
      assert.ok(delays[i] >= window, `restart ${i + 1} after ${delays[i]} s, at least ${window} s`);
      assert.ok(delays[i] <= window + 17, `restart ${i + 1} after ${delays[i]} s, soon after ${window} s`);
    });
    const uid = cluster.get('pod', 'crasher')?.metadata.uid ?? '';
    const expected = ['10s', '20s', '40s', '1m20s', '2m40s', '5m0s'].map(
      (d) => `back-off ${d} restarting failed container=app pod=crasher_default(${uid})`,
    );
    assert.deepEqual(messages.slice(0, expected.length), expected);
    const status = cluster.get<Pod>('pod', 'crasher')?.status;
    assert.equal(status?.phase, 'Running');
    assert.equal(status?.containerStatuses?.[0].lastState?.terminated?.exitCode, 1);
    assert.equal(status?.containerStatuses?.[0].lastState?.terminated?.reason, 'Error');
    const backoff = podEvents(cluster, 'crasher').find((e) => e.reason === 'BackOff');
    assert.equal(backoff?.type, 'Warning');
    assert.equal(backoff?.message, `Back-off restarting failed container app in pod crasher_default(${uid})`);
  });

  it('restarts a container once after the crash fault, with lastState.terminated', () => {
    const cluster = new Cluster({ seed: 8, nodes: 1 });
    cluster.apply(
      asPod({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web' },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
      }),
    );
    cluster.settle();
    const before = cluster.get<Pod>('pod', 'web')?.status?.containerStatuses?.[0];
    cluster.faults.crash('web');
    cluster.run('5s');
    const after = cluster.get<Pod>('pod', 'web')?.status?.containerStatuses?.[0];
    assert.equal(after?.restartCount, 1);
    assert.ok(after?.state?.running);
    assert.equal(after?.ready, true);
    assert.equal(after?.lastState?.terminated?.exitCode, 1);
    assert.equal(after?.lastState?.terminated?.containerID, before?.containerID);
    assert.notEqual(after?.containerID, before?.containerID);
    assert.match(cluster.kubectl('get pod web'), /web\s+1\/1\s+Running\s+1 \(\d+s ago\)/);
    // The runtime keeps the dead instance next to the new one, as `crictl ps -a` shows.
    assert.deepEqual(
      cluster
        .ps()
        .map((p) => `${p.pod} ${p.state}`)
        .sort(),
      ['web Exited', 'web Running'],
    );
  });
});

describe('kubelet readiness probes', () => {
  it('turns a pod NotReady after failureThreshold failures and Ready after successThreshold successes', () => {
    const cluster = new Cluster({ seed: 12, nodes: 1 });
    cluster.apply(
      asPod({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web' },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.27',
              readinessProbe: {
                httpGet: { path: '/', port: 80 },
                periodSeconds: 5,
                failureThreshold: 3,
                successThreshold: 2,
              },
            },
          ],
        },
      }),
    );
    cluster.settle();
    const readyAt = (): string | undefined =>
      cluster.get<Pod>('pod', 'web')?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    assert.equal(readyAt(), 'True');
    const flips = (from: number): Array<[number, string]> =>
      cluster.history
        .filter((h) => h.kind === 'Pod' && h.time > from)
        .map((h): [number, string] => [
          h.time,
          (h.object as Pod).status?.conditions?.find((c) => c.type === 'Ready')?.status ?? '',
        ])
        .filter(([, s], i, all) => i === 0 || all[i - 1][1] !== s);

    const failAt = cluster.elapsed();
    cluster.faults.unready('web');
    cluster.run('30s');
    assert.equal(readyAt(), 'False');
    const notReady = flips(failAt).find(([, s]) => s === 'False');
    const failDelay = ((notReady?.[0] ?? 0) - failAt) / 1000;
    assert.ok(failDelay > 10 && failDelay <= 15, `NotReady ${failDelay} s after the probe began failing`);
    assert.match(cluster.kubectl('get pod web'), /web\s+0\/1\s+Running/);
    const unhealthy = podEvents(cluster, 'web').find((e) => e.reason === 'Unhealthy');
    assert.equal(unhealthy?.type, 'Warning');
    assert.equal(unhealthy?.message, 'Readiness probe failed: HTTP probe failed with statuscode: 503');

    const recoverAt = cluster.elapsed();
    cluster.faults.ready('web');
    cluster.run('30s');
    assert.equal(readyAt(), 'True');
    const ready = flips(recoverAt).find(([, s]) => s === 'True');
    const recoverDelay = ((ready?.[0] ?? 0) - recoverAt) / 1000;
    assert.ok(recoverDelay > 5 && recoverDelay <= 10, `Ready ${recoverDelay} s after the probe recovered`);
  });

  it('refuses to fail a probe the pod does not have', () => {
    const cluster = new Cluster({ seed: 1, nodes: 1 });
    cluster.apply(
      asPod({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
      }),
    );
    cluster.settle();
    assert.throws(() => cluster.faults.unready('p'), /has no readiness probe/);
    assert.throws(() => cluster.faults.crash('nope'), /pod "nope" not found/);
  });
});
