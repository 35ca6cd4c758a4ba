/** RFC 6902 JSON Patch, as `kubectl patch --type=json` sends it. */
export class JsonPatchError extends Error {}

interface Operation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer: ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

function parentOf(doc: unknown, tokens: string[], path: string): { parent: Container; last: string } {
  let node = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(t)];
    else if (node !== null && typeof node === 'object') node = (node as Record<string, unknown>)[t];
    else node = undefined;
    if (node === undefined) throw new JsonPatchError(`doc is missing path: "${path}"`);
  }
  if (node === null || typeof node !== 'object') throw new JsonPatchError(`doc is missing path: "${path}"`);
  return { parent: node as Container, last: tokens[tokens.length - 1] };
}

function get(doc: unknown, path: string): unknown {
  let node = doc;
  for (const t of parsePointer(path)) {
    if (Array.isArray(node)) node = node[Number(t)];
    else if (node !== null && typeof node === 'object') node = (node as Record<string, unknown>)[t];
    else node = undefined;
    if (node === undefined) throw new JsonPatchError(`doc is missing path: "${path}"`);
  }
  return node;
}

function arrayIndex(arr: unknown[], token: string, path: string, forInsert: boolean): number {
  if (forInsert && token === '-') return arr.length;
  const i = Number(token);
  if (!/^\d+$/.test(token) || i > arr.length || (!forInsert && i === arr.length)) {
    throw new JsonPatchError(`doc is missing path: "${path}"`);
  }
  return i;
}

function add(doc: unknown, path: string, value: unknown): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const { parent, last } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, path, true), 0, value);
  else parent[last] = value;
  return doc;
}

function remove(doc: unknown, path: string): unknown {
  const tokens = parsePointer(path);
  const { parent, last } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, path, false), 1);
  else if (!(last in parent)) throw new JsonPatchError(`doc is missing path: "${path}"`);
  else delete parent[last];
  return doc;
}

/** Applies the operations in order to a copy of `doc`; any failure rejects the whole patch. */
export function applyJsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops))
    throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let out = JSON.parse(JSON.stringify(doc)) as unknown;
  for (const raw of ops as Operation[]) {
    const value = raw.value === undefined ? undefined : (JSON.parse(JSON.stringify(raw.value)) as unknown);
    switch (raw.op) {
      case 'add':
        out = add(out, raw.path, value);
        break;
      case 'remove':
        out = remove(out, raw.path);
        break;
      case 'replace':
        get(out, raw.path);
        out = add(remove(out, raw.path), raw.path, value);
        break;
      case 'move': {
        const moved = get(out, raw.from ?? '');
        out = add(remove(out, raw.from ?? ''), raw.path, moved);
        break;
      }
      case 'copy':
        out = add(out, raw.path, JSON.parse(JSON.stringify(get(out, raw.from ?? ''))));
        break;
      case 'test':
        if (JSON.stringify(get(out, raw.path)) !== JSON.stringify(value)) {
          throw new JsonPatchError(`testing value ${raw.path} failed: test failed`);
        }
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${String(raw.op)}`);
    }
  }
  return out;
}
