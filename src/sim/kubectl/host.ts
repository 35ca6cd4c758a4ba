import type { ObjectStore } from '../api/store';
import type { VirtualClock } from '../clock';

/** What the kubectl layer needs from the cluster it talks to. */
export interface KubectlHost {
  store: ObjectStore;
  clock: VirtualClock;
  /** Advances virtual time until `done()` holds or `timeoutMs` passes; returns whether it held. */
  waitFor(done: () => boolean, timeoutMs: number): boolean;
  /** Reads a file named by `-f`; undefined when there is none. */
  readFile(path: string): string | undefined;
}
