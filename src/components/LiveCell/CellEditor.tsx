import React, { useEffect, useRef, useState } from 'react';
import { translate } from '@docusaurus/Translate';
import { useColorMode } from '@docusaurus/theme-common';
import type { EditorHandle } from './codemirror/create-editor';
import styles from './styles.module.css';

interface CellEditorProps {
  code: string;
  /** The cell.ts line to mark, from the last error; undefined for none. */
  errorLine?: number;
  onChange(code: string): void;
  onRun(): void;
  onFocus(): void;
}

let editorTurns: Promise<void> = Promise.resolve();

/**
 * Resolves in a task of its own, after the editors created before it: a page with many cells creates one editor per
 * task instead of all of them in one long task that would hold up input.
 */
function nextEditorTurn(): Promise<void> {
  const turn = editorTurns.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  editorTurns = turn;
  return turn;
}

/**
 * The cell's code. The static HTML carries it as a plain <pre><code>, readable before (and without) JavaScript;
 * once the page runs, CodeMirror is loaded and takes its place.
 */
export default function CellEditor({ code, errorLine, onChange, onRun, onFocus }: CellEditorProps): React.JSX.Element {
  const wrapper = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const staticCode = useRef<HTMLPreElement>(null);
  const editor = useRef<EditorHandle | null>(null);
  const [ready, setReady] = useState(false);
  const { colorMode } = useColorMode();
  const dark = colorMode === 'dark';
  // The editor is created once; these refs hand it the latest props without recreating it.
  const latest = useRef({ code, dark, onChange, onRun, onFocus });
  latest.current = { code, dark, onChange, onRun, onFocus };
  const label = translate({ id: 'cell.editorLabel', message: 'TypeScript 代码，可编辑' });

  useEffect(() => {
    let cancelled = false;
    void import('./codemirror/create-editor').then(async ({ createEditor }) => {
      await nextEditorTurn();
      if (cancelled || !host.current) return;
      // The editor takes the static code's place in one step, at its height, so nothing below it moves.
      const box = wrapper.current;
      if (box) box.style.minHeight = `${box.offsetHeight}px`;
      editor.current = createEditor({
        parent: host.current,
        code: latest.current.code,
        dark: latest.current.dark,
        label,
        onChange: (next) => latest.current.onChange(next),
        onRun: () => latest.current.onRun(),
        onFocus: () => latest.current.onFocus(),
      });
      if (staticCode.current) staticCode.current.hidden = true; // React removes it on the next render
      setReady(true);
      requestAnimationFrame(() => requestAnimationFrame(() => box?.style.removeProperty('min-height')));
    });
    return () => {
      cancelled = true;
      editor.current?.destroy();
      editor.current = null;
    };
  }, [label]);

  useEffect(() => editor.current?.setCode(code), [code, ready]);
  useEffect(() => editor.current?.setDark(dark), [dark, ready]);
  useEffect(() => editor.current?.markErrorLine(errorLine), [errorLine, ready]);

  return (
    <div ref={wrapper} className={styles.editor} data-cell-editor={ready ? 'codemirror' : 'static'}>
      {!ready && (
        <pre ref={staticCode} className={styles.staticCode}>
          <code>{code}</code>
        </pre>
      )}
      <div ref={host} />
    </div>
  );
}
