import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { writable, type Stored } from '../../api/meta';
import type { WatchEvent } from '../../api/store';
import { PV_PROTECTION_FINALIZER } from '../../storage/claim-strategy';
import { parseQuantity } from '../../api/quantity';
import type { ControllerContext } from '../context';
import { WorkQueue } from '../workqueue';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  claimKey,
  isDelayBinding,
  storageClassOf,
} from './volume-util';

const COMPONENT = 'persistentvolume-controller';
/** The controller's informer resync: unbound claims are looked at again this often. */
const RESYNC_MS = 15_000;

/**
 * PersistentVolumeController (pkg/controller/volume/persistentvolume): binds claims to volumes, asks external
 * provisioners for new volumes, and moves volumes whose claim is gone to Released. A claim's WaitForFirstConsumer
 * class holds it until the scheduler has written the selected-node annotation.
 */
export class PersistentVolumeController {
  private readonly claims: WorkQueue;
  private readonly volumes: WorkQueue;
  /** Unbound, static volumes by class name: the candidates findBestMatchForClaim looks at. */
  private readonly available = new Map<string, Set<string>>();
  private readonly unboundClaims = new Set<string>();

  constructor(private readonly ctx: ControllerContext) {
    this.claims = new WorkQueue(ctx.clock, 'persistentvolume-controller claims', 5, (key) => this.syncClaim(key));
    this.volumes = new WorkQueue(ctx.clock, 'persistentvolume-controller volumes', 5, (key) => this.syncVolume(key));
    ctx.store.watch('PersistentVolumeClaim', (e) => this.onClaim(e));
    ctx.store.watch('PersistentVolume', (e) => this.onVolume(e));
  }

  private onClaim(event: WatchEvent): void {
    const claim = event.object as Stored<PersistentVolumeClaim>;
    const key = claimKey(claim.metadata.namespace ?? 'default', claim.metadata.name);
    if (event.type === 'DELETED') {
      this.unboundClaims.delete(key);
      if (claim.spec?.volumeName) this.volumes.add(claim.spec.volumeName);
      return;
    }
    this.claims.add(key);
  }

  private onVolume(event: WatchEvent): void {
    const pv = event.object as Stored<PersistentVolume>;
    const name = pv.metadata.name;
    for (const set of this.available.values()) set.delete(name);
    if (event.type === 'DELETED') return;
    if (!pv.spec?.claimRef && !pv.metadata.deletionTimestamp) {
      const cls = pv.spec?.storageClassName ?? '';
      let set = this.available.get(cls);
      if (!set) {
        set = new Set();
        this.available.set(cls, set);
      }
      set.add(name);
    }
    this.volumes.add(name);
    const ref = pv.spec?.claimRef;
    if (ref?.name) this.claims.add(claimKey(ref.namespace ?? 'default', ref.name));
  }

  /** syncClaim */
  private syncClaim(key: string): void {
    const slash = key.indexOf('/');
    const claim = this.ctx.store.get<PersistentVolumeClaim>(
      'PersistentVolumeClaim',
      key.slice(0, slash),
      key.slice(slash + 1),
    );
    if (!claim) return;
    if (claim.spec?.volumeName) {
      this.unboundClaims.delete(key);
      this.syncBoundClaim(claim);
      return;
    }
    if (!this.unboundClaims.has(key)) {
      this.unboundClaims.add(key);
      this.scheduleResync(key);
    }
    this.syncUnboundClaim(claim);
  }

  private scheduleResync(key: string): void {
    this.ctx.clock.after(RESYNC_MS, `${COMPONENT}: resync ${key}`, () => {
      if (!this.unboundClaims.has(key)) return;
      this.claims.add(key);
      this.scheduleResync(key);
    });
  }

