import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/meta';
import type { WatchEvent } from '../../api/store';
import { withCondition } from '../../pods/pod-util';
import type { ControllerContext } from '../context';
import type { NodeLifecycleController } from './node-lifecycle-controller';
import { matchingTolerations, minTolerationMs, taintsWithEffect } from './taints';

const COMPONENT = 'taint-eviction-controller';

/**
 * The taint eviction controller (pkg/controller/tainteviction): when a node has NoExecute taints, each pod on it
 * is deleted once its shortest matching tolerationSeconds has passed (at once if a taint is not tolerated);
 * before deleting, it adds the DisruptionTarget condition. Removing the taint cancels pending evictions.
 */
export class TaintEvictionController {
  /** Scheduled evictions by pod key (the TimedWorkerQueue). */
  private readonly scheduled = new Map<string, { handle: { cancel(): void }; uid: string }>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly lifecycle: NodeLifecycleController,
  ) {
    ctx.store.watch('Node', (e) => this.onNode(e));
    ctx.store.watch('Pod', (e) => this.onPod(e));
  }

  private onNode(event: WatchEvent): void {
    if (event.type === 'DELETED') return;
    const node = event.object as Stored<Node>;
    const before = JSON.stringify(taintsWithEffect((event.old as Node | undefined)?.spec?.taints, 'NoExecute'));
    const after = JSON.stringify(taintsWithEffect(node.spec?.taints, 'NoExecute'));
    if (event.type === 'MODIFIED' && before === after) return;
    for (const key of this.lifecycle.podsOn(node.metadata.name)) this.processPodOnNode(key, node);
  }

  private onPod(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const nodeName = pod.spec?.nodeName;
    // Only a pod's arrival on a node (or its deletion) concerns the controller; the key is built after this test.
    const stays = event.type === 'MODIFIED' && (event.old as Pod | undefined)?.spec?.nodeName === nodeName;
    if (event.type !== 'DELETED' && (!nodeName || stays)) return;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (event.type === 'DELETED') {
      this.cancel(key);
      return;
    }
    if (!nodeName) return;
    const node = this.ctx.store.get<Node>('Node', '', nodeName);
    if (node) this.processPodOnNode(key, node);
  }

  /** processPodOnNode */
  private processPodOnNode(key: string, node: Stored<Node>): void {
    const [namespace, name] = key.split('/');
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name);
    if (!pod || pod.spec?.nodeName !== node.metadata.name) return;
    const taints = taintsWithEffect(node.spec?.taints, 'NoExecute');
    if (taints.length === 0) {
      this.cancel(key, pod);
      return;
    }
    const used = matchingTolerations(taints, pod.spec?.tolerations ?? []);
    if (!used) {
      this.cancel(key);
      const uid = pod.metadata.uid ?? '';
      this.ctx.clock.after(0, `taint-eviction: evict ${key}`, () => this.evict(key, uid));
      return;
    }
    const waitMs = minTolerationMs(used);
    if (waitMs === undefined) return; // tolerated forever
    if (this.scheduled.has(key)) return; // the first scheduling stands, as in the TimedWorkerQueue
    const uid = pod.metadata.uid ?? '';
    const handle = this.ctx.clock.after(waitMs, `taint-eviction: evict ${key}`, () => {
      this.scheduled.delete(key);
      this.evict(key, uid);
    });
    this.scheduled.set(key, { handle, uid });
  }

  private cancel(key: string, pod?: Stored<Pod>): void {
    const entry = this.scheduled.get(key);
    if (!entry) return;
    entry.handle.cancel();
    this.scheduled.delete(key);
    if (pod && !pod.metadata.deletionTimestamp) {
      this.ctx.recorder.event(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`, COMPONENT);
    }
  }

  /** addConditionAndDeletePod */
  private evict(key: string, uid: string): void {
    const [namespace, name] = key.split('/');
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name);
    if (!pod || pod.metadata.uid !== uid) return;
    this.ctx.recorder.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`, COMPONENT);
    if (pod.metadata.deletionTimestamp) return;
    const conditions = withCondition(
      pod.status?.conditions,
      'DisruptionTarget',
      'True',
      this.ctx.clock.timestamp(),
      'DeletionByTaintManager',
      'Taint manager: deleting due to NoExecute taint',
    );
    this.ctx.store.update<Pod>({ ...pod, status: { ...pod.status, conditions } });
    this.ctx.store.delete('Pod', namespace, name);
  }
}
