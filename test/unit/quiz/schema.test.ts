import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkBank } from '../../../src/quiz/schema';

const good = {
  id: 'q-one',
  type: 'single',
  zh: '哪个？',
  en: 'Which?',
  choices: [
    { id: 'a', zh: '甲', en: 'A' },
    { id: 'b', text: 'web-0' },
  ],
  answer: 'a',
  explanation: { zh: '因为。', en: 'Because.' },
  link: 'overview#at-a-glance',
  concept: true,
};

function bankWith(question: Record<string, unknown>) {
  return { chapter: 'demo', order: 1, page: 'overview', title: { zh: '演示', en: 'Demo' }, questions: [question] };
}

describe('checkBank', () => {
  it('accepts a sound bank', () => {
    assert.deepEqual(checkBank(bankWith(good), 'demo.yaml').errors, []);
  });

  const table: Array<{ name: string; change: Record<string, unknown>; error: RegExp }> = [
    { name: 'missing English', change: { en: '' }, error: /missing en/ },
    { name: 'Chinese in English', change: { en: '哪个' }, error: /en has Chinese/ },
    { name: 'untranslated Chinese side', change: { zh: 'Which?' }, error: /zh has no Chinese/ },
    { name: 'answer not a choice', change: { answer: 'c' }, error: /answer must be one choice id/ },
    { name: 'unknown type', change: { type: 'essay' }, error: /unknown type essay/ },
    { name: 'bad link', change: { link: 'overview' }, error: /link must be docId#anchor/ },
    { name: 'behaviour without verify', change: { concept: undefined }, error: /needs verify/ },
    {
      name: 'ordering that drops an item',
      change: { type: 'ordering', answer: ['a'] },
      error: /order every item exactly once/,
    },
    {
      name: 'numeric with a text answer',
      change: { type: 'numeric', choices: undefined, answer: 'a' },
      error: /answer must be a number/,
    },
    { name: 'multiple with a repeat', change: { type: 'multiple', answer: ['a', 'a'] }, error: /repeats a choice/ },
    { name: 'predict without a script', change: { type: 'predict' }, error: /predict needs verify/ },
    {
      name: 'explanation in one language',
      change: { explanation: { zh: '因为。' } },
      error: /explanation: missing en/,
    },
  ];
  for (const row of table) {
    it(`rejects ${row.name}`, () => {
      const { bank, errors } = checkBank(bankWith({ ...good, ...row.change }), 'demo.yaml');
      assert.equal(bank, undefined);
      assert.match(errors.join('\n'), row.error);
    });
  }

  it('rejects duplicate ids', () => {
    const raw = { ...bankWith(good), questions: [good, good] };
    assert.match(checkBank(raw, 'demo.yaml').errors.join('\n'), /duplicate id/);
  });
});
