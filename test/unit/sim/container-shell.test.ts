import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInContainer, type ContainerContext } from '../../../src/sim/node/container-shell';

function container(busybox = false): ContainerContext & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    hostname: 'web-0',
    busybox,
    read: (path) => files.get(path),
    write: (path, content, append) => files.set(path, (append ? (files.get(path) ?? '') : '') + content),
  };
}

describe('commands in a simulated container', () => {
  const cases: Array<{ argv: string[]; stdout: string; stderr?: string; exitCode?: number; busybox?: boolean }> = [
    { argv: ['hostname'], stdout: 'web-0\n' },
    { argv: ['/bin/hostname'], stdout: 'web-0\n' },
    { argv: ['echo', 'a', 'b'], stdout: 'a b\n' },
    { argv: ['echo', '-n', 'a'], stdout: 'a' },
    { argv: ['sh', '-c', 'hostname'], stdout: 'web-0\n' },
    { argv: ['bash', '-c', 'echo "$(hostname)"'], stdout: 'web-0\n' },
    { argv: ['sh', '-c', "echo $HOSTNAME; echo '$HOSTNAME'"], stdout: 'web-0\n$HOSTNAME\n' },
    { argv: ['sh', '-c', 'echo one > /f; echo two >> /f; cat /f'], stdout: 'one\ntwo\n' },
    { argv: ['sh', '-c', 'echo a > /f; echo "got $(cat /f)"'], stdout: 'got a\n' },
    { argv: ['sh', '-c', 'false && echo no; true && echo yes; false || echo fallback'], stdout: 'yes\nfallback\n' },
    { argv: ['sh', '-c', 'echo a; exit 3; echo b'], stdout: 'a\n', exitCode: 3 },
    { argv: ['sh', '-c', 'false; exit'], stdout: '', exitCode: 1 },
    { argv: ['sh', '-c', 'exit 300'], stdout: '', exitCode: 44 },
    { argv: ['sh', '-c', 'sh -c "exit 2"; echo after $(echo x)'], stdout: 'after x\n' },
    { argv: ['sh', '-c', 'exit x'], stdout: '', stderr: 'sh: exit: Illegal number: x\n', exitCode: 2 },
    {
      argv: ['cat', '/missing'],
      stdout: '',
      stderr: 'cat: /missing: No such file or directory\n',
      exitCode: 1,
    },
    {
      argv: ['cat', '/missing'],
      busybox: true,
      stdout: '',
      stderr: "cat: can't open '/missing': No such file or directory\n",
      exitCode: 1,
    },
    {
      argv: ['sh', '-c', 'echo "open'],
      stdout: '',
      stderr: 'sh: syntax error: unterminated quoted string\n',
      exitCode: 2,
    },
    {
      argv: ['curl', 'http://localhost/'],
      stdout: '',
      stderr:
        'kubesim: "curl" is not simulated; containers here run hostname, echo, cat, true, false, sh -c, bash -c, nslookup (busybox)\n',
      exitCode: 127,
    },
  ];
  for (const c of cases) {
    it(`${c.busybox ? 'busybox: ' : ''}${c.argv.join(' ')}`, () => {
      assert.deepEqual(runInContainer(container(c.busybox), c.argv), {
        stdout: c.stdout,
        stderr: c.stderr ?? '',
        exitCode: c.exitCode ?? 0,
      });
    });
  }

  it('exit is a builtin of the shell, not a program exec can start', () => {
    assert.equal(runInContainer(container(), ['exit', '1']).exitCode, 127);
  });

  it("a container's own process: a program not simulated (a server, sleep) leaves it running, silently", () => {
    const main = { ...container(true), mainProcess: true };
    assert.deepEqual(runInContainer(main, ['sh', '-c', 'echo serving; sleep 3600; echo never']), {
      stdout: 'serving\n',
      stderr: '',
      exitCode: 0,
      blocked: true,
    });
    assert.deepEqual(runInContainer(main, ['nginx', '-g', 'daemon off;']), {
      stdout: '',
      stderr: '',
      exitCode: 0,
      blocked: true,
    });
  });

  it('a script that runs itself stops at a nesting limit instead of recursing for ever', () => {
    const box = container();
    box.write('/again', 'sh -c "$(cat /again)"', false);
    const result = runInContainer(box, ['sh', '-c', 'sh -c "$(cat /again)"']);
    assert.match(result.stderr, /too many nested shells/);
  });
});
