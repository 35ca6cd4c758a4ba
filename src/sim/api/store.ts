import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { VirtualClock } from '../clock';
import type { SeededRandom } from '../random';
import { ApiError, alreadyExists, conflict, invalid, notFound, type FieldError } from './errors';
import { clone, deepEqual, writable, type KubeObject, type Stored } from './meta';
import { apiVersionOf, typeForKind } from './resources';
import { ObjectTable, type Slot } from './object-table';
import { cloneSharing, copyToExtend } from './share';
import { LeaseManager } from './ttl';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: Stored<KubeObject>;
  /** The object before a MODIFIED event. */
  old?: Stored<KubeObject>;
}

export type WatchHandler = (event: WatchEvent) => void;

/** Per-kind hooks: what the apiserver's registry strategy does for that resource. */
export interface KindStrategy {
  /**
   * What the decoder makes of the request body before anything else: quantities become canonical strings. Returns
   * the message of a body it cannot decode, which fails the request as a BadRequest.
   */
  decode?(obj: KubeObject, stored?: Stored<KubeObject>): string | undefined;
  /** What the registry sets on create only (PrepareForCreate), before defaults: e.g. a new pod's status. */
  prepareForCreate?(obj: KubeObject): void;
  /** What an update keeps of the stored object before defaults, such as a Service's cluster IP (patchAllocatedValues). */
  prepareForUpdate?(obj: KubeObject, old: Stored<KubeObject>): void;
  /** Server-side defaults, applied on create and on update (SetDefaults_*); `stored` is what an update replaces. */
  applyDefaults?(obj: KubeObject, stored?: Stored<KubeObject>): void;
  /**
   * What the registry allocates before it validates (BeginCreate / BeginUpdate), such as a Service's node ports;
   * throws the apiserver's error for a request it cannot satisfy.
   */
  allocate?(obj: KubeObject, old: Stored<KubeObject> | undefined): void;
  /** Validation on create (old undefined) and on update. Returning errors rejects the write whole. */
  validate?(obj: KubeObject, old: Stored<KubeObject> | undefined): FieldError[];
  /** Validating admission after validation passed (an update's old object given): throws the plugin's error. */
  admit?(obj: KubeObject, old: Stored<KubeObject> | undefined): void;
  /** Validation of an update that changes only status, as the status subresource validates it. */
  validateStatus?(obj: KubeObject, old: Stored<KubeObject>): FieldError[];
  /** Whether metadata.generation tracks spec changes for this kind. */
  tracksGeneration?: boolean;
}

/** CreateOptions / UpdateOptions: with dryRun, the request is admitted and answered, and nothing is stored. */
export interface WriteOptions {
  dryRun?: boolean;
}

/** An empty listing, shared: callers only read listings. */
const NONE: readonly never[] = [];

/** The options of an ordinary write, shared so the hot path allocates none. */
const NO_OPTIONS: WriteOptions = {};

export interface DeleteOptions {
  /** Seconds of grace; undefined means the object's own default. */
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

/** A pluggable rule for how long a graceful deletion waits (the pod strategy's CheckGracefulDelete). */
export type GracePeriodRule = (obj: Stored<KubeObject>, requested: number | undefined) => number;

/**
 * The simulated apiserver's storage: typed objects with uid, resourceVersion, generation and timestamps; watches;
 * graceful deletion and finalizers. Indexes by kind and by controller owner keep controllers off whole-store scans.
 */
export class ObjectStore {
  private readonly table = new ObjectTable();
  private readonly byOwner = new Map<string, Map<string, Set<Slot>>>();
  private readonly watchers = new Map<string, WatchHandler[]>();
  private readonly anyWatchers: WatchHandler[] = [];
  private readonly strategies = new Map<string, KindStrategy>();
  private readonly graceRules = new Map<string, GracePeriodRule>();
  private readonly leases = new Map<string, LeaseManager>();
  private resourceVersion = 1000;

  constructor(
    private readonly clock: VirtualClock,
    private readonly random: SeededRandom,
  ) {}

