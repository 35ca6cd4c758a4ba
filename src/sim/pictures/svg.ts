/** Small helpers for writing SVG as text: escaping, attributes, colours that follow the page's theme. */

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An element with attributes (undefined ones left out) and optional children or text. */
export function el(name: string, attrs: Record<string, string | number | undefined>, children?: string): string {
  let out = `<${name}`;
  for (const key of Object.keys(attrs)) {
    const value = attrs[key];
    if (value !== undefined) out += ` ${key}="${escapeXml(String(value))}"`;
  }
  return children === undefined ? `${out}/>` : `${out}>${children}</${name}>`;
}

export function text(
  x: number,
  y: number,
  content: string,
  attrs: Record<string, string | number | undefined> = {},
): string {
  return el('text', { x: num(x), y: num(y), fill: 'currentColor', ...attrs }, escapeXml(content));
}

/** A number with at most one decimal, so the output is stable and short. */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * Revision colours: mid-tone hues readable on light and dark backgrounds, each overridable through a CSS variable
 * (--kubesim-rev-0 …).
 */
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#9c755f'];

export function revisionColor(i: number): string {
  return `var(--kubesim-rev-${i % PALETTE.length}, ${PALETTE[i % PALETTE.length]})`;
}

/** The root <svg> with role="img", a <title> and a <desc>, as screen readers expect. */
export function svgRoot(
  id: string,
  width: number,
  height: number,
  title: string,
  description: string,
  body: string,
): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: num(width),
      height: num(height),
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      'font-family': 'var(--ifm-font-family-base, system-ui, sans-serif)',
      'font-size': 12,
      style: 'color: var(--kubesim-fg, currentColor)',
    },
    el('title', { id: `${id}-title` }, escapeXml(title)) +
      el('desc', { id: `${id}-desc` }, escapeXml(description)) +
      body,
  );
}

/** A short, stable id for one picture, derived from its content (no global counters: output is deterministic). */
export function pictureId(prefix: string, content: string): string {
  let h = 2166136261;
  for (let i = 0; i < content.length; i++) h = Math.imul(h ^ content.charCodeAt(i), 16777619) >>> 0;
  return `${prefix}-${h.toString(36)}`;
}
