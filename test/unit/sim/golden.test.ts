import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';

// Golden transcripts: the kubectl sessions of the course's notes and of the kubernetes.io StatefulSet Basics
// tutorial, run on the simulator with seed 1. Each .out file was read against the real output those sessions show
// (orderings, statuses, messages, columns); a change in any byte must be a deliberate one:
// UPDATE_GOLDEN=1 npm run test:unit rewrites them.
const DIR = path.resolve(import.meta.dirname, '../../golden');

describe('golden transcripts', () => {
  const scripts = readdirSync(DIR).filter((f) => f.endsWith('.kubesim'));
  it('has transcripts', () => assert.ok(scripts.length >= 3));
  for (const script of scripts.sort()) {
    it(script, () => {
      const text = readFileSync(path.join(DIR, script), 'utf8');
      const result = new Cluster({ seed: 1 }).script(text, { echo: true });
      const golden = path.join(DIR, script.replace(/\.kubesim$/, '.out'));
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, result.output);
      assert.ok(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1 and review it`);
      assert.equal(result.output, readFileSync(golden, 'utf8'));
    });
  }
});
