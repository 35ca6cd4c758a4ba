import React, { useEffect, useState } from 'react';
import Layout from '@theme/Layout';
import Translate, { translate } from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { Bank } from '@site/src/quiz/types';
import { bankLocale, loadAllBanks } from '@site/src/components/Quiz/bank-data';
import MockInterview from '@site/src/components/Quiz/MockInterview';
import Practice from '@site/src/components/Quiz/Practice';
import ProgressPanel from '@site/src/components/Quiz/ProgressPanel';
import styles from '@site/src/components/Quiz/styles.module.css';

type Tab = 'practice' | 'interview' | 'progress';
const TABS: Tab[] = ['practice', 'interview', 'progress'];

function tabLabel(tab: Tab): string {
  if (tab === 'practice') return translate({ id: 'quiz.tab.practice', message: '按章节练习' });
  if (tab === 'interview') return translate({ id: 'quiz.tab.interview', message: '模拟面试' });
  return translate({ id: 'quiz.tab.progress', message: '我的进度' });
}

/** /quiz: practice by chapter with spaced repetition, a timed mock interview, and the reader's progress. */
export default function QuizPage(): React.JSX.Element {
  const { i18n } = useDocusaurusContext();
  const locale = bankLocale(i18n.currentLocale);
  const [banks, setBanks] = useState<Bank[]>();
  const [failed, setFailed] = useState(false);
  const [tab, setTab] = useState<Tab>('practice');
  const [initialChapter, setInitialChapter] = useState<string>();

  useEffect(() => {
    setInitialChapter(new URLSearchParams(window.location.search).get('chapter') ?? undefined);
    loadAllBanks().then(setBanks, () => setFailed(true));
  }, []);

  const total = banks?.reduce((n, b) => n + b.questions.length, 0) ?? 0;
  return (
    <Layout
      title={translate({ id: 'quiz.pageTitle', message: '面试练习' })}
      description={translate({
        id: 'quiz.pageDescription',
        message: 'Deployment 与 StatefulSet 面试题：按章节练习、模拟面试、间隔重复，答案由模拟集群验证。',
      })}
    >
      <main className={`container margin-vert--lg ${styles.page}`}>
        <h1>
          <Translate id="quiz.pageTitle">面试练习</Translate>
        </h1>
        <p>
          <Translate id="quiz.pageIntro" values={{ total: total || '100+' }}>
            {
              '{total} 道 Deployment 与 StatefulSet 面试题。凡是关于集群行为的答案，都在模拟集群上验证过；答错的题会更早回来复习。'
            }
          </Translate>
        </p>
        <div role="tablist" className={styles.tabs} aria-label={translate({ id: 'quiz.modes', message: '练习方式' })}>
          {TABS.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`quiz-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`quiz-panel-${t}`}
              tabIndex={tab === t ? 0 : -1}
              className={tab === t ? styles.tabActive : styles.tab}
              data-quiz-tab={t}
              onClick={() => setTab(t)}
              onKeyDown={(event) => {
                const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                if (!step) return;
                const next = TABS[(TABS.indexOf(t) + step + TABS.length) % TABS.length];
                setTab(next);
                document.getElementById(`quiz-tab-${next}`)?.focus();
              }}
            >
              {tabLabel(t)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`quiz-panel-${tab}`} aria-labelledby={`quiz-tab-${tab}`} className={styles.panel}>
          {failed && (
            <p role="alert">
              <Translate id="quiz.loadFailed">测验加载失败，请刷新页面重试。</Translate>
            </p>
          )}
          {!banks && !failed && (
            <p>
              <Translate id="quiz.loading">正在加载测验…</Translate>
            </p>
          )}
          {banks && tab === 'practice' && <Practice banks={banks} locale={locale} initialChapter={initialChapter} />}
          {banks && tab === 'interview' && <MockInterview banks={banks} locale={locale} />}
          {banks && tab === 'progress' && <ProgressPanel banks={banks} locale={locale} />}
        </div>
      </main>
    </Layout>
  );
}
