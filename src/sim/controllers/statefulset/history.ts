import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import { alreadyExists } from '../../api/errors';
import { canonicalJson, clone, deepEqual, newControllerRef, type Stored } from '../../api/meta';
import type { ObjectStore } from '../../api/store';
import { computeHash } from '../../random';

/** getPatch: what a StatefulSet revision records — the pod template, replaced whole on apply. */
export function revisionData(set: StatefulSet): { spec: { template: unknown } } {
  const template = clone(set.spec?.template ?? {}) as Record<string, unknown>;
  template.$patch = 'replace';
  return { spec: { template } };
}

/** history.ControllerRevisionName: "<parent>-<hash>", the parent name cut to 223 characters. */
export function revisionName(parent: string, hash: string): string {
  return `${parent.slice(0, 223)}-${hash}`;
}

/** newRevision: an unsaved ControllerRevision for the set's current template. */
export function newRevision(set: Stored<StatefulSet>, revision: number, collisionCount: number): ControllerRevision {
  const data = revisionData(set);
  return revisionWithData(set, revision, data, computeHash(canonicalJson(data), collisionCount));
}

/**
 * newRevision with the template's data and hash already computed (they change only with the set's spec, so a
 * caller may keep them between syncs).
 */
export function revisionWithData(
  set: Stored<StatefulSet>,
  revision: number,
  data: ControllerRevision['data'],
  hash: string,
): ControllerRevision {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: revisionName(set.metadata.name, hash),
      namespace: set.metadata.namespace,
      labels: { ...(set.spec?.template.metadata?.labels ?? {}), 'controller-revision-hash': hash },
      ownerReferences: [newControllerRef(set)],
    },
    data,
    revision,
  };
}

/** history.EqualRevision: same data. */
export function equalRevision(a: ControllerRevision, b: ControllerRevision): boolean {
  return deepEqual(a.data, b.data);
}

/** nextRevision: one more than the highest revision number in the history. */
export function nextRevision(revisions: ControllerRevision[]): number {
  return revisions.reduce((max, r) => Math.max(max, r.revision), 0) + 1;
}

/** history.SortControllerRevisions: by revision number, then name. */
export function sortRevisions<T extends ControllerRevision>(revisions: T[]): T[] {
  return sortRevisionsInPlace([...revisions]);
}

/** sortRevisions of a list the caller owns (a fresh listing), without copying it first. */
export function sortRevisionsInPlace<T extends ControllerRevision>(revisions: T[]): T[] {
  // Listings come in creation order, which is nearly always revision order: check before paying for a sort.
  for (let i = 1; i < revisions.length; i++) {
    if (byRevision(revisions[i - 1], revisions[i]) > 0) return revisions.sort(byRevision);
  }
  return revisions;
}

function byRevision(a: ControllerRevision, b: ControllerRevision): number {
  return a.revision - b.revision || ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1);
}

/**
 * CreateControllerRevision: saves a revision, bumping the collision count and rehashing when a different
 * revision already holds the name.
 */
export function createRevision(
  store: ObjectStore,
  set: Stored<StatefulSet>,
  revision: ControllerRevision,
  collisionCount: { value: number },
): Stored<ControllerRevision> {
  for (;;) {
    const candidate = newRevision(set, revision.revision, collisionCount.value);
    const existing = store.get<ControllerRevision>(
      'ControllerRevision',
      set.metadata.namespace ?? 'default',
      candidate.metadata?.name ?? '',
    );
    if (!existing) return store.create(candidate);
    if (equalRevision(existing, candidate)) return existing;
    collisionCount.value += 1;
    if (collisionCount.value > 100) throw alreadyExists('ControllerRevision', candidate.metadata?.name ?? '');
  }
}
