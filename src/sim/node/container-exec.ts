import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { ObjectStore } from '../api/store';
import type { ContainerFiles } from './container-files';
import { runInContainer, type ExecResult } from './container-shell';
import type { RuntimeContainer } from './runtime';

/** nslookup run from the pod, given the name and the container's image (busybox versions print differently). */
export type PodNslookup = (name: string, image: string) => ExecResult;

/**
 * Runs a command in a running container of the pod: its hostname, its view of the files (mounted volumes, then
 * its own layer) and, in busybox images, nslookup. Undefined when the pod spec has no such container.
 */
export function execInContainer(
  store: ObjectStore,
  files: ContainerFiles,
  pod: Stored<Pod>,
  running: RuntimeContainer,
  argv: string[],
  nslookup?: PodNslookup,
  mainProcess = false,
): ExecResult | undefined {
  const spec = pod.spec?.containers.find((c) => c.name === running.container);
  if (!spec) return undefined;
  const view = files.view(store, pod, spec, running.id);
  const image = spec.image ?? '';
  const busybox = image.includes('busybox');
  return runInContainer(
    {
      hostname: podHostname(pod),
      busybox,
      read: view.read,
      write: view.write,
      nslookup: busybox && nslookup ? (name) => nslookup(name, image) : undefined,
      mainProcess,
    },
    argv,
  );
}

/** GeneratePodHostNameAndDomain's hostname: spec.hostname or the pod's name, cut to 63 characters. */
function podHostname(pod: Stored<Pod>): string {
  const name = pod.spec?.hostname || pod.metadata.name;
  return name.length > 63 ? name.slice(0, 63).replace(/[-.]+$/, '') : name;
}
