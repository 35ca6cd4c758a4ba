/**
 * Just enough of the source-map v3 format to answer one question: which line and column of the reader's cell.ts
 * produced a given position in the compiled module. esbuild writes the map inline, so nothing is fetched.
 */

export interface SourcePosition {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  source: string;
}

interface RawSourceMap {
  version: number;
  sources: string[];
  mappings: string;
}

/** One decoded segment: generated column, then source index, line and column (all 0-based). */
type Segment = [number, number, number, number];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, i) => [char, i]));

/** Decodes one mapping segment's base64 VLQ fields ("AAAA" → [0, 0, 0, 0]). */
export function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64_VALUE.get(char);
    if (digit === undefined) throw new Error(`invalid base64 VLQ character "${char}"`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    // The lowest bit is the sign.
    values.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
    value = 0;
    shift = 0;
  }
  return values;
}

/** Every generated line's segments, with the relative fields turned absolute. */
function decodeMappings(mappings: string): Segment[][] {
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    const segments: Segment[] = [];
    for (const text of line.split(',')) {
      if (!text) continue;
      const fields = decodeVlq(text);
      column += fields[0];
      // A one-field segment maps to no source; it still moves the generated column.
      if (fields.length < 4) continue;
      source += fields[1];
      sourceLine += fields[2];
      sourceColumn += fields[3];
      segments.push([column, source, sourceLine, sourceColumn]);
    }
    return segments;
  });
}

export class SourceMap {
  private readonly lines: Segment[][];
  private readonly sources: string[];

  constructor(raw: RawSourceMap) {
    this.sources = raw.sources;
    this.lines = decodeMappings(raw.mappings);
  }

  /** The original position of a 1-based generated line and column, or undefined where nothing maps. */
  originalPosition(line: number, column: number): SourcePosition | undefined {
    const segments = this.lines[line - 1];
    if (!segments) return undefined;
    let found: Segment | undefined;
    for (const segment of segments) {
      if (segment[0] > column - 1) break;
      found = segment;
    }
    found ??= segments[0];
    if (!found) return undefined;
    return { source: this.sources[found[1]] ?? '', line: found[2] + 1, column: found[3] + 1 };
  }
}

const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/;

/** Reads the inline source map esbuild appends to a module, if there is one. */
export function inlineSourceMap(js: string): SourceMap | undefined {
  const match = INLINE_MAP.exec(js);
  if (!match) return undefined;
  const bytes = Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0));
  return new SourceMap(JSON.parse(new TextDecoder().decode(bytes)) as RawSourceMap);
}
