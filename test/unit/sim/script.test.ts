import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { webManifest } from './fixtures-web';
import { Cluster, parseScript, runScript, type ScriptHost } from '../../../src/sim/index';

const WEB = `apiVersion: v1
kind: Service
metadata: {name: nginx, labels: {app: nginx}}
spec: {clusterIP: None, selector: {app: nginx}, ports: [{port: 80, name: web}]}
---
apiVersion: apps/v1
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

describe('parseScript', () => {
  const cases: Array<{ name: string; script: string; words: string[][]; stdin?: Array<string | undefined> }> = [
    {
      name: 'comments and blank lines',
      script: '# hi\n\n  kubectl get pods  # trailing\n',
      words: [['kubectl', 'get', 'pods']],
    },
    {
      name: 'shell quoting',
      script: `kubectl get pods -l 'app in (a, b)' "-o" wide\n`,
      words: [['kubectl', 'get', 'pods', '-l', 'app in (a, b)', '-o', 'wide']],
    },
    {
      name: 'a quoted # is not a comment',
      script: `kubectl get pods -l 'a#b'\n`,
      words: [['kubectl', 'get', 'pods', '-l', 'a#b']],
    },
    {
      name: 'heredoc with any delimiter',
      script: 'kubectl apply -f - <<END\nkind: X\n  # kept\nEND\nsleep 1s\n',
      words: [
        ['kubectl', 'apply', '-f', '-'],
        ['sleep', '1s'],
      ],
      stdin: ['kind: X\n  # kept\n', undefined],
    },
    {
      name: 'quoted delimiter and <<- tab stripping',
      script: "kubectl apply -f - <<-'EOF'\n\tkind: Y\n\tEOF\n",
      words: [['kubectl', 'apply', '-f', '-']],
      stdin: ['kind: Y\n'],
    },
    {
      name: 'delimiter as its own word',
      script: 'kubectl apply -f - << EOF\na\nEOF\n',
      words: [['kubectl', 'apply', '-f', '-']],
      stdin: ['a\n'],
    },
    { name: 'backslash continuation', script: 'kubectl get \\\n  pods\n', words: [['kubectl', 'get', 'pods']] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const items = parseScript(c.script);
      const commands = items.map((i) => ('command' in i ? i.command : assert.fail(JSON.stringify(i))));
      assert.deepEqual(
        commands.map((x) => x.words),
        c.words,
      );
      if (c.stdin)
        assert.deepEqual(
          commands.map((x) => x.stdin),
          c.stdin,
        );
    });
  }

  it('reports an unterminated quote with its line', () => {
    const [item] = parseScript("\nkubectl get pods -l 'oops\n");
    assert.ok('error' in item);
    assert.equal(item.error.line, 2);
  });
});

describe('runScript', () => {
  it('runs kubectl lines with heredocs, advances time with sleep, and echoes commands', () => {
    const cluster = new Cluster({ seed: 3 });
    const result = runScript(cluster, `kubectl apply -f - <<EOF\n${WEB}EOF\nsleep 2m\nkubectl get sts web\n`, {
      echo: true,
    });
    assert.equal(result.exitCode, 0);
    const lines = result.output.split('\n');
    assert.equal(lines[0], '$ kubectl apply -f - <<EOF');
    assert.ok(result.output.includes('service/nginx created\nstatefulset.apps/web created\n'));
    assert.ok(result.output.includes('$ sleep 2m\n$ kubectl get sts web\nNAME   READY   AGE\nweb    2/2     2m\n'));
    assert.ok(cluster.elapsed() >= 120_000);
  });

  it('keeps going after a failing line and reports the last failure', () => {
    const cluster = new Cluster();
    const result = runScript(cluster, 'kubectl get pods nope\nkubectl version\nbogus arg\nkubectl get nodes\n');
    assert.ok(result.output.startsWith('Error from server (NotFound): pods "nope" not found\nClient Version: v1.34'));
    assert.ok(result.output.includes('kubesim: bogus: command not found\n'));
    assert.ok(result.output.includes('node-3'));
    assert.equal(result.exitCode, 127);
  });

  const operators: Array<{ line: string; operator: string }> = [
    { line: 'kubectl get pods | grep web', operator: '|' },
    { line: 'kubectl get pods > pods.txt', operator: '>' },
    { line: 'kubectl get pods >/dev/null', operator: '>/dev/null' },
    { line: 'kubectl get pods 2>&1', operator: '2>&1' },
    { line: 'kubectl get pods && kubectl get sts', operator: '&&' },
    { line: 'kubectl apply -f - < web.yaml', operator: '<' },
  ];
  for (const c of operators) {
    it(`refuses shell operators, which a script line is not run through: ${c.line}`, () => {
      const result = runScript(new Cluster(), `${c.line}\n`);
      assert.equal(
        result.output,
        `kubesim: line 1: "${c.operator}": pipes, redirection and command lists are not supported (one command per line)\n`,
      );
      assert.equal(result.exitCode, 2);
    });
  }

  it('keeps a quoted operator inside a word, and kubectl version --client leaves out the server', () => {
    const cluster = new Cluster();
    cluster.apply(webManifest({ replicas: 1 }));
    cluster.settle();
    const result = runScript(
      cluster,
      `kubectl get pods -o jsonpath='{.items[*].metadata.name}|'\nkubectl version --client\n`,
    );
    assert.equal(result.output, 'web-0|Client Version: v1.34.2\nKustomize Version: v5.7.1\n');
  });

  it('says which optional features the cluster lacks, and calls them when present', () => {
    const calls: string[] = [];
    const host: ScriptHost = {
      kubectlResult: () => ({ stdout: '', stderr: '', exitCode: 0 }),
      run: () => undefined,
      ps: () => 'NODE   CONTAINER',
      faults: {
        crash: (pod: string) => calls.push(`crash ${pod}`),
        partitionNode: (node: string) => calls.push(`partition ${node}`),
      },
    };
    const result = runScript(
      host,
      'nslookup web-0.nginx\nkubesim ps\nkubesim fault crash pod/web-0\nkubesim fault partition-node node-2\nkubesim fault heal-node node-2\nkubesim fault crash web-0\n',
    );
    assert.equal(
      result.output,
      [
        'kubesim: nslookup is not available',
        'NODE   CONTAINER',
        'kubesim: fault heal-node is not available',
        'kubesim: fault crash expects pod/NAME, got "web-0"',
        '',
      ].join('\n'),
    );
    assert.deepEqual(calls, ['crash web-0', 'partition node-2']);
    assert.equal(result.exitCode, 1);
  });

  it("prints a real cluster's ps() as a table", () => {
    const cluster = new Cluster({ nodes: 1 });
    const result = runScript(
      cluster,
      [
        'kubectl apply -f - <<EOF',
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: web}',
        'spec: {containers: [{name: web, image: "nginx:1.14.2"}]}',
        'EOF',
        'sleep 30s',
        'kubesim fault partition-node node-1',
        'kubesim ps',
        '',
      ].join('\n'),
    );
    const lines = result.output.split('\n');
    const header = lines.findIndex((line) => line.startsWith('NODE '));
    assert.ok(header >= 0, result.output);
    assert.match(lines[header], /^NODE\s+CONTAINER ID\s+POD\s+CONTAINER\s+IMAGE\s+STATE\s+IN API$/);
    assert.match(
      lines[header + 1],
      /^node-1 \(partitioned\)\s+[0-9a-f]{13}\s+web\s+web\s+docker\.io\/library\/nginx:1\.14\.2\s+Running\s+yes$/,
    );
  });

  it('uses the cluster DNS for nslookup when the host has no nslookup of its own', () => {
    const host: ScriptHost = {
      kubectlResult: () => ({ stdout: '', stderr: '', exitCode: 0 }),
      run: () => undefined,
      dns: { nslookup: (name: string) => ({ stdout: `Name:\t${name}\n`, stderr: '', exitCode: 0 }) },
    };
    assert.deepEqual(runScript(host, 'nslookup web-0.nginx\n'), { output: 'Name:\tweb-0.nginx\n', exitCode: 0 });
  });

  it('rejects a bad sleep interval like sleep(1)', () => {
    const result = runScript(new Cluster(), 'sleep soon\n');
    assert.equal(result.output, "sleep: invalid time interval 'soon'\n");
    assert.equal(result.exitCode, 1);
  });

  it('reads files named by -f through readFile', () => {
    const cluster = new Cluster();
    const result = runScript(cluster, 'kubectl apply -f web.yaml\nkubectl apply -f missing.yaml\n', {
      readFile: (name) => (name === 'web.yaml' ? WEB : undefined),
    });
    assert.equal(
      result.output,
      'service/nginx created\nstatefulset.apps/web created\nerror: the path "missing.yaml" does not exist\n',
    );
  });
});

describe('kubectl get -w', () => {
  it('prints the table, then one row per change, aligned with remembered widths, until the cluster settles', () => {
    const cluster = new Cluster({ seed: 3 });
    cluster.apply(WEB);
    cluster.run('10ms');
    const out = cluster.kubectl('get pods -w -l app=nginx');
    const lines = out.trimEnd().split('\n');
    assert.equal(lines[0], 'NAME    READY   STATUS    RESTARTS   AGE');
    assert.match(lines[1], /^web-0 {3}0\/1 {5}Pending {3}0 {10}0s$/);
    // Later rows keep the columns already printed (kubectl's tabwriter remembers widths) and widen a column for a
    // longer cell, as seed 001's `kubectl get pod -w` shows.
    assert.match(lines[2], /^web-0 {3}0\/1 {5}Pending {3}0 {10}\d+s$/);
    const creating = lines.findIndex((l) => l.includes('ContainerCreating'));
    assert.match(lines[creating], /^web-0 {3}0\/1 {5}ContainerCreating {3}0 {10}\d+s$/);
    assert.match(lines[creating + 1], /^web-0 {3}1\/1 {5}Running {13}0 {10}\d+s$/);
    const statuses = lines.slice(1).map((l) => l.split(/\s+/).slice(0, 3).join(' '));
    assert.ok(statuses.indexOf('web-0 1/1 Running') < statuses.indexOf('web-1 0/1 Pending'), 'OrderedReady');
    assert.equal(statuses[statuses.length - 1], 'web-1 1/1 Running');
    assert.ok(cluster.kubectl('get sts web').includes('2/2'), 'the watch drove the clock until settled');
  });

  it('prints each listed object and then each change on its own with -o name', () => {
    const cluster = new Cluster({ seed: 3 });
    cluster.apply(WEB);
    cluster.settle();
    cluster.kubectl('delete pod web-1');
    const lines = cluster.kubectl('get pods -w -o name').trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 2), ['pod/web-0', 'pod/web-1']);
    assert.ok(lines.length > 4, 'the replacement web-1 shows up as it changes');
    assert.ok(lines.slice(2).every((l) => l === 'pod/web-1'));
  });

  it('prints the header with the first event when nothing was listed', () => {
    const cluster = new Cluster({ seed: 3 });
    cluster.apply(WEB);
    const lines = cluster.kubectl('get pods -w').split('\n');
    assert.equal(lines[0], 'NAME    READY   STATUS    RESTARTS   AGE');
    assert.ok(!lines.some((l) => l.startsWith('No resources found')));
  });
});
