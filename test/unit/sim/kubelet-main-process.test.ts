import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../src/sim/api/meta';
import { Cluster } from '../../../src/sim/index';

/** One pod of a single busybox container with this command, restart policy and stdin, after `wait`. */
function podAfter(command: string[] | undefined, restartPolicy: string, wait: string, stdin = false): Cluster {
  const c = new Cluster({ seed: 9 });
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { restartPolicy, containers: [{ name: 'c', image: 'busybox:1.36', command, stdin }] },
  };
  c.apply(pod as KubeObject);
  c.run(wait);
  return c;
}

describe("a container's own process", () => {
  const cases: Array<{
    name: string;
    command?: string[];
    restartPolicy: string;
    stdin?: boolean;
    status: string;
    log: string;
  }> = [
    // busybox's own command is sh, which ends at once with nothing on stdin.
    { name: "busybox's own shell with stdin closed", restartPolicy: 'Never', status: 'Completed', log: '' },
    { name: 'the same, restarted', restartPolicy: 'Always', status: 'CrashLoopBackOff', log: '' },
    { name: "busybox's shell with stdin open", restartPolicy: 'Always', stdin: true, status: 'Running', log: '' },
    {
      name: 'a script that ends',
      command: ['sh', '-c', 'echo hi'],
      restartPolicy: 'Never',
      status: 'Completed',
      log: 'hi\n',
    },
    {
      name: 'a script that fails',
      command: ['sh', '-c', 'echo oops; exit 2'],
      restartPolicy: 'Never',
      status: 'Error',
      log: 'oops\n',
    },
    {
      name: 'a script that sleeps keeps running, with what it printed first',
      command: ['sh', '-c', 'echo up; sleep 3600'],
      restartPolicy: 'Always',
      status: 'Running',
      log: 'up\n',
    },
    {
      name: 'a script that sleeps before it exits still ends the way its last word says',
      command: ['sh', '-c', 'echo up; sleep 5; exit 1'],
      restartPolicy: 'Never',
      status: 'Error',
      log: 'up\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const cluster = podAfter(c.command, c.restartPolicy, '40s', c.stdin);
      const row = cluster.kubectl('get pod p --no-headers').split(/\s+/);
      assert.equal(row[2], c.status);
      const log = cluster.kubectlResult(`logs p${c.status === 'CrashLoopBackOff' ? ' -p' : ''}`);
      assert.equal(log.stdout, c.log);
    });
  }

  it('what a finished container printed stays readable as --previous after it restarts', () => {
    const c = podAfter(['sh', '-c', 'echo attempt on $(hostname); exit 1'], 'Always', '60s');
    const pod = c.get<Pod>('pod', 'p')!;
    assert.ok((pod.status?.containerStatuses?.[0].restartCount ?? 0) >= 2);
    assert.equal(c.kubectl('logs p --previous'), 'attempt on p\n');
  });
});
