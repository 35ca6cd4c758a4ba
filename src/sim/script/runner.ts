import { parseDuration } from '../clock';
import { formatProcessTable, type ProcessRow } from '../ground-truth';
import type { Editor } from '../kubectl/host';
import { inTerminalOrder, type CommandResult } from '../kubectl/output';
import { parseScript, ScriptReader, type ParsedItem, type ScriptCommand } from './parse';

/**
 * What a script needs from the cluster it drives. `Cluster` satisfies it; the optional members are features a
 * cluster may lack, which the script then reports as unavailable.
 */
export interface ScriptHost {
  kubectlResult(command: string, input?: string | Editor): CommandResult;
  /** Advances virtual time by a duration. */
  run(duration: string | number): void;
  /** Files `kubectl apply -f NAME` reads, by name. */
  files?: Map<string, string>;
  nslookup?: (name: string) => unknown;
  /** Cluster DNS; its `nslookup(name)` serves the script's nslookup when the host has none of its own. */
  dns?: object;
  ps?: () => unknown;
  faults?: object;
}

export type OutputStream = 'stdout' | 'stderr';

export interface ScriptOptions {
  /** Print "$ <command line>" before each command's output. */
  echo?: boolean;
  /** Receives output as each command finishes (the CLI streams it to the terminal). */
  write?: (text: string, stream: OutputStream) => void;
  /** Reads a file named by `kubectl … -f FILE` (the CLI reads it from disk relative to the script). */
  readFile?: (path: string) => string | undefined;
  /** The editor of a `kubectl edit` line without a heredoc (the CLI launches $KUBE_EDITOR or $EDITOR). */
  editor?: Editor;
}

export interface ScriptResult {
  /** Everything printed, stdout and stderr in the order written. */
  output: string;
  /** The exit status of the last command that failed, 0 when none did. */
  exitCode: number;
}

/** Runs a kubesim script: kubectl commands, sleeps, nslookup, `kubesim ps` and `kubesim fault …`. */
export function runScript(host: ScriptHost, text: string, options: ScriptOptions = {}): ScriptResult {
  const session = new ScriptSession(host, options);
  for (const item of parseScript(text)) session.runItem(item);
  return { output: session.output, exitCode: session.exitCode };
}

/**
 * A running script fed line by line (the interactive prompt): lines go in with `push`, output comes out through
 * `options.write` and accumulates in `output`.
 */
export class ScriptSession {
  output = '';
  exitCode = 0;
  /** Exit status of the most recent command. */
  lastStatus = 0;
  private readonly reader = new ScriptReader();

  constructor(
    private readonly host: ScriptHost,
    private readonly options: ScriptOptions = {},
  ) {}

  /** Whether a heredoc or a continued line awaits more input. */
  get pending(): boolean {
    return this.reader.pending;
  }

  push(line: string): void {
    for (const item of this.reader.push(line)) this.runItem(item);
  }

  end(): void {
    for (const item of this.reader.end()) this.runItem(item);
  }

  runItem(item: ParsedItem): void {
    if ('error' in item) {
      this.finish({ stdout: '', stderr: `kubesim: line ${item.error.line}: ${item.error.message}\n`, exitCode: 2 });
      return;
    }
    if (this.options.echo) this.print(`$ ${item.command.transcript}\n`, 'stdout');
    this.finish(this.execute(item.command));
  }

  private execute(command: ScriptCommand): CommandResult {
    const [name, ...args] = command.words;
    const operator = command.words.find(isShellOperator);
    if (operator !== undefined) {
      return failure(
        `kubesim: line ${command.line}: "${operator}": pipes, redirection and command lists are not supported (one command per line)`,
        2,
      );
    }
    switch (name) {
      case 'kubectl':
        this.loadFiles(args);
        return this.host.kubectlResult(quoteWords(args), command.stdin ?? this.options.editor);
      case 'sleep':
        return this.sleep(args);
      case 'nslookup':
        if (args.length !== 1) return failure('usage: nslookup NAME', 1);
        return this.callOptional('nslookup', this.host.nslookup ?? this.method(this.host.dns, 'nslookup'), [args[0]]);
      case 'kubesim':
        return this.kubesim(args);
      default:
        return failure(`kubesim: ${name}: command not found`, 127);
    }
  }

  private sleep(args: string[]): CommandResult {
    if (args.length === 0) return failure('sleep: missing operand', 1);
    let total = 0;
    for (const arg of args) {
      try {
        total += parseDuration(arg);
      } catch {
        return failure(`sleep: invalid time interval '${arg}'`, 1);
      }
    }
    this.host.run(total);
    return { stdout: '', stderr: '', exitCode: 0 };
  }

