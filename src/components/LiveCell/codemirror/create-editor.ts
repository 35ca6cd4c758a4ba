/**
 * The cell editor: CodeMirror 6 with TypeScript highlighting, line numbers, bracket matching, history and
 * completion of the kubesim API. This module is loaded on demand, so CodeMirror is not in a page's first JavaScript.
 */
import { autocompletion, completeFromList, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { editorTheme } from './editor-theme';
import { errorLine, setErrorLine } from './error-line';
import { KUBESIM_COMPLETIONS } from './kubesim-completions';

export interface EditorOptions {
  parent: HTMLElement;
  code: string;
  dark: boolean;
  /** The accessible name of the editing area. */
  label: string;
  onChange(code: string): void;
  onRun(): void;
  onFocus(): void;
}

export interface EditorHandle {
  /** Replaces the text (Reset, or an edit restored from storage) unless it is already the same. */
  setCode(code: string): void;
  markErrorLine(line: number | undefined): void;
  setDark(dark: boolean): void;
  destroy(): void;
}

/**
 * The kubesim names as language data for every position. One constant source: the completion machinery tells
 * sources apart by identity, and a new one per call would discard its results.
 */
const KUBESIM_LANGUAGE_DATA = [{ autocomplete: completeFromList(KUBESIM_COMPLETIONS) }];

/** How long after Escape the Tab key moves focus instead of indenting: the way out of the editor by keyboard. */
const TAB_ESCAPE_MS = 2000;

export function createEditor(options: EditorOptions): EditorHandle {
  const theme = new Compartment();
  const runKeys = Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        run: () => {
          options.onRun();
          return true;
        },
      },
      {
        key: 'Escape',
        run: (view) => {
          view.setTabFocusMode(TAB_ESCAPE_MS);
          return false; // let Escape still close the completion list or collapse the selection
        },
      },
    ]),
  );
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.code,
      extensions: [
        runKeys,
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        javascript({ typescript: true }),
        EditorState.languageData.of(() => KUBESIM_LANGUAGE_DATA),
        autocompletion(),
        keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorState.tabSize.of(2),
        errorLine(),
        theme.of(editorTheme(options.dark)),
        EditorView.contentAttributes.of({ 'aria-label': options.label, spellcheck: 'false', autocapitalize: 'off' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
          if (update.focusChanged && update.view.hasFocus) options.onFocus();
        }),
      ],
    }),
  });

  return {
    setCode(code) {
      const current = view.state.doc.toString();
      if (current !== code) view.dispatch({ changes: { from: 0, to: current.length, insert: code } });
    },
    markErrorLine(line) {
      view.dispatch({ effects: setErrorLine.of(line) });
    },
    setDark(dark) {
      view.dispatch({ effects: theme.reconfigure(editorTheme(dark)) });
    },
    destroy() {
      view.destroy();
    },
  };
}
