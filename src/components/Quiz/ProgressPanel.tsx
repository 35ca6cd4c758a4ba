import React, { useRef, useState } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { BOXES, isDue } from '@site/src/quiz/leitner';
import { exportProgress, importProgress, ProgressImportError } from '@site/src/quiz/progress';
import type { Bank, Locale } from '@site/src/quiz/types';
import { progressActions, useQuizProgress } from './progress-store';
import { formatClock } from './MockInterview';
import styles from './styles.module.css';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Where the reader stands per chapter and box, and their progress as a file: export, import, start over. */
export default function ProgressPanel({ banks, locale }: { banks: Bank[]; locale: Locale }): React.JSX.Element {
  const progress = useQuizProgress();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [confirmClear, setConfirmClear] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const knownIds = new Set(banks.flatMap((b) => b.questions.map((q) => q.id)));
  const now = Date.now();
  const boxes = Array.from(
    { length: BOXES },
    (_, i) => Object.values(progress.cards).filter((c) => c.box === i + 1).length,
  );

  const importFile = async (file: File) => {
    try {
      const imported = importProgress(await file.text(), knownIds);
      progressActions.replace(imported);
      setMessage({
        kind: 'ok',
        text: translate(
          { id: 'quiz.imported', message: '已导入 {count} 道题的进度。' },
          { count: Object.keys(imported.cards).length },
        ),
      });
    } catch (err) {
      const reason = err instanceof ProgressImportError ? err.message : String(err);
      setMessage({
        kind: 'error',
        text: translate({ id: 'quiz.importRejected', message: '导入被拒绝（{reason}），现有进度未改变。' }, { reason }),
      });
    }
  };

  return (
    <div data-quiz-progress-panel="">
      <table className={styles.table}>
        <thead>
          <tr>
            <th>
              <Translate id="quiz.chapter">章节</Translate>
            </th>
            <th>
              <Translate id="quiz.answered">已答</Translate>
            </th>
            <th>
              <Translate id="quiz.lastCorrect">上次答对</Translate>
            </th>
            <th>
              <Translate id="quiz.due">到期</Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {banks.map((bank) => {
            const cards = bank.questions.map((q) => progress.cards[q.id]).filter((c) => c !== undefined);
            return (
              <tr key={bank.chapter} data-quiz-stats={bank.chapter}>
                <td>{bank.title[locale]}</td>
                <td>
                  {cards.length} / {bank.questions.length}
                </td>
                <td>{cards.filter((c) => c.correct).length}</td>
                <td>{cards.filter((c) => isDue(c, now)).length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <Translate id="quiz.boxes" values={{ boxes: boxes.join(' / ') }}>
          {'Leitner 盒子 1–5 中的题数：{boxes}'}
        </Translate>
      </p>
      {progress.interviews.length > 0 && (
        <p data-quiz-interviews={progress.interviews.length}>
          <Translate id="quiz.interviewHistory" values={{ count: progress.interviews.length }}>
            {'模拟面试 {count} 次，最近几次：'}
          </Translate>{' '}
          {progress.interviews
            .slice(-5)
            .map((r) => `${r.score}/${r.total} (${formatClock(r.seconds)})`)
            .join(' · ')}
        </p>
      )}
      <div className={styles.actions}>
        <button
          type="button"
          className="button button--secondary"
          data-quiz-export=""
          onClick={() => download('workload-lab-quiz-progress.json', exportProgress(progress))}
        >
          <Translate id="quiz.export">导出进度（JSON）</Translate>
        </button>
        <label className="button button--secondary">
          <Translate id="quiz.import">导入进度</Translate>
          <input
            ref={fileInput}
            className={styles.fileInput}
            type="file"
            accept="application/json,.json"
            data-quiz-import=""
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void importFile(file);
              event.target.value = '';
            }}
          />
        </label>
        {confirmClear ? (
          <button
            type="button"
            className="button button--danger"
            data-quiz-clear-confirm=""
            onClick={() => {
              progressActions.clear();
              setConfirmClear(false);
              setMessage({ kind: 'ok', text: translate({ id: 'quiz.cleared', message: '进度已清空。' }) });
            }}
          >
            <Translate id="quiz.clearConfirm">确认清空</Translate>
          </button>
        ) : (
          <button
            type="button"
            className="button button--outline button--danger"
            data-quiz-clear=""
            onClick={() => setConfirmClear(true)}
          >
            <Translate id="quiz.clear">清空进度</Translate>
          </button>
        )}
      </div>
      {message && (
        <p
          className={message.kind === 'ok' ? styles.notice : styles.error}
          role={message.kind === 'ok' ? 'status' : 'alert'}
          data-quiz-message={message.kind}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
