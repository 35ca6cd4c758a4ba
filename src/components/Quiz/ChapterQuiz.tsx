import React, { useEffect, useRef, useState } from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { Bank } from '@site/src/quiz/types';
import { bankLocale, loadChapter } from './bank-data';
import { progressActions, useQuizProgress } from './progress-store';
import QuestionCard from './QuestionCard';
import styles from './styles.module.css';

/** Starts loading once the quiz is near the viewport, so reading the chapter never waits for it. */
function useNearViewport(ref: React.RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || near) return undefined;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return undefined;
    }
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: '800px',
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, near]);
  return near;
}

/** The quiz that closes a chapter: its questions from the bank, answers saved to the reader's progress. */
export default function ChapterQuiz({ chapter }: { chapter: string }): React.JSX.Element {
  const { i18n } = useDocusaurusContext();
  const locale = bankLocale(i18n.currentLocale);
  const root = useRef<HTMLDivElement>(null);
  const near = useNearViewport(root);
  const [bank, setBank] = useState<Bank>();
  const [failed, setFailed] = useState(false);
  const progress = useQuizProgress();

  useEffect(() => {
    if (!near || bank) return;
    loadChapter(chapter).then(setBank, () => setFailed(true));
  }, [near, bank, chapter]);

  const answered = bank?.questions.filter((q) => progress.cards[q.id]) ?? [];
  const right = answered.filter((q) => progress.cards[q.id]?.correct);
  return (
    <div className={styles.quiz} ref={root} data-quiz-chapter={chapter} data-quiz-ready={bank ? '' : undefined}>
      {!bank && !failed && (
        <p className={styles.loading}>
          <Translate id="quiz.loading">正在加载测验…</Translate>
        </p>
      )}
      {failed && (
        <p role="alert">
          <Translate id="quiz.loadFailed">测验加载失败，请刷新页面重试。</Translate>
        </p>
      )}
      {bank && (
        <>
          <p className={styles.summary} data-quiz-summary="" aria-live="polite">
            <Translate
              id="quiz.chapterSummary"
              values={{ answered: answered.length, total: bank.questions.length, right: right.length }}
            >
              {'已答 {answered} / {total} 题，上次答对 {right} 题。'}
            </Translate>{' '}
            <Link to={`/quiz?chapter=${chapter}`}>
              <Translate id="quiz.practiseMore">去练习页按间隔重复复习</Translate>
            </Link>
          </p>
          {bank.questions.map((question, i) => (
            <QuestionCard
              key={question.id}
              question={question}
              locale={locale}
              number={i + 1}
              last={progress.cards[question.id]?.correct}
              onAnswer={(correct) => progressActions.answer(question.id, correct)}
            />
          ))}
        </>
      )}
    </div>
  );
}
