// Serves the built site (build/) on 127.0.0.1 the way a static host would: long-lived caching for hashed assets
// and the versioned compiler, application/wasm for .wasm, and each locale's 404 page for unknown paths.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const root = path.resolve('build');
const port = Number(process.argv[2] ?? 3000);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.ipynb': 'application/x-ipynb+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function resolveFile(urlPath) {
  const clean = path.normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  const full = path.join(root, clean);
  if (!full.startsWith(root)) return undefined;
  if (existsSync(full) && statSync(full).isFile()) return full;
  if (existsSync(path.join(full, 'index.html'))) return path.join(full, 'index.html');
  if (existsSync(`${full}.html`)) return `${full}.html`;
  return undefined;
}

const server = createServer((req, res) => {
  const file = resolveFile(req.url ?? '/');
  if (!file) {
    const notFound = (req.url ?? '').startsWith('/en/') ? path.join(root, 'en/404.html') : path.join(root, '404.html');
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    createReadStream(notFound).pipe(res);
    return;
  }
  const ext = path.extname(file);
  const immutable = /\/assets\//.test(file) || /\/esbuild\/esbuild-[\d.]+\.wasm$/.test(file);
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
});

server.listen(port, '127.0.0.1', () => console.log(`serving build/ at http://127.0.0.1:${port}/`));
