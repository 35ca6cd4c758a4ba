import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject, Stored } from '../../api/meta';
import type { WatchEvent } from '../../api/store';

/** Identifies one stored object: kind, namespace and name, plus the uid that tells incarnations apart. */
export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
}

export function refOf(obj: Stored<KubeObject>): ObjectRef {
  return {
    kind: obj.kind,
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name,
    uid: obj.metadata.uid ?? '',
  };
}

/**
 * GraphBuilder's uidToNode, reduced to what the collector asks: which objects name a given uid among their owner
 * references (controller or not). Kept current from watch events, so no lookup scans the store.
 */
export class DependencyGraph {
  private readonly dependents = new Map<string, Map<string, ObjectRef>>();
  private readonly owners = new Map<string, string[]>();

  /** processGraphChanges: records the owner references an object has after the event. */
  observe(event: WatchEvent): void {
    const refs = event.type === 'DELETED' ? undefined : event.object.metadata.ownerReferences;
    // Most writes leave the owner references alone: then the graph already holds what this event would record.
    if (sameOwners(this.owners.get(event.object.metadata.uid ?? ''), refs)) return;
    const ref = refOf(event.object);
    const next = ownerUids(refs);
    const prev = this.owners.get(ref.uid) ?? [];
    for (const uid of prev) if (!next.includes(uid)) this.unlink(uid, ref.uid);
    for (const uid of next) {
      let map = this.dependents.get(uid);
      if (!map) {
        map = new Map();
        this.dependents.set(uid, map);
      }
      map.set(ref.uid, ref);
    }
    if (next.length > 0) this.owners.set(ref.uid, next);
    else this.owners.delete(ref.uid);
  }

  /** The objects that list `ownerUid` among their owners, in a stable order. */
  dependentsOf(ownerUid: string): ObjectRef[] {
    const map = this.dependents.get(ownerUid);
    if (!map) return [];
    return [...map.values()].sort((a, b) =>
      a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  }

  hasDependents(ownerUid: string): boolean {
    return (this.dependents.get(ownerUid)?.size ?? 0) > 0;
  }

  private unlink(ownerUid: string, dependentUid: string): void {
    const map = this.dependents.get(ownerUid);
    map?.delete(dependentUid);
    if (map && map.size === 0) this.dependents.delete(ownerUid);
  }
}

function ownerUids(refs: OwnerReference[] | undefined): string[] {
  // Nearly every object has no owner or one: no set built for those.
  if (!refs || refs.length === 0) return [];
  if (refs.length === 1) return [refs[0].uid];
  return [...new Set(refs.map((r) => r.uid))];
}

/** Whether `recorded` (the distinct owner uids, in first-seen order) is what ownerUids(refs) would give. */
function sameOwners(recorded: string[] | undefined, refs: OwnerReference[] | undefined): boolean {
  const list = refs ?? [];
  let distinct = 0;
  for (let i = 0; i < list.length; i++) {
    const uid = list[i].uid;
    if (firstIndexOfUid(list, uid) < i) continue;
    if (recorded === undefined || recorded[distinct] !== uid) return false;
    distinct++;
  }
  return distinct === (recorded?.length ?? 0);
}

function firstIndexOfUid(refs: OwnerReference[], uid: string): number {
  for (let i = 0; i < refs.length; i++) if (refs[i].uid === uid) return i;
  return -1;
}
