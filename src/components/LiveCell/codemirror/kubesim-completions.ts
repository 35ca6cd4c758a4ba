/**
 * What the editor suggests besides the cell's own names: the kubesim API a lesson uses and `display()`. A static
 * list, kept next to the editor; it mirrors src/sim/cluster.ts and src/cells/display-api.ts.
 */
import type { Completion } from '@codemirror/autocomplete';

const method = (label: string, detail: string, info: string): Completion => ({ label, type: 'method', detail, info });

export const KUBESIM_COMPLETIONS: readonly Completion[] = [
  { label: 'Cluster', type: 'class', detail: 'new Cluster({ seed, nodes })', info: 'A simulated Kubernetes cluster.' },
  method('apply', '(manifest) → string', 'Applies YAML or an object, like kubectl apply -f -.'),
  method('kubectl', '(command, stdin?) → string', 'Runs a kubectl command line and returns what it prints.'),
  method('kubectlResult', '(command, stdin?) → CommandResult', 'Like kubectl(), with stdout, stderr and exit code.'),
  method('run', '(duration) → void', 'Advances virtual time, e.g. run("30s").'),
  method('settle', '() → number', 'Runs until nothing changes for a minute; returns the virtual ms it took.'),
  method('get', '(kind, name, namespace?) → object', 'Reads one object from the store.'),
  method('list', '(kind, namespace?) → object[]', 'Lists objects of a kind.'),
  method('events', '() → Event[]', 'The Events recorded so far.'),
  method('yaml', '(kind, name, namespace?) → string', 'One object as kubectl get -o yaml prints it.'),
  method('elapsed', '() → number', 'Virtual milliseconds since the cluster started.'),
  { label: 'history', type: 'property', detail: 'HistoryEntry[]', info: 'Every state change with its time.' },
  { label: 'files', type: 'property', detail: 'Map<string, string>', info: 'Files kubectl apply -f NAME reads.' },
  { label: 'display', type: 'function', detail: '(text) → void', info: 'Shows text in the output.' },
  method('table', '(rows: object[]) → void', 'display.table: objects as a table.'),
  method('html', '(html: string) → void', 'display.html: sanitized HTML.'),
  method('svg', '(svg: string) → void', 'display.svg: a sanitized SVG drawing.'),
  method('timeline', '(cluster) → void', 'display.timeline: a slider over the cluster history.'),
  { label: 'humanDuration', type: 'function', detail: '(ms) → string', info: 'Formats like the AGE column.' },
  { label: 'parseDuration', type: 'function', detail: '(text) → number', info: 'Parses "1m30s" to ms.' },
];
