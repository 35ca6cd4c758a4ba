import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './fixtures-web';

const INDEX = '/usr/share/nginx/html/index.html';

/** The web StatefulSet (2 replicas, a claim each) settled, plus a two-container pod and a finished one. */
function cluster(): Cluster {
  const c = new Cluster({ seed: 4 });
  c.apply(webManifest({ replicas: 2 }));
  c.apply(`apiVersion: v1
kind: Pod
metadata: {name: pair}
spec:
  containers:
  - {name: app, image: "nginx:1.16.1", volumeMounts: [{name: scratch, mountPath: /scratch}]}
  - {name: sidecar, image: "busybox:1.36", command: [sh, -c, "sleep 3600"], volumeMounts: [{name: scratch, mountPath: /data}]}
  volumes: [{name: scratch, emptyDir: {}}]
---
apiVersion: v1
kind: Pod
metadata: {name: done}
spec:
  restartPolicy: Never
  containers: [{name: job, image: "busybox:1.36", command: [sh, -c, "exit 0"]}]
`);
  c.settle();
  return c;
}

describe('kubectl exec', () => {
  const cases: Array<{ command: string; stdout?: string; stderr?: string; exitCode?: number }> = [
    { command: "exec web-0 -- sh -c 'hostname'", stdout: 'web-0\n' },
    { command: 'exec pod/web-1 -- hostname', stdout: 'web-1\n' },
    { command: 'exec -it web-1 -- hostname', stdout: 'web-1\n' },
    // A workload or Service: its most active pod (bound, running, ready longest), as GetFirstPod sorts them.
    { command: 'exec sts/web -- hostname', stdout: 'web-0\n' },
    { command: 'exec statefulset.apps/web -- hostname', stdout: 'web-0\n' },
    { command: 'exec svc/nginx -- hostname', stdout: 'web-0\n' },
    {
      command: 'exec deploy/web -- hostname',
      stderr: 'Error from server (NotFound): deployments.apps "web" not found\n',
      exitCode: 1,
    },
    {
      command: 'exec web-0 hostname',
      stderr:
        "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
      exitCode: 1,
    },
    { command: 'exec web-0', stderr: 'error: you must specify at least one command for the container\n', exitCode: 1 },
    {
      command: 'exec -- hostname',
      stderr:
        "error: expected 'exec (POD | TYPE/NAME) -- COMMAND [args...]'.\nPOD or TYPE/NAME is a required argument for the exec command\nSee 'kubectl exec -h' for help and examples\n",
      exitCode: 1,
    },
    {
      command: 'exec web-7 -- hostname',
      stderr: 'Error from server (NotFound): pods "web-7" not found\n',
      exitCode: 1,
    },
    {
      command: 'exec web-0 -c nginxx -- hostname',
      stderr: 'error: unable to upgrade connection: container not found ("nginxx")\n',
      exitCode: 1,
    },
    {
      command: 'exec done -- hostname',
      stderr: 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n',
      exitCode: 1,
    },
    {
      command: 'exec pair -- hostname',
      stdout: 'pair\n',
      stderr: 'Defaulted container "app" out of: app, sidecar\n',
    },
    { command: 'exec pair -q -- hostname', stdout: 'pair\n' },
    {
      command: `exec web-0 -- cat ${INDEX}`,
      stderr: `cat: ${INDEX}: No such file or directory\ncommand terminated with exit code 1\n`,
      exitCode: 1,
    },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const result = cluster().kubectlResult(c.command);
      assert.deepEqual(result, { stdout: c.stdout ?? '', stderr: c.stderr ?? '', exitCode: c.exitCode ?? 0 });
    });
  }

  it('files written to a claim outlive the pod; files in the container layer do not (the tutorial’s stable storage)', () => {
    const c = cluster();
    for (const pod of ['web-0', 'web-1']) {
      c.kubectl(`exec ${pod} -- sh -c 'echo "$(hostname)" > ${INDEX}; echo scratch > /tmp/note'`);
    }
    c.kubectl('delete pod -l app=nginx');
    c.settle();
    assert.equal(c.kubectl(`exec web-0 -- cat ${INDEX}`), 'web-0\n');
    assert.equal(c.kubectl(`exec web-1 -- cat ${INDEX}`), 'web-1\n');
    assert.equal(
      c.kubectl('exec web-0 -- cat /tmp/note'),
      'cat: /tmp/note: No such file or directory\ncommand terminated with exit code 1\n',
    );
  });

  it('containers of one pod share its emptyDir, each at its own mount path', () => {
    const c = cluster();
    c.kubectl("exec pair -c app -- sh -c 'echo shared > /scratch/f'");
    assert.equal(c.kubectl('exec pair -c sidecar -- cat /data/f'), 'shared\n');
  });

  it('a busybox container runs nslookup against the cluster DNS, as the script command prints it', () => {
    const c = cluster();
    const fqdn = 'web-0.nginx.default.svc.cluster.local';
    const result = c.kubectlResult(`exec pair -c sidecar -- nslookup ${fqdn}`);
    const direct = c.nslookup(fqdn, { image: 'busybox:1.36' });
    assert.equal(result.stdout, direct.stdout);
    assert.match(result.stdout, /Name:\tweb-0\.nginx\.default\.svc\.cluster\.local/);
    assert.match(c.kubectl('exec pair -c app -- nslookup web-0.nginx'), /"nslookup" is not simulated/);
  });

  it('a pod on a partitioned node cannot be reached', () => {
    const c = cluster();
    const pod = c.get<Pod>('pod', 'web-0')!;
    c.faults.partitionNode(pod.spec!.nodeName!);
    assert.equal(
      c.kubectl('exec web-0 -- hostname'),
      `Error from server: error dialing backend: dial tcp ${pod.status!.hostIP}:10250: i/o timeout\n`,
    );
  });
});
