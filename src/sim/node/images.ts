/**
 * A small image registry: the repositories and tags the course uses, with their sizes. A tag that is not listed
 * does not exist, so pulling it fails the way a real registry's "manifest unknown" does.
 */
interface ImageRepository {
  /** Size in bytes, per tag. */
  tags: Record<string, number>;
}

/** nginx publishes a tag per minor release (1.10 … 1.29); sizes grow slowly from release to release. */
function nginxMinorTags(): Record<string, number> {
  const tags: Record<string, number> = {};
  for (let minor = 10; minor <= 29; minor++) tags[`1.${minor}`] = 43_000_000 + (minor - 10) * 1_560_000;
  return tags;
}

const REGISTRY: Record<string, ImageRepository> = {
  'docker.io/library/nginx': {
    tags: {
      ...nginxMinorTags(),
      '1.7.9': 39_947_353,
      '1.8': 52_384_417,
      '1.9': 51_987_104,
      '1.9.1': 51_987_104,
      '1.14.2': 44_710_204,
      '1.15.12': 44_952_207,
      '1.16.1': 51_032_568,
      '1.17.10': 51_834_919,
      '1.19.10': 53_570_116,
      '1.21.6': 56_741_020,
      '1.23.4': 57_011_873,
      '1.25': 70_525_000,
      '1.25.5': 70_525_000,
      '1.27': 72_951_001,
      '1.27.5': 72_951_001,
      alpine: 20_391_226,
      stable: 71_016_408,
      latest: 72_951_001,
    },
  },
  'registry.k8s.io/nginx-slim': {
    tags: { '0.8': 51_034_127, '0.9': 51_234_816, '0.21': 12_450_001, '0.24': 12_690_510 },
  },
  'k8s.gcr.io/nginx-slim': { tags: { '0.8': 51_034_127, '0.9': 51_234_816 } },
  'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend': { tags: { v5: 124_306_112 } },
  'gcr.io/google-samples/hello-app': { tags: { '1.0': 11_228_040, '2.0': 11_228_196 } },
  'docker.io/library/busybox': { tags: { '1.28': 727_869, '1.36': 2_158_820, latest: 2_158_820 } },
  'docker.io/library/redis': { tags: { '7.2': 40_512_004, latest: 45_611_002 } },
  'docker.io/library/mysql': { tags: { '5.7': 137_001_552, '8.0': 172_090_117, latest: 172_090_117 } },
  'registry.k8s.io/pause': { tags: { '3.10': 320_368 } },
};

export interface ImageReference {
  /** Fully qualified repository, e.g. docker.io/library/nginx. */
  repository: string;
  tag: string;
}

/** Splits "nginx:1.7.9" into docker.io/library/nginx and 1.7.9, defaulting the tag to latest. */
export function parseImage(image: string): ImageReference {
  let rest = image;
  let tag = 'latest';
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  const hasHost = parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost');
  const repository = hasHost ? rest : parts.length === 1 ? `docker.io/library/${rest}` : `docker.io/${rest}`;
  return { repository, tag };
}

/** The image's size in bytes, or undefined when the registry has no such repository or tag. */
export function imageSize(image: string): number | undefined {
  const ref = parseImage(image);
  return REGISTRY[ref.repository]?.tags[ref.tag];
}

/** The canonical name a container status reports in `image:` (docker.io/library/nginx:1.7.9). */
export function canonicalImage(image: string): string {
  let canonical = canonicalByImage.get(image);
  if (canonical === undefined) {
    const ref = parseImage(image);
    canonical = `${ref.repository}:${ref.tag}`;
    canonicalByImage.set(image, canonical);
  }
  return canonical;
}

/** Canonical names by image reference: a pure function of the string, worked out once per image. */
const canonicalByImage = new Map<string, string>();

/** Whether the registry has the image's repository at all, whatever the tag. */
export function hasRepository(image: string): boolean {
  return REGISTRY[parseImage(image).repository] !== undefined;
}
