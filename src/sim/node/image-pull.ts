import { hasRepository, imageSize, parseImage } from './images';

/** What pulling an image from the simulated registry gives: its size, or the runtime's error. */
export type PullOutcome = { ok: true; size: number } | { ok: false; error: string };

/**
 * The outcome of a CRI PullImage against the registry in images.ts, with the error text containerd returns over
 * gRPC: an unknown tag resolves to "not found"; an unknown Docker Hub repository is an authorization failure,
 * because Docker Hub does not tell the two apart.
 */
export function pullImage(image: string): PullOutcome {
  const size = imageSize(image);
  if (size !== undefined) return { ok: true, size };
  const ref = parseImage(image);
  const full = `${ref.repository}:${ref.tag}`;
  const prefix = `failed to pull and unpack image "${full}": failed to resolve reference "${full}"`;
  if (hasRepository(image) || !ref.repository.startsWith('docker.io/')) {
    return { ok: false, error: `rpc error: code = NotFound desc = ${prefix}: ${full}: not found` };
  }
  return {
    ok: false,
    error:
      `rpc error: code = Unknown desc = ${prefix}: pull access denied, repository does not exist or may require ` +
      'authorization: server message: insufficient_scope: authorization failed',
  };
}
