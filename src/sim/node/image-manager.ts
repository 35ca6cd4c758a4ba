import type { Container } from 'kubernetes-types/core/v1';
import type { ControllerContext } from '../controllers/context';
import { Backoff, goDuration } from './backoff';
import { pullImage } from './image-pull';
import { EventMessages } from './event-messages';
import { canonicalImage } from './images';
import type { PodWork } from './pod-work';
import type { ContainerRun } from './pod-status';

const ALREADY_PRESENT = new EventMessages((image) => `Container image "${image}" already present on machine`);

/** Bytes per second a node pulls image layers at (about 25 MB/s). */
const PULL_BYTES_PER_SECOND = 25_000_000;

/** What the image manager needs from its kubelet. */
export interface ImageHost {
  schedule(work: PodWork, delayMs: number, label: string, run: () => void): void;
  /** An event about the pod's container `container`. */
  event(work: PodWork, container: string, type: 'Normal' | 'Warning', reason: string, message: string): void;
  setWaiting(work: PodWork, run: ContainerRun, reason: string, message: string): void;
  alive(work: PodWork): boolean;
}

/**
 * The kubelet's image manager (pkg/kubelet/images): honours the pull policy, keeps the node's image cache, and
 * backs off failed pulls per pod and image — 10 s, doubling to 300 s — reporting ErrImagePull after a failed
 * pull and ImagePullBackOff while it waits. Pulls run one at a time (serializeImagePulls defaults to true), so a
 * pull may first wait for the one before it: the "including waiting" part of the Pulled message.
 */
export class ImageManager {
  private readonly cache = new Set<string>();
  /** Images whose layers an earlier, queued or running pull brings onto the node. */
  private readonly arriving = new Set<string>();
  private readonly backoff = new Backoff(10_000, 300_000);
  /** When the puller is free again (virtual ms). */
  private busyUntil = 0;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly host: ImageHost,
  ) {}

  /** EnsureImageExists: calls `done(true)` once the image is on the node, `done(false)` if it cannot be. */
  ensure(work: PodWork, spec: Container, run: ContainerRun, done: (ok: boolean) => void): void {
    const image = spec.image ?? '';
    const present = this.cache.has(canonicalImage(image));
    if (present && spec.imagePullPolicy !== 'Always') {
      this.host.event(work, spec.name, 'Normal', 'Pulled', ALREADY_PRESENT.of(image));
      run.pulled = true;
      done(true);
      return;
    }
    const key = `${work.uid}_${image}`;
    if (this.backoff.isInBackOffSinceUpdate(key, this.ctx.clock.now())) {
      const message = `Back-off pulling image "${image}"`;
      this.host.event(work, spec.name, 'Normal', 'BackOff', message);
      this.host.event(work, spec.name, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      this.host.setWaiting(work, run, 'ImagePullBackOff', message);
      done(false);
      return;
    }
    this.host.event(work, spec.name, 'Normal', 'Pulling', `Pulling image "${image}"`);
    const outcome = pullImage(image);
    const now = this.ctx.clock.now();
    const startAt = Math.max(now, this.busyUntil);
    // Layers already on the node (or on their way) make the pull a quick manifest check.
    const layersThere = present || this.arriving.has(canonicalImage(image));
    const transferMs = outcome.ok && !layersThere ? (outcome.size / PULL_BYTES_PER_SECOND) * 1000 : 0;
    const pullMs = Math.round(transferMs) + this.ctx.random.int(400, 1500);
    this.busyUntil = startAt + pullMs;
    if (outcome.ok) this.arriving.add(canonicalImage(image));
    const totalMs = this.busyUntil - now;
    this.host.schedule(work, totalMs, 'image pull finished', () => {
      if (!this.host.alive(work)) return;
      if (!outcome.ok) {
        this.host.event(work, spec.name, 'Warning', 'Failed', `Failed to pull image "${image}": ${outcome.error}`);
        this.backoff.next(key, this.ctx.clock.now());
        this.host.event(work, spec.name, 'Warning', 'Failed', 'Error: ErrImagePull');
        this.host.setWaiting(work, run, 'ErrImagePull', outcome.error);
        done(false);
        return;
      }
      this.cache.add(canonicalImage(image));
      run.pulled = true;
      const took = `in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting)`;
      this.host.event(
        work,
        spec.name,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" ${took}. Image size: ${outcome.size} bytes.`,
      );
      done(true);
    });
  }
}
