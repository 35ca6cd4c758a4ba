/** Whether a reader's response matches the key, by question type. */
import type { Question, Response } from './types';

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && new Set(a).size === a.length && a.every((id) => b.includes(id));
}

export function isCorrect(question: Question, response: Response | undefined): boolean {
  if (response === undefined) return false;
  const key = question.answer;
  switch (question.type) {
    case 'numeric':
      return typeof response === 'number' && typeof key === 'number' && Math.abs(response - key) < 1e-9;
    case 'multiple':
      return Array.isArray(response) && Array.isArray(key) && sameSet(response, key);
    case 'ordering':
      return Array.isArray(response) && Array.isArray(key) && response.join('\n') === key.join('\n');
    default:
      return response === key;
  }
}

/** Reads a number the way a reader types it: digits, an optional sign and decimal point, spaces ignored. */
export function parseNumericAnswer(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return undefined;
  return Number(trimmed);
}
