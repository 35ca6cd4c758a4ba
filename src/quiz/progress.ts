/**
 * A reader's quiz progress: a Leitner card per question and the mock interviews taken. It lives in localStorage
 * and travels as JSON; an import is checked whole and either replaces the progress or changes nothing.
 */
import type { CardState } from './leitner';
import { BOXES } from './leitner';

export const PROGRESS_FORMAT = 'workload-lab-quiz-progress';
export const PROGRESS_VERSION = 1;
export const PROGRESS_STORAGE_KEY = 'workload-lab:quiz:progress';

export interface InterviewRecord {
  finishedAt: number;
  score: number;
  total: number;
  seconds: number;
}

export interface Progress {
  cards: Record<string, CardState>;
  interviews: InterviewRecord[];
}

export function emptyProgress(): Progress {
  return { cards: {}, interviews: [] };
}

/** Why an import was refused; `message` names the problem for the reader. */
export class ProgressImportError extends Error {}

export function exportProgress(progress: Progress): string {
  return JSON.stringify({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, ...progress }, null, 2);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function isCard(v: unknown): v is CardState {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    isCount(c.box) &&
    c.box >= 1 &&
    c.box <= BOXES &&
    isTime(c.answeredAt) &&
    typeof c.correct === 'boolean' &&
    isCount(c.seen) &&
    isCount(c.right) &&
    c.right <= c.seen
  );
}

function isInterview(v: unknown): v is InterviewRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return isTime(r.finishedAt) && isCount(r.score) && isCount(r.total) && r.score <= r.total && isTime(r.seconds);
}

/**
 * Parses exported progress. `knownIds` are the bank's question ids: cards for questions the bank does not have
 * (another site's file) make the whole import foreign.
 */
export function importProgress(text: string, knownIds: ReadonlySet<string>): Progress {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ProgressImportError('not valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ProgressImportError('not a progress file');
  const d = data as Record<string, unknown>;
  if (d.format !== PROGRESS_FORMAT) throw new ProgressImportError('not a Workload Lab progress file');
  if (d.version !== PROGRESS_VERSION) throw new ProgressImportError(`unsupported version ${String(d.version)}`);
  const cards = d.cards;
  if (typeof cards !== 'object' || cards === null || Array.isArray(cards))
    throw new ProgressImportError('cards missing');
  for (const [id, card] of Object.entries(cards)) {
    if (!knownIds.has(id)) throw new ProgressImportError(`unknown question ${id}`);
    if (!isCard(card)) throw new ProgressImportError(`bad entry for ${id}`);
  }
  if (!Array.isArray(d.interviews) || !d.interviews.every(isInterview))
    throw new ProgressImportError('bad interview records');
  return { cards: cards as Record<string, CardState>, interviews: d.interviews };
}

/**
 * Reads this browser's stored progress. Cards for questions the bank no longer has are kept (a renamed question
 * must not wipe a reader's history); anything unreadable counts as no progress.
 */
export function parseStoredProgress(text: string | null): Progress {
  if (!text) return emptyProgress();
  try {
    const ids = Object.keys((JSON.parse(text) as { cards?: Record<string, unknown> }).cards ?? {});
    return importProgress(text, new Set(ids));
  } catch {
    return emptyProgress();
  }
}
