import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n';

function cluster(): Cluster {
  const c = new Cluster({ seed: 3 });
  c.kubectl('create deployment web --image=nginx:1.14.2 --replicas=2');
  c.settle();
  return c;
}

/** Everything a dry run must leave alone: the objects' resourceVersions. */
function snapshot(c: Cluster): string {
  return ['deploy', 'rs', 'pods', 'svc', 'nodes']
    .flatMap((kind) => c.list(kind).map((o) => `${o.kind}/${o.metadata.name}@${o.metadata.resourceVersion}`))
    .join('\n');
}

describe('--dry-run (GetDryRunStrategy) on the commands that write', () => {
  const cases: Array<{ command: string; stdin?: string; stdout: string; stderr?: string }> = [
    { command: 'scale deployment web --replicas=5 --dry-run=client', stdout: 'deployment.apps/web scaled (dry run)\n' },
    {
      command: 'scale deployment web --replicas=5 --dry-run=server',
      stdout: 'deployment.apps/web scaled (server dry run)\n',
    },
    {
      command: 'delete deployment web --dry-run=client',
      stdout: 'deployment.apps "web" deleted from default namespace (dry run)\n',
    },
    {
      command: 'delete deployment web --dry-run=server',
      stdout: 'deployment.apps "web" deleted from default namespace (server dry run)\n',
    },
    {
      command: 'delete node node-1 --dry-run=client',
      stdout: 'node "node-1" deleted (dry run)\n',
    },
    { command: 'delete deployment web --dry-run=client -o name', stdout: 'deployment.apps/web\n' },
    { command: 'label deployment web tier=front --dry-run=client', stdout: 'deployment.apps/web labeled (dry run)\n' },
    {
      command: 'annotate deployment web team=a --dry-run=server',
      stdout: 'deployment.apps/web annotated (server dry run)\n',
    },
    { command: 'cordon node-1 --dry-run=client', stdout: 'node/node-1 cordoned (dry run)\n' },
    { command: 'uncordon node-1 --dry-run=client', stdout: 'node/node-1 already uncordoned (dry run)\n' },
    {
      command: 'set image deployment/web nginx=nginx:1.16.1 --dry-run=client',
      stdout: 'deployment.apps/web image updated (dry run)\n',
    },
    { command: 'apply -f - --dry-run=client', stdin: SERVICE, stdout: 'service/s created (dry run)\n' },
    {
      command: `patch deployment web -p '{"spec":{"replicas":4}}' --dry-run=client`,
      stdout: 'deployment.apps/web patched (dry run)\n',
    },
    {
      command: `patch deployment web -p '{"spec":{"replicas":2}}' --dry-run=client`,
      stdout: 'deployment.apps/web patched (no change) (dry run)\n',
    },
    {
      command: 'taint nodes node-1 maintenance=now:NoSchedule --dry-run=client',
      stdout: 'node/node-1 tainted (dry run)\n',
    },
    {
      command: 'taint nodes node-1 maintenance=now:NoSchedule --dry-run=server',
      stdout: 'node/node-1 tainted (server dry run)\n',
    },
    {
      command: 'drain node-2 --dry-run=server',
      stdout: 'node/node-2 cordoned (server dry run)\nnode/node-2 drained (server dry run)\n',
    },
    {
      command: 'rollout restart deployment/web --dry-run=client',
      stdout: '',
      stderr: 'kubesim: kubectl rollout restart --dry-run is not simulated\n',
    },
    { command: 'create -f - --dry-run=client', stdin: SERVICE, stdout: 'service/s created (dry run)\n' },
    {
      command: 'delete pods --all --dry-run=maybe',
      stdout: '',
      stderr: 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
    },
    {
      command: 'get pods --dry-run=client',
      stdout: '',
      stderr: "error: unknown flag: --dry-run\nSee 'kubectl get --help' for usage.\n",
    },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const k = cluster();
      const before = snapshot(k);
      const result = k.kubectlResult(c.command, c.stdin);
      assert.equal(result.stdout, c.stdout);
      assert.equal(result.stderr, c.stderr ?? '');
      k.run('5s');
      assert.equal(snapshot(k), before, 'a dry run changes nothing');
    });
  }

  it('apply --dry-run=client tells configured from unchanged against the live object', () => {
    const k = cluster();
    k.kubectl('apply -f -', SERVICE);
    assert.equal(k.kubectl('apply -f - --dry-run=client', SERVICE), 'service/s unchanged (dry run)\n');
    const changed = SERVICE.replace('port: 80', 'port: 8080');
    assert.equal(k.kubectl('apply -f - --dry-run=client', changed), 'service/s configured (dry run)\n');
    assert.equal(k.get<Service>('svc', 's')?.spec?.ports?.[0].port, 80);
  });

  it('delete --dry-run does not wait, and "No resources found" goes to stdout', () => {
    const k = cluster();
    const result = k.kubectlResult('delete pods -l app=none');
    assert.deepEqual([result.stdout, result.stderr], ['No resources found\n', '']);
  });

  it('drain --dry-run=client names the pods it would evict, and leaves them and the node alone', () => {
    const k = cluster();
    const node = k.list<Pod>('Pod')[0].spec?.nodeName;
    const pods = k
      .list<Pod>('Pod')
      .filter((p) => p.spec?.nodeName === node)
      .map((p) => `evicting pod default/${p.metadata.name} (dry run)\n`)
      .join('');
    const before = snapshot(k);
    assert.equal(
      k.kubectl(`drain ${node} --dry-run=client`),
      `node/${node} cordoned (dry run)\n${pods}node/${node} drained (dry run)\n`,
    );
    k.run('5s');
    assert.equal(snapshot(k), before);
  });
});
