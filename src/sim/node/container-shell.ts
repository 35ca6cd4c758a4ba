/** What a command run in a container (`kubectl exec`) prints and its exit code. */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** A container's own process reached a program that does not end here (a server, `sleep`): it keeps running. */
  blocked?: boolean;
  /** The shell's `exit` ran: nothing after it in the script runs. */
  exited?: boolean;
}

/** The container a command runs in: its hostname, its files, and which shell's wording its messages follow. */
export interface ContainerContext {
  hostname: string;
  /** busybox's applets word their errors differently from Debian's coreutils and dash. */
  busybox: boolean;
  read(path: string): string | undefined;
  write(path: string, content: string, append: boolean): void;
  /** busybox's nslookup against the cluster DNS, from this pod; only busybox images have it. */
  nslookup?(name: string): ExecResult;
  /**
   * The command is the container's own process rather than an exec: a program not simulated here (a server, a
   * `sleep`) runs on silently instead of failing, and the process keeps running from there.
   */
  mainProcess?: boolean;
}

/** The programs the simulated containers can run. */
export const SIMULATED_PROGRAMS = [
  'hostname',
  'echo',
  'cat',
  'true',
  'false',
  'sh -c',
  'bash -c',
  'nslookup (busybox)',
];

/** Deep enough for any script a reader types; deeper means a script calling itself. */
const MAX_DEPTH = 16;

/**
 * Runs a command in a container, as the runtime's exec does: a program and its arguments, where `sh -c SCRIPT`
 * (or `bash -c`) runs a small POSIX shell: `;`, `&&` and `||` lists, quotes, `$(…)`, `$HOSTNAME`, `>` and `>>`; busybox images also run nslookup.
 */
export function runInContainer(container: ContainerContext, argv: string[], depth = 0): ExecResult {
  const out: ExecResult = { stdout: '', stderr: '', exitCode: 0 };
  if (depth > MAX_DEPTH) return { stdout: '', stderr: 'sh: too many nested shells\n', exitCode: 2 };
  const [program, ...args] = argv;
  const name = program?.split('/').pop() ?? '';
  switch (name) {
    case 'hostname':
      out.stdout = `${container.hostname}\n`;
      return out;
    case 'echo': {
      const noNewline = args[0] === '-n';
      const words = noNewline ? args.slice(1) : args;
      out.stdout = words.join(' ') + (noNewline ? '' : '\n');
      return out;
    }
    case 'cat':
      for (const path of args) {
        const content = container.read(path);
        if (content !== undefined) out.stdout += content;
        else {
          out.stderr += container.busybox
            ? `cat: can't open '${path}': No such file or directory\n`
            : `cat: ${path}: No such file or directory\n`;
          out.exitCode = 1;
        }
      }
      return out;
    case 'nslookup':
      if (container.nslookup && args.length === 1) return container.nslookup(args[0]);
      break;
    case 'true':
      return out;
    case 'false':
      out.exitCode = 1;
      return out;
    case 'exit': {
      // A shell builtin: only a script (sh -c) has it; exec finds no such program.
      if (depth === 0) break;
      const code = args.length === 0 ? 0 : Number(args[0]);
      if (!Number.isInteger(code) || code < 0) {
        return { stdout: '', stderr: `sh: exit: Illegal number: ${args[0]}\n`, exitCode: 2, exited: true };
      }
      return { ...out, exitCode: code % 256, exited: true };
    }
    case 'sh':
    case 'bash':
      if (args[0] === '-c' && args.length > 1) {
        // A nested shell's `exit` ends that shell only.
        const { exited: _ended, ...result } = runScript(container, args[1], depth + 1);
        return result;
      }
      break;
  }
  if (container.mainProcess) return { ...out, blocked: true };
  return notSimulated(name || program || '');
}

function notSimulated(program: string): ExecResult {
  return {
    stdout: '',
    stderr: `kubesim: "${program}" is not simulated; containers here run ${SIMULATED_PROGRAMS.join(', ')}\n`,
    exitCode: 127,
  };
}

type Token = { word: string } | { op: '>' | '>>' };

/** Runs `sh -c SCRIPT`: each command of the list in turn, `&&` and `||` gated on the exit code before them. */
function runScript(container: ContainerContext, script: string, depth: number): ExecResult {
  const total: ExecResult = { stdout: '', stderr: '', exitCode: 0 };
  let list: Array<{ text: string; gate: ';' | '&&' | '||' }>;
  try {
    list = splitList(script);
  } catch (err) {
    return { stdout: '', stderr: `sh: ${(err as Error).message}\n`, exitCode: 2 };
  }
  for (const { text, gate } of list) {
    const run = gate === ';' || (gate === '&&' ? total.exitCode === 0 : total.exitCode !== 0);
    if (!run) continue;
    // Words are expanded when their command runs, so `$(cat f)` sees what an earlier command wrote to f.
    let tokens: Token[];
    try {
      tokens = tokenize(text, (inner) => substitute(container, inner, depth, total));
    } catch (err) {
      return { ...total, stderr: `${total.stderr}sh: ${(err as Error).message}\n`, exitCode: 2 };
    }
    if (tokens.length === 0) continue;
    // A bare `exit` leaves with the status of the command before it.
    if (tokens.length === 1 && 'word' in tokens[0] && tokens[0].word === 'exit') return { ...total, exited: true };
    const result = runSimple(container, tokens, depth);
    total.stdout += result.stdout;
    total.stderr += result.stderr;
    total.exitCode = result.exitCode;
    if (result.blocked) return { ...total, blocked: true };
    if (result.exited) return { ...total, exited: true };
  }
  return total;
}

