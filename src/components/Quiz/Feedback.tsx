import React from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import type { Locale, Question } from '@site/src/quiz/types';
import InlineText from './InlineText';
import { choiceLabel } from './text';
import styles from './styles.module.css';

/** The key in words: the right choice(s), the right order, or the number. */
export function keyText(question: Question, locale: Locale): string {
  const answer = question.answer;
  if (typeof answer === 'number') return String(answer);
  const byId = new Map((question.choices ?? []).map((c) => [c.id, c]));
  const label = (id: string) => choiceLabel(byId.get(id) ?? { id }, locale);
  if (typeof answer === 'string') return label(answer);
  return answer.map(label).join(question.type === 'ordering' ? ' → ' : '; ');
}

/** Right or wrong, the key, why, and where the chapter teaches it. */
export default function Feedback({
  question,
  locale,
  correct,
}: {
  question: Question;
  locale: Locale;
  correct: boolean;
}) {
  const [docId, anchor] = question.link.split('#');
  return (
    <div
      className={correct ? styles.right : styles.wrong}
      data-quiz-result={correct ? 'correct' : 'wrong'}
      role="status"
    >
      <p className={styles.verdict}>
        {correct ? <Translate id="quiz.correct">回答正确</Translate> : <Translate id="quiz.wrong">回答错误</Translate>}
      </p>
      {!correct && (
        <p>
          <Translate id="quiz.keyIs">正确答案：</Translate>
          <InlineText text={keyText(question, locale)} />
        </p>
      )}
      <p>
        <InlineText text={question.explanation[locale]} />
      </p>
      <Link to={`/docs/${docId}#${anchor}`}>
        <Translate id="quiz.readSection">阅读相关章节</Translate>
      </Link>
    </div>
  );
}
