import { canonicalImage } from './images';

/** Digests and image ids by image reference: pure functions of the string, worked out once per image. */
const digests = new Map<string, string>();
const imageIds = new Map<string, string>();

/** The imageID the runtime reports for a pulled image: repository@sha256:digest. */
export function imageIdOf(image: string): string {
  let id = imageIds.get(image);
  if (id === undefined) {
    id = `${canonicalImage(image).replace(/:[^:/]*$/, '')}@sha256:${digestOf(image)}`;
    imageIds.set(image, id);
  }
  return id;
}

/** A stable fake digest per image reference. */
export function digestOf(image: string): string {
  let digest = digests.get(image);
  if (digest === undefined) {
    digest = computeDigest(image);
    digests.set(image, digest);
  }
  return digest;
}

function computeDigest(image: string): string {
  const ref = canonicalImage(image);
  let h = 2166136261;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < ref.length; i++) h = Math.imul(h ^ ref.charCodeAt(i) ^ round, 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
