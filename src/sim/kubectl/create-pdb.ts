import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { ApiError } from '../api/errors';
import { flag, parseArgs, type FlagSpec } from './args';
import { dryRunStrategy, outputFormatError, printCreated, usageError } from './create-output';
import type { KubectlHost } from './host';
import { SelectorError, parseLabelSelector } from './label-selector';
import { fail, type CommandResult } from './output';

const FLAGS: FlagSpec = {
  valued: {
    namespace: 'n',
    selector: undefined,
    'min-available': undefined,
    'max-unavailable': undefined,
    'dry-run': undefined,
    output: 'o',
    'field-manager': undefined,
  },
  boolean: { 'save-config': undefined },
};

/**
 * `kubectl create poddisruptionbudget|pdb NAME --selector=SELECTOR --min-available=N|--max-unavailable=N`
 * (PodDisruptionBudgetOpts). `words` are the words after "pdb".
 */
export function runCreatePodDisruptionBudget(host: KubectlHost, words: string[]): CommandResult {
  const args = parseArgs(words, FLAGS);
  if (args.positional.length !== 1) {
    return usageError('create poddisruptionbudget', `exactly one NAME is required, got ${args.positional.length}`);
  }
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const badOutput = outputFormatError(args);
  if (badOutput) return badOutput;
  // Validate
  const selectorText = flag(args, 'selector') ?? '';
  const minAvailable = flag(args, 'min-available') ?? '';
  const maxUnavailable = flag(args, 'max-unavailable') ?? '';
  if (selectorText === '') return fail('error: a selector must be specified');
  if (minAvailable === '' && maxUnavailable === '') {
    return fail('error: one of min-available or max-unavailable must be specified');
  }
  if (minAvailable !== '' && maxUnavailable !== '') {
    return fail('error: min-available and max-unavailable cannot be both specified');
  }
  if (minAvailable !== '' && !/^[0-9]+%?$/.test(minAvailable)) {
    return fail('error: invalid format specified for min-available');
  }
  if (maxUnavailable !== '' && !/^[0-9]+%?$/.test(maxUnavailable)) {
    return fail('error: invalid format specified for max-unavailable');
  }
  let selector: LabelSelector;
  try {
    selector = parseLabelSelector(selectorText);
  } catch (err) {
    if (err instanceof SelectorError) return fail(err.message);
    throw err;
  }
  if ((selector.matchExpressions ?? []).length === 0) delete selector.matchExpressions;
  const namespace = flag(args, 'namespace');
  const name = args.positional[0];
  // intstr.Parse: digits are an int, anything else a string.
  const bound = (text: string): number | string => (/^[0-9]+$/.test(text) ? Number(text) : text);
  const pdb: PodDisruptionBudget = {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    metadata: namespace ? { name, namespace } : { name },
    spec:
      minAvailable !== ''
        ? { minAvailable: bound(minAvailable), selector }
        : { selector, maxUnavailable: bound(maxUnavailable) },
    status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
  };
  if (dryRun === 'client') return printCreated(pdb, args, dryRun);
  try {
    const { status: _status, ...request } = pdb;
    const created = host.store.create<PodDisruptionBudget>(
      {
        ...request,
        metadata: { ...request.metadata, namespace: namespace ?? 'default' },
      },
      { dryRun: dryRun === 'server' },
    );
    return printCreated(created, args, dryRun);
  } catch (err) {
    if (err instanceof ApiError) return fail(`error: failed to create poddisruptionbudgets: ${err.message}`);
    throw err;
  }
}
