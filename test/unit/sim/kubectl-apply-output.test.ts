import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';
import { LAST_APPLIED } from '../../../src/sim/kubectl/apply';

const service = (name: string, port: number): string =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: {ports: [{port: ${port}}]}\n`;

describe('kubectl apply -o (the printer flags of ApplyOptions)', () => {
  const cases: Array<{ name: string; output: string; expected: (k: Cluster) => string }> = [
    { name: 'name', output: 'name', expected: () => 'service/s\n' },
    { name: 'yaml is the object the server returned', output: 'yaml', expected: (k) => k.kubectl('get svc s -o yaml') },
    { name: 'json is the object the server returned', output: 'json', expected: (k) => k.kubectl('get svc s -o json') },
    {
      name: 'jsonpath reads the defaulted fields',
      output: "jsonpath='{.spec.ports[0].targetPort}'",
      expected: () => '80',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const k = new Cluster({ seed: 5 });
      const printed = k.kubectl(`apply -f - -o ${c.output}`, service('s', 80));
      assert.equal(printed, c.expected(k));
    });
  }

  it('prints a configured object as it is after the write, and separates YAML documents with ---', () => {
    const k = new Cluster({ seed: 5 });
    k.kubectl('apply -f -', service('s', 80));
    const printed = k.kubectl('apply -f - -o yaml', `${service('s', 81)}---\n${service('t', 80)}`);
    assert.equal(printed, `${k.kubectl('get svc s -o yaml')}---\n${k.kubectl('get svc t -o yaml')}`);
    assert.match(printed, /targetPort: 81/);
  });

  it('refuses an unknown format before anything is written', () => {
    const k = new Cluster({ seed: 5 });
    const result = k.kubectlResult('apply -f - -o bogus', service('s', 80));
    assert.match(result.stderr, /^error: unable to match a printer suitable for the output format "bogus"/);
    assert.equal(result.exitCode, 1);
    assert.equal(k.list('Service').filter((s) => s.metadata.name === 's').length, 0);
  });

  it('--dry-run=client -o yaml prints the annotated manifest without a uid', () => {
    const k = new Cluster({ seed: 5 });
    const printed = k.kubectl('apply -f - --dry-run=client -o yaml', service('s', 80));
    assert.match(printed, new RegExp(`${LAST_APPLIED}: \\|`));
    assert.doesNotMatch(printed, /uid:/);
  });
});

describe('the last-applied-configuration annotation (GetModifiedConfiguration)', () => {
  it('is the manifest as encoding/json writes it: sorted keys, an empty annotations map, a newline', () => {
    const k = new Cluster({ seed: 5 });
    const manifest =
      'kind: Service\napiVersion: v1\nmetadata: {name: s, labels: {b: "2", a: "1"}}\nspec: {ports: [{port: 80}]}\n';
    k.kubectl('apply -f -', manifest);
    const annotation = k.get('svc', 's')?.metadata.annotations?.[LAST_APPLIED];
    assert.equal(
      annotation,
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"a":"1","b":"2"},"name":"s","namespace":"default"},"spec":{"ports":[{"port":80}]}}\n',
    );
  });

  it('leaves itself out, keeps the reader\u2019s own annotations, and escapes HTML as Go does', () => {
    const k = new Cluster({ seed: 5 });
    const manifest =
      'apiVersion: v1\nkind: Service\nmetadata: {name: s, annotations: {note: "a<b & c>d"}}\nspec: {ports: [{port: 80}]}\n';
    k.kubectl('apply -f -', manifest);
    k.kubectl('apply -f -', manifest);
    const annotation = k.get('svc', 's')?.metadata.annotations?.[LAST_APPLIED] ?? '';
    assert.match(annotation, /"annotations":\{"note":"a\\u003cb \\u0026 c\\u003ed"\}/);
    assert.doesNotMatch(annotation, /last-applied-configuration/);
  });
});
