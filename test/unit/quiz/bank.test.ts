import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadBanks, BANK_DIR } from '../../../src/plugins/quiz-bank';

const banks = loadBanks(BANK_DIR);
const questions = banks.flatMap((bank) => bank.questions);

/** The course's chapters (issue order) and the page each chapter's quiz closes. */
const CHAPTERS: Record<string, string> = {
  overview: 'overview',
  deployment: 'deployment/rollback',
  basics: 'statefulset/ordered-creation',
  'network-identity': 'statefulset/network-identity',
  storage: 'statefulset/storage',
  updates: 'statefulset/partitions',
  deletion: 'statefulset/deletion',
  'force-delete': 'statefulset/force-delete',
  troubleshooting: 'operations/troubleshooting',
  controllers: 'internals/controllers',
  kubesim: 'reference/cli',
};

/** The interview questions of source note 002, each of which the bank must cover in substance. */
const SEED_002 = ['vct-why', 'orchestration', 'scale-down-blocked', 'partition', 'pvc-data-loss', 'force-delete'];

const LOCALE_DIRS = ['docs', path.join('i18n', 'en', 'docusaurus-plugin-content-docs', 'current')];

function pageSource(dir: string, docId: string): string | undefined {
  const file = path.join(dir, `${docId}.mdx`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

describe('question bank', () => {
  it('has at least 100 questions', () => {
    assert.ok(questions.length >= 100, `${questions.length} questions`);
  });

  it('has one bank per chapter, each closing its chapter’s page', () => {
    assert.deepEqual(Object.fromEntries(banks.map((bank) => [bank.chapter, bank.page])), CHAPTERS);
  });

  it('gives every chapter a real quiz', () => {
    for (const bank of banks)
      assert.ok(bank.questions.length >= 6, `${bank.chapter}: ${bank.questions.length} questions`);
  });

  it('uses every question type', () => {
    const types = new Set(questions.map((q) => q.type));
    assert.deepEqual([...types].sort(), ['multiple', 'numeric', 'ordering', 'predict', 'single']);
  });

  it('covers every interview question of source note 002', () => {
    const covered = new Set(questions.map((q) => q.seed002).filter(Boolean));
    assert.deepEqual(
      SEED_002.filter((topic) => !covered.has(topic)),
      [],
    );
    for (const topic of covered) assert.ok(SEED_002.includes(topic as string), `unknown seed002 topic ${topic}`);
  });

  it('links every question to a section that exists in both languages', () => {
    const missing: string[] = [];
    for (const q of questions) {
      const [docId, anchor] = q.link.split('#');
      for (const dir of LOCALE_DIRS) {
        const source = pageSource(dir, docId);
        if (!source) missing.push(`${q.id}: no page ${docId} in ${dir}`);
        else if (!source.includes(`{#${anchor}}`)) missing.push(`${q.id}: no #${anchor} on ${docId} in ${dir}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('closes each chapter page with its quiz, in both languages', () => {
    for (const bank of banks)
      for (const dir of LOCALE_DIRS)
        assert.match(
          pageSource(dir, bank.page) ?? '',
          new RegExp(`<ChapterQuiz chapter="${bank.chapter}" />`),
          `${dir}/${bank.page}`,
        );
  });
});
