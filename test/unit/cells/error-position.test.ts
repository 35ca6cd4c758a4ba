import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { transform } from 'esbuild';
import { cellPosition, describeAt, framePosition } from '../../../src/cells/error-position';
import { decodeVlq, inlineSourceMap } from '../../../src/cells/source-map';
import { compileCellWith } from '../../../src/cells/transpile-options';

/** The generated 1-based line and column of the first occurrence of `needle` in `js`. */
function generatedPosition(js: string, needle: string): { line: number; column: number } {
  const lines = js.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

describe('source maps', () => {
  it('decodes base64 VLQ, including negative and multi-digit values', () => {
    assert.deepEqual(decodeVlq('AAAA'), [0, 0, 0, 0]);
    assert.deepEqual(decodeVlq('AACA'), [0, 0, 1, 0]);
    assert.deepEqual(decodeVlq('D'), [-1]);
    assert.deepEqual(decodeVlq('gB'), [16]);
    assert.deepEqual(decodeVlq('2HktC'), [123, 1234]);
  });

  it('maps a position in a compiled cell back to the TypeScript line and column', async () => {
    const ts = [
      'import { Cluster } from "kubesim";',
      'interface Shape { size: number }',
      'const shape: Shape = { size: 1 };',
      '',
      'if (shape.size > 0) {',
      '  throw new RangeError("too big");',
      '}',
    ].join('\n');
    const js = await compileCellWith({ transform }, ts, false);
    assert.ok(inlineSourceMap(js), 'the module carries an inline source map');
    const position = cellPosition(js, generatedPosition(js, 'new RangeError'));
    assert.deepEqual(position, { line: 6, column: 9 });
  });

  it('maps through a session footer too', async () => {
    const ts = 'const a: number = 1;\nconst b = a + 1;\nnull!.boom();';
    const js = await compileCellWith({ transform }, ts, true);
    assert.deepEqual(cellPosition(js, generatedPosition(js, 'null.boom')), { line: 3, column: 1 });
  });
});

describe('stack frames', () => {
  const url = 'blob:http://127.0.0.1:4173/0b4c-11';
  it('finds the cell module in a V8 stack', () => {
    const stack = `RangeError: too big\n    at Cluster.run (http://127.0.0.1/assets/worker.js:1:200)\n    at ${url}:14:11`;
    assert.deepEqual(framePosition(stack, url), { line: 14, column: 11 });
  });
  it('finds the cell module in a Firefox stack', () => {
    assert.deepEqual(framePosition(`@${url}:3:7\n`, url), { line: 3, column: 7 });
  });
  it('says nothing about stacks from elsewhere', () => {
    assert.equal(framePosition('at http://x/y.js:1:1', url), undefined);
  });
  it('prefixes the message with the position', () => {
    assert.equal(describeAt({ line: 3, column: 7 }, 'Error: boom'), 'cell.ts:3:7: Error: boom');
    assert.equal(describeAt(undefined, 'Error: boom'), 'Error: boom');
  });
});
