import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { eventRow } from '../../../src/sim/kubectl/kubectl-events';
import { webManifest } from './fixtures-web';

/** The web StatefulSet with one replica, settled, then a pod that crashes for three minutes. */
function cluster(): Cluster {
  const c = new Cluster({ seed: 4 });
  c.apply(webManifest({ replicas: 1 }));
  c.settle();
  c.kubectl('run crasher --image=busybox:1.28 -- sh -c "exit 1"');
  c.run('3m');
  return c;
}

/** The columns of each printed line after the header, split on runs of spaces. */
function rows(stdout: string): string[][] {
  return stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(/ {2,}/));
}

describe('kubectl events: flags (EventsFlags.ToOptions, EventsOptions.Validate)', () => {
  const cases: Array<{ command: string; stderr: string }> = [
    { command: 'events --for web', stderr: 'error: --for must be in resource/name form\n' },
    {
      command: 'events --for pod/web/0',
      stderr: 'error: arguments in resource/name form may not have more than one slash\n',
    },
    { command: 'events --for gadget/x', stderr: 'error: the server doesn\'t have a resource type "gadget"\n' },
    { command: 'events --types=Normal,Bad', stderr: 'error: valid --types are Normal or Warning\n' },
  ];
  for (const c of cases) {
    it(c.command, () => {
      assert.deepEqual(new Cluster().kubectlResult(c.command), { stdout: '', stderr: c.stderr, exitCode: 1 });
    });
  }

  it('says so when nothing matches, naming the namespace unless -A', () => {
    const c = new Cluster();
    assert.deepEqual(c.kubectlResult('events'), {
      stdout: '',
      stderr: 'No events found in default namespace.\n',
      exitCode: 0,
    });
    assert.deepEqual(c.kubectlResult('events -n shop'), {
      stdout: '',
      stderr: 'No events found in shop namespace.\n',
      exitCode: 0,
    });
    assert.deepEqual(c.kubectlResult('events -A'), { stdout: '', stderr: 'No events found.\n', exitCode: 0 });
  });
});

describe('kubectl events: the list', () => {
  it('prints LAST SEEN, TYPE, REASON, Kind/name and MESSAGE, sorted by when each was last seen', () => {
    const c = cluster();
    const out = c.kubectl('events');
    assert.match(out.split('\n')[0], /^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    const events = c.list<CoreEvent>('events');
    assert.equal(rows(out).length, events.length);
    // Kind keeps its capitals (kubectl get events lower-cases it).
    assert.ok(rows(out).some((r) => r[3] === 'StatefulSet/web'));
    // In name order first (the apiserver's list), then by last seen (SortableEvents' eventTime(): the series' last
    // observation, lastTimestamp, or the eventTime of the scheduler's events.k8s.io Events); ties keep the name order.
    const seen = (e: CoreEvent): number =>
      Date.parse(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? '');
    const expected = [...events]
      .sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1))
      .sort((a, b) => seen(a) - seen(b))
      .map((e) => [e.reason, `${e.involvedObject.kind}/${e.involvedObject.name}`]);
    assert.deepEqual(
      rows(out).map((r) => [r[2], r[3]]),
      expected,
    );
    // The newest comes last: the crash loop's BackOff is still being repeated.
    assert.equal(rows(out).at(-1)?.[2], 'BackOff');
  });

  it('--for keeps the events of one object; --types filters by type, in any case', () => {
    const c = cluster();
    const forPod = rows(c.kubectl('events --for pod/crasher'));
    assert.ok(forPod.length > 0);
    assert.ok(forPod.every((r) => r[3] === 'Pod/crasher'));
    const forSet = rows(c.kubectl('events --for sts/web'));
    assert.deepEqual(
      forSet.map((r) => [r[1], r[2], r[3], r[4]]),
      [
        [
          'Normal',
          'SuccessfulCreate',
          'StatefulSet/web',
          'create Claim www-web-0 Pod web-0 in StatefulSet web success',
        ],
        ['Normal', 'SuccessfulCreate', 'StatefulSet/web', 'create Pod web-0 in StatefulSet web successful'],
      ],
    );
    const warnings = rows(c.kubectl('events --types=warning'));
    assert.ok(warnings.length > 0);
    assert.ok(warnings.every((r) => r[1] === 'Warning'));
    const both = rows(c.kubectl('events --types=Normal --types=Warning'));
    assert.equal(both.length, rows(c.kubectl('events')).length);
  });

  it('-A adds NAMESPACE; --no-headers drops the header', () => {
    const c = cluster();
    const all = c.kubectl('events -A --for pod/crasher').split('\n');
    assert.match(all[0], /^NAMESPACE +LAST SEEN +TYPE/);
    assert.match(all[1], /^default +/);
    const bare = c.kubectl('events --no-headers --for sts/web');
    assert.doesNotMatch(bare, /LAST SEEN/);
    assert.match(bare, /SuccessfulCreate/);
  });

  it('-w prints what is stored, then each new or repeated event on its own line', () => {
    const c = new Cluster({ seed: 4 });
    c.apply(webManifest({ replicas: 2 }));
    const out = c.kubectl('events -w --for sts/web');
    const lines = out.trim().split('\n');
    assert.match(lines[0], /^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    assert.equal(lines.length, 5);
    // Each event is flushed alone, so the later rows are not padded to the header's widths.
    assert.equal(
      lines[4],
      '0s    Normal   SuccessfulCreate   StatefulSet/web   create Pod web-1 in StatefulSet web successful',
    );
    // Listed and watched events share the filter; the settled cluster adds none for the set.
    assert.equal(c.kubectl('events --for sts/web').trim().split('\n').length, 5);
  });
});

describe('kubectl events: printOneEvent', () => {
  const now = Date.parse('2026-01-01T00:10:00Z');
  const event = (fields: Partial<CoreEvent>): CoreEvent => ({
    metadata: { name: 'e' },
    involvedObject: { kind: 'Pod', name: 'web-0' },
    type: 'Normal',
    reason: 'Pulled',
    message: ' pulled \n',
    ...fields,
  });
  const cases: Array<{ name: string; e: CoreEvent; want: string[] }> = [
    {
      name: 'seen once: its age',
      e: event({ firstTimestamp: '2026-01-01T00:09:15Z', lastTimestamp: '2026-01-01T00:09:15Z', count: 1 }),
      want: ['45s', 'Normal', 'Pulled', 'Pod/web-0', 'pulled'],
    },
    {
      name: 'repeated: last seen, count and first seen',
      e: event({ firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:08:00Z', count: 5 }),
      want: ['2m (x5 over 10m)', 'Normal', 'Pulled', 'Pod/web-0', 'pulled'],
    },
    {
      name: 'no timestamps',
      e: event({}),
      want: ['<unknown>', 'Normal', 'Pulled', 'Pod/web-0', 'pulled'],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(eventRow(c.e, now), c.want));
});
