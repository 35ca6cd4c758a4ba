/**
 * The frames of `display.timeline(cluster)`, computed in the worker: the cluster's history replayed one change
 * at a time, and after every moment when a pod changed, the table `kubectl get pods` would have printed then.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../sim/api/meta';
import { EPOCH_MS } from '../sim/clock';
import { podPrinter } from '../sim/kubectl/printers';
import { formatTable } from '../sim/kubectl/tabwriter';
import type { TimelineFrame, TimelineSource } from './display-api';

const NAMESPACE = 'default';

function podsTable(pods: Map<string, Stored<Pod>>, elapsedMs: number): string {
  if (pods.size === 0) return `No resources found in ${NAMESPACE} namespace.\n`;
  const now = EPOCH_MS + elapsedMs;
  const names = [...pods.keys()].sort();
  return formatTable([podPrinter.header, ...names.map((name) => podPrinter.row(pods.get(name)!, now))]);
}

export function timelineFrames(source: TimelineSource): TimelineFrame[] {
  if (!source || !Array.isArray(source.history)) {
    throw new TypeError('display.timeline() needs a Cluster (an object with a history array)');
  }
  const pods = new Map<string, Stored<Pod>>();
  const frames: TimelineFrame[] = [{ time: 0, pods: podsTable(pods, 0) }];
  const changes = source.history.filter((c) => c.kind === 'Pod' && c.namespace === NAMESPACE);
  changes.forEach((change, i) => {
    if (change.type === 'DELETED') pods.delete(change.name);
    else pods.set(change.name, change.object as Stored<Pod>);
    // Several changes at the same virtual moment make one frame: the state once they have all happened.
    if (changes[i + 1]?.time === change.time) return;
    const frame = { time: change.time, pods: podsTable(pods, change.time) };
    if (frames[frames.length - 1].time === frame.time) frames[frames.length - 1] = frame;
    else frames.push(frame);
  });
  return frames;
}
