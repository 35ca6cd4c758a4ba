/**
 * The reader's quiz progress, shared by every quiz on the page and kept in localStorage so it survives reloads.
 * Storage failures (private mode, quota) only cost persistence.
 */
import { useSyncExternalStore } from 'react';
import { review } from '@site/src/quiz/leitner';
import {
  emptyProgress,
  exportProgress,
  parseStoredProgress,
  PROGRESS_STORAGE_KEY,
  type InterviewRecord,
  type Progress,
} from '@site/src/quiz/progress';

const SERVER_PROGRESS = emptyProgress();
let current: Progress | undefined;
const listeners = new Set<() => void>();

function read(): Progress {
  if (!current) {
    let text: string | null = null;
    try {
      text = window.localStorage.getItem(PROGRESS_STORAGE_KEY);
    } catch {
      // storage unavailable
    }
    current = parseStoredProgress(text);
  }
  return current;
}

function write(next: Progress): void {
  current = next;
  try {
    window.localStorage.setItem(PROGRESS_STORAGE_KEY, exportProgress(next));
  } catch {
    // storage unavailable
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab answered a question: reload from storage.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== PROGRESS_STORAGE_KEY) return;
    current = undefined;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export const progressActions = {
  answer(questionId: string, correct: boolean): void {
    const progress = read();
    write({
      ...progress,
      cards: { ...progress.cards, [questionId]: review(progress.cards[questionId], correct, Date.now()) },
    });
  },
  finishInterview(record: InterviewRecord): void {
    const progress = read();
    write({ ...progress, interviews: [...progress.interviews, record] });
  },
  replace(progress: Progress): void {
    write(progress);
  },
  clear(): void {
    write(emptyProgress());
  },
};

export function useQuizProgress(): Progress {
  return useSyncExternalStore(subscribe, read, () => SERVER_PROGRESS);
}
