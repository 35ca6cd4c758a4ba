import React, { useCallback, useEffect, useRef, useState } from 'react';
import { translate } from '@docusaurus/Translate';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { CompileError, compileCell, startCompiler } from '@site/src/cells/compiler';
import { DEFAULT_TIMEOUT_MS, runInWorker } from '@site/src/cells/run-cell';
import { useStoredEdit } from './useStoredEdit';
import styles from './styles.module.css';

type CellState = 'idle' | 'running' | 'done' | 'error' | 'timeout';

interface OutputLine {
  stream: string;
  text: string;
}

export interface LiveCellProps {
  /** Stable id, the same in every locale; keys the reader's saved edits. */
  id: string;
  /** The TypeScript the page shows. */
  code: string;
  /** The same code compiled at build time, used while the reader has not edited it. */
  compiled?: string;
  /** Wall-clock limit for one run, in milliseconds (default 5000). */
  timeout?: string;
}

/** An editable TypeScript cell that runs against the kubesim simulator in a Web Worker. */
export default function LiveCell({ id, code, compiled, timeout }: LiveCellProps): React.JSX.Element {
  const [source, setSource, resetSource] = useStoredEdit(id, code);
  const [state, setState] = useState<CellState>('idle');
  const [output, setOutput] = useState<OutputLine[]>([]);
  const [notice, setNotice] = useState<string>('');
  const running = useRef(false);
  // Until React has hydrated the cell, the static editor is read-only: keystrokes made before then would be lost.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const wasmBase = useBaseUrl('/');
  const modified = source !== code;
  const limitMs = timeout ? Number(timeout) : DEFAULT_TIMEOUT_MS;

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setState('running');
    setOutput([]);
    setNotice('');
    const lines: OutputLine[] = [];
    let flushScheduled = false;
    const flush = () => {
      flushScheduled = false;
      setOutput([...lines]);
    };
    try {
      const js = !modified && compiled ? compiled : await compileCell(source, wasmBase);
      const outcome = await runInWorker(
        js,
        {
          onOutput(stream, text) {
            lines.push({ stream, text });
            if (!flushScheduled) {
              flushScheduled = true;
              requestAnimationFrame(flush);
            }
          },
          onTruncated() {
            setNotice(translate({ id: 'cell.truncated', message: '输出过多，已截断。' }));
          },
        },
        limitMs,
      );
      flush();
      if (outcome.state === 'error') setNotice(outcome.message);
      if (outcome.state === 'timeout') {
        setNotice(
          translate(
            { id: 'cell.timeout', message: '运行超过 {seconds} 秒，已停止。' },
            { seconds: String(outcome.limitMs / 1000) },
          ),
        );
      }
      setState(outcome.state);
    } catch (err) {
      setNotice(err instanceof CompileError ? err.message : String(err));
      setState('error');
    } finally {
      running.current = false;
    }
  }, [compiled, limitMs, modified, source, wasmBase]);

  // Prefetch the compiler when the reader starts editing: the first edited run is then nearly instant.
  const onFocus = useCallback(() => {
    void startCompiler(wasmBase).catch(() => undefined);
  }, [wasmBase]);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void run();
      }
    },
    [run],
  );

  const lineCount = source.split('\n').length;

  return (
    <div className={styles.cell} data-cell="" data-cell-id={id} data-hydrated={hydrated ? '' : undefined}>
      <div className={styles.toolbar}>
        <span className={styles.lang}>TypeScript</span>
        {modified && (
          <span className={styles.modified} data-cell-modified="">
            {translate({ id: 'cell.modified', message: '已修改' })}
          </span>
        )}
        <span className={styles.spacer} />
        <button type="button" className={styles.reset} onClick={resetSource} disabled={!modified} data-cell-reset="">
          {translate({ id: 'cell.reset', message: '重置' })}
        </button>
        <button
          type="button"
          className={styles.run}
          onClick={() => void run()}
          disabled={state === 'running'}
          data-cell-run=""
          title="Ctrl/⌘ + Enter"
        >
          {state === 'running'
            ? translate({ id: 'cell.running', message: '运行中…' })
            : translate({ id: 'cell.run', message: '运行' })}
        </button>
      </div>
      <textarea
        className={styles.editor}
        value={source}
        rows={Math.min(Math.max(lineCount, 4), 40)}
        readOnly={!hydrated}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-label={translate({ id: 'cell.editorLabel', message: 'TypeScript 代码，可编辑' })}
        onChange={(e) => setSource(e.target.value)}
        onFocus={onFocus}
        onKeyDown={onKeyDown}
      />
      <div className={styles.outputWrap} hidden={state === 'idle'}>
        <pre className={styles.output} data-cell-output="" data-state={state} aria-live="polite">
          {output.map((line, i) => (
            <span key={i} className={line.stream === 'error' || line.stream === 'warn' ? styles.stderr : undefined}>
              {line.text}
            </span>
          ))}
          {notice && <span className={styles.notice}>{notice}</span>}
        </pre>
      </div>
    </div>
  );
}
