import { parseAllDocuments } from 'yaml';
import type { KubeObject } from './api/meta';

/** An error in a manifest, worded as kubectl words it. */
export class ManifestError extends Error {}

/**
 * Parses one or more YAML (or JSON) documents separated by `---`. Empty documents are skipped. A syntax error is
 * reported with its line, as kubectl's YAML decoder does: `error: error parsing <source>: error converting YAML to
 * JSON: yaml: line N: <problem>`.
 */
export function parseManifests(text: string, source = 'STDIN'): KubeObject[] {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  const objects: KubeObject[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line ?? lineOf(text, error.pos?.[0] ?? 0);
      throw new ManifestError(
        `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${describeYamlError(error.code, error.message)}`,
      );
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new ManifestError(`error: error validating data: invalid object: expected a YAML mapping in ${source}`);
    }
    const obj = value as KubeObject & { items?: KubeObject[] };
    if (obj.kind === 'List' && Array.isArray(obj.items)) objects.push(...obj.items);
    else objects.push(obj);
  }
  return objects;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** Maps the yaml library's error codes to the phrases of go-yaml, which kubectl reports. */
function describeYamlError(code: string, message: string): string {
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'did not find expected key';
    case 'DUPLICATE_KEY':
      return `mapping key already defined`;
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'UNEXPECTED_TOKEN':
      return "could not find expected ':'";
    default:
      return message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
  }
}
