import { notFound } from '../api/errors';
import { selectorMatches, type KubeObject, type Stored } from '../api/meta';
import { qualifiedResource, type ResourceType } from '../api/resources';
import type { KubectlHost } from './host';
import { parseLabelSelector } from './label-selector';
import type { ResourceTarget } from './resource-args';

/** The objects `-l SELECTOR` (or `--all`, with no selector) names: every match of the type in the namespace. */
export function listMatching(
  host: KubectlHost,
  type: ResourceType,
  namespace: string,
  selectorText: string | undefined,
): Stored<KubeObject>[] {
  const selector = selectorText !== undefined ? parseLabelSelector(selectorText) : { matchLabels: {} };
  return host.store
    .list(type.kind, type.namespaced ? namespace : undefined)
    .filter((o) => selectorMatches(selector, o.metadata.labels));
}

/** The names a label-style command visits in one target: the ones given, else every match of `-l` or `--all`. */
export function namesToVisit(
  host: KubectlHost,
  target: ResourceTarget,
  namespace: string,
  selectorText: string | undefined,
): string[] {
  if (target.names.length > 0) return target.names;
  return listMatching(host, target.type, namespace, selectorText).map((o) => o.metadata.name);
}

/** The object as stored now, looked up when the command reaches it; NotFound when it is not there. */
export function liveObject(host: KubectlHost, type: ResourceType, namespace: string, name: string): Stored<KubeObject> {
  const live = host.store.get(type.kind, type.namespaced ? namespace : '', name);
  if (!live) throw notFound(type.kind, name);
  return live;
}

/**
 * The builder's Infos() for a set command: every named object, or every match of `-l`/`--all`, fetched before
 * anything is changed; the names not found come back as the NotFound lines that stop the command.
 */
export function fetchInfos(
  host: KubectlHost,
  targets: ResourceTarget[],
  namespace: string,
  selectorText: string | undefined,
): { infos: Array<{ type: ResourceType; obj: Stored<KubeObject> }>; missing: string[] } {
  const infos: Array<{ type: ResourceType; obj: Stored<KubeObject> }> = [];
  const missing: string[] = [];
  for (const target of targets) {
    if (target.names.length === 0) {
      for (const obj of listMatching(host, target.type, namespace, selectorText))
        infos.push({ type: target.type, obj });
      continue;
    }
    for (const name of target.names) {
      const obj = host.store.get(target.type.kind, target.type.namespaced ? namespace : '', name);
      if (obj) infos.push({ type: target.type, obj });
      else missing.push(`Error from server (NotFound): ${qualifiedResource(target.type)} "${name}" not found`);
    }
  }
  return { infos, missing };
}
