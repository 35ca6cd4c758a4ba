import { ApiError, notFound } from '../api/errors';
import type { KubeObject, Stored } from '../api/meta';
import { qualifiedKind, type ResourceType } from '../api/resources';
import { parseDuration } from '../clock';
import { FlagError, boolFlag, flag, type ParsedArgs } from './args';
import { formatApiError } from './api-error';
import type { KubectlHost } from './host';
import { listMatching } from './list-matching';
import { checkErrors, fail, type CommandResult } from './output';
import { NAMES_WITH_SELECTOR, namesWithSelector, parseResourceArgs, NO_RESOURCES } from './resource-args';
import { WaitCheckError, conditionMet, jsonPathMet, parseWaitCondition, type WaitCondition } from './wait-conditions';

const DEFAULT_TIMEOUT_MS = 30_000;
/** A negative --timeout means a week. */
const WEEK_MS = 168 * 3600_000;
/** How often `--for=create` lists the objects again (PollUntilContextTimeout's interval). */
const CREATE_POLL_MS = 500;

/** The formats wait's PrintFlags accept (no table printer: `wide` is refused). */
const PRINTER_FORMATS = [
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'yaml',
];

/** One object the builder visits: its type and name (a selector's matches are listed once, up front). */
interface WaitTarget {
  type: ResourceType;
  name: string;
}

/**
 * `kubectl wait (TYPE/NAME… | TYPE NAME… | TYPE -l SELECTOR | TYPE --all) --for=… [--timeout=30s] [-o name]`
 * (WaitOptions.RunWait): each object in turn, sharing one deadline in virtual time; prints
 * `<kind>/<name> condition met` for each that meets it, then the errors of those that did not.
 */
export function runWait(host: KubectlHost, args: ParsedArgs): CommandResult {
  const output = flag(args, 'output');
  if (output !== undefined && output !== 'name') {
    if (!PRINTER_FORMATS.includes(output)) {
      return fail(
        `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${PRINTER_FORMATS.join(',')}`,
      );
    }
    return fail(`kubesim: kubectl wait prints its default lines or -o name; -o ${output} is not simulated`);
  }
  const timeout = parseTimeout(flag(args, 'timeout'));
  const condition = parseWaitCondition(flag(args, 'for') ?? '');
  if ('error' in condition) return fail(`error: ${condition.error}`);
  if (args.positional.length === 0) return fail(NO_RESOURCES);

  const selectorText = flag(args, 'selector');
  const all = boolFlag(args, 'all');
  const specs = parseResourceArgs(args.positional);
  if (namesWithSelector(specs, selectorText)) return fail(NAMES_WITH_SELECTOR);
  if (specs.some((s) => s.names.length === 0) && selectorText === undefined && !all) {
    return fail('error: resource(s) were provided, but no name was specified');
  }
  const namespace = flag(args, 'namespace') ?? 'default';
  const deadline = host.clock.now() + timeout.ms;
  const waiter = new ObjectWaiter(host, namespace, condition, timeout.ms, deadline);
  const targetsOf = (spec: (typeof specs)[number]): WaitTarget[] =>
    spec.names.length > 0
      ? spec.names.map((name) => ({ type: spec.type, name }))
      : listMatching(host, spec.type, namespace, selectorText).map((o) => ({ type: spec.type, name: o.metadata.name }));
  // --for=create first polls until every named object exists and each selector matches something (v1.32 on).
  const created = (): boolean =>
    specs.every((spec) => {
      const targets = targetsOf(spec);
      return targets.length > 0 && targets.every((t) => waiter.exists(t));
    });
  if (condition.kind === 'create' && !pollUntil(host, created, deadline)) {
    return fail('error: timed out waiting for the condition');
  }
  let stdout = '';
  let visited = 0;
  // The builder continues on error (ContinueOnError): every object is visited and the errors are reported together.
  const errors: string[] = [];
  for (const spec of specs) {
    for (const target of targetsOf(spec)) {
      const result = waiter.wait(target);
      if (result === 'skipped') continue;
      visited++;
      if (typeof result === 'object') errors.push(result.error);
      else stdout += output === 'name' ? `${printedName(target)}\n` : `${printedName(target)} condition met\n`;
    }
  }
  if (errors.length > 0) return fail(checkErrors(errors), stdout);
  if (visited === 0 && condition.kind !== 'delete') {
    return fail('error: no matching resources found', stdout);
  }
  return { stdout, stderr: '', exitCode: 0 };
}

