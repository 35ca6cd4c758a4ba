import { selectorMatches, type KubeObject, type Stored } from '../api/meta';
import type { ResourceType } from '../api/resources';
import type { KubectlHost } from './host';
import { parseLabelSelector } from './label-selector';

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
