import React, { useState } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { Verify } from '@site/src/quiz/types';
import { runKubesimScript } from './run-script';
import styles from './styles.module.css';

/**
 * A predict question's scene: the script, shown as it will run, and a button that runs it on the simulator in a
 * worker and prints the transcript, so the reader can check the prediction against the cluster.
 */
export default function ScriptRun({ verify, canRun }: { verify: Verify; canRun: boolean }): React.JSX.Element {
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'error'>('idle');
  const [output, setOutput] = useState('');
  const script = `${verify.script.trimEnd()}\n${verify.answer}`;
  return (
    <div className={styles.script}>
      <details>
        <summary>
          <Translate id="quiz.showScript">kubesim 脚本</Translate>
        </summary>
        <pre className={styles.scriptCode}>
          <code>{script}</code>
        </pre>
      </details>
      <button
        type="button"
        className="button button--secondary button--sm"
        disabled={!canRun || state === 'running'}
        data-quiz-run=""
        onClick={() => {
          setState('running');
          runKubesimScript(verify).then(
            (text) => {
              setOutput(text);
              setState('done');
            },
            (err: Error) => {
              setOutput(err.message);
              setState('error');
            },
          );
        }}
      >
        {state === 'running'
          ? translate({ id: 'quiz.running', message: '运行中…' })
          : translate({ id: 'quiz.runScript', message: '在模拟集群里运行' })}
      </button>
      {!canRun && (
        <span className={styles.hint}>
          <Translate id="quiz.predictFirst">先作答，再运行脚本核对预测。</Translate>
        </span>
      )}
      {output && (
        <pre className={styles.scriptOutput} data-quiz-output={state} aria-live="polite">
          {output}
        </pre>
      )}
    </div>
  );
}
