/** What one kubectl invocation printed, and how it exited. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function ok(stdout: string, stderr = ''): CommandResult {
  return { stdout, stderr, exitCode: 0 };
}

export function fail(stderr: string, stdout = ''): CommandResult {
  return { stdout, stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`, exitCode: 1 };
}

/** stdout and stderr interleaved the way a terminal shows them for our commands: stdout first. */
export function combined(result: CommandResult): string {
  return result.stdout + result.stderr;
}
