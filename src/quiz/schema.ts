/**
 * Checks a parsed bank file against the bank's shape: every field present, both languages written, answers that
 * name real choices. The build (which refuses a bad bank) and the tests share it.
 */
import type { Bank, Choice, Question } from './types';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HAN = /\p{Script=Han}/u;
const LINK = /^[a-z0-9/-]+#[a-z0-9-]+$/;
const TYPES = new Set(['single', 'multiple', 'ordering', 'numeric', 'predict']);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Both languages present; Chinese text has Chinese in it, English text has none. */
function checkBilingual(where: string, zh: unknown, en: unknown, errors: string[]): void {
  if (!nonEmpty(zh)) errors.push(`${where}: missing zh`);
  else if (!HAN.test(zh)) errors.push(`${where}: zh has no Chinese`);
  if (!nonEmpty(en)) errors.push(`${where}: missing en`);
  else if (HAN.test(en)) errors.push(`${where}: en has Chinese in it`);
}

/** The value a verify script prints for a choice. */
export function choiceValue(choice: Choice): string {
  return choice.value ?? choice.text ?? choice.id;
}

/** Choices may be written as bare strings, meaning `{ id: s, text: s }`. */
export function normalizeChoice(raw: unknown): Choice | undefined {
  if (typeof raw === 'string' || typeof raw === 'number') return { id: String(raw), text: String(raw) };
  if (!isObject(raw) || !nonEmpty(raw.id)) return undefined;
  const choice: Choice = { id: raw.id };
  for (const key of ['text', 'zh', 'en', 'value'] as const) {
    const value = raw[key];
    if (typeof value === 'string' || typeof value === 'number') choice[key] = String(value);
  }
  return choice;
}

function checkChoices(where: string, q: Question, errors: string[]): void {
  const choices = q.choices ?? [];
  if (q.type === 'numeric') {
    if (q.choices) errors.push(`${where}: a numeric question has no choices`);
    if (typeof q.answer !== 'number' || !Number.isFinite(q.answer)) errors.push(`${where}: answer must be a number`);
    return;
  }
  if (choices.length < 2) errors.push(`${where}: needs at least 2 choices`);
  const ids = new Set<string>();
  const values = new Set<string>();
  choices.forEach((choice, i) => {
    if (ids.has(choice.id)) errors.push(`${where}: duplicate choice id ${choice.id}`);
    ids.add(choice.id);
    if (values.has(choiceValue(choice))) errors.push(`${where}: two choices share the value ${choiceValue(choice)}`);
    values.add(choiceValue(choice));
    if (choice.text === undefined) checkBilingual(`${where} choice ${i + 1}`, choice.zh, choice.en, errors);
  });
  const answer = q.answer;
  if (q.type === 'single' || q.type === 'predict') {
    if (typeof answer !== 'string' || !ids.has(answer)) errors.push(`${where}: answer must be one choice id`);
  } else if (q.type === 'multiple') {
    if (!Array.isArray(answer) || answer.length === 0 || answer.some((id) => !ids.has(id)))
      errors.push(`${where}: answer must list choice ids`);
    else if (new Set(answer).size !== answer.length) errors.push(`${where}: answer repeats a choice`);
  } else if (q.type === 'ordering') {
    const isPermutation =
      Array.isArray(answer) &&
      answer.length === ids.size &&
      new Set(answer).size === ids.size &&
      answer.every((id) => ids.has(id));
    if (!isPermutation) errors.push(`${where}: answer must order every item exactly once`);
  }
}

function toQuestion(raw: Json): Question {
  const question = { ...raw } as unknown as Question;
  if (Array.isArray(raw.choices)) question.choices = raw.choices.map(normalizeChoice).filter((c): c is Choice => !!c);
  if (Array.isArray(raw.answer)) question.answer = raw.answer.map(String);
  else if (typeof raw.answer === 'number' && raw.type !== 'numeric') question.answer = String(raw.answer);
  return question;
}

function checkQuestion(where: string, raw: Json, errors: string[]): Question {
  if (!nonEmpty(raw.id) || !ID.test(raw.id)) errors.push(`${where}: id must be lower-case words joined by -`);
  if (!TYPES.has(String(raw.type))) errors.push(`${where}: unknown type ${String(raw.type)}`);
  if (Array.isArray(raw.choices) && raw.choices.some((c) => !normalizeChoice(c)))
    errors.push(`${where}: a choice has no id`);
  const q = toQuestion(raw);
  checkBilingual(where, q.zh, q.en, errors);
  if (!isObject(q.explanation)) errors.push(`${where}: missing explanation`);
  else checkBilingual(`${where} explanation`, q.explanation.zh, q.explanation.en, errors);
  if (!nonEmpty(q.link) || !LINK.test(q.link)) errors.push(`${where}: link must be docId#anchor`);
  checkChoices(where, q, errors);
  if (q.verify !== undefined) {
    const v = q.verify as unknown;
    if (!isObject(v) || !nonEmpty(v.script) || !nonEmpty(v.answer))
      errors.push(`${where}: verify needs script and answer`);
    if (q.concept) errors.push(`${where}: a concept question has no verify`);
  } else if (!q.concept) {
    errors.push(`${where}: a question about cluster behaviour needs verify (or concept: true)`);
  }
  if (q.type === 'predict' && !q.verify) errors.push(`${where}: predict needs verify`);
  return q;
}

/** Validates one parsed bank file; `errors` is empty when it is sound. */
export function checkBank(raw: unknown, file: string): { bank?: Bank; errors: string[] } {
  const errors: string[] = [];
  if (!isObject(raw)) return { errors: [`${file}: not a mapping`] };
  if (!nonEmpty(raw.chapter) || !ID.test(raw.chapter)) errors.push(`${file}: chapter must be an id`);
  if (!isObject(raw.title)) errors.push(`${file}: missing title`);
  else checkBilingual(`${file} title`, raw.title.zh, raw.title.en, errors);
  if (!nonEmpty(raw.page)) errors.push(`${file}: missing page`);
  if (typeof raw.order !== 'number') errors.push(`${file}: missing order`);
  if (!Array.isArray(raw.questions) || raw.questions.length === 0) errors.push(`${file}: no questions`);
  const questions: Question[] = [];
  const ids = new Set<string>();
  for (const [i, item] of (Array.isArray(raw.questions) ? raw.questions : []).entries()) {
    const where = `${file} question ${isObject(item) && nonEmpty(item.id) ? item.id : i + 1}`;
    if (!isObject(item)) {
      errors.push(`${where}: not a mapping`);
      continue;
    }
    const q = checkQuestion(where, item, errors);
    if (ids.has(q.id)) errors.push(`${where}: duplicate id`);
    ids.add(q.id);
    questions.push(q);
  }
  if (errors.length > 0) return { errors };
  const bank: Bank = {
    chapter: raw.chapter as string,
    title: raw.title as Bank['title'],
    page: raw.page as string,
    order: raw.order as number,
    questions,
  };
  return { bank, errors };
}