  /**
   * A random name suffix from the cluster's seeded generator, for clients that make up names (kubectl create
   * deployment's sanitizeAndUniquify), so a seed still fixes the whole transcript.
   */
  nameSuffix(length: number): string {
    return this.random.suffix(length);
  }

  /** A random integer in [min, max] from the same generator, for clients that make up numbers (temp file names). */
  randomInt(min: number, max: number): number {
    return this.random.int(min, max);
  }

  registerStrategy(kind: string, strategy: KindStrategy): void {
    this.strategies.set(kind, strategy);
  }

  registerGracePeriod(kind: string, rule: GracePeriodRule): void {
    this.graceRules.set(kind, rule);
  }

  /** Objects of `kind` expire `seconds` after their last write, as Events do with the apiserver's --event-ttl. */
  registerTimeToLive(kind: string, seconds: number): void {
    // The lease holds the slot each write went to: no lookup by name to tell whether that version is still stored.
    const expire = (slot: Slot, resourceVersion: string): void => {
      if (slot.stored && slot.object.metadata.resourceVersion === resourceVersion) this.removeStored(kind, slot);
    };
    this.leases.set(kind, new LeaseManager(this.clock, seconds, `apiserver: ${kind} lease expiry`, expire));
  }

  /** Subscribes to changes of one kind ("Pod") or of every kind ("*"). */
  watch(kind: string, handler: WatchHandler): () => void {
    const list = kind === '*' ? this.anyWatchers : this.watchersOf(kind);
    list.push(handler);
    return () => {
      const i = list.indexOf(handler);
      if (i >= 0) list.splice(i, 1);
    };
  }

  get<T extends KubeObject>(kind: string, namespace: string, name: string): Stored<T> | undefined {
    return this.table.slot(kind, namespace, name)?.object as Stored<T> | undefined;
  }

  /**
   * Where the object is stored now, for a caller that reads one object over and over: `object` is its newest
   * version while `stored` holds (deleting it, or deleting and recreating it, ends that), with no lookup by name.
   */
  slotOf(kind: string, namespace: string, name: string): Readonly<Slot> | undefined {
    return this.table.slot(kind, namespace, name);
  }

  /** Objects of a kind, optionally in one namespace, sorted by key as etcd returns them. */
  list<T extends KubeObject>(kind: string, namespace?: string): Stored<T>[] {
    return this.table.sortedObjects(kind, namespace) as Stored<T>[];
  }

  /** Objects of a kind whose controller owner reference has this uid. */
  listControlledBy<T extends KubeObject>(kind: string, ownerUid: string): Stored<T>[] {
    const slots = this.byOwner.get(kind)?.get(ownerUid);
    if (!slots) return [];
    const out: Stored<T>[] = [];
    for (const slot of slots) out.push(slot.object as Stored<T>);
    return out;
  }

  /** Objects of a kind in a namespace that have no controller: candidates for adoption. */
  listUncontrolled<T extends KubeObject>(kind: string, namespace: string): readonly Stored<T>[] {
    // Asked on every sync of every controller that adopts, and almost always empty: then no list is built.
    const slots = this.byOwner.get(kind)?.get('');
    if (!slots) return NONE;
    const out: Stored<T>[] = [];
    for (const slot of slots) if (slot.object.metadata.namespace === namespace) out.push(slot.object as Stored<T>);
    return out;
  }

  count(kind: string): number {
    return this.table.count(kind);
  }

  /** The kinds that have had objects stored (what a client would discover and list before it watches). */
  kinds(): string[] {
    return this.table.kinds();
  }

  /** Creates an object: defaults, validates, assigns uid/resourceVersion/timestamps (a POST). */
  create<T extends KubeObject>(input: T, options: WriteOptions = NO_OPTIONS): Stored<T> {
    return this.createOwned(clone(input), options);
  }

