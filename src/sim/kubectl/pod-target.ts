import type { Pod } from 'kubernetes-types/core/v1';

/**
 * The pod named by a command that works on one pod (`exec`, `logs`): "NAME" or "pod/NAME"; undefined for another
 * type, which the simulator does not resolve to one of its pods.
 */
export function podTargetName(target: string): string | undefined {
  const slash = target.indexOf('/');
  if (slash < 0) return target;
  return ['pod', 'pods', 'po'].includes(target.slice(0, slash)) ? target.slice(slash + 1) : undefined;
}

/** The annotation that names the container kubectl exec, logs and attach pick by default. */
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** podcmd.FindOrDefaultContainerByName: the annotated default, else the first container, noting the choice. */
export function defaultContainer(pod: Pod): { name: string; notice?: string } {
  const containers = pod.spec?.containers ?? [];
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && containers.some((c) => c.name === annotated)) return { name: annotated };
  const first = containers[0]?.name ?? '';
  if (containers.length <= 1) return { name: first };
  const all = [
    ...containers.map((c) => c.name),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
  return { name: first, notice: `Defaulted container "${first}" out of: ${all}\n` };
}
