/**
 * `display()`: rich output for cells, a global the cell worker defines. It does not depend on kubesim; a
 * timeline only needs an object with a `history` like `Cluster`'s.
 *
 * ```ts
 * display("plain text");
 * display.table([{ name: "web-0", ready: true }]);
 * display.timeline(cluster);
 * ```
 */

/** One moment of a timeline: virtual milliseconds and what `kubectl get pods` printed then. */
export interface TimelineFrame {
  time: number;
  pods: string;
}

/** What the worker posts for each `display…` call; markup is still untrusted and sanitized by the page. */
export type RichOutput =
  | { kind: 'text'; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][] }
  | { kind: 'html'; html: string }
  | { kind: 'svg'; svg: string }
  | { kind: 'timeline'; frames: TimelineFrame[] };

/** The history entries a timeline reads (Cluster['history'] has this shape). */
export interface TimelineSource {
  history: ReadonlyArray<{
    time: number;
    type: 'ADDED' | 'MODIFIED' | 'DELETED';
    kind: string;
    namespace: string;
    name: string;
    object: unknown;
  }>;
}

export interface Display {
  /** Shows text in a monospace block. */
  (text: unknown): void;
  /** Shows objects as a table, one row each; the columns are all their keys. */
  table(rows: object[]): void;
  /** Shows HTML; scripts, event handlers and other active content are removed. */
  html(html: string): void;
  /** Shows an SVG drawing, sanitized like `html`. */
  svg(svg: string): void;
  /** Shows a slider over the cluster's history: the pods as `kubectl get pods` printed them at each change. */
  timeline(cluster: TimelineSource): void;
}

declare global {
  /** Rich output for live cells (text, tables, HTML, SVG, timelines). */
  var display: Display;
}