/** The commands of a list and the operator before each, split outside quotes and `$(…)`. */
function splitList(script: string): Array<{ text: string; gate: ';' | '&&' | '||' }> {
  const list: Array<{ text: string; gate: ';' | '&&' | '||' }> = [];
  let gate: ';' | '&&' | '||' = ';';
  let start = 0;
  let parens = 0;
  let quote: string | undefined;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') parens++;
    else if (ch === ')') parens--;
    else if (parens === 0 && (ch === ';' || script.startsWith('&&', i) || script.startsWith('||', i))) {
      list.push({ text: script.slice(start, i), gate });
      gate = ch === ';' ? ';' : (script.slice(i, i + 2) as '&&' | '||');
      if (ch !== ';') i++;
      start = i + 1;
    }
  }
  if (quote) throw new Error('syntax error: unterminated quoted string');
  list.push({ text: script.slice(start), gate });
  return list;
}

/** One simple command: its words, then any `>`/`>>` redirection of its output to a file. */
function runSimple(container: ContainerContext, tokens: Token[], depth: number): ExecResult {
  const argv: string[] = [];
  let target: { path: string; append: boolean } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if ('word' in token) {
      argv.push(token.word);
      continue;
    }
    const next = tokens[i + 1];
    if (!next || !('word' in next))
      return { stdout: '', stderr: 'sh: syntax error: unexpected newline\n', exitCode: 2 };
    target = { path: next.word, append: token.op === '>>' };
    i++;
  }
  const result = argv.length > 0 ? runInContainer(container, argv, depth) : { stdout: '', stderr: '', exitCode: 0 };
  if (!target) return result;
  container.write(target.path, result.stdout, target.append);
  return { ...result, stdout: '' };
}

/** `$(…)`: the inner command's output without its trailing newlines; its errors still reach the terminal. */
function substitute(container: ContainerContext, inner: string, depth: number, total: ExecResult): string {
  const result = runScript(container, inner, depth + 1);
  total.stderr += result.stderr;
  return result.stdout.replace(/\n+$/, '');
}

/**
 * Splits a script into words and operators: single quotes keep everything, double quotes keep spaces but expand
 * `$(…)` and `$HOSTNAME`, as bare words do.
 */
function tokenize(script: string, run: (inner: string) => string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  const end = (): void => {
    if (inWord) tokens.push({ word });
    word = '';
    inWord = false;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (ch === "'") {
      const close = script.indexOf("'", i + 1);
      if (close < 0) throw new Error('syntax error: unterminated quoted string');
      word += script.slice(i + 1, close);
      inWord = true;
      i = close;
    } else if (ch === '"') {
      i++;
      inWord = true;
      while (i < script.length && script[i] !== '"') {
        if (script[i] === '$') i = expand(script, i, run, (text) => (word += text));
        else if (script[i] === '\\' && '"\\$`'.includes(script[i + 1] ?? '')) word += script[(i += 1)];
        else word += script[i];
        i++;
      }
      if (i >= script.length) throw new Error('syntax error: unterminated quoted string');
    } else if (ch === '$') {
      inWord = true;
      i = expand(script, i, run, (text) => (word += text));
    } else if (ch === '>') {
      end();
      if (script[i + 1] === '>') {
        tokens.push({ op: '>>' });
        i++;
      } else {
        tokens.push({ op: '>' });
      }
    } else if (ch === '&' || ch === '|') {
      throw new Error(`syntax error: "${ch}" is not simulated`);
    } else if (/\s/.test(ch)) {
      end();
    } else {
      word += ch;
      inWord = true;
    }
  }
  end();
  return tokens;
}

/** Expands the `$…` at `at`; returns the index of its last character. */
function expand(script: string, at: number, run: (inner: string) => string, emit: (text: string) => void): number {
  if (script[at + 1] === '(') {
    let depth = 0;
    for (let j = at + 1; j < script.length; j++) {
      if (script[j] === '(') depth++;
      else if (script[j] === ')' && --depth === 0) {
        emit(run(script.slice(at + 2, j)));
        return j;
      }
    }
    throw new Error('syntax error: unterminated $(');
  }
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(script.slice(at + 1))?.[0];
  if (!name) {
    emit('$');
    return at;
  }
  emit(name === 'HOSTNAME' ? run('hostname') : '');
  return at + name.length;
}
