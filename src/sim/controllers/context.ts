import type { ObjectStore } from '../api/store';
import type { VirtualClock } from '../clock';
import type { SeededRandom } from '../random';
import type { EventRecorder } from '../events';

/** What every control loop is handed: the apiserver, the clock, randomness and an event recorder. */
export interface ControllerContext {
  store: ObjectStore;
  clock: VirtualClock;
  random: SeededRandom;
  recorder: EventRecorder;
}
