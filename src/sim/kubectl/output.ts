/** What one kubectl invocation printed, and how it exited. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** How much of stderr kubectl wrote before any stdout (warnings printed while it checks its flags). */
  stderrBeforeStdout?: number;
  /** For a command that interleaves its streams: every write in order (it supersedes stderrBeforeStdout). */
  writes?: Array<{ stream: 'stdout' | 'stderr'; text: string }>;
}

/** What a command writes, kept in the order written, for commands whose stdout and stderr interleave. */
export class OutputLog {
  private readonly writes: Array<{ stream: 'stdout' | 'stderr'; text: string }> = [];
  private stdout = '';
  private stderr = '';

  out(text: string): void {
    this.stdout += text;
    this.writes.push({ stream: 'stdout', text });
  }

  err(text: string): void {
    this.stderr += text;
    this.writes.push({ stream: 'stderr', text });
  }

  result(exitCode: number): CommandResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode, writes: [...this.writes] };
  }
}

/** A warning pflag prints while it parses the flags: it comes before anything the command writes. */
export function warnedFirst(result: CommandResult, warning: string): CommandResult {
  if (warning === '') return result;
  const writes = result.writes ? [{ stream: 'stderr' as const, text: warning }, ...result.writes] : undefined;
  return {
    ...result,
    stderr: warning + result.stderr,
    stderrBeforeStdout: warning.length + (result.stderrBeforeStdout ?? 0),
    ...(writes ? { writes } : {}),
  };
}

export function ok(stdout: string, stderr = ''): CommandResult {
  return { stdout, stderr, exitCode: 0 };
}

export function fail(stderr: string, stdout = ''): CommandResult {
  return { stdout, stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`, exitCode: 1 };
}

/** The output in the order a terminal shows it: stderr written before stdout, stdout, then the rest of stderr. */
export function inTerminalOrder(result: CommandResult): Array<{ stream: 'stdout' | 'stderr'; text: string }> {
  if (result.writes) return result.writes.filter((part) => part.text !== '');
  const early = result.stderrBeforeStdout ?? 0;
  return [
    { stream: 'stderr' as const, text: result.stderr.slice(0, early) },
    { stream: 'stdout' as const, text: result.stdout },
    { stream: 'stderr' as const, text: result.stderr.slice(early) },
  ].filter((part) => part.text !== '');
}

/** stdout and stderr interleaved the way a terminal shows them. */
export function combined(result: CommandResult): string {
  return inTerminalOrder(result)
    .map((part) => part.text)
    .join('');
}

/**
 * cmdutil.CheckErr on the errors a command collected (its builder continued on error): one error gets the
 * `error: ` prefix (an API error keeps its own `Error from server` form); several are printed one per line as they
 * are (MultipleErrors).
 */
export function checkErrors(errors: string[]): string {
  if (errors.length > 1) return errors.join('\n');
  const [only] = errors;
  return only.startsWith('Error from server') || only.startsWith('error: ') ? only : `error: ${only}`;
}

/**
 * cmdutil.DefaultSubCommandRun of a command group such as `kubectl set` or `kubectl rollout`: arguments that name
 * no subcommand are a usage error quoting all of them; no arguments at all would print the group's help, which
 * the simulator replaces with the list of its subcommands.
 */
export function subcommandRequired(group: string, args: string[], subcommands: string[]): CommandResult {
  if (args.length === 0) {
    return fail(`kubesim: kubectl ${group} needs a subcommand: ${subcommands.join(', ')}`);
  }
  return fail(`error: unknown command "${args.join(' ')}"\nSee 'kubectl ${group} -h' for help and examples`);
}
