import type { Event as CoreEvent, ObjectReference } from 'kubernetes-types/core/v1';
import type { ObjectStore } from './api/store';
import type { KubeObject, Stored } from './api/meta';
import type { VirtualClock } from './clock';

export type EventType = 'Normal' | 'Warning';

/**
 * record.EventRecorder: writes core/v1 Events about an object. Repeats of the same reason and message about the
 * same object are folded into one Event with a higher count, as the event correlator does.
 */
export class EventRecorder {
  private seq = 0;
  /** Event name by (object, reason, message, source): how the correlator finds the event to fold a repeat into. */
  private readonly bySignature = new Map<string, string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
  ) {}

  event(
    obj: Stored<KubeObject>,
    type: EventType,
    reason: string,
    message: string,
    component: string,
    host?: string,
  ): void {
    const namespace = obj.metadata.namespace || 'default';
    const now = this.clock.timestamp();
    const existing = this.findSimilar(namespace, obj, reason, message, component);
    if (existing) {
      this.store.update({ ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: now });
      return;
    }
    const involved: ObjectReference = {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
    };
    this.seq += 1;
    const suffix = (this.clock.now() * 1000 + this.seq).toString(16);
    const name = `${obj.metadata.name}.${suffix}`;
    this.bySignature.set(signature(obj, reason, message, component), name);
    this.store.create<CoreEvent>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: involved,
      reason,
      message,
      type,
      source: host ? { component, host } : { component },
      reportingComponent: component,
      reportingInstance: host ?? '',
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
    });
  }

  private findSimilar(
    namespace: string,
    obj: Stored<KubeObject>,
    reason: string,
    message: string,
    component: string,
  ): Stored<CoreEvent> | undefined {
    const name = this.bySignature.get(signature(obj, reason, message, component));
    return name ? this.store.get<CoreEvent>('Event', namespace, name) : undefined;
  }
}

function signature(obj: Stored<KubeObject>, reason: string, message: string, component: string): string {
  return `${obj.metadata.uid}\u0000${reason}\u0000${message}\u0000${component}`;
}
