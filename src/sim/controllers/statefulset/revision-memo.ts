import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import { canonicalJson, type Stored } from '../../api/meta';
import { computeHash } from '../../random';
import { equalRevision, revisionData, revisionWithData } from './history';

interface Kept {
  generation: number;
  collisionCount: number;
  data: ControllerRevision['data'];
  hash: string;
  /** The last candidate built, for its revision number: syncs without a new revision reuse it. */
  candidate?: ControllerRevision;
  /** equalRevision results by stored revision (stored objects are never mutated: a write stores a new one). */
  equal: WeakMap<Stored<ControllerRevision>, boolean>;
}

/**
 * What getStatefulSetRevisions computes on every sync but changes only with the set's spec: the template's
 * revision data and hash, and which stored revisions hold the same data. Hashing the template is otherwise the
 * costliest step of a sync that has nothing to do.
 */
export class RevisionMemo {
  private readonly bySet = new Map<string, Kept>();

  /** newRevision, with the data and hash kept while the set's generation and collision count stay the same. */
  candidate(set: Stored<StatefulSet>, revision: number, collisionCount: number): ControllerRevision {
    const uid = set.metadata.uid ?? '';
    const generation = set.metadata.generation ?? 0;
    let kept = this.bySet.get(uid);
    if (!kept || kept.generation !== generation || kept.collisionCount !== collisionCount) {
      const data = revisionData(set);
      const hash = computeHash(canonicalJson(data), collisionCount);
      kept = { generation, collisionCount, data, hash, equal: new WeakMap() };
      this.bySet.set(uid, kept);
    }
    // The candidate is only compared and read, never stored, so it may share the kept data. Its name, labels
    // and owner reference come from the set's name, uid and template, all fixed for one uid and generation.
    if (kept.candidate?.revision !== revision) kept.candidate = revisionWithData(set, revision, kept.data, kept.hash);
    return kept.candidate;
  }

  /** history.EqualRevision against the candidate, remembered per stored revision. */
  equals(set: Stored<StatefulSet>, revision: Stored<ControllerRevision>, candidate: ControllerRevision): boolean {
    const equal = this.bySet.get(set.metadata.uid ?? '')?.equal;
    let result = equal?.get(revision);
    if (result === undefined) {
      result = equalRevision(revision, candidate);
      equal?.set(revision, result);
    }
    return result;
  }

  forget(uid: string): void {
    this.bySet.delete(uid);
  }
}
