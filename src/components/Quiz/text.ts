import type { Choice, Locale, Question } from '@site/src/quiz/types';

/** A choice's label in the reader's language. */
export function choiceLabel(choice: Choice, locale: Locale): string {
  return choice.text ?? choice[locale] ?? choice.id;
}

export function stem(question: Question, locale: Locale): string {
  return question[locale];
}

/**
 * The order ordering items start in: a fixed shuffle (the same on every visit, so a reload does not reshuffle),
 * never the answer itself.
 */
export function initialOrder(question: Question): string[] {
  const ids = (question.choices ?? []).map((c) => c.id);
  const hash = (s: string) => [...s].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7);
  const shuffled = [...ids].sort((a, b) => hash(question.id + a) - hash(question.id + b));
  const key = Array.isArray(question.answer) ? question.answer.join('\n') : '';
  return shuffled.join('\n') === key ? [...shuffled.slice(1), shuffled[0]] : shuffled;
}
