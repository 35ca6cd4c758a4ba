/**
 * Spaced repetition with Leitner boxes: a right answer moves a question up a box, a wrong one sends it back to
 * box 1, and each box waits longer before the question is due again.
 */

export const BOXES = 5;
const DAY = 24 * 60 * 60 * 1000;
/** How long a question rests in each box (index = box - 1) before it is due again. */
export const BOX_INTERVALS_MS = [0, 1 * DAY, 3 * DAY, 7 * DAY, 14 * DAY];

export interface CardState {
  box: number;
  /** When it was last answered (ms since the epoch). */
  answeredAt: number;
  /** Whether that last answer was right. */
  correct: boolean;
  /** Answers so far, right and wrong. */
  seen: number;
  right: number;
}

export function review(card: CardState | undefined, correct: boolean, now: number): CardState {
  // A new question counts as box 1, so a first right answer already waits a day.
  const box = correct ? Math.min(BOXES, (card?.box ?? 1) + 1) : 1;
  return { box, answeredAt: now, correct, seen: (card?.seen ?? 0) + 1, right: (card?.right ?? 0) + (correct ? 1 : 0) };
}

export function dueAt(card: CardState): number {
  return card.answeredAt + BOX_INTERVALS_MS[Math.max(1, Math.min(BOXES, card.box)) - 1];
}

export function isDue(card: CardState | undefined, now: number): boolean {
  return card === undefined || dueAt(card) <= now;
}

/**
 * The questions to practise next: due ones first, lowest box first (wrong answers come back soonest), then never
 * seen ones; ties keep bank order.
 */
export function practiceOrder<T extends { id: string }>(
  questions: T[],
  cards: Record<string, CardState | undefined>,
  now: number,
): T[] {
  const rank = (q: T): [number, number] => {
    const card = cards[q.id];
    if (!card) return [1, 0];
    return isDue(card, now) ? [0, card.box] : [2, dueAt(card)];
  };
  return questions
    .map((q, index) => ({ q, index, rank: rank(q) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index)
    .map((entry) => entry.q);
}
