import React from 'react';
import type { Choice, Locale } from '@site/src/quiz/types';
import InlineText from './InlineText';
import { choiceLabel } from './text';
import styles from './styles.module.css';

interface ChoiceInputProps {
  name: string;
  choices: Choice[];
  locale: Locale;
  multiple: boolean;
  value: string[];
  disabled?: boolean;
  onChange(next: string[]): void;
}

/** Radio buttons for one answer, check boxes for several; native inputs keep keyboard use and screen readers. */
export default function ChoiceInput({ name, choices, locale, multiple, value, disabled, onChange }: ChoiceInputProps) {
  return (
    <div className={styles.choices} role={multiple ? 'group' : 'radiogroup'}>
      {choices.map((choice) => {
        const checked = value.includes(choice.id);
        return (
          <label key={choice.id} className={styles.choice} data-quiz-choice={choice.id}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={choice.id}
              checked={checked}
              disabled={disabled}
              onChange={() =>
                onChange(
                  multiple ? (checked ? value.filter((id) => id !== choice.id) : [...value, choice.id]) : [choice.id],
                )
              }
            />
            <span>
              <InlineText text={choiceLabel(choice, locale)} />
            </span>
          </label>
        );
      })}
    </div>
  );
}
