import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BOX_INTERVALS_MS, isDue, practiceOrder, review, type CardState } from '../../../src/quiz/leitner';
import { emptyProgress, exportProgress, importProgress, parseStoredProgress } from '../../../src/quiz/progress';
import { isCorrect, parseNumericAnswer } from '../../../src/quiz/grading';
import type { Question } from '../../../src/quiz/types';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

describe('Leitner schedule', () => {
  const table: Array<{ name: string; answers: boolean[]; box: number }> = [
    { name: 'a first right answer skips to box 2', answers: [true], box: 2 },
    { name: 'a first wrong answer stays in box 1', answers: [false], box: 1 },
    { name: 'right answers climb one box each', answers: [true, true, true], box: 4 },
    { name: 'the top box is 5', answers: [true, true, true, true, true, true], box: 5 },
    { name: 'a wrong answer sends it back to box 1', answers: [true, true, true, false], box: 1 },
  ];
  for (const row of table) {
    it(row.name, () => {
      let card: CardState | undefined;
      for (const correct of row.answers) card = review(card, correct, T0);
      assert.equal(card?.box, row.box);
      assert.equal(card?.seen, row.answers.length);
      assert.equal(card?.right, row.answers.filter(Boolean).length);
    });
  }

  it('waits longer in higher boxes', () => {
    assert.deepEqual(BOX_INTERVALS_MS, [0, DAY, 3 * DAY, 7 * DAY, 14 * DAY]);
    const card = review(review(undefined, true, T0), true, T0); // box 3
    assert.equal(isDue(card, T0 + 3 * DAY - 1), false);
    assert.equal(isDue(card, T0 + 3 * DAY), true);
  });

  it('practises due wrong answers first, then new questions, then those not due', () => {
    const questions = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
    const cards: Record<string, CardState> = {
      a: review(undefined, true, T0), // box 2, due after a day
      b: review(undefined, false, T0), // box 1, due now
      d: review(review(undefined, true, T0 - 10 * DAY), true, T0 - 10 * DAY), // box 3, overdue
    };
    assert.deepEqual(
      practiceOrder(questions, cards, T0).map((q) => q.id),
      ['b', 'd', 'c', 'e', 'a'],
    );
  });
});

describe('progress files', () => {
  const ids = new Set(['q1', 'q2']);
  const progress = {
    cards: { q1: review(undefined, true, T0) },
    interviews: [{ finishedAt: T0, score: 7, total: 10, seconds: 300 }],
  };

  it('round-trips through export and import', () => {
    assert.deepEqual(importProgress(exportProgress(progress), ids), progress);
  });

  const rejected: Array<{ name: string; text: string; error: RegExp }> = [
    { name: 'broken JSON', text: '{"format":', error: /not valid JSON/ },
    { name: 'an array', text: '[]', error: /not a progress file/ },
    { name: 'another site’s file', text: '{"format":"other","version":1}', error: /not a Workload Lab progress file/ },
    {
      name: 'a future version',
      text: exportProgress(progress).replace('"version": 1', '"version": 2'),
      error: /unsupported version 2/,
    },
    {
      name: 'an unknown question',
      text: exportProgress({ ...progress, cards: { zz: progress.cards.q1 } }),
      error: /unknown question zz/,
    },
    {
      name: 'a box out of range',
      text: exportProgress({ ...progress, cards: { q1: { ...progress.cards.q1, box: 9 } } }),
      error: /bad entry for q1/,
    },
    {
      name: 'more right answers than answers',
      text: exportProgress({ ...progress, cards: { q1: { ...progress.cards.q1, right: 5 } } }),
      error: /bad entry for q1/,
    },
    {
      name: 'a bad interview record',
      text: exportProgress({ ...progress, interviews: [{ finishedAt: T0, score: 11, total: 10, seconds: 1 }] }),
      error: /bad interview records/,
    },
  ];
  for (const row of rejected) {
    it(`rejects ${row.name}`, () => {
      assert.throws(() => importProgress(row.text, ids), row.error);
    });
  }

  it('reads unreadable storage as no progress, and keeps cards of renamed questions', () => {
    assert.deepEqual(parseStoredProgress(null), emptyProgress());
    assert.deepEqual(parseStoredProgress('garbage'), emptyProgress());
    const renamed = exportProgress({ ...progress, cards: { old: progress.cards.q1 } });
    assert.deepEqual(Object.keys(parseStoredProgress(renamed).cards), ['old']);
  });
});

describe('grading', () => {
  const base = { zh: '题', en: 'q', explanation: { zh: '解', en: 'e' }, link: 'overview#x', concept: true };
  const single: Question = { ...base, id: 's', type: 'single', choices: [{ id: 'a' }, { id: 'b' }], answer: 'b' };
  const multiple: Question = {
    ...base,
    id: 'm',
    type: 'multiple',
    choices: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    answer: ['a', 'c'],
  };
  const ordering: Question = {
    ...base,
    id: 'o',
    type: 'ordering',
    choices: [{ id: 'x' }, { id: 'y' }],
    answer: ['y', 'x'],
  };
  const numeric: Question = { ...base, id: 'n', type: 'numeric', answer: 13 };
  const table: Array<[Question, Parameters<typeof isCorrect>[1], boolean]> = [
    [single, 'b', true],
    [single, 'a', false],
    [single, undefined, false],
    [multiple, ['c', 'a'], true],
    [multiple, ['a'], false],
    [multiple, ['a', 'c', 'b'], false],
    [multiple, ['a', 'a'], false],
    [ordering, ['y', 'x'], true],
    [ordering, ['x', 'y'], false],
    [numeric, 13, true],
    [numeric, 12, false],
  ];
  for (const [question, response, want] of table) {
    it(`${question.type} ${JSON.stringify(response)} → ${want}`, () =>
      assert.equal(isCorrect(question, response), want));
  }

  it('reads typed numbers strictly', () => {
    assert.equal(parseNumericAnswer(' 13 '), 13);
    assert.equal(parseNumericAnswer('2.5'), 2.5);
    assert.equal(parseNumericAnswer('13 pods'), undefined);
    assert.equal(parseNumericAnswer(''), undefined);
  });
});
