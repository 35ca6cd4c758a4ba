import React from 'react';
import Mermaid from '@theme-original/Mermaid';
import type MermaidType from '@theme/Mermaid';
import type { WrapperProps } from '@docusaurus/types';
import styles from './styles.module.css';

type Props = WrapperProps<typeof MermaidType>;

/** A `%% height: 320` line in a diagram reserves that many pixels before Mermaid has drawn it. */
export function reservedHeight(value: string): number | undefined {
  const match = /^\s*%%\s*height:\s*(\d+)\s*$/m.exec(value);
  return match ? Number(match[1]) : undefined;
}

/**
 * Mermaid draws in the browser after the page has loaded; without reserved room the text below jumps down when the
 * diagram appears. On wide screens, where the diagram is drawn at its natural size, the wrapper holds its height
 * from the first paint.
 */
export default function MermaidWithReservedHeight(props: Props): React.JSX.Element {
  const height = reservedHeight(props.value);
  return (
    <div
      className={styles.reserve}
      style={height ? ({ '--mermaid-height': `${height}px` } as React.CSSProperties) : undefined}
    >
      <Mermaid {...props} />
    </div>
  );
}
