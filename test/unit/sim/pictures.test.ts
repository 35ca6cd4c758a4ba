import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster, dnsTable, topology } from '../../../src/sim/index';

interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A small XML well-formedness check: one root, every tag closed in order, attributes quoted and unique, only the
 * five predefined entities (or numeric ones), no stray "<" or "&". Returns the element tree.
 */
function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const checkText = (t: string) => {
    const bad = /&(?!(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/.exec(t);
    if (bad) throw new Error(`unescaped & at ${i}`);
    if (t.includes('<')) throw new Error(`stray < at ${i}`);
  };
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const chunk = lt < 0 ? source.slice(i) : source.slice(i, lt);
    checkText(chunk);
    if (stack.length === 0 && chunk.trim() !== '') throw new Error('text outside the root element');
    if (stack.length > 0) stack[stack.length - 1].text += chunk;
    if (lt < 0) break;
    const gt = source.indexOf('>', lt);
    if (gt < 0) throw new Error(`unclosed tag at ${lt}`);
    const tag = source.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1)) throw new Error(`</${tag.slice(1)}> closes <${open?.name}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameMatch = /^([A-Za-z_][\w.:-]*)/.exec(body);
    if (!nameMatch) throw new Error(`bad tag <${tag}>`);
    const element: XmlElement = { name: nameMatch[1], attrs: new Map(), children: [], text: '' };
    let rest = body.slice(nameMatch[1].length);
    const attr = /^\s+([A-Za-z_][\w.:-]*)="([^"<]*)"/;
    for (let m = attr.exec(rest); m; m = attr.exec(rest)) {
      if (element.attrs.has(m[1])) throw new Error(`duplicate attribute ${m[1]}`);
      checkText(m[2]);
      element.attrs.set(
        m[1],
        m[2]
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
      );
      rest = rest.slice(m[0].length);
    }
    if (rest.trim() !== '') throw new Error(`bad attributes in <${tag}>`);
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

function all(root: XmlElement, predicate: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (predicate(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** An accessible SVG: role="img", labelled by its own <title> and <desc>, colours that follow the theme. */
function assertAccessibleSvg(svg: string): XmlElement {
  const root = parseXml(svg);
  assert.equal(root.name, 'svg');
  assert.equal(root.attrs.get('role'), 'img');
  const [titleId, descId] = (root.attrs.get('aria-labelledby') ?? '').split(' ');
  assert.equal(root.children[0].name, 'title');
  assert.equal(root.children[0].attrs.get('id'), titleId);
  assert.equal(root.children[1].name, 'desc');
  assert.equal(root.children[1].attrs.get('id'), descId);
  for (const t of all(root, (e) => e.name === 'text')) assert.equal(t.attrs.get('fill'), 'currentColor');
  // Fixed colours appear only as fallbacks of CSS variables, so a theme can override them.
  assert.doesNotMatch(svg.replace(/var\(--[\w-]+, #[0-9a-f]{6}\)/g, ''), /#[0-9a-f]{6}/);
  return root;
}

function webManifest(image: string, replicas = 3): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: ${replicas}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: "${image}"}]}
  volumeClaimTemplates: [{metadata: {name: www}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]
`;
}

function rolledOut(seed: number): Cluster {
  const cluster = new Cluster({ seed });
  cluster.apply(webManifest('registry.k8s.io/nginx-slim:0.21'));
  cluster.settle();
  cluster.apply(webManifest('registry.k8s.io/nginx-slim:0.24'));
  cluster.settle();
  return cluster;
}

describe('the XML check', () => {
  for (const bad of [
    '<a><b></a></b>',
    '<a x="1" x="2"/>',
    '<a>&nbsp;</a>',
    '<a/><b/>',
    '<a x=1/>',
    '<a>',
    'text<a/>',
  ]) {
    it(`rejects ${bad}`, () => assert.throws(() => parseXml(bad)));
  }
  it('accepts nested elements, entities and self-closing tags', () => {
    const root = parseXml('<a k="&quot;v&quot;"><b/>x &amp; y<c>&#65;</c></a>');
    assert.equal(root.attrs.get('k'), '"v"');
    assert.deepEqual(
      root.children.map((c) => c.name),
      ['b', 'c'],
    );
  });
});

