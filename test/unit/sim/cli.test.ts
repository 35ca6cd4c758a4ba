import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'bin/kubesim.js');

function kubesim(
  args: string[],
  input?: string,
  env: Record<string, string> = {},
): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    cwd: root,
    env: { ...process.env, ...env },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const SET = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: registry.k8s.io/nginx-slim:0.21}]}
`;

describe('kubesim CLI', () => {
  before(() => {
    // The CLI runs the compiled core; `npm ci` builds it, a fresh checkout may not have it yet.
    if (!existsSync(path.join(root, 'src/sim/dist/index.js'))) {
      spawnSync(process.execPath, [path.join(root, 'scripts/build-sim.mjs')], { stdio: 'inherit' });
    }
  });

  it('runs a script file, reading -f files relative to it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubesim-'));
    writeFileSync(path.join(dir, 'web.yaml'), SET);
    writeFileSync(path.join(dir, 'demo.sh'), '# demo\nkubectl apply -f web.yaml\nsleep 1m\nkubectl get pods\n');
    const r = kubesim(['run', path.join(dir, 'demo.sh'), '--seed', '3']);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'statefulset.apps/web created');
    assert.equal(lines[1], 'NAME    READY   STATUS    RESTARTS   AGE');
    assert.deepEqual(
      lines.slice(2).map((l) => l.split(/\s+/).slice(0, 3).join(' ')),
      ['web-0 1/1 Running', 'web-1 1/1 Running'],
    );
  });

  it('reads a script from standard input, echoes commands, and gives the same output for the same seed', () => {
    const script = `kubectl apply -f - <<EOF\n${SET}EOF\nkubectl get pods -w\n`;
    const a = kubesim(['run', '-', '--echo', '--seed=5'], script);
    const b = kubesim(['run', '-', '--echo', '--seed=5'], script);
    assert.equal(a.status, 0);
    assert.ok(a.stdout.startsWith('$ kubectl apply -f - <<EOF\napiVersion: apps/v1\n'));
    assert.ok(a.stdout.includes('EOF\nstatefulset.apps/web created\n$ kubectl get pods -w\nNAME'));
    assert.equal(a.stdout, b.stdout);
  });

  it('writes errors to stderr, keeps going, and exits with the last failure', () => {
    const r = kubesim(['run', '-'], 'kubectl get pods nope\nkubectl get nodes\n');
    assert.equal(r.stderr, 'Error from server (NotFound): pods "nope" not found\n');
    assert.match(r.stdout, /^NAME {5}STATUS/);
    assert.equal(r.status, 1);
  });

  it('honours --nodes', () => {
    const r = kubesim(['run', '-', '--nodes', '5'], 'kubectl get nodes -o name\n');
    assert.equal(r.stdout, ['node/node-1', 'node/node-2', 'node/node-3', 'node/node-4', 'node/node-5', ''].join('\n'));
  });

  it('runs an interactive session from piped input, heredocs included, until exit', () => {
    const r = kubesim([], `kubectl apply -f - <<'X'\n${SET}X\nsleep 30s\nkubectl get sts\nexit\nkubectl get nodes\n`);
    assert.equal(r.stdout, 'statefulset.apps/web created\nNAME   READY   AGE\nweb    2/2     30s\n');
    assert.equal(r.status, 0);
  });

  it('prints help and version, and rejects unknown flags', () => {
    assert.match(kubesim(['--help']).stdout, /^Usage:\n {2}kubesim \[flags\]/);
    assert.match(kubesim(['--version']).stdout, /^kubesim \d+\.\d+\.\d+ \(Kubernetes v1\.34\.\d+\)\n$/);
    const bad = kubesim(['--frobnicate']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown flag: --frobnicate/);
  });

  it('opens kubectl edit in $KUBE_EDITOR (before $EDITOR), and reports an editor that fails', () => {
    const script =
      'kubectl create deployment web --image=nginx:1.14.2 --replicas=3\nkubectl edit deploy/web\nkubectl get deploy web -o jsonpath={.spec.replicas}\n';
    const edited = kubesim(['run', '-'], script, {
      KUBE_EDITOR: "sed -i 's/replicas: 3/replicas: 2/'",
      EDITOR: 'false',
    });
    assert.deepEqual(
      [edited.stdout, edited.stderr, edited.status],
      ['deployment.apps/web created\ndeployment.apps/web edited\n2', '', 0],
    );
    const failed = kubesim(['run', '-'], script, { KUBE_EDITOR: '', EDITOR: 'false' });
    assert.equal(failed.stderr, 'error: there was a problem with the editor "false"\n');
    assert.equal(failed.status, 1);
  });
});
