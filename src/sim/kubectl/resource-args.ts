import { lookupResource, type ResourceType } from '../api/resources';

export interface ResourceTarget {
  type: ResourceType;
  /** Empty when the command addresses every object of the type. */
  names: string[];
}

export class ResourceArgError extends Error {}

/** The builder's visitByName: names and a label selector do not go together. */
/** The resource builder's error when a command is given no resources at all. */
export const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

export const NAMES_WITH_SELECTOR = 'error: name cannot be provided when a selector is specified';

/** Whether a command names objects and also gives a label selector, which kubectl refuses. */
export function namesWithSelector(targets: ResourceTarget[], selectorText: string | undefined): boolean {
  return selectorText !== undefined && targets.some((t) => t.names.length > 0);
}

/**
 * ResourceBuilder's argument forms: `pods`, `pods web-0 web-1`, `pod/web-0 sts/web`, `sts,svc`.
 */
export function parseResourceArgs(args: string[]): ResourceTarget[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes('/'))) {
    const targets: ResourceTarget[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0) {
        throw new ResourceArgError(
          `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      }
      const type = resolve(arg.slice(0, slash));
      const name = arg.slice(slash + 1);
      const existing = targets.find((t) => t.type === type);
      if (existing) existing.names.push(name);
      else targets.push({ type, names: [name] });
    }
    return targets;
  }
  const [typeArg, ...names] = args;
  // The "all" category expands after the comma split, so "all NAME" names several types at once.
  if (typeArg.toLowerCase() === ALL_CATEGORY && names.length > 0) {
    throw new ResourceArgError('error: you must specify only one resource');
  }
  const types: ResourceType[] = [];
  for (const part of typeArg.split(',')) {
    for (const type of part.toLowerCase() === ALL_CATEGORY ? categoryAll() : [resolve(part)]) {
      if (!types.includes(type)) types.push(type);
    }
  }
  return types.map((type) => ({ type, names: [...names] }));
}

const ALL_CATEGORY = 'all';

/**
 * The resources in the "all" category, in discovery order (core, then apps, autoscaling, batch), of those this
 * cluster serves: replicationcontrollers, daemonsets, cronjobs and jobs are not simulated.
 */
function categoryAll(): ResourceType[] {
  return ['pods', 'services', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers'].map(resolve);
}

function resolve(name: string): ResourceType {
  const type = lookupResource(name);
  if (!type) throw new ResourceArgError(`error: the server doesn't have a resource type "${name}"`);
  return type;
}
