import React from 'react';
import { translate } from '@docusaurus/Translate';
import type { Locale, Question } from '@site/src/quiz/types';
import ChoiceInput from './ChoiceInput';
import OrderingInput from './OrderingInput';
import type { Draft } from './draft';
import styles from './styles.module.css';

interface QuestionInputProps {
  question: Question;
  locale: Locale;
  draft: Draft;
  disabled?: boolean;
  onChange(next: Draft): void;
}

/** The answer widget for a question's type. */
export default function QuestionInput({ question, locale, draft, disabled, onChange }: QuestionInputProps) {
  if (question.type === 'numeric') {
    return (
      <input
        className={styles.numeric}
        type="text"
        inputMode="decimal"
        aria-label={translate({ id: 'quiz.numberLabel', message: '你的答案（数字）' })}
        value={draft.text}
        disabled={disabled}
        data-quiz-number=""
        onChange={(event) => onChange({ ...draft, text: event.target.value })}
      />
    );
  }
  if (question.type === 'ordering') {
    return (
      <OrderingInput
        choices={question.choices ?? []}
        locale={locale}
        order={draft.picked}
        disabled={disabled}
        onChange={(picked) => onChange({ ...draft, picked })}
      />
    );
  }
  return (
    <ChoiceInput
      name={`quiz-${question.id}`}
      choices={question.choices ?? []}
      locale={locale}
      multiple={question.type === 'multiple'}
      value={draft.picked}
      disabled={disabled}
      onChange={(picked) => onChange({ ...draft, picked })}
    />
  );
}
