import type { Event as CoreEvent, EventSeries } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { ObjectStore } from '../api/store';
import type { VirtualClock } from '../clock';

/** finishTime: a series unobserved this long is over (its final count is written), and a singleton forgotten. */
const FINISH_MS = 6 * 60_000;
/** refreshTime: how often every ongoing series is written again, which also renews its Event's time to live. */
const REFRESH_MS = 30 * 60_000;

/**
 * An entry of eventBroadcasterImpl's eventCache: the Event as first written (`written`, the object the store
 * holds), and the series it has become once an isomorphic event followed.
 */
interface IsomorphicEvent {
  readonly written: Stored<CoreEvent>;
  readonly eventTimeMs: number;
  series: { count: number; lastObservedMs: number } | undefined;
}

/**
 * The events.k8s.io broadcaster of client-go's tools/events (eventBroadcasterImpl) for one reporting controller, as
 * the scheduler records through it: an event isomorphic to a cached one (same type, action, reason and regarding
 * object, its resourceVersion included: getKey has no note) is not written again but counted into a series; the
 * second occurrence writes the series (count 2), later ones only count until the series is refreshed (every 30
 * minutes) or ends (6 minutes unobserved, checked every 6 minutes), when its count is written.
 */
export class EventSeriesCache {
  private readonly cache = new Map<string, IsomorphicEvent>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    label: string,
  ) {
    // wait.UntilWithContext runs each loop at once and then every period, from the start of the component.
    this.every(FINISH_MS, `${label}: finishSeries`, () => this.finishSeries());
    this.every(REFRESH_MS, `${label}: refreshExistingEventSeries`, () => this.refreshExistingEventSeries());
  }

  /**
   * recordToSink: `key` identifies the event up to its note; `create` writes a new Event (and returns it as
   * stored) when nothing isomorphic is cached.
   */
  record(key: string, create: () => Stored<CoreEvent> | undefined): void {
    const now = this.clock.now();
    const isomorphic = this.cache.get(key);
    if (!isomorphic) {
      const written = create();
      if (written) this.cache.set(key, { written, eventTimeMs: now, series: undefined });
      return;
    }
    if (isomorphic.series) {
      isomorphic.series.count += 1;
      isomorphic.series.lastObservedMs = now;
      return;
    }
    isomorphic.series = { count: 2, lastObservedMs: now };
    this.writeSeries(isomorphic);
  }

  private finishSeries(): void {
    const horizon = this.clock.now() - FINISH_MS;
    for (const [key, event] of this.cache) {
      if (event.series) {
        if (event.series.lastObservedMs < horizon) {
          this.writeSeries(event);
          this.cache.delete(key);
        }
      } else if (event.eventTimeMs < horizon) {
        this.cache.delete(key);
      }
    }
  }

  private refreshExistingEventSeries(): void {
    for (const event of this.cache.values()) if (event.series) this.writeSeries(event);
  }

  /** recordEvent of an Event with a series: a patch of the series, or, when the Event is gone, a new one. */
  private writeSeries(event: IsomorphicEvent): void {
    const { count, lastObservedMs } = event.series as { count: number; lastObservedMs: number };
    const series: EventSeries = { count, lastObservedTime: this.clock.microTimestamp(lastObservedMs) };
    const { namespace, name } = event.written.metadata;
    const stored = this.store.get<CoreEvent>('Event', namespace ?? 'default', name);
    if (stored) {
      this.store.updateOwned({ ...stored, series });
      return;
    }
    // The Event expired: created again under its name, as cached, with the series.
    const { metadata: _metadata, ...fields } = event.written;
    this.store.createOwned<CoreEvent>({
      ...fields,
      metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
      series,
    });
  }

  private every(periodMs: number, label: string, run: () => void): void {
    const tick = (): void => {
      run();
      this.clock.after(periodMs, label, tick);
    };
    tick();
  }
}
