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
      // kubectl splits the stream at "---" lines and converts each document alone: lines count from its start.
      const { chunk, offset } = documentAround(text, error.pos?.[0] ?? 0);
      const line = lineOf(chunk, (error.pos?.[0] ?? 0) - offset);
      throw new ManifestError(
        `error: error parsing ${source}: error converting YAML to JSON: yaml: ${goYamlError(error.code, error.message, line, chunk)}`,
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

/**
 * "line N: problem" as go-yaml words it. go-yaml counts lines from 0 and adds one only for scanner errors, so its
 * parser errors ("did not find expected …") name the line before the offending one; errors found at the end of the
 * input name the end's line.
 */
function goYamlError(code: string, message: string, line: number, text: string): string {
  const newlines = (text.match(/\n/g) ?? []).length;
  if (code === 'BAD_INDENT' && message.startsWith('Flow sequence'))
    return `line ${newlines}: did not find expected ',' or ']'`;
  if (code === 'BAD_INDENT' && message.startsWith('Flow map'))
    return `line ${newlines}: did not find expected ',' or '}'`;
  if (code === 'MISSING_CHAR' && message.includes('quote'))
    return `line ${newlines + 1}: found unexpected end of stream`;
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR')
    return `line ${Math.max(1, line - 1)}: did not find expected key`;
  return `line ${line}: ${describeYamlError(code, message)}`;
}

/** The document (as kubectl's YAMLReader cuts the stream at "---" lines) that holds `pos`, and where it starts. */
function documentAround(text: string, pos: number): { chunk: string; offset: number } {
  const separator = /^---[ \t]*$/gm;
  let start = 0;
  let end = text.length;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    const lineEnd = text.indexOf('\n', m.index);
    const after = lineEnd < 0 ? text.length : lineEnd + 1;
    if (m.index <= pos) start = after;
    else {
      end = m.index;
      break;
    }
  }
  return { chunk: text.slice(start, end), offset: start };
}
