import type { KubeObject } from '../api/meta';
import { lookupResource, qualifiedKind } from '../api/resources';
import { flag, type ParsedArgs } from './args';
import { ordered, toYaml } from './get';
import { goJson } from './go-json';
import { JsonPathError, executeJsonPath } from './jsonpath';
import { fail, ok, type CommandResult } from './output';

export type DryRun = 'none' | 'client' | 'server';

/** GetDryRunStrategy: --dry-run is none, client or server. */
export function dryRunStrategy(args: ParsedArgs): DryRun | CommandResult {
  const value = flag(args, 'dry-run') ?? 'none';
  if (value === 'none' || value === 'client' || value === 'server') return value;
  return fail(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".\n`);
}

/** PrintFlagsWithDryRunStrategy: what the name printer adds to the operation it reports. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

const PRINTER_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** PrintFlags.ToPrinter for the create generators: undefined when -o names a format kubectl knows. */
export function outputFormatError(args: ParsedArgs): CommandResult | undefined {
  const output = flag(args, 'output') ?? '';
  if (['', 'name', 'yaml', 'json'].includes(output)) return undefined;
  if (output.startsWith('jsonpath=')) {
    // The printer parses its template before anything is sent.
    const template = output.slice('jsonpath='.length);
    try {
      executeJsonPath(template, {});
      return undefined;
    } catch (err) {
      if (!(err instanceof JsonPathError)) throw err;
      return fail(`error: error parsing jsonpath ${template}, ${err.message}\n`);
    }
  }
  const known = PRINTER_FORMATS.split(',').some((f) => output === f || output.startsWith(`${f}=`));
  if (known)
    return fail(
      `error: kubesim: -o ${output.split('=')[0]} is not simulated here (use yaml, json, jsonpath or name)\n`,
    );
  return fail(
    `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${PRINTER_FORMATS}\n`,
  );
}

/**
 * What a create generator prints once it has its object: the name line (`deployment.apps/web created`, with
 * "(dry run)" or "(server dry run)"), or the object itself for -o yaml|json, as Go serialises it.
 */
export function printCreated(obj: KubeObject, args: ParsedArgs, dryRun: DryRun, operation = 'created'): CommandResult {
  const output = flag(args, 'output') ?? '';
  const type = lookupResource(obj.kind ?? '');
  const name = `${type ? qualifiedKind(type) : (obj.kind ?? '').toLowerCase()}/${obj.metadata?.name ?? ''}`;
  if (output === 'name') return ok(`${name}\n`);
  if (output === 'yaml') return ok(toYaml(ordered(obj)));
  if (output.startsWith('jsonpath=')) {
    const template = output.slice('jsonpath='.length);
    try {
      return ok(executeJsonPath(template, JSON.parse(JSON.stringify(obj))));
    } catch (err) {
      if (!(err instanceof JsonPathError)) throw err;
      return fail(`error: error parsing jsonpath ${template}, ${err.message}\n`);
    }
  }
  // A client dry run prints the typed object kubectl built, its fields in declaration order; the apiserver's
  // answer prints as get -o json would.
  if (output === 'json') return ok(`${goJson(obj, { indent: 4, structOrder: dryRun === 'client' })}\n`);
  return ok(`${name} ${operation}${dryRunSuffix(dryRun)}\n`);
}

/** cmdutil.UsageErrorf as a create subcommand prints it. */
export function usageError(command: string, message: string): CommandResult {
  return fail(`error: ${message}\nSee 'kubectl ${command} -h' for help and examples\n`);
}

/** pflag's message for a value an int32 flag cannot parse; undefined when it parses. */
export function int32FlagError(args: ParsedArgs, name: string, shorthand?: string): string | undefined {
  const value = flag(args, name);
  if (value === undefined) return undefined;
  const label = shorthand ? `-${shorthand}, --${name}` : `--${name}`;
  if (!/^[-+]?\d+$/.test(value)) {
    return `invalid argument "${value}" for "${label}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`;
  }
  const n = Number(value);
  if (n > 2147483647 || n < -2147483648) {
    return `invalid argument "${value}" for "${label}" flag: strconv.ParseInt: parsing "${value}": value out of range`;
  }
  return undefined;
}