  /**
   * `create` of an object its caller built for this one call and never touches again (no undefined fields, nothing
   * shared with other data): the store keeps it without the defensive copy.
   */
  createOwned<T extends KubeObject>(input: T, options: WriteOptions = NO_OPTIONS): Stored<T> {
    const obj = input as Stored<T>;
    const kind = obj.kind ?? '';
    const type = typeForKind(kind);
    obj.apiVersion = obj.apiVersion ?? (type ? apiVersionOf(type) : 'v1');
    obj.metadata = obj.metadata ?? ({} as ObjectMeta & { name: string });
    if (!obj.metadata.name && obj.metadata.generateName) {
      obj.metadata.name = obj.metadata.generateName + this.random.suffix(5);
    }
    if (type && !type.namespaced) delete obj.metadata.namespace;
    else if (type && !obj.metadata.namespace) obj.metadata.namespace = 'default';
    const strategy = this.strategies.get(kind);
    this.decode(strategy, obj);
    strategy?.prepareForCreate?.(obj);
    strategy?.applyDefaults?.(obj);
    strategy?.allocate?.(obj, undefined);
    const errs = strategy?.validate?.(obj, undefined) ?? [];
    if (errs.length > 0) throw invalid(kind, obj.metadata.name ?? '', errs);
    if (this.table.slot(kind, obj.metadata.namespace, obj.metadata.name)) throw alreadyExists(kind, obj.metadata.name);
    writable(obj.metadata).uid = this.random.uuid();
    writable(obj.metadata).creationTimestamp = this.clock.timestamp();
    if (strategy?.tracksGeneration) writable(obj.metadata).generation = 1;
    if ('deletionTimestamp' in obj.metadata) delete writable(obj.metadata).deletionTimestamp;
    // DryRunnableStorage: BeforeCreate has filled in uid and creationTimestamp; only storage sets a resourceVersion.
    if (options.dryRun) {
      delete writable(obj.metadata).resourceVersion;
      return obj;
    }
    writable(obj.metadata).resourceVersion = this.nextResourceVersion();
    const slot = this.table.add(kind, obj);
    this.indexOwner(kind, slot, undefined, obj);
    this.lease(kind, slot, obj);
    this.emit({ type: 'ADDED', object: obj });
    return obj;
  }

  /** A body the decoder rejects: `Pod in version "v1" cannot be handled as a Pod: <why>`. */
  private decode(strategy: KindStrategy | undefined, obj: KubeObject, stored?: Stored<KubeObject>): void {
    const problem = strategy?.decode?.(obj, stored);
    if (problem === undefined) return;
    const kind = obj.kind ?? '';
    const version = (obj.apiVersion ?? 'v1').split('/').pop();
    throw new ApiError('BadRequest', 400, `${kind} in version "${version}" cannot be handled as a ${kind}: ${problem}`);
  }

  /**
   * Replaces an object (a PUT). The caller passes a modified copy of what it read; a stale resourceVersion is a
   * Conflict. metadata.generation moves only when the spec changes, as the apps registry strategies do.
   */
  update<T extends KubeObject>(input: T, options: WriteOptions = NO_OPTIONS): Stored<T> {
    return this.put(input, false, options);
  }

  /**
   * `update` of an object its caller built for this one call from what it read: no undefined fields, and every
   * subtree either the stored object's own or new and never touched again. The store keeps it without the copy.
   */
  updateOwned<T extends KubeObject>(input: T, options: WriteOptions = NO_OPTIONS): Stored<T> {
    return this.put(input, true, options);
  }

