import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CELL_CLAIMS } from '../claims/cell-claims';
import { liveCellsOf } from '../../scripts/live-cells-of';
import { LOCALES, cell, runAndWait } from './cell-helpers';

// Opens every chapter in both languages, runs every live cell in page order in the browser, and checks that each
// finishes and prints what the chapter claims.
const ROOT = path.resolve(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs');

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pages(full);
    return /\.mdx?$/.test(name) ? [full] : [];
  });
}

/** docs/statefulset/basics.mdx → /docs/statefulset/basics (or the slug front matter names). */
function routeOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  const slug = /^slug:\s*(\S+)\s*$/m.exec(text.split(/^---$/m)[1] ?? '')?.[1];
  const rel = path.relative(DOCS, file).replace(/\.mdx?$/, '');
  if (slug) return slug.startsWith('/') ? `/docs${slug}` : `/docs/${path.dirname(rel)}/${slug}`;
  return `/docs/${rel.replace(/(^|\/)index$/, '')}`;
}

for (const file of pages(DOCS).sort()) {
  const cells = liveCellsOf(readFileSync(file, 'utf8'));
  if (cells.length === 0) continue;
  for (const locale of LOCALES) {
    const route = `${locale.prefix}${routeOf(file)}`;
    test(`${route}: every cell runs and prints its claim`, async ({ page }) => {
      test.setTimeout(30_000 + cells.length * 25_000);
      await page.goto(route);
      for (const source of cells) {
        const target = cell(page, source.id);
        await expect(target).toHaveAttribute('data-hydrated', '');
        const output = await runAndWait(target);
        const text = await output.innerText();
        for (const claim of CELL_CLAIMS[source.id] ?? []) expect(text, source.id).toMatch(claim);
      }
    });
  }
}
