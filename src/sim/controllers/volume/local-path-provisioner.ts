import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/meta';
import type { WatchEvent } from '../../api/store';
import { LOCAL_PATH_PROVISIONER } from '../../storage/storage-class';
import type { ControllerContext } from '../context';
import {
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  storageClassOf,
} from './volume-util';

/** The provisioner's event source: "<provisioner>_<pod name>_<instance uid>", as sig-storage-lib reports it. */
const COMPONENT = `${LOCAL_PATH_PROVISIONER}_local-path-provisioner-7dc846544d-k8hq2_5c0b1d6e-3f52-4a7b-9d1e-2b8a6c4f0e71`;
/** Where local-path keeps volume directories on the node. */
const BASE_PATH = '/var/local-path-provisioner';

/**
 * kind's local-path provisioner (an external provisioner, sig-storage-lib-external-provisioner): creates a
 * hostPath volume pinned to the selected node for each claim handed to it, and deletes Released volumes whose
 * reclaim policy is Delete. Its helper pods take a second or two.
 */
export class LocalPathProvisioner {
  private readonly inFlight = new Set<string>();

  constructor(private readonly ctx: ControllerContext) {
    ctx.store.watch('PersistentVolumeClaim', (e) => this.onClaim(e));
    ctx.store.watch('PersistentVolume', (e) => this.onVolume(e));
  }

  /** The provisioner's informer sees the claim a moment after the PV controller handed it over. */
  private onClaim(event: WatchEvent): void {
    if (event.type === 'DELETED') return;
    const seen = event.object as Stored<PersistentVolumeClaim>;
    if (seen.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== LOCAL_PATH_PROVISIONER) return;
    const { namespace, name } = { namespace: seen.metadata.namespace ?? 'default', name: seen.metadata.name };
    this.ctx.clock.after(this.ctx.random.int(20, 80), `local-path: sync ${name}`, () => {
      const latest = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
      if (latest && latest.metadata.uid === seen.metadata.uid) this.syncClaim(latest);
    });
  }

  private syncClaim(claim: Stored<PersistentVolumeClaim>): void {
    const uid = claim.metadata.uid ?? '';
    if (this.inFlight.has(uid) || claim.spec?.volumeName || claim.metadata.deletionTimestamp) return;
    if (claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== LOCAL_PATH_PROVISIONER) return;
    const node = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    const className = claimClass(claim);
    if (!node) {
      this.ctx.recorder.event(
        claim,
        'Warning',
        'ProvisioningFailed',
        `failed to provision volume with StorageClass "${className}": configuration error, no node was specified`,
        COMPONENT,
      );
      return;
    }
    this.inFlight.add(uid);
    const namespace = claim.metadata.namespace ?? 'default';
    this.ctx.recorder.event(
      claim,
      'Normal',
      'Provisioning',
      `External provisioner is provisioning volume for claim "${namespace}/${claim.metadata.name}"`,
      COMPONENT,
    );
    this.ctx.clock.after(this.ctx.random.int(1200, 3500), `local-path: provision ${claim.metadata.name}`, () => {
      this.inFlight.delete(uid);
      this.provision(namespace, claim.metadata.name, uid, node);
    });
  }

  /** Provision: a PersistentVolume "pvc-<claim uid>" pre-bound to the claim. */
  private provision(namespace: string, name: string, uid: string, node: string): void {
    const claim = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
    if (!claim || claim.metadata.uid !== uid || claim.spec?.volumeName || claim.metadata.deletionTimestamp) return;
    const className = claimClass(claim);
    const sc = storageClassOf(this.ctx.store, className);
    const pvName = `pvc-${uid}`;
    if (this.ctx.store.get('PersistentVolume', '', pvName)) return;
    this.ctx.store.create<PersistentVolume>({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: pvName,
        annotations: {
          'local.path.provisioner/selected-node': node,
          [ANN_PROVISIONED_BY]: LOCAL_PATH_PROVISIONER,
        },
      },
      spec: {
        accessModes: claim.spec?.accessModes,
        capacity: { storage: claim.spec?.resources?.requests?.storage ?? '0' },
        claimRef: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          name,
          namespace,
          resourceVersion: claim.metadata.resourceVersion,
          uid,
        },
        hostPath: { path: `${BASE_PATH}/${pvName}_${namespace}_${name}`, type: 'DirectoryOrCreate' },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] },
            ],
          },
        },
        persistentVolumeReclaimPolicy: sc?.reclaimPolicy ?? 'Delete',
        storageClassName: className,
        volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
      },
    });
    this.ctx.recorder.event(
      claim,
      'Normal',
      'ProvisioningSucceeded',
      `Successfully provisioned volume ${pvName}`,
      COMPONENT,
    );
  }

  /** shouldDelete: a Released volume this provisioner made, with reclaim policy Delete. */
  private onVolume(event: WatchEvent): void {
    if (event.type === 'DELETED') return;
    const pv = event.object as Stored<PersistentVolume>;
    if (pv.status?.phase !== 'Released' || pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
    if (pv.metadata.annotations?.[ANN_PROVISIONED_BY] !== LOCAL_PATH_PROVISIONER || pv.metadata.deletionTimestamp)
      return;
    const uid = pv.metadata.uid ?? '';
    if (this.inFlight.has(uid)) return;
    this.inFlight.add(uid);
    this.ctx.clock.after(this.ctx.random.int(800, 2500), `local-path: delete ${pv.metadata.name}`, () => {
      this.inFlight.delete(uid);
      const current = this.ctx.store.get<PersistentVolume>('PersistentVolume', '', pv.metadata.name);
      if (current && current.metadata.uid === uid && !current.metadata.deletionTimestamp) {
        this.ctx.store.delete('PersistentVolume', '', current.metadata.name);
      }
    });
  }
}
