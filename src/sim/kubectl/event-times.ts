import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import { age } from './duration';

/**
 * When an Event was first seen: its firstTimestamp, or the eventTime of one written through events.k8s.io (which
 * leaves the core/v1 timestamps null).
 */
export function firstSeen(e: CoreEvent): string | undefined {
  return e.firstTimestamp || e.eventTime;
}

/** SortableEvents' eventTime(): the series' last observation, else lastTimestamp, else eventTime (ms, 0 if none). */
export function lastSeenMs(e: CoreEvent): number {
  const at = e.series?.lastObservedTime || e.lastTimestamp || e.eventTime || e.firstTimestamp;
  return at ? Date.parse(at) : 0;
}

/** printEvent's COUNT: the series' count, else count, which a singleton events.k8s.io Event leaves at 0 (1). */
export function eventCount(e: CoreEvent): number {
  return e.series ? (e.series.count ?? 0) : e.count || 1;
}

/** printEvent's LAST SEEN: the series' last observation, else lastTimestamp, else when first seen. */
export function lastSeenAge(e: CoreEvent, nowMs: number): string {
  if (e.series) return age(e.series.lastObservedTime, nowMs);
  return age(e.lastTimestamp || firstSeen(e), nowMs);
}

/**
 * The interval describe and kubectl events print: the age when first seen, or "LAST (xN over FIRST)" for a series
 * or an Event counted more than once.
 */
export function eventInterval(e: CoreEvent, nowMs: number): string {
  const first = age(e.eventTime || e.firstTimestamp, nowMs);
  if (e.series) return `${age(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${age(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
  return first;
}
