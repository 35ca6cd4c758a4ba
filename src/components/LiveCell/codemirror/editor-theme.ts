/**
 * The editor's look in Docusaurus' light and dark modes: colours come from the site's CSS variables where they
 * can, and token colours from two highlight styles with enough contrast on each background.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { tags as t } from '@lezer/highlight';

const base = {
  '&': { fontSize: 'var(--ifm-code-font-size)', backgroundColor: 'var(--cell-code-background)' },
  '.cm-scroller': { fontFamily: 'var(--ifm-font-family-monospace)', lineHeight: '1.5' },
  '.cm-content': { padding: '0.6rem 0' },
  '.cm-gutters': {
    backgroundColor: 'var(--cell-code-background)',
    color: 'var(--ifm-color-emphasis-500)',
    border: 'none',
  },
  '.cm-cell-error-line': { backgroundColor: 'var(--cell-error-line-background)' },
  '&.cm-focused': { outline: '2px solid var(--ifm-color-primary)', outlineOffset: '-2px' },
};

const lightHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.modifier, t.controlKeyword, t.operatorKeyword], color: '#a0007a' },
  { tag: [t.string, t.special(t.string), t.regexp], color: '#0a6b0a' },
  { tag: [t.number, t.bool, t.null], color: '#0550ae' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: '#5c6670', fontStyle: 'italic' },
  { tag: [t.typeName, t.className, t.namespace], color: '#8a4600' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: '#5a32a3' },
  { tag: t.definition(t.variableName), color: '#1a1a8c' },
]);

const darkHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.modifier, t.controlKeyword, t.operatorKeyword], color: '#ff92d0' },
  { tag: [t.string, t.special(t.string), t.regexp], color: '#a6e3a1' },
  { tag: [t.number, t.bool, t.null], color: '#8cc8ff' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: '#9aa5b1', fontStyle: 'italic' },
  { tag: [t.typeName, t.className, t.namespace], color: '#ffcb6b' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: '#c3a6ff' },
  { tag: t.definition(t.variableName), color: '#9cdcfe' },
]);

export function editorTheme(dark: boolean): Extension {
  return [EditorView.theme(base, { dark }), syntaxHighlighting(dark ? darkHighlight : lightHighlight)];
}
