/**
 * The question bank's shapes. A bank is one chapter's questions; every text a reader sees comes in both
 * languages. Questions about cluster behaviour carry a `verify` script that a test runs on the simulator, so the
 * keyed answer can never drift from what kubesim (and so Kubernetes) does.
 */

export type Locale = 'zh' | 'en';

/** Text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export type QuestionType = 'single' | 'multiple' | 'ordering' | 'numeric' | 'predict';

/**
 * One choice (or, for `ordering`, one item to place). `text` is for choices that read the same in both languages,
 * such as a pod name or an image; `value` is what the verify script prints for this choice (default: `text`, then
 * `id`).
 */
export interface Choice {
  id: string;
  text?: string;
  zh?: string;
  en?: string;
  value?: string;
}

/** A kubesim script whose final command prints the answer. */
export interface Verify {
  /** Seed of the simulated cluster (default 1). */
  seed?: number;
  /** Number of nodes (default 3). */
  nodes?: number;
  /** Sets the scene: kubectl lines, heredocs, `sleep 30s`, faults. Its output is shown, not graded. */
  script: string;
  /** One command whose trimmed output is compared with the key. */
  answer: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  zh: string;
  en: string;
  /** Absent for `numeric`. */
  choices?: Choice[];
  /** A choice id (single, predict), choice ids (multiple), all choice ids in order (ordering), or a number. */
  answer: string | string[] | number;
  explanation: Bilingual;
  /** The chapter section that teaches it: `docId#anchor`, the same in both locales. */
  link: string;
  /** Why no `verify`: the question is about design or judgement, not something a cluster does. */
  concept?: boolean;
  verify?: Verify;
  /** The interview question of source note 002 this one covers. */
  seed002?: string;
}

export interface Bank {
  /** The chapter's id, also the bank file's name. */
  chapter: string;
  title: Bilingual;
  /** Doc id of the page whose end shows this chapter's quiz. */
  page: string;
  /** Order of the chapter in the course (1 = overview). */
  order: number;
  questions: Question[];
}

/** A reader's answer: a choice id, choice ids, an ordering of choice ids, or a number. */
export type Response = string | string[] | number;
