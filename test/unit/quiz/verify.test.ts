import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadBanks, BANK_DIR } from '../../../src/plugins/quiz-bank';
import { disagreement, expectedOutput, normalizePrinted } from '../../../src/quiz/verify';
import type { Question } from '../../../src/quiz/types';

const questions = loadBanks(BANK_DIR).flatMap((bank) => bank.questions);

describe('every keyed answer agrees with the simulator', () => {
  for (const question of questions.filter((q) => q.verify)) {
    it(question.id, () => {
      assert.equal(disagreement(question), undefined);
    });
  }
});

describe('verify compares in each type’s normal form', () => {
  const base = { zh: '题', en: 'q', explanation: { zh: '解', en: 'e' }, link: 'overview#x' };
  const table: Array<{ name: string; question: Question; printed: string; agrees: boolean }> = [
    {
      name: 'single uses the choice value',
      question: {
        ...base,
        id: 's',
        type: 'single',
        choices: [
          { id: 'a', text: '3' },
          { id: 'b', text: '4' },
        ],
        answer: 'b',
      },
      printed: '4',
      agrees: true,
    },
    {
      name: 'single rejects the other choice',
      question: {
        ...base,
        id: 's',
        type: 'single',
        choices: [
          { id: 'a', text: '3' },
          { id: 'b', text: '4' },
        ],
        answer: 'b',
      },
      printed: '3',
      agrees: false,
    },
    {
      name: 'multiple ignores order and repeats',
      question: {
        ...base,
        id: 'm',
        type: 'multiple',
        choices: ['x', 'y', 'z'].map((id) => ({ id, text: id })),
        answer: ['z', 'x'],
      },
      printed: 'x z x',
      agrees: true,
    },
    {
      name: 'ordering keeps order',
      question: {
        ...base,
        id: 'o',
        type: 'ordering',
        choices: ['x', 'y'].map((id) => ({ id, text: id })),
        answer: ['y', 'x'],
      },
      printed: 'x y',
      agrees: false,
    },
    {
      name: 'numeric compares numbers',
      question: { ...base, id: 'n', type: 'numeric', answer: 13 },
      printed: '13\n',
      agrees: true,
    },
  ];
  for (const row of table) {
    it(row.name, () => {
      assert.equal(normalizePrinted(row.question, row.printed.trim()) === expectedOutput(row.question), row.agrees);
    });
  }

  it('a wrong key is caught', () => {
    const question = questions.find((q) => q.id === 'partition-deleted-pod-below');
    assert.ok(question);
    const tampered: Question = { ...question, answer: 'new' };
    assert.match(disagreement(tampered) ?? '', /the key says "registry.k8s.io\/nginx-slim:0.24"/);
  });
});
