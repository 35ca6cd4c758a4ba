import type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, PersistentVolumeClaim, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { notFound } from '../api/errors';
import { selectorMatches, type KubeObject, type Stored } from '../api/meta';
import { flag, type ParsedArgs } from './args';
import { describeNode } from './describe-node';
import { describePod } from './describe-pod';
import { describeStatefulSet } from './describe-statefulset';
import { describeDeployment } from './describe-deployment';
import { describePersistentVolumeClaim } from './describe-pvc';
import { describePodDisruptionBudget } from './describe-pdb';
import { describeHorizontalPodAutoscaler } from './describe-hpa';
import { describeService } from './describe-service';
import { describeReplicaSet } from './describe-replicaset';
import { EventLookup } from './describe-util';
import { tabbed } from './go-tabwriter';
import type { KubectlHost } from './host';
import { parseLabelSelector } from './label-selector';
import { fail, type CommandResult } from './output';
import { NAMES_WITH_SELECTOR, namesWithSelector, parseResourceArgs } from './resource-args';

/** The kinds this simulator has describers for. */
const DESCRIBED_KINDS = [
  'Pod',
  'StatefulSet',
  'Deployment',
  'ReplicaSet',
  'Service',
  'PersistentVolumeClaim',
  'Node',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
];

/**
 * `kubectl describe TYPE [NAME | -l SELECTOR]` for pods, StatefulSets, Deployments, ReplicaSets, Services, PVCs,
 * nodes, PodDisruptionBudgets and HorizontalPodAutoscalers, separated by a blank line.
 */
export function runDescribe(host: KubectlHost, args: ParsedArgs): CommandResult {
  const targets = parseResourceArgs(args.positional);
  if (targets.length === 0) {
    return fail(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl describe -h\' for help and examples',
    );
  }
  const namespace = flag(args, 'namespace') ?? 'default';
  const selectorText = flag(args, 'selector');
  if (namesWithSelector(targets, selectorText)) return fail(NAMES_WITH_SELECTOR);
  const now = host.clock.now();
  const blocks: string[] = [];
  const events = new EventLookup(host.store, namespace);
  // Events about nodes are recorded in the default namespace.
  const nodeEvents = new EventLookup(host.store, 'default');
  let stderr = '';
  for (const target of targets) {
    if (!DESCRIBED_KINDS.includes(target.type.kind)) {
      stderr += `error: describe is not implemented for ${target.type.plural} in this simulator\n`;
      continue;
    }
    let objects: Stored<KubeObject>[];
    if (target.names.length > 0) {
      objects = [];
      for (const name of target.names) {
        const obj = host.store.get(target.type.kind, target.type.namespaced ? namespace : '', name);
        if (obj) objects.push(obj);
        else if (targets.length === 1 && target.names.length === 1) throw notFound(target.type.kind, name);
        else
          stderr += `Error from server (NotFound): ${target.type.plural}${target.type.group ? `.${target.type.group}` : ''} "${name}" not found\n`;
      }
    } else {
      const selector = selectorText !== undefined ? parseLabelSelector(selectorText) : { matchLabels: {} };
      objects = host.store
        .list(target.type.kind, target.type.namespaced ? namespace : undefined)
        .filter((o) => selectorMatches(selector, o.metadata.labels));
    }
    for (const obj of objects) {
      const about = (obj.kind === 'Node' ? nodeEvents : events).about(obj);
      if (obj.kind === 'Node') {
        const lease = host.store.get<Lease>('Lease', 'kube-node-lease', obj.metadata.name);
        const pods = host.store
          .list<Pod>('Pod')
          .filter(
            (p) =>
              p.spec?.nodeName === obj.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
          );
        blocks.push(tabbed(describeNode(obj as Stored<Node>, lease, pods, about, now)));
      } else if (obj.kind === 'Pod') blocks.push(tabbed(describePod(obj as Stored<Pod>, about, now)));
      else if (obj.kind === 'ReplicaSet') {
        const rs = obj as Stored<ReplicaSet>;
        const pods = host.store
          .listControlledBy<Pod>('Pod', rs.metadata.uid ?? '')
          .filter((p) => selectorMatches(rs.spec?.selector, p.metadata.labels));
        blocks.push(tabbed(describeReplicaSet(rs, pods, about, now)));
      } else if (obj.kind === 'Service') {
        const slices = host.store
          .list<EndpointSlice>('EndpointSlice', namespace)
          .filter((e) => e.metadata.labels?.['kubernetes.io/service-name'] === obj.metadata.name);
        blocks.push(tabbed(describeService(obj as Stored<Service>, slices, about, now)));
      } else if (obj.kind === 'PersistentVolumeClaim') {
        const usedBy = host.store
          .list<Pod>('Pod', namespace)
          .filter((p) => (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === obj.metadata.name));
        blocks.push(tabbed(describePersistentVolumeClaim(obj as Stored<PersistentVolumeClaim>, usedBy, about, now)));
      } else if (obj.kind === 'HorizontalPodAutoscaler') {
        blocks.push(tabbed(describeHorizontalPodAutoscaler(obj as Stored<HorizontalPodAutoscaler>, about, now)));
      } else if (obj.kind === 'PodDisruptionBudget') {
        blocks.push(tabbed(describePodDisruptionBudget(obj as Stored<PodDisruptionBudget>, about, now)));
      } else if (obj.kind === 'Deployment') {
        const d = obj as Stored<Deployment>;
        const sets = host.store.listControlledBy<ReplicaSet>('ReplicaSet', d.metadata.uid ?? '');
        blocks.push(tabbed(describeDeployment(d, sets, about, now)));
      } else {
        const set = obj as Stored<StatefulSet>;
        const pods = host.store
          .listControlledBy<Pod>('Pod', set.metadata.uid ?? '')
          .filter((p) => selectorMatches(set.spec?.selector, p.metadata.labels));
        blocks.push(tabbed(describeStatefulSet(set, pods, about, now)));
      }
    }
  }
  if (blocks.length === 0 && !stderr)
    return { stdout: '', stderr: `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
  return { stdout: blocks.join('\n\n'), stderr, exitCode: stderr ? 1 : 0 };
}
