import { parseNumericAnswer } from '@site/src/quiz/grading';
import type { Question, Response } from '@site/src/quiz/types';
import { initialOrder } from './text';

/** What the reader has entered so far: picked choice ids (or the current order), or the typed number. */
export interface Draft {
  picked: string[];
  text: string;
}

export function emptyDraft(question: Question): Draft {
  return { picked: question.type === 'ordering' ? initialOrder(question) : [], text: '' };
}

/** The draft as an answer, or undefined while it is incomplete. */
export function draftResponse(question: Question, draft: Draft): Response | undefined {
  switch (question.type) {
    case 'numeric':
      return parseNumericAnswer(draft.text);
    case 'multiple':
    case 'ordering':
      return draft.picked.length > 0 ? draft.picked : undefined;
    default:
      return draft.picked[0];
  }
}
