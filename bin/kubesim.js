#!/usr/bin/env node
// kubesim: run kubesim scripts (kubectl commands, heredocs, sleeps) against a simulated cluster, or type them at
// a prompt. The simulator core is the compiled src/sim (the `kubesim` package; `npm ci` builds it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
// The same files node_modules/kubesim links to, addressed relative to this checkout.
import { Cluster, KUBERNETES_VERSION, runScript, ScriptSession } from '../src/sim/dist/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const USAGE = `Usage:
  kubesim [flags]              open an interactive prompt
  kubesim run FILE [flags]     run a script ("-" reads it from standard input)

A script holds one command per line:
  kubectl …                    any supported kubectl command; heredocs work: kubectl apply -f - <<EOF … EOF
  sleep 30s                    advance virtual time
  nslookup NAME                resolve a name through cluster DNS
  kubesim ps                   list the containers running on each node
  kubesim fault partition-node|heal-node NODE
  kubesim fault unready|ready|crash pod/NAME
Lines starting with # are comments.

Flags:
  --seed N      seed for every random choice (default 1); same seed and script give the same output
  --nodes N     number of worker nodes (default 3)
  --echo        print "$ <command>" before each command's output
  --help        show this help
  --version     show the kubesim and Kubernetes versions
`;

function fail(message) {
  process.stderr.write(`kubesim: ${message}\nRun 'kubesim --help' for usage.\n`);
  process.exit(2);
}

function parseCommandLine(argv) {
  const options = { seed: 1, nodes: 3, echo: false, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? (eq >= 0 ? arg.slice(2, eq) : arg.slice(2)) : undefined;
    const value = () => {
      if (eq >= 0) return arg.slice(eq + 1);
      if (i + 1 >= argv.length) fail(`flag needs an argument: --${name}`);
      return argv[++i];
    };
    if (name === 'help' || arg === '-h') options.help = true;
    else if (name === 'version') options.version = true;
    else if (name === 'echo') options.echo = true;
    else if (name === 'seed' || name === 'nodes') {
      const text = value();
      const n = Number(text);
      if (!Number.isInteger(n)) fail(`invalid value "${text}" for --${name}: a whole number is required`);
      options[name] = n;
    } else if (name !== undefined) fail(`unknown flag: --${name}`);
    else if (arg.startsWith('-') && arg !== '-') fail(`unknown shorthand flag: '${arg.slice(1, 2)}' in ${arg}`);
    else options.positional.push(arg);
  }
  return options;
}

function newCluster(options) {
  try {
    return new Cluster({ seed: options.seed, nodes: options.nodes });
  } catch (err) {
    return fail(err.message);
  }
}

function readFrom(dir) {
  return (name) => {
    try {
      return readFileSync(path.resolve(dir, name), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/**
 * kubectl edit's editor, as kubectl finds it: $KUBE_EDITOR, then $EDITOR, then vi, run through the shell on a
 * temporary file.
 */
function launchEditor(opened) {
  const editor = process.env.KUBE_EDITOR || process.env.EDITOR || 'vi';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kubesim-edit-'));
  const file = path.join(dir, 'edit.yaml');
  try {
    writeFileSync(file, opened);
    const run = spawnSync('sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit' });
    if (run.error || run.status !== 0) throw new Error(`there was a problem with the editor "${editor}"`);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function write(text, stream) {
  (stream === 'stderr' ? process.stderr : process.stdout).write(text);
}

function runFile(options, file) {
  let text;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (err) {
    fail(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  }
  const dir = file === '-' ? process.cwd() : path.dirname(path.resolve(file));
  const cluster = newCluster(options);
  const result = runScript(cluster, text, { echo: options.echo, write, readFile: readFrom(dir), editor: launchEditor });
  process.exitCode = result.exitCode;
}

function interactive(options) {
  const cluster = newCluster(options);
  const session = new ScriptSession(cluster, {
    echo: options.echo,
    write,
    readFile: readFrom(process.cwd()),
    editor: launchEditor,
  });
  const tty = Boolean(process.stdin.isTTY);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
  const prompt = () => {
    if (!tty) return;
    rl.setPrompt(session.pending ? '> ' : 'kubesim> ');
    rl.prompt();
  };
  let done = false;
  rl.on('line', (line) => {
    if (done) return;
    if (!session.pending && /^\s*(exit|quit)\s*$/.test(line)) {
      done = true;
      rl.close();
      return;
    }
    session.push(line);
    prompt();
  });
  rl.on('close', () => {
    session.end();
    if (tty && !done) process.stdout.write('\n');
    process.exitCode = session.lastStatus;
  });
  prompt();
}

const options = parseCommandLine(process.argv.slice(2));
if (options.help) {
  process.stdout.write(USAGE);
} else if (options.version) {
  const pkg = JSON.parse(readFileSync(path.join(here, '../src/sim/package.json'), 'utf8'));
  process.stdout.write(`kubesim ${pkg.version} (Kubernetes ${KUBERNETES_VERSION})\n`);
} else if (options.positional.length === 0) {
  interactive(options);
} else if (options.positional[0] === 'run') {
  if (options.positional.length !== 2) fail('run takes one FILE (or - for standard input)');
  runFile(options, options.positional[1]);
} else {
  fail(`unknown command "${options.positional[0]}"`);
}