/** --timeout: 30 s unless given; 0 checks once; a negative duration waits a week. */
function parseTimeout(text: string | undefined): { ms: number } {
  if (text === undefined) return { ms: DEFAULT_TIMEOUT_MS };
  const negative = text.trim().startsWith('-');
  try {
    const ms = parseDuration(negative ? text.trim().slice(1) : text);
    return { ms: negative && ms > 0 ? WEEK_MS : ms };
  } catch {
    throw new FlagError(
      `invalid argument "${text}" for "--timeout" flag: time: invalid duration ${JSON.stringify(text)}`,
    );
  }
}

/** The NamePrinter's `<kind>[.<group>]/<name>`. */
function printedName(target: WaitTarget): string {
  return `${qualifiedKind(target.type)}/${target.name}`;
}

/** Info.ObjectName: `<resource>/<name>`, as kubectl names an object in wait's errors. */
function objectName(target: WaitTarget): string {
  return `${target.type.plural}/${target.name}`;
}

/** The condition functions (IsDeleted, IsCreated, IsConditionMet, IsJSONPathConditionMet) for one object. */
class ObjectWaiter {
  constructor(
    private readonly host: KubectlHost,
    private readonly namespace: string,
    private readonly condition: WaitCondition,
    private readonly timeoutMs: number,
    private readonly deadline: number,
  ) {}

  /** Done, `skipped` (a missing object when waiting for deletion), or the error kubectl reports for it. */
  wait(target: WaitTarget): 'done' | 'skipped' | { error: string } {
    try {
      if (this.condition.kind === 'delete') return this.waitDeleted(target);
      if (this.condition.kind === 'create') return 'done'; // IsCreated, once the poll has found it

      return this.waitMet(target, this.condition);
    } catch (err) {
      if (err instanceof WaitCheckError) return { error: err.message };
      if (err instanceof ApiError) return { error: formatApiError(err) };
      throw err;
    }
  }

  exists(target: WaitTarget): boolean {
    return this.get(target) !== undefined;
  }

  private get(target: WaitTarget): Stored<KubeObject> | undefined {
    return this.host.store.get(target.type.kind, target.type.namespaced ? this.namespace : '', target.name);
  }

  /** What is left of the shared deadline; the whole command has one context. */
  private remaining(): number {
    return this.deadline - this.host.clock.now();
  }

  private timedOut(target: WaitTarget): { error: string } {
    return { error: `timed out waiting for the condition on ${objectName(target)}` };
  }

  /** IsDeleted: a missing object is skipped; otherwise wait for the DELETED event of the object seen first. */
  private waitDeleted(target: WaitTarget): 'done' | 'skipped' | { error: string } {
    const first = this.get(target);
    if (!first) return 'skipped';
    if (this.timeoutMs === 0) return { error: `condition not met for ${objectName(target)}` };
    if (this.remaining() <= 0) return this.timedOut(target);
    const uid = first.metadata.uid;
    // A recreated object of the same name comes after the DELETED event kubectl is watching for.
    const gone = (): boolean => this.get(target)?.metadata.uid !== uid;
    return this.host.waitFor(gone, this.remaining()) ? 'done' : this.timedOut(target);
  }

  /**
   * getObjAndCheckCondition: the object must exist when kubectl first gets it (NotFound otherwise); a zero timeout
   * checks once; otherwise every change is checked until the condition holds or the deadline passes. A deletion
   * meanwhile does not end the wait: a recreated object of that name may still meet it.
   */
  private waitMet(target: WaitTarget, condition: WaitCondition): 'done' | { error: string } {
    const first = this.get(target);
    if (!first) throw notFound(target.type.kind, target.name);
    const met = (obj: KubeObject | undefined): boolean => {
      if (!obj) return false;
      if (condition.kind === 'condition') return conditionMet(obj, condition.name, condition.status);
      if (condition.kind === 'jsonpath') return jsonPathMet(obj, condition.path, condition.value);
      return false;
    };
    if (this.timeoutMs === 0) {
      return met(first) ? 'done' : { error: `condition not met for ${objectName(target)}` };
    }
    if (this.remaining() <= 0) return this.timedOut(target);
    if (met(first)) return 'done';
    let failure: WaitCheckError | undefined;
    const check = (): boolean => {
      try {
        return met(this.get(target));
      } catch (err) {
        if (!(err instanceof WaitCheckError)) throw err;
        failure = err;
        return true;
      }
    };
    const held = this.host.waitFor(check, this.remaining());
    if (failure) throw failure;
    return held ? 'done' : this.timedOut(target);
  }
}

/** wait.PollUntilContextTimeout, immediate: checks now, then every CREATE_POLL_MS until the deadline. */
function pollUntil(host: KubectlHost, done: () => boolean, deadline: number): boolean {
  for (;;) {
    if (done()) return true;
    const left = deadline - host.clock.now();
    if (left <= 0) return false;
    host.waitFor(() => false, Math.min(CREATE_POLL_MS, left));
  }
}
