import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Container } from 'kubernetes-types/core/v1';
import { ApiError } from '../api/errors';
import type { ObjectStore } from '../api/store';
import { flag, parseArgs, type FlagSpec } from './args';
import {
  dryRunStrategy,
  int32FlagError,
  outputFormatError,
  printCreated,
  usageError,
  type DryRun,
} from './create-output';
import type { KubectlHost } from './host';
import { fail, type CommandResult } from './output';

const COMMAND = 'create deployment';

const FLAGS: FlagSpec = {
  valued: {
    namespace: 'n',
    image: undefined,
    port: undefined,
    replicas: 'r',
    'dry-run': undefined,
    output: 'o',
    'field-manager': undefined,
  },
  boolean: { 'save-config': undefined },
};

/**
 * `kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P] [-- COMMAND [args...]]`
 * (CreateDeploymentOptions): a Deployment labelled and selecting app=NAME, one container per image. `words` are
 * the words after "deployment".
 */
export function runCreateDeployment(host: KubectlHost, words: string[]): CommandResult {
  const dash = words.indexOf('--');
  const args = parseArgs(dash >= 0 ? words.slice(0, dash) : words, FLAGS);
  const flagError = int32FlagError(args, 'port') ?? int32FlagError(args, 'replicas', 'r');
  if (flagError) return fail(`error: ${flagError}\nSee 'kubectl ${COMMAND} --help' for usage.\n`);
  // cobra checks required flags before the command runs.
  const images = (args.flags.get('image') ?? []).flatMap((v) => v.split(','));
  if (images.length === 0) return fail('error: required flag(s) "image" not set\n');
  // Complete: NameFromCommandArgs counts the arguments before "--".
  if (args.positional.length !== 1) {
    return usageError(COMMAND, `exactly one NAME is required, got ${args.positional.length}`);
  }
  const command = dash >= 0 ? words.slice(dash + 1) : [];
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const badOutput = outputFormatError(args);
  if (badOutput) return badOutput;
  // Validate
  if (images.length > 1 && command.length > 0)
    return fail('error: cannot specify multiple --image options and command\n');
  const namespace = flag(args, 'namespace');
  const deploy = deploymentFor(host.store, {
    name: args.positional[0],
    namespace,
    images,
    command,
    replicas: Number(flag(args, 'replicas') ?? 1),
    port: Number(flag(args, 'port') ?? -1),
  });
  return submit(host, deploy, namespace ?? 'default', dryRun, args);
}

interface DeploymentRequest {
  name: string;
  /** Set only when -n was given (EnforceNamespace); the object then names it. */
  namespace: string | undefined;
  images: string[];
  command: string[];
  replicas: number;
  port: number;
}

/**
 * createDeployment: the object as kubectl builds it, with the empty structs Go serialises (`strategy: {}`,
 * `resources: {}`, `status: {}`), which is what --dry-run=client -o yaml shows.
 */
export function deploymentFor(store: ObjectStore, request: DeploymentRequest): Deployment {
  const labels = { app: request.name };
  // Fields in the Go struct's order (name, image, command, ports, resources), which -o json keeps.
  const containers = request.images.map((image, i): Container => {
    const container: Container = { name: containerNameFor(store, image), image };
    if (request.command.length > 0) container.command = request.command;
    if (request.port >= 0 && i === 0) container.ports = [{ containerPort: request.port }];
    container.resources = {};
    return container;
  });
  return {
    // TypeMeta declares kind before apiVersion.
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: request.namespace
      ? { name: request.name, namespace: request.namespace, labels }
      : { name: request.name, labels },
    spec: {
      replicas: request.replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

/**
 * buildPodSpec's container name: the image's last path segment without tag or digest; sanitizeAndUniquify turns
 * "_" and "." into "-" and then adds a random suffix.
 */
export function containerNameFor(store: ObjectStore, image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0].split('@')[0];
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${store.nameSuffix(5)}`;
  return name;
}

function submit(
  host: KubectlHost,
  deploy: Deployment,
  namespace: string,
  dryRun: DryRun,
  args: ReturnType<typeof parseArgs>,
): CommandResult {
  if (dryRun === 'client') return printCreated(deploy, args, dryRun);
  try {
    const created = host.store.create<Deployment>(
      { ...deploy, metadata: { ...deploy.metadata, namespace } },
      { dryRun: dryRun === 'server' },
    );
    return printCreated({ ...created, status: created.status ?? {} } as Deployment, args, dryRun);
  } catch (err) {
    if (err instanceof ApiError) return fail(`error: failed to create deployment: ${err.message}\n`);
    throw err;
  }
}
