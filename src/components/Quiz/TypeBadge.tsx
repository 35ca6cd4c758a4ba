import React from 'react';
import { translate } from '@docusaurus/Translate';
import type { QuestionType } from '@site/src/quiz/types';
import styles from './styles.module.css';

function typeLabel(type: QuestionType): string {
  switch (type) {
    case 'single':
      return translate({ id: 'quiz.type.single', message: '单选' });
    case 'multiple':
      return translate({ id: 'quiz.type.multiple', message: '多选' });
    case 'ordering':
      return translate({ id: 'quiz.type.ordering', message: '排序' });
    case 'numeric':
      return translate({ id: 'quiz.type.numeric', message: '数值' });
    default:
      return translate({ id: 'quiz.type.predict', message: '预测结果' });
  }
}

/** What kind of answer the question wants, so a reader knows before reading the choices. */
export function TypeBadge({ type }: { type: QuestionType }): React.JSX.Element {
  return <span className={styles.badge}>{typeLabel(type)}</span>;
}
