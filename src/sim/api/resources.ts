/**
 * The resource types the simulated apiserver serves, with the names kubectl maps them by
 * (the discovery information a real kubectl reads).
 */
export interface ResourceType {
  kind: string;
  /** Plural lowercase resource name, e.g. "statefulsets". */
  plural: string;
  singular: string;
  shortNames: string[];
  group: string;
  version: string;
  namespaced: boolean;
}

const TYPES: ResourceType[] = [
  { kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], group: '', version: 'v1', namespaced: true },
  {
    kind: 'Service',
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    singular: 'persistentvolumeclaim',
    shortNames: ['pvc'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'PersistentVolume',
    plural: 'persistentvolumes',
    singular: 'persistentvolume',
    shortNames: ['pv'],
    group: '',
    version: 'v1',
    namespaced: false,
  },
  { kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], group: '', version: 'v1', namespaced: false },
  {
    kind: 'Namespace',
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    group: '',
    version: 'v1',
    namespaced: false,
  },
  {
    kind: 'Event',
    plural: 'events',
    singular: 'event',
    shortNames: ['ev'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'StatefulSet',
    plural: 'statefulsets',
    singular: 'statefulset',
    shortNames: ['sts'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'Deployment',
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'ReplicaSet',
    plural: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'ControllerRevision',
    plural: 'controllerrevisions',
    singular: 'controllerrevision',
    shortNames: [],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    shortNames: ['hpa'],
    group: 'autoscaling',
    version: 'v2',
    namespaced: true,
  },
  {
    kind: 'Endpoints',
    plural: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'EndpointSlice',
    plural: 'endpointslices',
    singular: 'endpointslice',
    shortNames: [],
    group: 'discovery.k8s.io',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'Lease',
    plural: 'leases',
    singular: 'lease',
    shortNames: [],
    group: 'coordination.k8s.io',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    shortNames: ['pdb'],
    group: 'policy',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'StorageClass',
    plural: 'storageclasses',
    singular: 'storageclass',
    shortNames: ['sc'],
    group: 'storage.k8s.io',
    version: 'v1',
    namespaced: false,
  },
];

const BY_KIND = new Map<string, ResourceType>(TYPES.map((t) => [t.kind, t]));

/** All served resource types, in a stable order. */
export function resourceTypes(): readonly ResourceType[] {
  return TYPES;
}

/** The type for a Kind ("StatefulSet"), or undefined when the apiserver does not serve it. */
export function typeForKind(kind: string): ResourceType | undefined {
  return BY_KIND.get(kind);
}

/** apiVersion string for a type: "v1" or "apps/v1". */
export function apiVersionOf(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** "statefulsets.apps" / "pods": the qualified resource name kubectl prints in errors. */
export function qualifiedResource(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

/** "statefulset.apps" / "pod": the prefix kubectl prints before "/name" in success lines. */
export function qualifiedKind(type: ResourceType): string {
  return type.group === '' ? type.singular : `${type.singular}.${type.group}`;
}

/**
 * Resolves what a user typed ("po", "pods", "sts", "statefulset.apps", "Deployment") to a type, the way kubectl's
 * RESTMapper does for the built-in resources.
 */
export function lookupResource(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  const dot = lower.indexOf('.');
  const bare = dot >= 0 ? lower.slice(0, dot) : lower;
  const group = dot >= 0 ? lower.slice(dot + 1) : undefined;
  for (const t of TYPES) {
    const names = [t.plural, t.singular, t.kind.toLowerCase(), ...t.shortNames];
    if (!names.includes(bare)) continue;
    if (group !== undefined && group !== t.group && group !== `${t.version}.${t.group}`) continue;
    return t;
  }
  return undefined;
}
