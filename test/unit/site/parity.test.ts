import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

// Every page exists in Chinese (docs/) and English (i18n/en/…), with the same live cells and the same heading
// anchors, and every UI string the site translates has an English translation.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const ZH = path.join(ROOT, 'docs');
const EN = path.join(ROOT, 'i18n/en/docusaurus-plugin-content-docs/current');

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pages(full).map((p) => path.join(name, p));
    return /\.mdx?$/.test(name) ? [name] : [];
  });
}

function cellIds(text: string): string[] {
  return [...text.matchAll(/^```ts live\b[^\n]*\bid=([\w-]+)/gm)].map((m) => m[1]);
}

function headingIds(text: string): string[] {
  return [...text.matchAll(/^#{1,6} .*\{#([\w-]+)\}\s*$/gm)].map((m) => m[1]);
}

function headingsWithoutId(text: string): string[] {
  const prose = text.replace(/^```[\s\S]*?^```/gm, '');
  return [...prose.matchAll(/^(#{1,6} .*)$/gm)].map((m) => m[1]).filter((h) => !/\{#[\w-]+\}\s*$/.test(h));
}

/** Prose only: front matter, code blocks, inline code, links' targets and HTML tags removed. */
function prose(text: string): string {
  return text
    .replace(/^---[\s\S]*?^---/m, '')
    .replace(/^```[\s\S]*?^```/gm, '')
    .replace(/`[^`]*`/g, '')
    .replace(/\]\([^)]*\)/g, ']');
}

describe('bilingual pages', () => {
  const zhPages = pages(ZH).sort();
  const enPages = pages(EN).sort();

  it('has pages at all', () => assert.ok(zhPages.length > 0));

  it('every Chinese page has an English page and vice versa', () => {
    assert.deepEqual(enPages, zhPages);
  });

  for (const page of zhPages) {
    const enFile = path.join(EN, page);
    if (!existsSync(enFile)) continue;
    const zh = readFileSync(path.join(ZH, page), 'utf8');
    const en = readFileSync(enFile, 'utf8');

    it(`${page}: same live cells in both languages`, () => assert.deepEqual(cellIds(en), cellIds(zh)));
    it(`${page}: same heading anchors in both languages`, () => assert.deepEqual(headingIds(en), headingIds(zh)));
    it(`${page}: every heading has an explicit {#id}`, () => {
      assert.deepEqual(headingsWithoutId(zh), []);
      assert.deepEqual(headingsWithoutId(en), []);
    });
    it(`${page}: the English page has no Chinese prose`, () => {
      const han = prose(en).match(/[\u4e00-\u9fff]+/g) ?? [];
      assert.deepEqual(han, []);
    });
    it(`${page}: the Chinese page is written in Chinese`, () => {
      const han = (prose(zh).match(/[\u4e00-\u9fff]/g) ?? []).length;
      assert.ok(han > 100, `only ${han} Chinese characters of prose`);
    });
  }
});

describe('translated UI strings', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return sources(full);
      return /\.tsx?$/.test(name) ? [full] : [];
    });
  const ids = new Set<string>();
  for (const file of sources(path.join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/translate\(\s*\{\s*id:\s*'([^']+)'/g)) ids.add(m[1]);
    for (const m of text.matchAll(/<Translate\s+id="([^"]+)"/g)) ids.add(m[1]);
  }
  const english = JSON.parse(readFileSync(path.join(ROOT, 'i18n/en/code.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;

  it('finds the site strings', () => assert.ok(ids.size > 0));
  for (const id of [...ids].sort()) {
    it(`"${id}" has an English translation`, () => {
      const message = english[id]?.message;
      assert.ok(message, 'missing from i18n/en/code.json');
      assert.doesNotMatch(message, /[\u4e00-\u9fff]/, 'still Chinese');
    });
  }
  it('i18n/en/code.json has no stale ids', () => {
    assert.deepEqual(
      Object.keys(english).filter((id) => !ids.has(id)),
      [],
    );
  });
});
