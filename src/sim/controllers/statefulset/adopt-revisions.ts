import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import { newControllerRef, selectorMatches, type Stored } from '../../api/meta';
import type { ObjectStore } from '../../api/store';

/**
 * adoptOrphanRevisions: ControllerRevisions in the set's namespace that match its selector and have no controller
 * (left behind by a `--cascade=orphan` delete) are taken over, so a re-created set continues the same history.
 */
export function adoptOrphanRevisions(store: ObjectStore, set: Stored<StatefulSet>): void {
  if (set.metadata.deletionTimestamp) return;
  for (const revision of store.listUncontrolled<ControllerRevision>(
    'ControllerRevision',
    set.metadata.namespace ?? 'default',
  )) {
    if (revision.metadata.deletionTimestamp || !selectorMatches(set.spec?.selector, revision.metadata.labels)) continue;
    store.update<ControllerRevision>({
      ...revision,
      metadata: {
        ...revision.metadata,
        ownerReferences: [...(revision.metadata.ownerReferences ?? []), newControllerRef(set)],
      },
    });
  }
}
