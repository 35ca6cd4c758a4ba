import type { Container } from 'kubernetes-types/core/v1';

/**
 * The exit code of a container whose command does nothing but exit ("sh -c 'exit 1'", "false", "true"), or
 * undefined for a command that keeps running. Such a container ends right after it starts.
 */
export function commandExit(spec: Container): number | undefined {
  if (spec.command === undefined && spec.args === undefined) return undefined; // the image's own entrypoint
  const line = [...(spec.command ?? []), ...(spec.args ?? [])].join(' ').trim();
  if (line === '') return undefined;
  const last = line.split(/;|&&/).pop()?.trim() ?? '';
  const exit = /^(?:.*\s)?exit\s+(\d+)$/.exec(last);
  if (exit) return Number(exit[1]);
  if (/(^|\s)false$/.test(last)) return 1;
  if (/(^|\s)true$/.test(last)) return 0;
  return undefined;
}
