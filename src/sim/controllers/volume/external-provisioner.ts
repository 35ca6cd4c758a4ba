import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/meta';
import type { WatchEvent } from '../../api/store';
import { LOCAL_PATH_PROVISIONER, NFS_PROVISIONER } from '../../storage/storage-class';
import type { ControllerContext } from '../context';
import {
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  storageClassOf,
} from './volume-util';

/** How one external provisioner makes volumes. */
interface ProvisionerProfile {
  name: string;
  /** The event source: "<provisioner>_<pod name>_<instance uid>", as sig-storage-lib reports it. */
  component: string;
  /** Whether its volumes live on one node (and so need the node the first consumer was scheduled to). */
  nodeLocal: boolean;
  /** The volume source for a new PV. */
  source(pvName: string, namespace: string, claimName: string): Partial<PersistentVolume['spec']>;
}

/** kind's local-path provisioner: a hostPath directory on the node that runs the claim's first consumer. */
const LOCAL_PATH: ProvisionerProfile = {
  name: LOCAL_PATH_PROVISIONER,
  component: `${LOCAL_PATH_PROVISIONER}_local-path-provisioner-7dc846544d-k8hq2_5c0b1d6e-3f52-4a7b-9d1e-2b8a6c4f0e71`,
  nodeLocal: true,
  source: (pvName, namespace, claimName) => ({
    hostPath: { path: `/var/local-path-provisioner/${pvName}_${namespace}_${claimName}`, type: 'DirectoryOrCreate' },
  }),
};

/**
 * nfs-subdir-external-provisioner (the one the course's notes install): a sub-directory of one NFS export per
 * claim. Any node can mount it, so nothing stops two pods on two nodes from writing the same volume.
 */
const NFS_SUBDIR: ProvisionerProfile = {
  name: NFS_PROVISIONER,
  component: `${NFS_PROVISIONER}_nfs-client-provisioner-78577dfbf6-5vc8k_0f3c2a9e-6b1d-4e8a-9c7f-1d2e3b4a5c6d`,
  nodeLocal: false,
  source: (pvName, namespace, claimName) => ({
    nfs: { server: '172.18.0.100', path: `/srv/nfs/${namespace}-${claimName}-${pvName}` },
  }),
};

const PROFILES = new Map<string, ProvisionerProfile>([
  [LOCAL_PATH.name, LOCAL_PATH],
  [NFS_SUBDIR.name, NFS_SUBDIR],
]);

/**
 * The external provisioners the simulated cluster runs (sig-storage-lib-external-provisioner): each creates a
 * volume for every claim handed to it by the PV controller, and deletes Released volumes whose reclaim policy is
 * Delete. Their helper pods take a second or two.
 */
export class ExternalProvisioners {
  private readonly inFlight = new Set<string>();

  constructor(private readonly ctx: ControllerContext) {
    ctx.store.watch('PersistentVolumeClaim', (e) => this.onClaim(e));
    ctx.store.watch('PersistentVolume', (e) => this.onVolume(e));
  }

  /** The provisioner's informer sees the claim a moment after the PV controller handed it over. */
  private onClaim(event: WatchEvent): void {
    if (event.type === 'DELETED') return;
    const seen = event.object as Stored<PersistentVolumeClaim>;
    if (!PROFILES.has(seen.metadata.annotations?.[ANN_STORAGE_PROVISIONER] ?? '')) return;
    const { namespace, name } = { namespace: seen.metadata.namespace ?? 'default', name: seen.metadata.name };
    this.ctx.clock.after(this.ctx.random.int(20, 80), `provisioner: sync ${name}`, () => {
      const latest = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
      if (latest && latest.metadata.uid === seen.metadata.uid) this.syncClaim(latest);
    });
  }

  private syncClaim(claim: Stored<PersistentVolumeClaim>): void {
    const uid = claim.metadata.uid ?? '';
    if (this.inFlight.has(uid) || claim.spec?.volumeName || claim.metadata.deletionTimestamp) return;
    const profile = PROFILES.get(claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER] ?? '');
    if (!profile) return;
    const node = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    const className = claimClass(claim);
    if (!node && profile.nodeLocal) {
      this.ctx.recorder.event(
        claim,
        'Warning',
        'ProvisioningFailed',
        `failed to provision volume with StorageClass "${className}": configuration error, no node was specified`,
        profile.component,
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
      profile.component,
    );
    this.ctx.clock.after(this.ctx.random.int(1200, 3500), `provisioner: provision ${claim.metadata.name}`, () => {
      this.inFlight.delete(uid);
      this.provision(profile, namespace, claim.metadata.name, uid, node);
    });
  }

  /** Provision: a PersistentVolume "pvc-<claim uid>" pre-bound to the claim. */
  private provision(profile: ProvisionerProfile, namespace: string, name: string, uid: string, node?: string): void {
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
          ...(profile.nodeLocal && node ? { 'local.path.provisioner/selected-node': node } : {}),
          [ANN_PROVISIONED_BY]: profile.name,
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
        ...profile.source(pvName, namespace, name),
        ...(profile.nodeLocal && node
          ? {
              nodeAffinity: {
                required: {
                  nodeSelectorTerms: [
                    { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] },
                  ],
                },
              },
            }
          : {}),
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
      profile.component,
    );
  }

  /** shouldDelete: a Released volume this provisioner made, with reclaim policy Delete. */
  private onVolume(event: WatchEvent): void {
    if (event.type === 'DELETED') return;
    const pv = event.object as Stored<PersistentVolume>;
    if (pv.status?.phase !== 'Released' || pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
    if (!PROFILES.has(pv.metadata.annotations?.[ANN_PROVISIONED_BY] ?? '') || pv.metadata.deletionTimestamp) return;
    const uid = pv.metadata.uid ?? '';
    if (this.inFlight.has(uid)) return;
    this.inFlight.add(uid);
    this.ctx.clock.after(this.ctx.random.int(800, 2500), `provisioner: delete ${pv.metadata.name}`, () => {
      this.inFlight.delete(uid);
      const current = this.ctx.store.get<PersistentVolume>('PersistentVolume', '', pv.metadata.name);
      if (current && current.metadata.uid === uid && !current.metadata.deletionTimestamp) {
        this.ctx.store.delete('PersistentVolume', '', current.metadata.name);
      }
    });
  }
}
