import React from 'react';
import { translate } from '@docusaurus/Translate';
import type { Choice, Locale } from '@site/src/quiz/types';
import InlineText from './InlineText';
import { choiceLabel } from './text';
import styles from './styles.module.css';

interface OrderingInputProps {
  choices: Choice[];
  locale: Locale;
  order: string[];
  disabled?: boolean;
  onChange(next: string[]): void;
}

function move(order: string[], from: number, to: number): string[] {
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** A list the reader reorders with up/down buttons: works by keyboard and by touch, no dragging needed. */
export default function OrderingInput({ choices, locale, order, disabled, onChange }: OrderingInputProps) {
  const byId = new Map(choices.map((c) => [c.id, c]));
  return (
    <ol className={styles.ordering}>
      {order.map((id, index) => {
        const label = choiceLabel(byId.get(id) ?? { id }, locale);
        return (
          <li key={id} className={styles.orderingItem} data-quiz-item={id}>
            <span className={styles.orderingLabel}>
              <InlineText text={label} />
            </span>
            <button
              type="button"
              className={styles.moveButton}
              disabled={disabled || index === 0}
              aria-label={translate({ id: 'quiz.moveUp', message: '上移 {item}' }, { item: label })}
              onClick={() => onChange(move(order, index, index - 1))}
            >
              ↑
            </button>
            <button
              type="button"
              className={styles.moveButton}
              disabled={disabled || index === order.length - 1}
              aria-label={translate({ id: 'quiz.moveDown', message: '下移 {item}' }, { item: label })}
              onClick={() => onChange(move(order, index, index + 1))}
            >
              ↓
            </button>
          </li>
        );
      })}
    </ol>
  );
}