  private kubesim(args: string[]): CommandResult {
    const [sub, ...rest] = args;
    if (sub === 'ps') return this.callOptional('ps', this.host.ps, []);
    if (sub !== 'fault') return failure(`kubesim: unknown command "${sub ?? ''}" (try: ps, fault)`, 1);
    const [action, target] = rest;
    const nodeActions: Record<string, string> = { 'partition-node': 'partitionNode', 'heal-node': 'healNode' };
    const podActions: Record<string, string> = { unready: 'unready', ready: 'ready', crash: 'crash' };
    if (action in nodeActions && target && rest.length === 2) {
      return this.callFault(`fault ${action}`, nodeActions[action], target.replace(/^(nodes?|no)\//, ''));
    }
    if (action in podActions && target && rest.length === 2) {
      const match = /^(?:pods?|po)\/(.+)$/.exec(target);
      if (!match) return failure(`kubesim: fault ${action} expects pod/NAME, got "${target}"`, 1);
      return this.callFault(`fault ${action}`, podActions[action], match[1]);
    }
    return failure(
      'usage: kubesim fault partition-node|heal-node NODE\n       kubesim fault unready|ready|crash pod/NAME',
      1,
    );
  }

  private callFault(label: string, method: string, arg: string): CommandResult {
    return this.callOptional(label, this.method(this.host.faults, method), [arg]);
  }

  /** A method of an optional part of the host, bound to it, or undefined. */
  private method(target: object | undefined, name: string): ((...a: string[]) => unknown) | undefined {
    const fn = (target as Record<string, unknown> | undefined)?.[name];
    return typeof fn === 'function' ? (fn.bind(target) as (...a: string[]) => unknown) : undefined;
  }

  /** Calls a feature the host may not have; a string or CommandResult it returns is printed. */
  private callOptional(label: string, fn: ((...a: string[]) => unknown) | undefined, args: string[]): CommandResult {
    if (typeof fn !== 'function') return failure(`kubesim: ${label} is not available`, 1);
    let result: unknown;
    try {
      result = fn.apply(this.host, args);
    } catch (err) {
      return failure(`kubesim: ${label}: ${err instanceof Error ? err.message : String(err)}`, 1);
    }
    if (typeof result === 'string') return { stdout: withNewline(result), stderr: '', exitCode: 0 };
    if (isCommandResult(result)) return result;
    if (label === 'ps' && Array.isArray(result)) {
      return { stdout: formatProcessTable(result as ProcessRow[]), stderr: '', exitCode: 0 };
    }
    return { stdout: '', stderr: '', exitCode: 0 };
  }

  /** Puts the files named by -f/--filename into the host's file map, read through `options.readFile`. */
  private loadFiles(args: string[]): void {
    const files = this.host.files;
    const readFile = this.options.readFile;
    if (!files || !readFile) return;
    for (let i = 0; i < args.length; i++) {
      const word = args[i];
      let name: string | undefined;
      if (word === '-f' || word === '--filename') name = args[i + 1];
      else if (word.startsWith('--filename=')) name = word.slice('--filename='.length);
      else if (word.startsWith('-f') && word.length > 2) name = word.slice(word[2] === '=' ? 3 : 2);
      if (!name || name === '-' || files.has(name)) continue;
      const text = readFile(name);
      if (text !== undefined) files.set(name, text);
    }
  }

  private finish(result: CommandResult): void {
    for (const part of inTerminalOrder(result)) this.print(part.text, part.stream);
    this.lastStatus = result.exitCode;
    if (result.exitCode !== 0) this.exitCode = result.exitCode;
  }

  private print(text: string, stream: OutputStream): void {
    this.output += text;
    this.options.write?.(text, stream);
  }
}

function failure(message: string, exitCode: number): CommandResult {
  return { stdout: '', stderr: withNewline(message), exitCode };
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function isCommandResult(value: unknown): value is CommandResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CommandResult).stdout === 'string' &&
    typeof (value as CommandResult).exitCode === 'number'
  );
}

/** Joins words back into a command line that splits to the same words. */
function quoteWords(words: string[]): string {
  return words.map((w) => (w !== '' && /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** An unquoted shell operator left as a word of its own, or a redirection such as `>/dev/null` or `2>&1`. */
function isShellOperator(word: string): boolean {
  return ['|', '||', '&&', ';', '&'].includes(word) || /^[0-9]?>>?(&[0-9])?/.test(word) || /^<(?!<)/.test(word);
}
