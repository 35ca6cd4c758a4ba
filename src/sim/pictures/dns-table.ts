import { el, num, pictureId, svgRoot, text } from './svg';

/** One DNS record as the cluster DNS serves it. */
export interface DnsRecord {
  name: string;
  type: string;
  /** The answer: an address, a target name, or SRV data. */
  value?: string;
  data?: string;
  ttl?: number;
}

const COLUMN_NAMES = ['NAME', 'TYPE', 'TTL', 'VALUE'];
const ROW_HEIGHT = 20;
const CHAR_WIDTH = 7;

/** DNS records as a table (sorted by name, then type, then value). Returns an SVG string. */
export function dnsTable(records: readonly DnsRecord[]): string {
  const rows = records
    .map((r) => [r.name, r.type, r.ttl === undefined ? '' : String(r.ttl), r.value ?? r.data ?? ''])
    .sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]) || cmp(a[3], b[3]));
  const widths = COLUMN_NAMES.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)) * CHAR_WIDTH + 16);
  const width = 16 + widths.reduce((a, b) => a + b, 0);
  const height = (rows.length + 1) * ROW_HEIGHT + 12;
  const xs = widths.map((_, i) => 8 + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const cells = (cellsOf: string[], y: number, attrs: Record<string, string | number>) =>
    cellsOf.map((c, i) => text(xs[i] + 6, y, c, attrs)).join('');
  let body = el(
    'g',
    { class: 'header', role: 'row' },
    cells(COLUMN_NAMES, 20, { 'font-weight': 'bold', role: 'columnheader' }),
  );
  body += el('line', {
    x1: 8,
    y1: 26,
    x2: num(width - 8),
    y2: 26,
    stroke: 'currentColor',
    'stroke-opacity': 0.5,
  });
  rows.forEach((row, i) => {
    const y = 20 + (i + 1) * ROW_HEIGHT;
    body += el(
      'g',
      { class: 'record', role: 'row' },
      (i % 2 === 1
        ? el('rect', {
            x: 8,
            y: y - 14,
            width: num(width - 16),
            height: ROW_HEIGHT,
            style: 'fill: currentColor; fill-opacity: 0.06',
          })
        : '') + cells(row, y, { 'font-family': 'var(--ifm-font-family-monospace, monospace)', role: 'cell' }),
    );
  });
  const title = 'DNS records';
  const description =
    rows.length === 0 ? 'No DNS records.' : rows.map((r) => `${r[0]} ${r[1]} ${r[3]}`.trim()).join('; ');
  return svgRoot(pictureId('dns', description), width, height, title, description, el('g', { role: 'table' }, body));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
