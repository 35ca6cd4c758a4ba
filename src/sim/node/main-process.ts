import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { ObjectStore } from '../api/store';
import type { ContainerFiles } from './container-files';
import { commandExit } from './container-command';
import { execInContainer, type PodNslookup } from './container-exec';
import type { RuntimeContainer } from './runtime';

/** What a container's own process did once started: what it printed (its log) and how it ended, if it did. */
export interface MainProcessRun {
  log: string;
  /** undefined while the process keeps running (a server, a shell waiting on stdin, a `sleep`). */
  exitCode: number | undefined;
}

/**
 * Runs the process a container starts with: its command and args (the images simulated here have no entrypoint
 * of their own to prepend), through the simulated shell and programs. A program not simulated is taken for a
 * server that runs on without a word, as nginx's images do; busybox's own command is a shell, which ends at once
 * unless the container keeps stdin open.
 */
export function runMainProcess(
  store: ObjectStore,
  files: ContainerFiles,
  pod: Stored<Pod>,
  running: RuntimeContainer,
  /** Made only for a command that runs (a server's start needs no resolver). */
  nslookup?: () => PodNslookup,
): MainProcessRun {
  const spec = pod.spec?.containers.find((c) => c.name === running.container);
  if (!spec) return { log: '', exitCode: undefined };
  const argv = [...(spec.command ?? []), ...(spec.args ?? [])];
  if (argv.length === 0) {
    const shell = (spec.image ?? '').includes('busybox');
    return { log: '', exitCode: shell && !spec.stdin ? 0 : undefined };
  }
  const result = execInContainer(store, files, pod, running, argv, nslookup?.(), true);
  if (!result) return { log: '', exitCode: undefined };
  const log = result.stdout + result.stderr;
  if (!result.blocked) return { log, exitCode: result.exitCode };
  // A script that waits (a `sleep`) before its last word: that word still tells how it ends ("…; exit 1").
  return { log, exitCode: commandExit(spec) };
}
