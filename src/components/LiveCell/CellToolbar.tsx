import React, { useEffect, useState } from 'react';
import { translate } from '@docusaurus/Translate';
import styles from './styles.module.css';

interface CellToolbarProps {
  modified: boolean;
  running: boolean;
  session?: string;
  onReset(): void;
  onCopy(): Promise<void>;
  onRun(): void;
}

function CopyButton({ onCopy }: { onCopy(): Promise<void> }): React.JSX.Element {
  const [result, setResult] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (result === 'idle') return undefined;
    const timer = setTimeout(() => setResult('idle'), 2000);
    return () => clearTimeout(timer);
  }, [result]);
  const label =
    result === 'copied'
      ? translate({ id: 'cell.copied', message: '已复制' })
      : result === 'failed'
        ? translate({ id: 'cell.copyFailed', message: '复制失败' })
        : translate({ id: 'cell.copy', message: '复制' });
  return (
    <button
      type="button"
      className={styles.secondaryButton}
      data-cell-copy=""
      aria-live="polite"
      onClick={() =>
        onCopy().then(
          () => setResult('copied'),
          () => setResult('failed'),
        )
      }
    >
      {label}
    </button>
  );
}

/** The bar above a cell: its language, session and "edited" mark, then Reset, Copy and Run. */
export default function CellToolbar({ modified, running, session, onReset, onCopy, onRun }: CellToolbarProps) {
  return (
    <div className={styles.toolbar}>
      <span className={styles.lang}>TypeScript</span>
      {session && (
        <span className={styles.session}>
          {translate({ id: 'cell.session', message: '会话 {name}' }, { name: session })}
        </span>
      )}
      {modified && (
        <span className={styles.modified} data-cell-modified="">
          {translate({ id: 'cell.modified', message: '已修改' })}
        </span>
      )}
      <span className={styles.spacer} />
      <button
        type="button"
        className={styles.secondaryButton}
        onClick={onReset}
        disabled={!modified && !session}
        title={session ? translate({ id: 'cell.resetSessionTitle', message: '恢复原始代码并重新开始会话' }) : undefined}
        data-cell-reset=""
      >
        {translate({ id: 'cell.reset', message: '重置' })}
      </button>
      <CopyButton onCopy={onCopy} />
      <button
        type="button"
        className={styles.run}
        onClick={onRun}
        disabled={running}
        data-cell-run=""
        title="Ctrl/⌘ + Enter"
      >
        {running
          ? translate({ id: 'cell.running', message: '运行中…' })
          : translate({ id: 'cell.run', message: '运行' })}
      </button>
    </div>
  );
}
