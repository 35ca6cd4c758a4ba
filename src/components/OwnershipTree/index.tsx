import React from 'react';
import styles from './styles.module.css';

interface OwnershipTreeProps {
  /** What the picture shows, for screen readers. */
  title: string;
  /** Two lines each: the object, then a note. */
  deployment: [string, string];
  currentReplicaSet: [string, string];
  oldReplicaSet: [string, string];
  pods: [string, string, string];
  edgeLabel: string;
}

const BOX_HEIGHT = 56;

function Box({ x, y, width, lines }: { x: number; y: number; width: number; lines: string[] }): React.JSX.Element {
  return (
    <g>
      <rect className={styles.box} x={x} y={y} width={width} height={BOX_HEIGHT} rx={6} />
      {lines.map((line, i) => (
        <text
          key={i}
          className={i === 0 ? styles.name : styles.note}
          x={x + width / 2}
          y={y + (lines.length === 1 ? BOX_HEIGHT / 2 + 5 : 23 + i * 20)}
          textAnchor="middle"
        >
          {line}
        </text>
      ))}
    </g>
  );
}

function Arrow({ from, to, label }: { from: [number, number]; to: [number, number]; label?: string }) {
  const [x1, y1] = from;
  const [x2, y2] = to;
  return (
    <g>
      <line className={styles.edge} x1={x1} y1={y1} x2={x2} y2={y2} markerEnd="url(#ownership-arrow)" />
      {label && (
        <text className={styles.edgeLabel} x={(x1 + x2) / 2} y={(y1 + y2) / 2 + 4} textAnchor="middle">
          {label}
        </text>
      )}
    </g>
  );
}

/**
 * Pods → ReplicaSets → Deployment ownership as a static picture: drawn on the server, so it costs the page no script and
 * never shifts the text around it.
 */
export default function OwnershipTree(props: OwnershipTreeProps): React.JSX.Element {
  const { title, deployment, currentReplicaSet, oldReplicaSet, pods, edgeLabel } = props;
  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} viewBox="0 0 760 320" role="img" aria-label={title}>
        <title>{title}</title>
        <defs>
          <marker
            id="ownership-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path className={styles.arrowHead} d="M0,0 L10,5 L0,10 z" />
          </marker>
        </defs>
        <Box x={220} y={8} width={320} lines={deployment} />
        <Box x={10} y={130} width={360} lines={currentReplicaSet} />
        <Box x={390} y={130} width={360} lines={oldReplicaSet} />
        {pods.map((pod, i) => (
          <Box key={pod} x={10 + i * 250} y={256} width={240} lines={[pod]} />
        ))}
        {/* Each arrow is an ownerReference: it points from the owned object to its owner. */}
        <Arrow from={[190, 130]} to={[330, 66]} label={edgeLabel} />
        <Arrow from={[570, 130]} to={[430, 66]} label={edgeLabel} />
        {pods.map((pod, i) => (
          <Arrow key={pod} from={[130 + i * 250, 256]} to={[190, 188]} label={i === 0 ? edgeLabel : undefined} />
        ))}
      </svg>
    </figure>
  );
}
