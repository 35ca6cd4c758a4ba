import type { KubeObject, Stored } from '../api/meta';
import type { ObjectStore } from '../api/store';
import type { DryRun } from './create-output';

/** kubectl's own error for a rollout operation, printed as `error: <message>`. */
export class RolloutError extends Error {}

/**
 * What `kubectl rollout` can do with one kind: its status viewer, history viewer and rollbacker
 * (polymorphichelpers), and whether pause and restart apply. Each method throws RolloutError for kubectl's errors.
 */
export interface RolloutKind {
  /** StatusViewer.Status: the line to print and whether the rollout is done. */
  status(store: ObjectStore, obj: Stored<KubeObject>, revision: number): { message: string; done: boolean };
  /** HistoryViewer.ViewHistory: the revision table, or one revision's pod template. */
  history(store: ObjectStore, obj: Stored<KubeObject>, revision: number): string;
  /**
   * Rollbacker.Rollback: performs the rollback; returns the operation printed after the name ("rolled back"). A
   * client dry run returns the pod template it would restore; a server one sends the patch with dryRun.
   */
  undo(store: ObjectStore, obj: Stored<KubeObject>, toRevision: number, dryRun: DryRun): string;
  /** Whether spec.paused exists (ObjectPauser / ObjectResumer). */
  pausable: boolean;
  /** Whether the pod template can be restarted with an annotation (ObjectRestarter). */
  restartable: boolean;
}