  private put<T extends KubeObject>(input: T, owned: boolean, options: WriteOptions): Stored<T> {
    const kind = input.kind ?? '';
    const slot = this.table.slot(kind, input.metadata?.namespace, input.metadata?.name ?? '');
    const old = slot?.object;
    if (!slot || !old) throw notFound(kind, input.metadata?.name ?? '');
    if (input.metadata?.resourceVersion && input.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(kind, old.metadata.name);
    }
    // Subtrees the caller kept from what it read stay shared with the stored object (never mutated).
    const shared = owned ? input : cloneSharing(input, old);
    // cloneSharing hands back fresh objects except where they are the stored ones: copy only those, to edit them.
    const obj = (shared === old ? { ...shared } : shared) as Stored<T>;
    if (obj.metadata === old.metadata || !obj.metadata) obj.metadata = { ...obj.metadata } as Stored<T>['metadata'];
    obj.apiVersion = old.apiVersion;
    // Identity fields are owned by the server.
    writable(obj.metadata).uid = old.metadata.uid;
    writable(obj.metadata).creationTimestamp = old.metadata.creationTimestamp;
    obj.metadata.namespace = old.metadata.namespace;
    if (old.metadata.deletionTimestamp) {
      writable(obj.metadata).deletionTimestamp = old.metadata.deletionTimestamp;
      writable(obj.metadata).deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else if ('deletionTimestamp' in obj.metadata) {
      // Checked first: a delete of a missing key still costs a runtime call, and almost no write has one.
      delete writable(obj.metadata).deletionTimestamp;
    }
    const strategy = this.strategies.get(kind);
    this.decode(strategy, obj, old);
    strategy?.prepareForUpdate?.(obj, old);
    strategy?.applyDefaults?.(obj, old);
    strategy?.allocate?.(obj, old);
    const specSame = deepEqual((old as { spec?: unknown }).spec, (obj as { spec?: unknown }).spec);
    const errs =
      (strategy?.validateStatus && specSame && this.sameMetadata(old, obj)
        ? strategy.validateStatus(obj, old)
        : strategy?.validate?.(obj, old)) ?? [];
    if (errs.length > 0) throw invalid(kind, obj.metadata.name, errs);
    strategy?.admit?.(obj, old);
    if (strategy?.tracksGeneration) {
      writable(obj.metadata).generation = (old.metadata.generation ?? 1) + (specSame ? 0 : 1);
    }
    if (
      // Most writes change the status or the spec: look there first, before comparing the whole object.
      deepEqual((old as { status?: unknown }).status, (obj as { status?: unknown }).status) &&
      specSame &&
      equalIgnoring(old, obj, 'metadata') &&
      this.sameMetadata(old, obj)
    ) {
      return old as Stored<T>; // a no-op write does not bump resourceVersion or notify watchers
    }
    // A dry run answers with the updated object, still at the stored resourceVersion.
    if (options.dryRun) {
      writable(obj.metadata).resourceVersion = old.metadata.resourceVersion;
      return obj;
    }
    writable(obj.metadata).resourceVersion = this.nextResourceVersion();
    slot.object = obj;
    this.indexOwner(kind, slot, old, obj);
    this.lease(kind, slot, obj);
    this.emit({ type: 'MODIFIED', object: obj, old });
    // An object marked for deletion goes away once its last finalizer is removed.
    if (obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).length === 0 && this.graceDone(obj)) {
      this.remove(kind, obj.metadata.namespace, obj.metadata.name);
    }
    return obj;
  }

  /**
   * Deletes an object (a DELETE). Objects with finalizers or a grace period get a deletionTimestamp and stay until
   * both are done; others are removed at once. Returns the object as it stands after the call.
   */
  delete(kind: string, namespace: string, name: string, options: DeleteOptions = {}): Stored<KubeObject> {
    const slot = this.table.slot(kind, namespace, name);
    const old = slot?.object;
    if (!slot || !old) throw notFound(kind, name);
    const finalizers = [...(old.metadata.finalizers ?? [])];
    if (options.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) {
      finalizers.push('foregroundDeletion');
    }
    if (options.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) {
      finalizers.push('orphan');
    }
    const rule = this.graceRules.get(kind);
    let grace = rule ? rule(old, options.gracePeriodSeconds) : 0;
    if (old.metadata.deletionTimestamp) {
      // A second delete may only shorten the grace period (rest.BeforeDelete).
      const current = old.metadata.deletionGracePeriodSeconds ?? 0;
      if (grace >= current && finalizers.length === (old.metadata.finalizers ?? []).length) return old;
      grace = Math.min(grace, current);
    }
    if (finalizers.length === 0 && grace === 0) {
      this.remove(kind, namespace, name);
      return old;
    }
    // The deletion fields are new keys to the metadata: copied to extend, not spread.
    const obj = { ...old, metadata: copyToExtend(old.metadata) };
    // Without finalizers the field is left out, not stored as undefined.
    if (finalizers.length > 0) obj.metadata.finalizers = finalizers;
    else if ('finalizers' in obj.metadata) delete obj.metadata.finalizers;
    writable(obj.metadata).deletionTimestamp = this.clock.timestamp(this.clock.now() + grace * 1000);
    writable(obj.metadata).deletionGracePeriodSeconds = grace;
    writable(obj.metadata).resourceVersion = this.nextResourceVersion();
    slot.object = obj;
    this.lease(kind, slot, obj);
    this.emit({ type: 'MODIFIED', object: obj, old });
    return obj;
  }

