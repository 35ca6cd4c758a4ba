import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { ApiError } from '../../api/errors';
import type { KubeObject, Stored } from '../../api/meta';
import { typeForKind } from '../../api/resources';
import type { DeleteOptions, WatchEvent } from '../../api/store';
import type { ControllerContext } from '../context';
import { WorkQueue } from '../workqueue';
import { DependencyGraph, refOf, type ObjectRef } from './graph';

export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

/** Milliseconds between a graph change and the collector's workers acting on it. */
const QUEUE_LATENCY_MS = 5;

/**
 * The garbage collector (pkg/controller/garbagecollector): deletes objects whose owners are all gone (background
 * cascading), deletes the dependents of an owner held by the `foregroundDeletion` finalizer and then releases it,
 * and strips owner references from the dependents of an owner held by the `orphan` finalizer.
 */
export class GarbageCollector {
  private readonly graph = new DependencyGraph();
  private readonly attemptToDelete: WorkQueue;
  private readonly attemptToOrphan: WorkQueue;
  private readonly refs = new Map<string, ObjectRef>();

  constructor(private readonly ctx: ControllerContext) {
    this.attemptToDelete = new WorkQueue(ctx.clock, 'garbage-collector: attemptToDelete', QUEUE_LATENCY_MS, (uid) =>
      this.attemptToDeleteItem(uid),
    );
    this.attemptToOrphan = new WorkQueue(ctx.clock, 'garbage-collector: attemptToOrphan', QUEUE_LATENCY_MS, (uid) =>
      this.attemptToOrphanItem(uid),
    );
    // The informers' initial list: objects stored before the collector started enter the graph as additions.
    for (const kind of ctx.store.kinds()) {
      for (const object of ctx.store.list(kind)) this.processGraphChange({ type: 'ADDED', object });
    }
    ctx.store.watch('*', (e) => this.processGraphChange(e));
  }

