import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { ObjectStore } from '../api/store';
import type { ExecResult } from '../node/container-shell';
import type { VirtualClock } from '../clock';

/**
 * What `kubectl edit` opens the object in: given the file as the editor shows it (header comments, then the YAML),
 * returns the file as saved, or throws an Error saying what went wrong with the editor.
 */
export type Editor = (opened: string) => string;

/** What the kubectl layer needs from the cluster it talks to. */
export interface KubectlHost {
  store: ObjectStore;
  clock: VirtualClock;
  /** Advances virtual time until `done()` holds or `timeoutMs` passes; returns whether it held. */
  waitFor(done: () => boolean, timeoutMs: number): boolean;
  /** Reads a file named by `-f`; undefined when there is none. */
  readFile(path: string): string | undefined;
  /**
   * The exec the apiserver proxies to the pod's kubelet: the command's result; `unreachable` (the node's IP) when
   * the kubelet cannot be dialled; undefined when the container is not running.
   */
  exec(pod: Stored<Pod>, container: string, argv: string[]): ExecResult | { unreachable: string } | undefined;
  /**
   * The container log the apiserver fetches from the pod's kubelet (the current instance, or with `previous` the
   * one before); `unreachable` as for exec; undefined when the runtime holds no such instance.
   */
  logs(pod: Stored<Pod>, container: string, previous: boolean): string | { unreachable: string } | undefined;
  /** The editor of `kubectl edit`, when the caller has one. */
  editor?: Editor;
}