  /** Whether a write leaves metadata as stored (the resourceVersion aside): then only its status can differ. */
  private sameMetadata(old: Stored<KubeObject>, obj: Stored<KubeObject>): boolean {
    return equalIgnoring(old.metadata, obj.metadata, 'resourceVersion');
  }

  private graceDone(obj: Stored<KubeObject>): boolean {
    return (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0;
  }

  /** Removes an object from storage and tells watchers (the final step of every deletion). */
  private remove(kind: string, namespace: string | undefined, name: string): void {
    // Looked up afresh: watchers of the write that led here may have changed what is stored.
    const slot = this.table.slot(kind, namespace, name);
    if (slot) this.removeStored(kind, slot);
  }

  /** `remove` of the object in a slot known to be stored. */
  private removeStored(kind: string, slot: Slot): void {
    const old = slot.object;
    this.table.remove(kind, old);
    this.indexOwner(kind, slot, old, undefined);
    const gone = { ...old, metadata: { ...old.metadata } };
    writable(gone.metadata).resourceVersion = this.nextResourceVersion();
    this.emit({ type: 'DELETED', object: gone });
  }

  private indexOwner(
    kind: string,
    slot: Slot,
    old: Stored<KubeObject> | undefined,
    next: Stored<KubeObject> | undefined,
  ): void {
    // Events have no owners and nobody lists or adopts them: indexing them would only hold memory.
    if (kind === 'Event') return;
    // Most writes keep the very owner references array they read: the controller cannot have changed.
    if (old && next && old.metadata.ownerReferences === next.metadata.ownerReferences) return;
    // Objects without a controller are indexed under "" so that adoption finds orphans without a scan.
    const oldUid = old ? (old.metadata.ownerReferences?.find((r) => r.controller)?.uid ?? '') : undefined;
    const newUid = next ? (next.metadata.ownerReferences?.find((r) => r.controller)?.uid ?? '') : undefined;
    if (oldUid === newUid) return;
    let index = this.byOwner.get(kind);
    if (!index) {
      index = new Map();
      this.byOwner.set(kind, index);
    }
    if (oldUid !== undefined) {
      const set = index.get(oldUid);
      set?.delete(slot);
      if (set && set.size === 0) index.delete(oldUid);
    }
    if (newUid !== undefined) {
      let set = index.get(newUid);
      if (!set) {
        set = new Set();
        index.set(newUid, set);
      }
      set.add(slot);
    }
  }

  /** Puts this version of the object on the kind's lease, if its kind has a time to live. */
  private lease(kind: string, slot: Slot, obj: Stored<KubeObject>): void {
    this.leases.get(kind)?.attach(slot, obj.metadata.resourceVersion ?? '');
  }

  private emit(event: WatchEvent): void {
    const handlers = this.watchers.get(event.object.kind);
    if (handlers) for (const handler of handlers) handler(event);
    for (const handler of this.anyWatchers) handler(event);
  }

  private nextResourceVersion(): string {
    this.resourceVersion += 1;
    return String(this.resourceVersion);
  }

  private watchersOf(kind: string): WatchHandler[] {
    let list = this.watchers.get(kind);
    if (!list) {
      list = [];
      this.watchers.set(kind, list);
    }
    return list;
  }
}

/** deepEqual of two objects as if neither had `key`: no copies with the key overwritten on the write path. */
function equalIgnoring(a: object, b: object, key: string): boolean {
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let defined = 0;
  for (const k in ao) {
    const v = ao[k];
    if (k === key || v === undefined) continue;
    defined++;
    if (!deepEqual(v, bo[k])) return false;
  }
  for (const k in bo) if (k !== key && bo[k] !== undefined) defined--;
  return defined === 0;
}
