import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { transform } from 'esbuild';
import { topLevelNames } from '../../../src/cells/top-level-names';
import { compileCellWith } from '../../../src/cells/transpile-options';

/** Names as a session cell would publish them: through the same esbuild transform the compilers use. */
async function namesOf(ts: string): Promise<string[]> {
  const compiled = await compileCellWith({ transform }, ts, true);
  const footer = /globalThis\.__publishCellScope\(\{([\s\S]*?)\}\)/.exec(compiled);
  return footer ? footer[1].split(',').map((entry) => entry.split(':')[0].trim()) : [];
}

describe('topLevelNames', () => {
  it('finds const, let, var, functions and classes, not nested ones', () => {
    const js = [
      'const a = 1;',
      'let b = { x: 1 }, c = [1, 2];',
      'var d;',
      'function f() {',
      '  const inner = 1;',
      '}',
      'async function* g() {',
      '}',
      'class K extends Object {',
      '  m() {',
      '    const z = 1;',
      '  }',
      '}',
      'for (const i of [1]) {',
      '}',
    ].join('\n');
    assert.deepEqual(topLevelNames(js), ['a', 'b', 'c', 'd', 'f', 'g', 'K']);
  });

  it('reads destructuring patterns with defaults, renames, holes and rest elements', () => {
    const js = 'const { a, b: [c, , d = f(1, 2)], "e-f": g, [h]: i, ...rest } = obj, [j = { k: 1 }, ...more] = arr;';
    assert.deepEqual(topLevelNames(js), ['a', 'c', 'd', 'g', 'i', 'rest', 'j', 'more']);
  });

  it('skips strings and regular expressions in initializers', () => {
    const js = 'const a = "x, y = 1", b = /[,=]{1}/g, c = 4 / 2 / 1, d = \'}\';';
    assert.deepEqual(topLevelNames(js), ['a', 'b', 'c', 'd']);
  });

  it('finds import bindings: default, namespace, named and renamed', () => {
    const js = 'import def, { Cluster, parseDuration as pd } from "kubesim";\nimport * as k from "kubesim";';
    assert.deepEqual(topLevelNames(js), ['Cluster', 'pd', 'def', 'k']);
  });

  it('handles a declaration spread over several lines', () => {
    const js = 'const cluster = new Cluster({\n  seed: 1\n}), other = {\n  a: 1\n};\nconsole.log(cluster);';
    assert.deepEqual(topLevelNames(js), ['cluster', 'other']);
  });
});

describe('session cell compilation', () => {
  it('publishes TypeScript declarations, including imports the cell does not use', async () => {
    const names = await namesOf(
      [
        'import { Cluster } from "kubesim";',
        'const manifest = `',
        'const notAName = 1',
        '`;',
        'const cluster: { seed: number } = { seed: 1 };',
        'let count: number = 0, { a }: { a: number } = { a: 1 };',
        'function helper<T>(x: T): T { const inner = x; return inner; }',
        'enum Color { Red }',
        'interface OnlyAType { x: number }',
        'type Alias = string;',
      ].join('\n'),
    );
    assert.deepEqual(names, ['Cluster', 'manifest', 'cluster', 'count', 'a', 'helper', 'Color']);
  });

  it('leaves self-contained cells without a footer', async () => {
    const js = await compileCellWith({ transform }, 'const x = 1; console.log(x);', false);
    assert.doesNotMatch(js, /__publishCellScope/);
  });
});
