import type { SeededRandom } from '../random';

/**
 * The container runtime's view of a node: what is really running there, whatever the API says. `ps()` reads this;
 * it is how the simulator shows a container that outlived its Pod object.
 */
export interface RuntimeContainer {
  /** A short container id, as crictl prints it. */
  id: string;
  node: string;
  podNamespace: string;
  podName: string;
  podUid: string;
  container: string;
  image: string;
  state: 'Running' | 'Exited';
  startedAtMs: number;
  /** PersistentVolumeClaims the container has mounted. */
  claims: readonly string[];
  /** What the container's process printed (its stdout and stderr), as its log file holds it. */
  log: string;
}

/** A new container id: 13 hex digits drawn from the seeded generator. */
export function newContainerId(random: SeededRandom): string {
  let id = '';
  for (let i = 0; i < 13; i++) id += Math.floor(random.next() * 16).toString(16);
  return id;
}
