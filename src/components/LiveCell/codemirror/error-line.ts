/** Marks the line a compile or runtime error points at, until the reader edits the code or runs it again. */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

export const setErrorLine = StateEffect.define<number | undefined>();

const errorLineMark = Decoration.line({ class: 'cm-cell-error-line', attributes: { 'data-cell-error-line': '' } });

const errorLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = tr.docChanged ? Decoration.none : marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setErrorLine)) continue;
      const line = effect.value;
      next =
        line !== undefined && line >= 1 && line <= tr.state.doc.lines
          ? Decoration.set([errorLineMark.range(tr.state.doc.line(line).from)])
          : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export function errorLine(): Extension {
  return errorLineField;
}
