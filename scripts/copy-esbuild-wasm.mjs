// Copies esbuild-wasm's compiler into static/esbuild/ under a versioned name, so the site serves it with a
// content-stable URL that can be cached for a long time. Runs on `npm ci` (postinstall).
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const pkgPath = require.resolve('esbuild-wasm/package.json');
const { version } = require(pkgPath);
const outDir = path.join(root, 'static/esbuild');
mkdirSync(outDir, { recursive: true });
for (const old of readdirSync(outDir)) rmSync(path.join(outDir, old));
copyFileSync(path.join(path.dirname(pkgPath), 'esbuild.wasm'), path.join(outDir, `esbuild-${version}.wasm`));
console.log(`copy-esbuild-wasm: static/esbuild/esbuild-${version}.wasm`);
