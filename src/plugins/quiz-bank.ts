import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { parse } from 'yaml';
import { checkBank } from '../quiz/schema';
import type { Bank } from '../quiz/types';

export const BANK_DIR = path.join('src', 'quiz', 'bank');

/** Reads and checks every bank under `dir`, in course order; throws with every problem found. */
export function loadBanks(dir: string): Bank[] {
  const banks: Bank[] = [];
  const errors: string[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()) {
    let raw: unknown;
    try {
      raw = parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (err) {
      errors.push(`${file}: ${(err as Error).message}`);
      continue;
    }
    const result = checkBank(raw, file);
    errors.push(...result.errors);
    if (result.bank && `${result.bank.chapter}.yaml` !== file) errors.push(`${file}: chapter must match the file name`);
    if (result.bank) banks.push(result.bank);
  }
  const seen = new Map<string, string>();
  for (const bank of banks)
    for (const q of bank.questions) {
      if (seen.has(q.id)) errors.push(`${bank.chapter}.yaml: question id ${q.id} is also in ${seen.get(q.id)}.yaml`);
      seen.set(q.id, bank.chapter);
    }
  if (errors.length > 0) throw new Error(`Quiz bank has problems:\n${errors.join('\n')}`);
  return banks.sort((a, b) => a.order - b.order);
}

/** A chapter as the /quiz page lists it. */
export interface ChapterSummary {
  chapter: string;
  title: Bank['title'];
  page: string;
  count: number;
}

/**
 * Checks the question banks at build time (a bad bank fails the build) and writes each as JSON that the pages
 * load on demand: `@generated/quiz-bank/default/<chapter>.json`, plus `index.json` listing the chapters.
 */
export default function quizBank(context: LoadContext): Plugin {
  const dir = path.join(context.siteDir, BANK_DIR);
  return {
    name: 'quiz-bank',
    getPathsToWatch: () => [path.join(dir, '*.yaml')],
    loadContent: async () => loadBanks(dir),
    async contentLoaded({ content: loaded, actions }) {
      const content = loaded as Bank[];
      const index: ChapterSummary[] = content.map((bank) => ({
        chapter: bank.chapter,
        title: bank.title,
        page: bank.page,
        count: bank.questions.length,
      }));
      await actions.createData('index.json', JSON.stringify(index));
      for (const bank of content) await actions.createData(`${bank.chapter}.json`, JSON.stringify(bank));
    },
  };
}
