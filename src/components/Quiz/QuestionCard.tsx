import React, { useState } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { isCorrect } from '@site/src/quiz/grading';
import type { Locale, Question } from '@site/src/quiz/types';
import Feedback from './Feedback';
import InlineText from './InlineText';
import QuestionInput from './QuestionInput';
import ScriptRun from './ScriptRun';
import { draftResponse, emptyDraft } from './draft';
import { TypeBadge } from './TypeBadge';
import styles from './styles.module.css';

interface QuestionCardProps {
  question: Question;
  locale: Locale;
  /** Its number in the quiz, from 1. */
  number: number;
  /** The result of the reader's last answer to it, from saved progress. */
  last?: boolean;
  onAnswer(correct: boolean): void;
}

/** One question: the stem, the answer widget, Check, then the verdict with its explanation. */
export default function QuestionCard({ question, locale, number, last, onAnswer }: QuestionCardProps) {
  const [draft, setDraft] = useState(() => emptyDraft(question));
  const [checked, setChecked] = useState<boolean | undefined>(undefined);
  const response = draftResponse(question, draft);
  const headingId = `quiz-q-${question.id}`;
  return (
    <section className={styles.card} data-quiz-question={question.id} aria-labelledby={headingId}>
      <h3 className={styles.stem} id={headingId}>
        <span className={styles.number}>{number}.</span> <InlineText text={question[locale]} />
      </h3>
      <div className={styles.meta}>
        <TypeBadge type={question.type} />
        {last !== undefined && checked === undefined && (
          <span className={last ? styles.lastRight : styles.lastWrong} data-quiz-last={last ? 'correct' : 'wrong'}>
            {last
              ? translate({ id: 'quiz.lastRight', message: '上次答对' })
              : translate({ id: 'quiz.lastWrong', message: '上次答错' })}
          </span>
        )}
      </div>
      <QuestionInput
        question={question}
        locale={locale}
        draft={draft}
        disabled={checked !== undefined}
        onChange={setDraft}
      />
      <div className={styles.actions}>
        {checked === undefined ? (
          <button
            type="button"
            className="button button--primary button--sm"
            disabled={response === undefined}
            data-quiz-check=""
            onClick={() => {
              const correct = isCorrect(question, response);
              setChecked(correct);
              onAnswer(correct);
            }}
          >
            <Translate id="quiz.check">提交答案</Translate>
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary button--sm"
            data-quiz-retry=""
            onClick={() => {
              setDraft(emptyDraft(question));
              setChecked(undefined);
            }}
          >
            <Translate id="quiz.retry">再答一次</Translate>
          </button>
        )}
      </div>
      {checked !== undefined && <Feedback question={question} locale={locale} correct={checked} />}
      {question.type === 'predict' && question.verify && (
        <ScriptRun verify={question.verify} canRun={checked !== undefined} />
      )}
    </section>
  );
}
