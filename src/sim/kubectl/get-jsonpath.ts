import type { KubeObject, Stored } from '../api/meta';
import type { ResourceType } from '../api/resources';
import { ordered } from './get';
import { JsonPathError, executeJsonPath } from './jsonpath';
import type { CommandResult } from './output';
import type { ResourceTarget } from './resource-args';

/** `kubectl get … -o jsonpath=TEMPLATE`: one named object is the data itself, anything else a v1 List. */
export function printJsonPath(
  template: string,
  found: Array<{ type: ResourceType; objects: Stored<KubeObject>[] }>,
  targets: ResourceTarget[],
  stderr: string,
): CommandResult {
  const items = found.flatMap((f) => f.objects);
  const single = items.length === 1 && targets.length === 1 && targets[0].names.length === 1;
  const data = single
    ? ordered(items[0])
    : { apiVersion: 'v1', items: items.map(ordered), kind: 'List', metadata: { resourceVersion: '' } };
  try {
    const stdout = executeJsonPath(template, JSON.parse(JSON.stringify(data)));
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  } catch (err) {
    if (!(err instanceof JsonPathError)) throw err;
    return { stdout: '', stderr: `${stderr}error: error parsing jsonpath ${template}, ${err.message}\n`, exitCode: 1 };
  }
}
