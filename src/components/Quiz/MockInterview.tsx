import React, { useEffect, useState } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { isCorrect } from '@site/src/quiz/grading';
import type { Bank, Locale, Question } from '@site/src/quiz/types';
import Feedback from './Feedback';
import InlineText from './InlineText';
import QuestionInput from './QuestionInput';
import { draftResponse, emptyDraft, type Draft } from './draft';
import { progressActions } from './progress-store';
import { TypeBadge } from './TypeBadge';
import styles from './styles.module.css';

export const INTERVIEW_LENGTH = 10;

function pickRandom(questions: Question[], count: number): Question[] {
  const pool = [...questions];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

interface Result {
  question: Question;
  correct: boolean;
}

type Stage =
  | { name: 'intro' }
  | { name: 'asking'; questions: Question[]; index: number; results: Result[]; startedAt: number }
  | { name: 'review'; results: Result[]; seconds: number };

/** Ten random questions against the clock, no hints on the way, then the score and a review of every miss. */
export default function MockInterview({ banks, locale }: { banks: Bank[]; locale: Locale }): React.JSX.Element {
  const [stage, setStage] = useState<Stage>({ name: 'intro' });
  const [draft, setDraft] = useState<Draft>({ picked: [], text: '' });
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    if (stage.name !== 'asking') return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [stage.name]);

  if (stage.name === 'intro') {
    return (
      <div className={styles.interviewIntro} data-quiz-interview="intro">
        <p>
          <Translate id="quiz.interviewIntro" values={{ count: INTERVIEW_LENGTH }}>
            {'从全部题库中随机抽取 {count} 道题，计时作答，答完才公布得分，并逐题讲解答错的题。'}
          </Translate>
        </p>
        <button
          type="button"
          className="button button--primary"
          data-quiz-start=""
          onClick={() => {
            const questions = pickRandom(
              banks.flatMap((b) => b.questions),
              INTERVIEW_LENGTH,
            );
            setDraft(emptyDraft(questions[0]));
            setNow(Date.now());
            setStage({ name: 'asking', questions, index: 0, results: [], startedAt: Date.now() });
          }}
        >
          <Translate id="quiz.startInterview">开始模拟面试</Translate>
        </button>
      </div>
    );
  }

  if (stage.name === 'asking') {
    const question = stage.questions[stage.index];
    const response = draftResponse(question, draft);
    const elapsed = Math.max(0, Math.floor((now - stage.startedAt) / 1000));
    const submit = () => {
      const correct = isCorrect(question, response);
      progressActions.answer(question.id, correct);
      const results = [...stage.results, { question, correct }];
      const next = stage.index + 1;
      if (next < stage.questions.length) {
        setDraft(emptyDraft(stage.questions[next]));
        setStage({ ...stage, index: next, results });
        return;
      }
      const seconds = Math.round((Date.now() - stage.startedAt) / 1000);
      progressActions.finishInterview({
        finishedAt: Date.now(),
        score: results.filter((r) => r.correct).length,
        total: results.length,
        seconds,
      });
      setStage({ name: 'review', results, seconds });
    };
    return (
      <div data-quiz-interview="asking">
        <div className={styles.toolbar}>
          <span data-quiz-progress="">
            <Translate id="quiz.questionOf" values={{ n: stage.index + 1, total: stage.questions.length }}>
              {'第 {n} / {total} 题'}
            </Translate>
          </span>
          <span
            className={styles.clock}
            role="timer"
            aria-label={translate({ id: 'quiz.elapsed', message: '已用时间' })}
            data-quiz-timer=""
          >
            {formatClock(elapsed)}
          </span>
        </div>
        <section className={styles.card} data-quiz-question={question.id}>
          <h3 className={styles.stem}>
            <InlineText text={question[locale]} />
          </h3>
          <div className={styles.meta}>
            <TypeBadge type={question.type} />
          </div>
          <QuestionInput key={question.id} question={question} locale={locale} draft={draft} onChange={setDraft} />
          <div className={styles.actions}>
            <button
              type="button"
              className="button button--primary button--sm"
              disabled={response === undefined}
              data-quiz-submit=""
              onClick={submit}
            >
              {stage.index + 1 < stage.questions.length ? (
                <Translate id="quiz.submitNext">提交并进入下一题</Translate>
              ) : (
                <Translate id="quiz.submitFinish">提交并查看成绩</Translate>
              )}
            </button>
          </div>
        </section>
      </div>
    );
  }

  const score = stage.results.filter((r) => r.correct).length;
  const misses = stage.results.filter((r) => !r.correct);
  return (
    <div data-quiz-interview="review">
      <p className={styles.score} data-quiz-score={score} role="status">
        <Translate id="quiz.score" values={{ score, total: stage.results.length, time: formatClock(stage.seconds) }}>
          {'得分 {score} / {total}，用时 {time}。'}
        </Translate>
      </p>
      {misses.length === 0 ? (
        <p>
          <Translate id="quiz.allRight">全部答对！</Translate>
        </p>
      ) : (
        <>
          <h3>
            <Translate id="quiz.reviewMisses">答错的题</Translate>
          </h3>
          {misses.map(({ question }) => (
            <section key={question.id} className={styles.card} data-quiz-review={question.id}>
              <p className={styles.stem}>
                <InlineText text={question[locale]} />
              </p>
              <Feedback question={question} locale={locale} correct={false} />
            </section>
          ))}
        </>
      )}
      <button
        type="button"
        className="button button--secondary"
        data-quiz-again=""
        onClick={() => setStage({ name: 'intro' })}
      >
        <Translate id="quiz.again">再来一轮</Translate>
      </button>
    </div>
  );
}