  /** GraphBuilder.processGraphChanges: keep the graph current and queue the work each change implies. */
  private processGraphChange(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind === 'Event') return;
    const uid = obj.metadata.uid ?? '';
    // Most writes keep the owner references (the very array) and begin no deletion: such a write changes neither
    // the graph nor the collector's work. (The graph knows every object a MODIFIED event is about: it saw the
    // object's ADDED, or listed it on start, and forgets it only on DELETED.)
    if (
      event.type === 'MODIFIED' &&
      event.old?.metadata.ownerReferences === obj.metadata.ownerReferences &&
      !obj.metadata.deletionTimestamp
    ) {
      return;
    }
    this.graph.observe(event);
    if (event.type === 'DELETED') {
      this.refs.delete(uid);
      // The owner is gone: each dependent may now be garbage (or only needs its dangling reference removed).
      for (const dep of this.graph.dependentsOf(uid)) this.enqueueDelete(dep);
      // A dependent that vanished may have been the last one blocking its owner's foreground deletion; owners
      // not deleting their dependents have nothing to check.
      for (const owner of event.object.metadata.ownerReferences ?? []) {
        if (this.isDeletingDependents(owner.uid)) this.attemptToDelete.add(owner.uid);
      }
      return;
    }
    // kind, namespace and name never change for a uid: a ref already known stays right.
    let ref = this.refs.get(uid);
    if (!ref) {
      ref = refOf(obj);
      this.refs.set(uid, ref);
    }
    if (obj.metadata.deletionTimestamp) {
      const finalizers = obj.metadata.finalizers ?? [];
      if (finalizers.includes(ORPHAN_FINALIZER)) this.attemptToOrphan.add(uid);
      if (finalizers.includes(FOREGROUND_FINALIZER)) {
        this.attemptToDelete.add(uid);
        for (const dep of this.graph.dependentsOf(uid)) this.enqueueDelete(dep);
      }
    }
    // addDependentToOwners: a new object naming an owner the collector does not know (gone already, or never
    // seen) is checked; owners it knows keep their dependents.
    if (event.type === 'ADDED' && (obj.metadata.ownerReferences ?? []).some((owner) => !this.refs.has(owner.uid))) {
      this.enqueueDelete(ref);
    }
  }

  /** node.isDeletingDependents: the owner is being deleted in the foreground. */
  private isDeletingDependents(uid: string): boolean {
    const ref = this.refs.get(uid);
    const owner = ref ? this.lookup(ref) : undefined;
    return !!owner?.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER);
  }

  private enqueueDelete(ref: ObjectRef): void {
    this.refs.set(ref.uid, ref);
    this.attemptToDelete.add(ref.uid);
  }

  private lookup(ref: ObjectRef): Stored<KubeObject> | undefined {
    const obj = this.ctx.store.get(ref.kind, ref.namespace, ref.name);
    return obj && obj.metadata.uid === ref.uid ? obj : undefined;
  }

  /** The owner an owner reference names, if it still exists with that uid. */
  private ownerOf(dependent: Stored<KubeObject>, owner: OwnerReference): Stored<KubeObject> | undefined {
    const type = typeForKind(owner.kind);
    const ns = type && !type.namespaced ? '' : (dependent.metadata.namespace ?? '');
    const obj = this.ctx.store.get(owner.kind, ns, owner.name);
    return obj && obj.metadata.uid === owner.uid ? obj : undefined;
  }

  /** attemptToDeleteItem */
  private attemptToDeleteItem(uid: string): void {
    const ref = this.refs.get(uid);
    if (!ref) return;
    const item = this.lookup(ref);
    if (!item) return;
    if (item.metadata.deletionTimestamp && !(item.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) return;
    if ((item.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER) && item.metadata.deletionTimestamp) {
      this.processDeletingDependentsItem(item);
      return;
    }
    const refs = item.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const owner of refs) {
      const live = this.ownerOf(item, owner);
      if (!live) dangling.push(owner);
      else if (live.metadata.deletionTimestamp && (live.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) {
        if (owner.blockOwnerDeletion) waiting.push(owner);
        else solid.push(owner);
      } else solid.push(owner);
    }
    if (solid.length > 0) {
      if (dangling.length === 0 && waiting.length === 0) return;
      // Other owners still hold the object: only drop the references to owners that are gone or going.
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
      const kept = refs.filter((r) => !drop.has(r.uid));
      this.ctx.store.update({ ...item, metadata: { ...item.metadata, ownerReferences: kept } });
      return;
    }
    let policy: DeleteOptions['propagationPolicy'] = 'Background';
    if (waiting.length > 0 && this.graph.hasDependents(uid)) policy = 'Foreground';
    else if ((item.metadata.finalizers ?? []).includes(ORPHAN_FINALIZER)) policy = 'Orphan';
    this.deleteObject(ref, policy);
  }

  /** processDeletingDependentsItem: release the owner once no dependent blocks it. */
  private processDeletingDependentsItem(owner: Stored<KubeObject>): void {
    const uid = owner.metadata.uid ?? '';
    const blocking = this.graph.dependentsOf(uid).filter((dep) => {
      const live = this.lookup(dep);
      return live?.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion === true) ?? false;
    });
    if (blocking.length === 0) {
      this.removeFinalizer(owner, FOREGROUND_FINALIZER);
      return;
    }
    for (const dep of blocking) {
      const live = this.lookup(dep);
      if (live && !live.metadata.deletionTimestamp) this.enqueueDelete(dep);
    }
  }

  /** attemptToOrphanWorker: strip this owner from every dependent, then drop the orphan finalizer. */
  private attemptToOrphanItem(uid: string): void {
    const ref = this.refs.get(uid);
    const owner = ref ? this.lookup(ref) : undefined;
    if (!owner || !(owner.metadata.finalizers ?? []).includes(ORPHAN_FINALIZER)) return;
    for (const dep of this.graph.dependentsOf(uid)) {
      const live = this.lookup(dep);
      if (!live) continue;
      const kept = (live.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      this.ctx.store.update({
        ...live,
        metadata: { ...live.metadata, ownerReferences: kept.length > 0 ? kept : undefined },
      });
    }
    this.removeFinalizer(owner, ORPHAN_FINALIZER);
  }

  private removeFinalizer(obj: Stored<KubeObject>, finalizer: string): void {
    const rest = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    this.ctx.store.update({ ...obj, metadata: { ...obj.metadata, finalizers: rest.length > 0 ? rest : undefined } });
  }

  private deleteObject(ref: ObjectRef, policy: DeleteOptions['propagationPolicy']): void {
    try {
      this.ctx.store.delete(ref.kind, ref.namespace, ref.name, { propagationPolicy: policy });
    } catch (err) {
      if (!(err instanceof ApiError && err.reason === 'NotFound')) throw err;
    }
  }
}
