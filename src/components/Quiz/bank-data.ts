/** Loads the question banks the build wrote as JSON, on demand, so no page pays for them before it shows a quiz. */
import type { Bank, Locale } from '@site/src/quiz/types';

export interface ChapterSummary {
  chapter: string;
  title: Bank['title'];
  page: string;
  count: number;
}

type JsonModule<T> = { default: T };

export function loadChapter(chapter: string): Promise<Bank> {
  return (import(`@generated/quiz-bank/default/${chapter}.json`) as Promise<JsonModule<Bank>>).then((m) => m.default);
}

export function loadIndex(): Promise<ChapterSummary[]> {
  return (import('@generated/quiz-bank/default/index.json') as Promise<JsonModule<ChapterSummary[]>>).then(
    (m) => m.default,
  );
}

/** Every bank, in course order. */
export async function loadAllBanks(): Promise<Bank[]> {
  const index = await loadIndex();
  return Promise.all(index.map((entry) => loadChapter(entry.chapter)));
}

/** The bank's language for a Docusaurus locale. */
export function bankLocale(docusaurusLocale: string): Locale {
  return docusaurusLocale === 'en' ? 'en' : 'zh';
}