  /** syncUnboundClaim: bind to a matching volume, wait for the first consumer, or ask for provisioning. */
  private syncUnboundClaim(claim: Stored<PersistentVolumeClaim>): void {
    if (claim.metadata.deletionTimestamp) return;
    const delay = isDelayBinding(this.ctx.store, claim);
    const selectedNode = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    const match = delay && !selectedNode ? undefined : this.findBestMatch(claim);
    if (match) {
      this.bind(match, claim);
      return;
    }
    if (delay && !selectedNode) {
      this.event(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      return;
    }
    const className = claimClass(claim);
    if (className === '') {
      this.event(
        claim,
        'Normal',
        'FailedBinding',
        'no persistent volumes available for this claim and no storage class is set',
      );
      return;
    }
    const sc = storageClassOf(this.ctx.store, className);
    if (!sc) {
      this.event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
      return;
    }
    // provisionClaimOperationExternal: hand the claim to the named provisioner and wait for its volume.
    const annotations = claim.metadata.annotations ?? {};
    if (annotations[ANN_STORAGE_PROVISIONER] !== sc.provisioner) {
      this.ctx.store.update<PersistentVolumeClaim>({
        ...claim,
        metadata: {
          ...claim.metadata,
          annotations: {
            ...annotations,
            [ANN_BETA_STORAGE_PROVISIONER]: sc.provisioner,
            [ANN_STORAGE_PROVISIONER]: sc.provisioner,
          },
        },
      });
    }
    this.event(
      claim,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    );
  }

  /** syncBoundClaim: mark the claim Bound once its volume points back at it; Lost when the volume is gone. */
  private syncBoundClaim(claim: Stored<PersistentVolumeClaim>): void {
    const pv = this.ctx.store.get<PersistentVolume>('PersistentVolume', '', claim.spec?.volumeName ?? '');
    if (!pv) {
      if (claim.status?.phase !== 'Lost') {
        this.ctx.store.update<PersistentVolumeClaim>({ ...claim, status: { ...claim.status, phase: 'Lost' } });
        this.event(
          claim,
          'Warning',
          'ClaimLost',
          'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
        );
      }
      return;
    }
    if (pv.spec?.claimRef?.uid === claim.metadata.uid && claim.status?.phase !== 'Bound') {
      this.updateClaimStatusBound(claim, pv);
    }
  }

  /** syncVolume: Available, Bound or Released, and the pv-protection finalizer for volumes no longer bound. */
  private syncVolume(name: string): void {
    const pv = this.ctx.store.get<PersistentVolume>('PersistentVolume', '', name);
    if (!pv) return;
    const ref = pv.spec?.claimRef;
    if (!ref) {
      this.setVolumePhase(pv, 'Available');
    } else {
      const claim = this.ctx.store.get<PersistentVolumeClaim>(
        'PersistentVolumeClaim',
        ref.namespace ?? 'default',
        ref.name ?? '',
      );
      const sameClaim = claim && (!ref.uid || ref.uid === claim.metadata.uid);
      if (claim && sameClaim) {
        if (!claim.spec?.volumeName) this.bind(pv, claim);
        else if (claim.spec.volumeName === pv.metadata.name) this.setVolumePhase(pv, 'Bound');
      } else if (ref.uid) {
        // The claim is gone: the volume is Released; Delete volumes are removed by their provisioner.
        if (pv.status?.phase !== 'Released' && pv.status?.phase !== 'Failed') this.setVolumePhase(pv, 'Released');
      }
    }
    // pv-protection: a volume being deleted keeps its finalizer while a claim is bound to it.
    const latest = this.ctx.store.get<PersistentVolume>('PersistentVolume', '', name);
    if (latest?.metadata.deletionTimestamp && latest.status?.phase !== 'Bound') {
      const finalizers = (latest.metadata.finalizers ?? []).filter((f) => f !== PV_PROTECTION_FINALIZER);
      if (finalizers.length !== (latest.metadata.finalizers ?? []).length) {
        this.ctx.store.update<PersistentVolume>({
          ...latest,
          metadata: { ...latest.metadata, finalizers: finalizers.length > 0 ? finalizers : undefined },
        });
      }
    }
  }

  /** findBestMatchForClaim: the smallest available volume of the claim's class that fits its request and modes. */
  private findBestMatch(claim: Stored<PersistentVolumeClaim>): Stored<PersistentVolume> | undefined {
    const names = this.available.get(claimClass(claim));
    if (!names || names.size === 0) return undefined;
    const want = parseQuantity(claim.spec?.resources?.requests?.storage) ?? 0;
    const modes = claim.spec?.accessModes ?? [];
    let best: Stored<PersistentVolume> | undefined;
    let bestSize = Infinity;
    for (const name of [...names].sort()) {
      const pv = this.ctx.store.get<PersistentVolume>('PersistentVolume', '', name);
      if (!pv || pv.spec?.claimRef || pv.metadata.deletionTimestamp) continue;
      const size = parseQuantity(pv.spec?.capacity?.storage) ?? 0;
      if (size < want || !modes.every((m) => pv.spec?.accessModes?.includes(m))) continue;
      if (size < bestSize) {
        best = pv;
        bestSize = size;
      }
    }
    return best;
  }

  /** bind: volume first (claimRef, phase Bound), then the claim (volumeName, annotations, status). */
  private bind(pv: Stored<PersistentVolume>, claim: Stored<PersistentVolumeClaim>): void {
    let volume = pv;
    if (volume.spec?.claimRef?.uid !== claim.metadata.uid) {
      const preBound = volume.spec?.claimRef !== undefined;
      volume = this.ctx.store.update<PersistentVolume>({
        ...volume,
        metadata: {
          ...volume.metadata,
          annotations: preBound
            ? volume.metadata.annotations
            : { ...(volume.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' },
        },
        spec: {
          ...volume.spec,
          claimRef: {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            name: claim.metadata.name,
            namespace: claim.metadata.namespace,
            resourceVersion: claim.metadata.resourceVersion,
            uid: claim.metadata.uid,
          },
        },
      });
    }
    this.setVolumePhase(volume, 'Bound');
    const bound = this.ctx.store.update<PersistentVolumeClaim>({
      ...claim,
      metadata: {
        ...claim.metadata,
        annotations: {
          ...(claim.metadata.annotations ?? {}),
          [ANN_BIND_COMPLETED]: 'yes',
          [ANN_BOUND_BY_CONTROLLER]: 'yes',
        },
      },
      spec: { ...claim.spec, volumeName: volume.metadata.name },
    });
    this.updateClaimStatusBound(bound, volume);
  }

  private updateClaimStatusBound(claim: Stored<PersistentVolumeClaim>, pv: Stored<PersistentVolume>): void {
    const status = writable({
      ...claim.status,
      phase: 'Bound',
      accessModes: pv.spec?.accessModes,
      capacity: pv.spec?.capacity,
    });
    this.ctx.store.update<PersistentVolumeClaim>({ ...claim, status });
  }

  private setVolumePhase(pv: Stored<PersistentVolume>, phase: string): void {
    const current = this.ctx.store.get<PersistentVolume>('PersistentVolume', '', pv.metadata.name) ?? pv;
    if (current.status?.phase === phase) return;
    this.ctx.store.update<PersistentVolume>({
      ...current,
      status: { ...current.status, phase, lastPhaseTransitionTime: this.ctx.clock.timestamp() },
    });
  }

  private event(
    claim: Stored<PersistentVolumeClaim>,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    this.ctx.recorder.event(claim, type, reason, message, COMPONENT);
  }
}
