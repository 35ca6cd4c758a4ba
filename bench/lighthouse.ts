/**
 * Lighthouse (desktop preset) on three chapter pages of the built site, in Debian's Chromium: performance,
 * accessibility and best-practices scores against the 95 target, and the JavaScript bytes each page loads.
 * Run `npx docusaurus build` first, then `node --import tsx bench/lighthouse.ts`. Prints figures; never fails on them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PAGES =
  process.argv.length > 2
    ? process.argv.slice(2)
    : ['/docs/statefulset/ordered-creation', '/en/docs/statefulset/partitions', '/docs/deployment/in-depth'];
const TARGET = 95;
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
].join(' ');

interface Report {
  categories: Record<string, { score: number }>;
  audits: Record<
    string,
    { numericValue?: number; details?: { items?: Array<{ resourceType?: string; transferSize?: number }> } }
  >;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['scripts/serve-build.mjs', String(port)], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const dir = mkdtempSync(path.join(tmpdir(), 'lighthouse-'));
  console.log('PAGE'.padEnd(40), 'PERF', 'A11Y', 'BEST', ' JS KB', '  TBT ms', '   CLS', ' LCP ms');
  try {
    for (const page of PAGES) {
      const out = path.join(dir, `${page.replace(/\W+/g, '_')}.json`);
      const run = spawnSync(
        process.execPath,
        [
          path.resolve('node_modules/lighthouse/cli/index.js'),
          `http://127.0.0.1:${port}${page}`,
          '--preset=desktop',
          '--only-categories=performance,accessibility,best-practices',
          `--chrome-flags=${CHROME_FLAGS}`,
          '--output=json',
          `--output-path=${out}`,
          '--quiet',
        ],
        { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, encoding: 'utf8' },
      );
      if (run.status !== 0) {
        console.log(page.padEnd(40), `lighthouse failed: ${(run.stderr || '').split('\n').slice(-3).join(' ')}`);
        continue;
      }
      const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
      const score = (k: string) => Math.round((report.categories[k]?.score ?? 0) * 100);
      const js = (report.audits['network-requests']?.details?.items ?? [])
        .filter((i) => i.resourceType === 'Script')
        .reduce((sum, i) => sum + (i.transferSize ?? 0), 0);
      const metric = (k: string) => report.audits[k]?.numericValue ?? 0;
      const cells = [score('performance'), score('accessibility'), score('best-practices')];
      console.log(
        page.padEnd(40),
        ...cells.map((c) => `${String(c).padStart(3)}${c >= TARGET ? ' ' : '!'}`),
        (js / 1024).toFixed(0).padStart(6),
        String(Math.round(metric('total-blocking-time'))).padStart(8),
        metric('cumulative-layout-shift').toFixed(3).padStart(6),
        String(Math.round(metric('largest-contentful-paint'))).padStart(7),
      );
    }
    console.log(`target: every score ≥ ${TARGET} ("!" marks a miss)`);
  } finally {
    server.kill();
  }
}

void main();
