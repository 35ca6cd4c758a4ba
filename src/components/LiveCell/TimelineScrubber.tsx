import React, { useId, useState } from 'react';
import { translate } from '@docusaurus/Translate';
import type { TimelineFrame } from '@site/src/cells/display-api';
import styles from './styles.module.css';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** `display.timeline(cluster)`: a slider over virtual time showing the pods as they were at each moment. */
export default function TimelineScrubber({ frames }: { frames: TimelineFrame[] }): React.JSX.Element {
  const [index, setIndex] = useState(frames.length - 1);
  const id = useId();
  const frame = frames[Math.min(index, frames.length - 1)];
  const time = translate(
    { id: 'cell.timeline.time', message: '虚拟时间 {time}（第 {index}/{count} 个变化）' },
    { time: seconds(frame.time), index: String(index + 1), count: String(frames.length) },
  );
  return (
    <div className={styles.timeline} data-cell-timeline="">
      <label htmlFor={id} className={styles.timelineLabel}>
        {translate({ id: 'cell.timeline.label', message: '拖动查看集群在任一虚拟时刻的状态' })}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={frames.length - 1}
        step={1}
        value={index}
        aria-valuetext={time}
        onChange={(event) => setIndex(Number(event.target.value))}
      />
      <div className={styles.timelineTime} data-cell-timeline-time={frame.time}>
        {time}
      </div>
      <pre className={styles.timelinePods}>{frame.pods}</pre>
    </div>
  );
}