describe('podTimeline', () => {
  it('draws one row per ordinal, in ordinal order', () => {
    const root = assertAccessibleSvg(rolledOut(3).timeline({ set: 'web' }));
    const rows = all(root, (e) => e.attrs.get('class') === 'row');
    assert.deepEqual(
      rows.map((r) => r.attrs.get('data-ordinal')),
      ['0', '1', '2'],
    );
  });

  it('colours bars by revision: after an update the new revision has its own colour', () => {
    const cluster = rolledOut(3);
    const root = parseXml(cluster.timeline({ set: 'web' }));
    const fillByRevision = new Map<string, Set<string>>();
    for (const bar of all(root, (e) => e.name === 'rect' && e.attrs.has('data-revision'))) {
      const fill = /fill: ([^;]+);/.exec(bar.attrs.get('style') ?? '')?.[1] ?? '';
      const set = fillByRevision.get(bar.attrs.get('data-revision') ?? '') ?? new Set();
      set.add(fill);
      fillByRevision.set(bar.attrs.get('data-revision') ?? '', set);
    }
    const sts = cluster.get<StatefulSet>('sts', 'web');
    const revisions = [...fillByRevision.keys()];
    assert.equal(revisions.length, 2);
    assert.ok(revisions.includes(sts?.status?.currentRevision ?? ''));
    const [a, b] = revisions.map((r) => [...(fillByRevision.get(r) ?? [])]);
    assert.equal(a.length, 1);
    assert.equal(b.length, 1);
    assert.notEqual(a[0], b[0]);
  });

  it('shades the phases a pod goes through, and a replaced pod shows Terminating', () => {
    const root = parseXml(rolledOut(3).timeline({ set: 'web' }));
    const row = all(root, (e) => e.attrs.get('data-pod') === 'web-2')[0];
    const phases = row.children.filter((c) => c.name === 'rect').map((c) => c.attrs.get('data-phase'));
    assert.ok(phases.includes('Terminating'));
    assert.equal(phases[phases.length - 1], 'Running');
    assert.ok(phases.indexOf('ContainerCreating') < phases.indexOf('Running'));
  });

  it('is deterministic: the same seed and commands give the same SVG', () => {
    assert.equal(rolledOut(9).timeline(), rolledOut(9).timeline());
  });

  it('says so when there are no pods', () => {
    const root = assertAccessibleSvg(new Cluster().timeline());
    assert.equal(root.children[1].text, 'No pods yet.');
  });
});

describe('topology', () => {
  it('links the StatefulSet to its pods, their claims and their nodes', () => {
    const cluster = rolledOut(2);
    const root = assertAccessibleSvg(cluster.topology());
    const ids = all(root, (e) => e.attrs.get('class') === 'node').map((e) => e.attrs.get('data-id'));
    for (const id of ['sts/web', 'pod/web-0', 'pod/web-1', 'pod/web-2', 'pvc/www-web-0', 'pvc/www-web-2']) {
      assert.ok(ids.includes(id), id);
    }
    const edges = all(root, (e) => e.name === 'path').map((e) => e.attrs.get('data-edge'));
    assert.ok(edges.includes('sts/web pod/web-1'));
    assert.ok(edges.includes('pod/web-1 pvc/www-web-1'));
    const node = cluster.get<Pod>('pod', 'web-1')?.spec?.nodeName;
    assert.ok(edges.includes(`pod/web-1 node/${node}`));
  });

  it('follows a claim to its PersistentVolume', () => {
    const svg = topology({
      statefulSets: [
        { metadata: { name: 'db' }, spec: { replicas: 1, serviceName: 'db', selector: {}, template: {} } },
      ],
      pods: [
        {
          metadata: { name: 'db-0', namespace: 'default', ownerReferences: [ref('db')] },
          spec: { containers: [], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }] },
        },
      ],
      claims: [
        {
          metadata: { name: 'data-db-0', namespace: 'default' },
          spec: { volumeName: 'pv-7' },
          status: { phase: 'Bound' },
        },
      ],
      volumes: [{ metadata: { name: 'pv-7' }, spec: { capacity: { storage: '1Gi' } } }],
    });
    const root = assertAccessibleSvg(svg);
    const edges = all(root, (e) => e.name === 'path').map((e) => e.attrs.get('data-edge'));
    assert.deepEqual(edges, ['sts/db pod/db-0', 'pod/db-0 pvc/data-db-0', 'pvc/data-db-0 pv/pv-7']);
  });
});

describe('dnsTable', () => {
  it('lists records sorted by name and type, escaped', () => {
    const root = assertAccessibleSvg(
      dnsTable([
        { name: 'web-1.nginx.default.svc.cluster.local', type: 'A', value: '10.244.2.3', ttl: 30 },
        {
          name: 'nginx.default.svc.cluster.local',
          type: 'SRV',
          value: '0 50 80 web-0.nginx.default.svc.cluster.local',
        },
        { name: 'nginx.default.svc.cluster.local', type: 'A', value: '10.244.1.2' },
        { name: '<odd & name>', type: 'TXT', value: '"quoted"' },
      ]),
    );
    const rows = all(root, (e) => e.attrs.get('class') === 'record').map((r) =>
      r.children.filter((c) => c.name === 'text').map((c) => c.text),
    );
    assert.deepEqual(rows, [
      ['&lt;odd &amp; name&gt;', 'TXT', '', '&quot;quoted&quot;'],
      ['nginx.default.svc.cluster.local', 'A', '', '10.244.1.2'],
      ['nginx.default.svc.cluster.local', 'SRV', '', '0 50 80 web-0.nginx.default.svc.cluster.local'],
      ['web-1.nginx.default.svc.cluster.local', 'A', '30', '10.244.2.3'],
    ]);
  });
});

function ref(name: string) {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', name, uid: `uid-${name}`, controller: true };
}
