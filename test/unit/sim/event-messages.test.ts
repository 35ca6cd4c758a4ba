import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventMessages } from '../../../src/sim/node/event-messages';

describe('EventMessages', () => {
  it('builds a message once per name and hands back that same string', () => {
    let builds = 0;
    const started = new EventMessages((name) => {
      builds++;
      return `Started container ${name}`;
    });
    const first = started.of('nginx');
    assert.equal(first, 'Started container nginx');
    assert.equal(started.of('nginx'), first);
    assert.equal(started.of('side'), 'Started container side');
    assert.equal(builds, 2);
  });

  it('starts over past its bound, still answering every name right', () => {
    const created = new EventMessages((name) => `Created container: ${name}`);
    for (let i = 0; i < 3000; i++) assert.equal(created.of(`c${i}`), `Created container: c${i}`);
    assert.equal(created.of('c0'), 'Created container: c0');
  });
});
