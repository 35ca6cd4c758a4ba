import React, { useCallback, useEffect, useRef, useState } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { precompileCell, startCompiler } from '@site/src/cells/compiler';
import { DEFAULT_TIMEOUT_MS, prepareSpareWorker } from '@site/src/cells/run-cell';
import { restartSession } from '@site/src/cells/session';
import CellEditor from './CellEditor';
import CellOutput from './CellOutput';
import CellToolbar from './CellToolbar';
import { useCellRun } from './useCellRun';
import { useStoredEdit } from './useStoredEdit';
import styles from './styles.module.css';

export interface LiveCellProps {
  /** Stable id, the same in every locale; keys the reader's saved edits. */
  id: string;
  /** The TypeScript the page shows. */
  code: string;
  /** The same code compiled at build time, used while the reader has not edited it. */
  compiled?: string;
  /** Cells with the same session on a page share one cluster, like notebook cells. */
  session?: string;
  /** Wall-clock limit for one run, in milliseconds (default 5000). */
  timeout?: string;
}

/** How long typing must pause before an edit is compiled in the background. */
const PRECOMPILE_PAUSE_MS = 25;

/** An editable TypeScript cell that runs against the kubesim simulator in a Web Worker. */
export default function LiveCell({ id, code, compiled, session, timeout }: LiveCellProps): React.JSX.Element {
  const [source, setSource, resetSource] = useStoredEdit(id, code);
  const root = useRef<HTMLDivElement>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
    // Once the page is idle, boot a worker for the first run (one per page, however many cells it has).
    const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
    idle(() => prepareSpareWorker());
  }, []);
  const wasmBase = useBaseUrl('/');
  const modified = source !== code;
  const limitMs = timeout ? Number(timeout) : DEFAULT_TIMEOUT_MS;
  // Compile an edit as soon as the typing pauses, so that Run finds it compiled.
  useEffect(() => {
    if (!modified) return undefined;
    const timer = setTimeout(() => precompileCell(source, wasmBase, Boolean(session)), PRECOMPILE_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [modified, source, wasmBase, session]);
  const { state, items, notices, errorLine, run } = useCellRun({
    id,
    source,
    compiled,
    modified,
    session,
    limitMs,
    wasmBase,
    root,
  });

  const onRun = useCallback(() => void run(), [run]);
  const onReset = useCallback(() => {
    resetSource();
    if (session) restartSession(session);
  }, [resetSource, session]);
  const onCopy = useCallback(() => navigator.clipboard.writeText(source), [source]);
  // Start the compiler when the reader starts editing: the first edited run is then nearly instant.
  const onFocus = useCallback(() => void startCompiler(wasmBase).catch(() => undefined), [wasmBase]);

  return (
    <div
      ref={root}
      className={styles.cell}
      data-cell=""
      data-cell-id={id}
      data-cell-session={session}
      data-hydrated={hydrated ? '' : undefined}
    >
      <CellToolbar
        modified={modified}
        running={state === 'running'}
        session={session}
        onReset={onReset}
        onCopy={onCopy}
        onRun={onRun}
      />
      <CellEditor code={source} errorLine={errorLine} onChange={setSource} onRun={onRun} onFocus={onFocus} />
      <CellOutput state={state} items={items} notices={notices} />
    </div>
  );
}
