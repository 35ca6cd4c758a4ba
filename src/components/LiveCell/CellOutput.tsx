import React from 'react';
import type { RichOutput } from '@site/src/cells/display-api';
import type { OutputStream } from '@site/src/cells/protocol';
import OutputTable from './OutputTable';
import SanitizedMarkup from './SanitizedMarkup';
import TimelineScrubber from './TimelineScrubber';
import styles from './styles.module.css';

export type CellState = 'idle' | 'running' | 'done' | 'error' | 'timeout';

/** A run of console text from one stream (consecutive lines share one block), or one rich output. */
export type OutputItem = { kind: 'stream'; stream: OutputStream; text: string } | RichOutput;

function OutputBlock({ item }: { item: OutputItem }): React.JSX.Element {
  switch (item.kind) {
    case 'stream':
      return (
        <pre className={item.stream === 'error' || item.stream === 'warn' ? styles.stderr : styles.stdout}>
          {item.text}
        </pre>
      );
    case 'text':
      return <pre className={styles.stdout}>{item.text}</pre>;
    case 'table':
      return <OutputTable columns={item.columns} rows={item.rows} />;
    case 'html':
      return <SanitizedMarkup markup={item.html} kind="html" />;
    case 'svg':
      return <SanitizedMarkup markup={item.svg} kind="svg" />;
    case 'timeline':
      return <TimelineScrubber frames={item.frames} />;
  }
}

/** What a run printed and displayed, then any notice (error, timeout, truncation). */
export default function CellOutput({
  state,
  items,
  notices,
}: {
  state: CellState;
  items: OutputItem[];
  notices: string[];
}): React.JSX.Element {
  return (
    <div className={styles.output} data-cell-output="" data-state={state} aria-live="polite" hidden={state === 'idle'}>
      {items.map((item, i) => (
        <OutputBlock key={i} item={item} />
      ))}
      {notices.map((notice, i) => (
        <p key={i} className={styles.notice} data-cell-notice="">
          {notice}
        </p>
      ))}
    </div>
  );
}
