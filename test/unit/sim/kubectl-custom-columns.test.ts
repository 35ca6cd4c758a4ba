import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './fixtures-web';

function cluster(): Cluster {
  const c = new Cluster({ seed: 1 });
  c.apply(webManifest({ replicas: 2 }));
  c.settle();
  return c;
}

describe('kubectl get -o custom-columns', () => {
  const cases: Array<{ name: string; command: string; stdout: string; stderr?: string }> = [
    {
      name: 'every relaxed path form, a list joined with commas and a missing field as <none>',
      command:
        "get pods -o 'custom-columns=NAME:metadata.name,ORDINAL:{.metadata.labels.apps\\.kubernetes\\.io/pod-index},PORTS:.spec.containers[*].ports[*].containerPort,NOPE:{spec.nope}'",
      stdout: 'NAME    ORDINAL   PORTS   NOPE\nweb-0   0         80      <none>\nweb-1   1         80      <none>\n',
    },
    {
      name: 'maps print as Go prints them, with sorted keys',
      command: 'get sts web -o custom-columns=SELECTOR:.spec.selector',
      stdout: 'SELECTOR\nmap[matchLabels:map[app:nginx]]\n',
    },
    {
      name: 'several types share one header',
      command: 'get sts,svc -o custom-columns=KIND:.kind,NAME:.metadata.name --no-headers',
      stdout: 'StatefulSet   web\nService       kubernetes\nService       nginx\n',
    },
    {
      name: 'a column without a path',
      command: 'get pods -o custom-columns=NAME',
      stdout: '',
      stderr: 'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n',
    },
    {
      name: 'no columns',
      command: 'get pods -o custom-columns=',
      stdout: '',
      stderr: 'error: custom-columns format specified but no custom columns given\n',
    },
    {
      name: 'a path RelaxedJSONPathExpression rejects',
      command: 'get pods -o custom-columns=X:{{.a}}',
      stdout: '',
      stderr:
        "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n",
    },
    {
      name: 'an index past the end of a list',
      command: 'get pods -o custom-columns=X:.spec.containers[3].name',
      stdout: '',
      stderr: 'error: array index out of bounds: index 3, length 1\n',
    },
    {
      name: 'a name not found prints the error and no header',
      command: 'get pod nope -o custom-columns=NAME:.metadata.name',
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = cluster().kubectlResult(c.command);
      assert.equal(result.stdout, c.stdout);
      assert.equal(result.stderr, c.stderr ?? '');
    });
  }
});
