import { stringify } from 'yaml';
import type { KubeObject, Stored } from '../api/meta';
import { selectorMatches } from '../api/meta';
import { qualifiedKind, qualifiedResource, type ResourceType } from '../api/resources';
import { parseLabelSelector } from './label-selector';
import { formatLabels } from './selector-string';
import { age } from './duration';
import { PRINTERS, tableHeader, tableRow } from './printers';
import { formatTable } from './tabwriter';
import type { KubectlHost } from './host';
import { fail, ok, type CommandResult } from './output';
import { boolFlag, flag, type ParsedArgs } from './args';
import { NAMES_WITH_SELECTOR, namesWithSelector, parseResourceArgs } from './resource-args';
import { printJsonPath } from './get-jsonpath';
import { goJson } from './go-json';
import { printCustomColumns } from './custom-columns';
import { sortObjects } from './sort-by';
import { fieldsMatch, parseFieldSelector, unsupportedField } from './field-selector';

/** `kubectl get`: tables (default, -o wide), names, YAML and JSON. */
export function runGet(host: KubectlHost, args: ParsedArgs): CommandResult {
  if (args.positional.length === 0) {
    return fail(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  const targets = parseResourceArgs(args.positional);
  const namespace = flag(args, 'namespace') ?? 'default';
  const output = flag(args, 'output') ?? '';
  const selectorText = flag(args, 'selector');
  if (namesWithSelector(targets, selectorText)) return fail(NAMES_WITH_SELECTOR);
  // Both selectors are parsed before any request: a malformed one fails here.
  const selector = selectorText !== undefined ? parseLabelSelector(selectorText) : undefined;
  const fieldText = flag(args, 'field-selector');
  const fields = fieldText !== undefined ? parseFieldSelector(fieldText) : undefined;
  const jsonPath = output.startsWith('jsonpath=') ? output.slice('jsonpath='.length) : undefined;
  const customColumns = output.startsWith('custom-columns=') ? output.slice('custom-columns='.length) : undefined;
  if (jsonPath === undefined && customColumns === undefined && !['', 'wide', 'name', 'yaml', 'json'].includes(output)) {
    return fail(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
    );
  }
  const warning = targets.some((t) => t.type.kind === 'Endpoints') ? ENDPOINTS_DEPRECATED : '';
  return withWarning(warning, listAndPrint(host, args, targets, { namespace, output, selector, fields }));
}

/**
 * The apiserver's warning header for v1 Endpoints (deprecated in v1.33), which kubectl prints once before
 * anything else.
 */
const ENDPOINTS_DEPRECATED = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

function withWarning(warning: string, result: CommandResult): CommandResult {
  if (!warning) return result;
  return {
    ...result,
    stderr: warning + result.stderr,
    stderrBeforeStdout: warning.length + (result.stderrBeforeStdout ?? 0),
  };
}

/** The rest of runGet once its flags are checked: read what the targets name and print it. */
function listAndPrint(
  host: KubectlHost,
  args: ParsedArgs,
  targets: ReturnType<typeof parseResourceArgs>,
  query: {
    namespace: string;
    output: string;
    selector: ReturnType<typeof parseLabelSelector> | undefined;
    fields: ReturnType<typeof parseFieldSelector> | undefined;
  },
): CommandResult {
  const { namespace, output, selector, fields } = query;
  const allNamespaces = boolFlag(args, 'all-namespaces');
  const selectorText = flag(args, 'selector');
  const showLabels = boolFlag(args, 'show-labels');
  const noHeaders = boolFlag(args, 'no-headers');
  const sortBy = flag(args, 'sort-by');
  const fieldText = flag(args, 'field-selector');
  const labelColumns = (args.flags.get('label-columns') ?? []).flatMap((v) => v.split(',')).filter(Boolean);
  const jsonPath = output.startsWith('jsonpath=') ? output.slice('jsonpath='.length) : undefined;
  const customColumns = output.startsWith('custom-columns=') ? output.slice('custom-columns='.length) : undefined;
  const prefixNames = targets.length > 1;
  const found: Array<{ type: ResourceType; objects: Stored<KubeObject>[] }> = [];
  let stderr = '';
  for (const target of targets) {
    const badField = fields && unsupportedField(target.type, fields);
    if (badField) {
      const gvr = `${target.type.group ? `${target.type.group}/` : '/'}${target.type.version}, Resource=${target.type.plural}`;
      return fail(
        `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "${selectorText ?? ''}", field selector "${fieldText}": field label not supported: ${badField}`,
      );
    }
    const ns = target.type.namespaced ? (allNamespaces ? undefined : namespace) : undefined;
    let objects: Stored<KubeObject>[];
    if (target.names.length > 0) {
      objects = [];
      for (const name of target.names) {
        const obj = host.store.get(target.type.kind, target.type.namespaced ? namespace : '', name);
        if (obj) objects.push(obj);
        else stderr += `Error from server (NotFound): ${qualifiedResource(target.type)} "${name}" not found\n`;
      }
    } else {
      objects = host.store.list(target.type.kind, ns);
    }
    if (selector) objects = objects.filter((o) => selectorMatches(selector, o.metadata.labels));
    if (fields) objects = objects.filter((o) => fieldsMatch(o, fields));
    if (sortBy) objects = sortObjects(objects, sortBy);
    found.push({ type: target.type, objects });
  }
  if (jsonPath !== undefined) return printJsonPath(jsonPath, found, targets, stderr);
  if (customColumns !== undefined) {
    const items = found.flatMap((f) => f.objects.map((o) => JSON.parse(JSON.stringify(o)) as unknown));
    return printCustomColumns(customColumns, items, noHeaders, stderr);
  }
  const total = found.reduce((n, f) => n + f.objects.length, 0);
  const exitCode = stderr ? 1 : 0;
  if (total === 0 && !stderr) {
    const where = allNamespaces || found.every((f) => !f.type.namespaced) ? '' : ` in ${namespace} namespace`;
    return ok('', `No resources found${where}.\n`);
  }
  let stdout = '';
  if (output === 'name') {
    for (const f of found) for (const o of f.objects) stdout += `${qualifiedKind(f.type)}/${o.metadata.name}\n`;
  } else if (output === 'yaml' || output === 'json') {
    const items = found.flatMap((f) => f.objects);
    const single = items.length === 1 && targets.length === 1 && targets[0].names.length === 1;
    const doc = single
      ? ordered(items[0])
      : { apiVersion: 'v1', items: items.map(ordered), kind: 'List', metadata: { resourceVersion: '' } };
    stdout = output === 'json' ? `${goJson(doc, { indent: 4 })}\n` : toYaml(doc);
  } else {
    const now = host.clock.now();
    const blocks: string[] = [];
    for (const f of found) {
      if (f.objects.length === 0) continue;
      const printer = PRINTERS[f.type.kind];
      const wide = output === 'wide';
      const header = printer ? tableHeader(printer, wide) : ['NAME', 'AGE'];
      if (allNamespaces && f.type.namespaced) header.unshift('NAMESPACE');
      for (const l of labelColumns) header.push(l.toUpperCase());
      if (showLabels) header.push('LABELS');
      const rows = noHeaders ? [] : [header];
      for (const o of f.objects) {
        const cells = printer
          ? tableRow(printer, o, now, wide)
          : [o.metadata.name, age(o.metadata.creationTimestamp, now)];
        if (prefixNames) cells[0] = `${qualifiedKind(f.type)}/${cells[0]}`;
        if (allNamespaces && f.type.namespaced) cells.unshift(o.metadata.namespace ?? '');
        const labels = o.metadata.labels ?? {};
        for (const l of labelColumns) cells.push(labels[l] ?? '');
        if (showLabels) cells.push(formatLabels(labels));
        rows.push(cells);
      }
      blocks.push(formatTable(rows));
    }
    stdout = blocks.join('\n');
  }
  return { stdout, stderr, exitCode };
}

/** apiVersion, kind, metadata, spec, status first, as Go's struct order prints them. */
export function ordered(obj: KubeObject): Record<string, unknown> {
  const source = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ['apiVersion', 'kind', 'metadata', 'spec', 'status'])
    if (source[key] !== undefined) out[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in out) && source[key] !== undefined) out[key] = source[key];
  return out;
}

/**
 * kubectl's YAML: keys sorted (it round-trips through JSON maps), sequences not indented under their key. Stored
 * objects may share unchanged parts, which kubectl would print in full each time, never as anchors and aliases.
 * Its encoder (go-yaml v2) quotes any string a YAML 1.1 reader would take for something else: timestamps such as
 * `creationTimestamp: "2026-01-01T00:00:00Z"`, and yes/no/on/off/y/n.
 */
export function toYaml(doc: unknown): string {
  return stringify(doc, {
    version: '1.1',
    indentSeq: false,
    sortMapEntries: true,
    lineWidth: 0,
    aliasDuplicateObjects: false,
  });
}
