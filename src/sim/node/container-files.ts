import type { Container, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../api/store';

/** Files of one filesystem, by path relative to its root. */
type Files = Map<string, string>;

/**
 * What containers have written, wherever it lands: a mounted volume (a PersistentVolume's files outlive every pod
 * that mounts it; an emptyDir's live as long as its pod) or else the container's own writable layer, which goes
 * with the container. Only contents written through `kubectl exec` exist: images start empty here.
 */
export class ContainerFiles {
  private readonly volumes = new Map<string, Files>();
  private readonly layers = new Map<string, Files>();

  constructor(store: ObjectStore) {
    // A deleted PersistentVolume takes its data with it (the Delete reclaim policy's end).
    store.watch('PersistentVolume', (e) => {
      if (e.type === 'DELETED') this.volumes.delete(`pv/${e.object.metadata.name}`);
    });
  }

  /** A container's view of the filesystem: its mounts first (the longest matching mountPath), then its layer. */
  view(store: ObjectStore, pod: Pod, container: Container, containerId: string): FileSystemView {
    const mounts = (container.volumeMounts ?? [])
      .map((m) => ({ path: normalize(m.mountPath), key: volumeKey(store, pod, m.name) }))
      .sort((a, b) => b.path.length - a.path.length);
    const locate = (path: string): { files: Files; relative: string } => {
      const full = normalize(path);
      for (const m of mounts) {
        if (full === m.path || full.startsWith(`${m.path}/`)) {
          return { files: this.filesOf(this.volumes, m.key), relative: full.slice(m.path.length) || '/' };
        }
      }
      return { files: this.filesOf(this.layers, containerId), relative: full };
    };
    return {
      read: (path) => {
        const { files, relative } = locate(path);
        return files.get(relative);
      },
      write: (path, content, append) => {
        const { files, relative } = locate(path);
        files.set(relative, (append ? (files.get(relative) ?? '') : '') + content);
      },
    };
  }

  /** The container is gone: its writable layer with it. */
  removeLayer(containerId: string): void {
    this.layers.delete(containerId);
  }

  /** The pod is gone: its emptyDir volumes with it. */
  removePodVolumes(podUid: string): void {
    for (const key of [...this.volumes.keys()]) if (key.startsWith(`pod/${podUid}/`)) this.volumes.delete(key);
  }

  private filesOf(map: Map<string, Files>, key: string): Files {
    let files = map.get(key);
    if (!files) {
      files = new Map();
      map.set(key, files);
    }
    return files;
  }
}

export interface FileSystemView {
  read(path: string): string | undefined;
  write(path: string, content: string, append: boolean): void;
}

/** A claim's volume is its bound PersistentVolume; any other volume belongs to the pod. */
function volumeKey(store: ObjectStore, pod: Pod, volumeName: string): string {
  const volume = pod.spec?.volumes?.find((v) => v.name === volumeName);
  const claimName = volume?.persistentVolumeClaim?.claimName;
  if (claimName) {
    const claim = store.get<PersistentVolumeClaim>('PersistentVolumeClaim', pod.metadata?.namespace ?? '', claimName);
    if (claim?.spec?.volumeName) return `pv/${claim.spec.volumeName}`;
  }
  return `pod/${pod.metadata?.uid ?? ''}/${volumeName}`;
}

/** An absolute path with `.` and empty segments dropped and `..` applied. */
function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
