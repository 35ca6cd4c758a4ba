import React, { useMemo, useState } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { isDue, practiceOrder } from '@site/src/quiz/leitner';
import type { Bank, Locale } from '@site/src/quiz/types';
import { progressActions, useQuizProgress } from './progress-store';
import QuestionCard from './QuestionCard';
import styles from './styles.module.css';

interface PracticeProps {
  banks: Bank[];
  locale: Locale;
  initialChapter?: string;
}

/**
 * Practice by chapter with spaced repetition: due questions first (the ones answered wrongly come back first),
 * then new ones, then those not yet due. One question at a time.
 */
export default function Practice({ banks, locale, initialChapter }: PracticeProps): React.JSX.Element {
  const progress = useQuizProgress();
  const [chapter, setChapter] = useState(banks.some((b) => b.chapter === initialChapter) ? initialChapter! : 'all');
  // The queue is fixed when the chapter is picked, so answering does not reshuffle what comes next.
  const [round, setRound] = useState(0);
  const [position, setPosition] = useState(0);
  const [answered, setAnswered] = useState(false);
  const pool = useMemo(
    () => (chapter === 'all' ? banks : banks.filter((b) => b.chapter === chapter)).flatMap((b) => b.questions),
    [banks, chapter],
  );
  // Recomputed per round, not per answer: the progress read here is the one at the start of the round.
  const queue = useMemo(() => practiceOrder(pool, progress.cards, Date.now()), [pool, round]);
  const now = Date.now();
  const due = pool.filter((q) => progress.cards[q.id] && isDue(progress.cards[q.id], now)).length;
  const unseen = pool.filter((q) => !progress.cards[q.id]).length;
  const question = queue[position];

  return (
    <div data-quiz-practice="">
      <div className={styles.toolbar}>
        <label>
          <Translate id="quiz.chapter">章节</Translate>{' '}
          <select
            value={chapter}
            data-quiz-chapter-select=""
            onChange={(event) => {
              setChapter(event.target.value);
              setPosition(0);
              setAnswered(false);
              setRound((r) => r + 1);
            }}
          >
            <option value="all">{translate({ id: 'quiz.allChapters', message: '全部章节' })}</option>
            {banks.map((bank) => (
              <option key={bank.chapter} value={bank.chapter}>
                {bank.title[locale]}
              </option>
            ))}
          </select>
        </label>
        <span className={styles.counts} data-quiz-due={due}>
          <Translate id="quiz.dueCounts" values={{ due, unseen, total: pool.length }}>
            {'到期复习 {due} 题 · 未做 {unseen} 题 · 共 {total} 题'}
          </Translate>
        </span>
      </div>
      {question ? (
        <>
          <QuestionCard
            key={`${round}-${question.id}`}
            question={question}
            locale={locale}
            number={position + 1}
            last={progress.cards[question.id]?.correct}
            onAnswer={(correct) => {
              progressActions.answer(question.id, correct);
              setAnswered(true);
            }}
          />
          <div className={styles.actions}>
            <button
              type="button"
              className="button button--primary"
              data-quiz-next=""
              disabled={!answered}
              onClick={() => {
                setAnswered(false);
                if (position + 1 < queue.length) setPosition(position + 1);
                else {
                  setPosition(0);
                  setRound((r) => r + 1);
                }
              }}
            >
              <Translate id="quiz.next">下一题</Translate>
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
